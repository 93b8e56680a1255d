import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  Patch,
  Post,
  Query,
  Req,
  StreamableFile,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiAcceptedResponse,
  ApiOkResponse,
  ApiProduces,
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
  download,
  FILE_TYPES,
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
  ProcedureFiltersDto,
  ProcedureImportResponse,
  ProcedureResponse,
  ProcedureRevisionResponse,
  UpdateProcedureDto,
} from './procedure.dto';
import { IMPORT_MAX_BYTES } from './import/limits';
import { ProcedureImportsService } from './procedure-imports.service';
import { ProcedureLifecycleService } from './procedure-lifecycle.service';
import { PROCEDURE_EDITORS, PROCEDURE_PUBLISHERS } from './procedure-rules';
import { ProcedureSheetsService, type SheetFile } from './procedure-sheets.service';
import { ProceduresService } from './procedures.service';

class ImportQueryDto {
  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'true: chỉ xem trước, không ghi gì' })
  @IsOptional()
  @IsIn(['true', 'false'])
  dryRun?: 'true' | 'false';
}

const XLSX_TYPE = FILE_TYPES.xlsx;
const CSV_TYPE = FILE_TYPES.csv;

function sheetDownload({ bytes, fileName, format }: SheetFile): StreamableFile {
  return download(bytes, fileName, format === 'csv' ? 'csv' : 'xlsx');
}

const UPLOAD_BODY = {
  schema: {
    type: 'object',
    required: ['file'],
    properties: { file: { type: 'string', format: 'binary' } },
  },
};

class PublishAllResponse {
  @ApiProperty({ description: 'Số thủ tục vừa được đăng' })
  published!: number;
}

@ApiTags('Thủ tục hành chính')
@ApiBearerAuth()
@Controller('units/:unitId/procedures')
export class UnitProceduresController {
  constructor(
    private readonly procedures: ProceduresService,
    private readonly lifecycle: ProcedureLifecycleService,
    private readonly imports: ProcedureImportsService,
    private readonly sheets: ProcedureSheetsService,
  ) {}

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
  @Access(...PROCEDURE_EDITORS)
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
  @Access(...PROCEDURE_EDITORS)
  @ApiConsumes('multipart/form-data')
  @ApiBody(UPLOAD_BODY)
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

  /**
   * The same import as a job (the admin app's wizard; large files): the file is checked at once (4xx for
   * a file that cannot be read), then imported by the worker; poll GET /procedure-imports/:id.
   */
  @Post('import-jobs')
  @HttpCode(202)
  @Access(...PROCEDURE_EDITORS)
  @ApiConsumes('multipart/form-data')
  @ApiBody(UPLOAD_BODY)
  @ApiAcceptedResponse({ type: ProcedureImportResponse })
  async importJob(
    @CurrentUser() user: Principal,
    @Param() params: UnitIdParamDto,
    @Query() query: ImportQueryDto,
    @Req() request: FastifyRequest,
  ): Promise<ProcedureImportResponse> {
    await this.imports.assertMayImport(user, params.unitId);
    const upload = await readUpload(request, { maxBytes: IMPORT_MAX_BYTES });
    return this.imports.start(user, params.unitId, upload, query.dryRun === 'true');
  }

  /** The catalogue (the list's filters apply) in the template's columns: XLSX. */
  @Get('export.xlsx')
  @Access('authenticated')
  @ApiProduces(XLSX_TYPE)
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' } })
  async exportXlsx(
    @CurrentUser() user: Principal,
    @Param() params: UnitIdParamDto,
    @Query() query: ProcedureFiltersDto,
  ): Promise<StreamableFile> {
    return sheetDownload(await this.sheets.export(user, params.unitId, query, 'xlsx'));
  }

  /** The same as CSV (UTF-8 with BOM, for Excel). */
  @Get('export.csv')
  @Access('authenticated')
  @ApiProduces(CSV_TYPE)
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' } })
  async exportCsv(
    @CurrentUser() user: Principal,
    @Param() params: UnitIdParamDto,
    @Query() query: ProcedureFiltersDto,
  ): Promise<StreamableFile> {
    return sheetDownload(await this.sheets.export(user, params.unitId, query, 'csv'));
  }

  @Post('publish-all')
  @HttpCode(200)
  @Access(...PROCEDURE_PUBLISHERS)
  @ApiOkResponse({ type: PublishAllResponse })
  publishAll(@CurrentUser() user: Principal, @Param() params: UnitIdParamDto): Promise<PublishAllResponse> {
    return this.lifecycle.publishAll(user, params.unitId);
  }
}

@ApiTags('Thủ tục hành chính')
@ApiBearerAuth()
@Controller('procedures')
export class ProceduresController {
  constructor(
    private readonly procedures: ProceduresService,
    private readonly lifecycle: ProcedureLifecycleService,
    private readonly sheets: ProcedureSheetsService,
  ) {}

  /** The import template: the columns, two example procedures (one with cases) and a guide sheet. */
  @Get('import-template.xlsx')
  @Access('authenticated')
  @ApiProduces(XLSX_TYPE)
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' } })
  async templateXlsx(): Promise<StreamableFile> {
    return sheetDownload(await this.sheets.template('xlsx'));
  }

  @Get('import-template.csv')
  @Access('authenticated')
  @ApiProduces(CSV_TYPE)
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' } })
  async templateCsv(): Promise<StreamableFile> {
    return sheetDownload(await this.sheets.template('csv'));
  }

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
  @Access(...PROCEDURE_EDITORS)
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
  @Access(...PROCEDURE_PUBLISHERS)
  @ApiOkResponse({ type: ProcedureResponse })
  publish(@CurrentUser() user: Principal, @Param() params: IdParamDto): Promise<ProcedureResponse> {
    return this.lifecycle.publish(user, params.id);
  }

  @Post(':id/abolish')
  @HttpCode(200)
  @Access(...PROCEDURE_PUBLISHERS)
  @ApiOkResponse({ type: ProcedureResponse })
  abolish(
    @CurrentUser() user: Principal,
    @Param() params: IdParamDto,
    @Body() dto: AbolishProcedureDto,
  ): Promise<ProcedureResponse> {
    return this.lifecycle.abolish(user, params.id, dto.reason);
  }
}

@ApiTags('Thủ tục hành chính')
@ApiBearerAuth()
@Controller('procedure-imports')
export class ProcedureImportsController {
  constructor(private readonly imports: ProcedureImportsService) {}

  /** An import job: status, rows done of `total`, and when done the same result as the direct import. */
  @Get(':id')
  @Access('authenticated')
  @ApiOkResponse({ type: ProcedureImportResponse })
  get(@CurrentUser() user: Principal, @Param() params: IdParamDto): Promise<ProcedureImportResponse> {
    return this.imports.get(user, params.id);
  }

  /** Imports for real the file of a finished dry run (a new job; 409 unless the dry run is done). */
  @Post(':id/confirm')
  @HttpCode(202)
  @Access(...PROCEDURE_EDITORS)
  @ApiAcceptedResponse({ type: ProcedureImportResponse })
  confirm(@CurrentUser() user: Principal, @Param() params: IdParamDto): Promise<ProcedureImportResponse> {
    return this.imports.confirm(user, params.id);
  }
}
