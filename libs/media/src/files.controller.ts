import { Controller, Param, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiCreatedResponse, ApiProperty, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { Access, CurrentUser, Principal, readUpload, UnitIdParamDto } from '@app/common';
import { FILE_MAX_BYTES, FileResponse, FilesService } from './files.service';
import type { DocumentKind } from './office-files';

class FileResponseDto implements FileResponse {
  @ApiProperty({ example: '/media/files/3f5a….pdf', description: 'Địa chỉ tệp' })
  url!: string;
  @ApiProperty({ example: 'Kế hoạch CCHC năm 2026.pdf', description: 'Tên tệp hiển thị và khi tải về' })
  name!: string;
  @ApiProperty({ enum: ['pdf', 'doc', 'docx', 'xls', 'xlsx'] })
  kind!: DocumentKind;
  @ApiProperty({ example: 'application/pdf' })
  contentType!: string;
  @ApiProperty({ description: 'Kích thước tệp (byte)' })
  bytes!: number;
}

@ApiTags('Tệp đính kèm')
@ApiBearerAuth()
@Controller('units/:unitId/files')
export class FilesController {
  constructor(private readonly files: FilesService) {}

  /** A document to attach (PDF, DOC, DOCX, XLS, XLSX up to 20 MB), checked by its content; macros refused. */
  @Post()
  @Access('authenticated')
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } },
  })
  @ApiCreatedResponse({ type: FileResponseDto })
  async upload(
    @CurrentUser() user: Principal,
    @Param() params: UnitIdParamDto,
    @Req() request: FastifyRequest,
  ): Promise<FileResponseDto> {
    await this.files.assertMayUpload(user, params.unitId);
    return this.files.store(await readUpload(request, { maxBytes: FILE_MAX_BYTES }));
  }
}
