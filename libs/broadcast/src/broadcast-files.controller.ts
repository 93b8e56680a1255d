import { Controller, Get, HttpCode, Param, Post, Query, Req, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { Access, CurrentUser, download, FILE_TYPES, IdParamDto, Principal, readUpload } from '@app/common';
import { AIRING_RECORDERS, BROADCAST_READERS } from './broadcast.roles';
import {
  AiringImportQueryDto,
  AiringImportResponse,
  LogbookQueryDto,
  LogbookResponse,
  SlotAudioParamDto,
} from './exports/broadcast-files.dto';
import { LogbookService } from './exports/logbook.service';
import { SlotAudioService } from './exports/slot-audio.service';
import { AiringImportService } from './import/airing-import.service';
import { LOGBOOK_IMPORT_MAX_BYTES, logbookTemplate } from './import/logbook-sheet';

const XLSX_TYPE = FILE_TYPES.xlsx;
const BINARY = { schema: { type: 'string', format: 'binary' } };

const xlsx = (bytes: Buffer, fileName: string): StreamableFile => download(bytes, fileName, 'xlsx');

/** Files of the broadcast: a slot's MP3 for timer players, the monthly logbook, an old logbook's import. */
@ApiTags('Phát sóng')
@ApiBearerAuth()
@Controller()
export class BroadcastFilesController {
  constructor(
    private readonly slotAudio: SlotAudioService,
    private readonly logbooks: LogbookService,
    private readonly imports: AiringImportService,
  ) {}

  /** The slot's pieces joined in order with the plan's gaps, one MP3 for a USB or SD timer player. */
  @Get('stations/:id/plans/:date/slots/:slotId/audio.mp3')
  @Access(...BROADCAST_READERS)
  @ApiProduces('audio/mpeg')
  @ApiOkResponse(BINARY)
  async slotMp3(@CurrentUser() user: Principal, @Param() params: SlotAudioParamDto): Promise<StreamableFile> {
    const file = await this.slotAudio.slotFile(user, params.id, params.date, params.slotId);
    return new StreamableFile(file.stream, {
      type: 'audio/mpeg',
      disposition: `attachment; filename="${file.fileName}"`,
      length: file.bytes,
    });
  }

  /** The month's logbook as rows (the admin app prints it): planned against aired, and the totals. */
  @Get('stations/:id/logbook')
  @Access(...BROADCAST_READERS)
  @ApiOkResponse({ type: LogbookResponse })
  logbook(
    @CurrentUser() user: Principal,
    @Param() params: IdParamDto,
    @Query() query: LogbookQueryDto,
  ): Promise<LogbookResponse> {
    return this.logbooks.logbook(user, params.id, query.month);
  }

  @Get('stations/:id/logbook.xlsx')
  @Access(...BROADCAST_READERS)
  @ApiProduces(XLSX_TYPE)
  @ApiOkResponse(BINARY)
  async logbookXlsx(
    @CurrentUser() user: Principal,
    @Param() params: IdParamDto,
    @Query() query: LogbookQueryDto,
  ): Promise<StreamableFile> {
    const { bytes, fileName } = await this.logbooks.logbookXlsx(user, params.id, query.month);
    return xlsx(bytes, fileName);
  }

  /** Lines of an old paper logbook (.xlsx or .csv, field `file`, ≤ 10 MB); `?dryRun=true` writes nothing. */
  @Post('stations/:id/airings/import')
  @HttpCode(200)
  @Access(...AIRING_RECORDERS)
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file'],
      properties: { file: { type: 'string', format: 'binary' } },
    },
  })
  @ApiOkResponse({ type: AiringImportResponse })
  async importAirings(
    @CurrentUser() user: Principal,
    @Param() params: IdParamDto,
    @Query() query: AiringImportQueryDto,
    @Req() request: FastifyRequest,
  ): Promise<AiringImportResponse> {
    await this.imports.assertMayImport(user, params.id);
    const upload = await readUpload(request, { maxBytes: LOGBOOK_IMPORT_MAX_BYTES });
    return this.imports.import(user, params.id, upload, query.dryRun === 'true');
  }

  @Get('stations/:id/airings/import-template.xlsx')
  @Access(...AIRING_RECORDERS)
  @ApiProduces(XLSX_TYPE)
  @ApiOkResponse(BINARY)
  async importTemplate(): Promise<StreamableFile> {
    return xlsx(await logbookTemplate(), 'mau-nhap-so-nhat-ky-phat-song.xlsx');
  }
}
