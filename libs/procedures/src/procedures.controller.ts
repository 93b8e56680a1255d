import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query, Req } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiProperty,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import type { FastifyRequest } from 'fastify';
import {
  Access,
  ApiPageResponse,
  CurrentUser,
  IdParamDto,
  Page,
  Principal,
  readUpload,
  UnitIdParamDto,
} from '@app/common';
import {
  AbolishProcedureDto,
  ImportResultDto,
  ListProceduresQueryDto,
  ProcedureContentDto,
  ProcedureResponse,
  ProcedureRevisionResponse,
  UpdateProcedureDto,
} from './procedure.dto';
import { ProceduresService } from './procedures.service';

/** Import files: a province's whole catalogue in XLSX is a few MB. */
export const IMPORT_MAX_BYTES = 10 * 1024 * 1024;

class ImportQueryDto {
  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'true: chỉ xem trước, không ghi gì' })
  @IsOptional()
  @IsIn(['true', 'false'])
  dryRun?: 'true' | 'false';
}

class PublishAllResponse {
  @ApiProperty({ description: 'Số thủ tục vừa được đăng' })
  published!: number;
}

@ApiTags('Thủ tục hành chính')
@ApiBearerAuth()
@Controller('units/:unitId/procedures')
export class UnitProceduresController {
  constructor(private readonly procedures: ProceduresService) {}

  @Get()
  @Access('authenticated')
  @ApiPageResponse(ProcedureResponse)
  list(
    @CurrentUser() user: Principal,
    @Param() params: UnitIdParamDto,
    @Query() query: ListProceduresQueryDto,
  ): Promise<Page<ProcedureResponse>> {
    return this.procedures.list(user, params.unitId, query);
  }

  @Post()
  @Access('editor', 'admin')
  @ApiCreatedResponse({ type: ProcedureResponse })
  create(
    @CurrentUser() user: Principal,
    @Param() params: UnitIdParamDto,
    @Body() dto: ProcedureContentDto,
  ): Promise<ProcedureResponse> {
    return this.procedures.create(user, params.unitId, dto);
  }

  /** CSV, XLSX or the national database's JSON (field `file`, ≤ 10 MB); `?dryRun=true` writes nothing. */
  @Post('import')
  @HttpCode(200)
  @Access('editor', 'admin')
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file'],
      properties: { file: { type: 'string', format: 'binary' } },
    },
  })
  @ApiOkResponse({ type: ImportResultDto })
  async import(
    @CurrentUser() user: Principal,
    @Param() params: UnitIdParamDto,
    @Query() query: ImportQueryDto,
    @Req() request: FastifyRequest,
  ): Promise<ImportResultDto> {
    await this.procedures.assertMayImport(user, params.unitId);
    const upload = await readUpload(request, { maxBytes: IMPORT_MAX_BYTES });
    return this.procedures.import(user, params.unitId, upload, query.dryRun === 'true');
  }

  @Post('publish-all')
  @HttpCode(200)
  @Access('approver', 'admin')
  @ApiOkResponse({ type: PublishAllResponse })
  publishAll(@CurrentUser() user: Principal, @Param() params: UnitIdParamDto): Promise<PublishAllResponse> {
    return this.procedures.publishAll(user, params.unitId);
  }
}

@ApiTags('Thủ tục hành chính')
@ApiBearerAuth()
@Controller('procedures')
export class ProceduresController {
  constructor(private readonly procedures: ProceduresService) {}

  @Get(':id')
  @Access('authenticated')
  @ApiOkResponse({ type: ProcedureResponse })
  get(@CurrentUser() user: Principal, @Param() params: IdParamDto): Promise<ProcedureResponse> {
    return this.procedures.get(user, params.id);
  }

  @Get(':id/revisions')
  @Access('authenticated')
  @ApiOkResponse({ type: [ProcedureRevisionResponse] })
  revisions(
    @CurrentUser() user: Principal,
    @Param() params: IdParamDto,
  ): Promise<ProcedureRevisionResponse[]> {
    return this.procedures.revisions(user, params.id);
  }

  @Patch(':id')
  @Access('editor', 'admin')
  @ApiOkResponse({ type: ProcedureResponse })
  update(
    @CurrentUser() user: Principal,
    @Param() params: IdParamDto,
    @Body() dto: UpdateProcedureDto,
  ): Promise<ProcedureResponse> {
    return this.procedures.update(user, params.id, dto);
  }

  @Post(':id/publish')
  @HttpCode(200)
  @Access('approver', 'admin')
  @ApiOkResponse({ type: ProcedureResponse })
  publish(@CurrentUser() user: Principal, @Param() params: IdParamDto): Promise<ProcedureResponse> {
    return this.procedures.publish(user, params.id);
  }

  @Post(':id/abolish')
  @HttpCode(200)
  @Access('approver', 'admin')
  @ApiOkResponse({ type: ProcedureResponse })
  abolish(
    @CurrentUser() user: Principal,
    @Param() params: IdParamDto,
    @Body() dto: AbolishProcedureDto,
  ): Promise<ProcedureResponse> {
    return this.procedures.abolish(user, params.id, dto.reason);
  }
}
