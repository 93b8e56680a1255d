import { Controller, Param, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiCreatedResponse, ApiProperty, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { Access, CurrentUser, Principal, readUpload, UnitIdParamDto } from '@app/common';
import { IMAGE_MAX_BYTES, ImageResponse, ImagesService } from './images.service';

class ImageResponseDto implements ImageResponse {
  @ApiProperty({ example: '/media/images/3f5a….jpg', description: 'Địa chỉ ảnh, dùng trong nội dung bài' })
  url!: string;
  @ApiProperty({ example: 'image/jpeg' })
  contentType!: string;
  @ApiProperty()
  width!: number;
  @ApiProperty()
  height!: number;
  @ApiProperty({ description: 'Kích thước tệp (byte)' })
  bytes!: number;
}

@ApiTags('Ảnh')
@ApiBearerAuth()
@Controller('units/:unitId/images')
export class ImagesController {
  constructor(private readonly images: ImagesService) {}

  /** An image for an article body: JPEG, PNG, GIF or WebP up to 10 MB, checked by its content. */
  @Post()
  @Access('authenticated')
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } },
  })
  @ApiCreatedResponse({ type: ImageResponseDto })
  async upload(
    @CurrentUser() user: Principal,
    @Param() params: UnitIdParamDto,
    @Req() request: FastifyRequest,
  ): Promise<ImageResponseDto> {
    // Who may upload is settled before a byte of the file is read.
    await this.images.assertMayUpload(user, params.unitId);
    return this.images.store(await readUpload(request, { maxBytes: IMAGE_MAX_BYTES }));
  }
}
