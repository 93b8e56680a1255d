import { Body, Controller, Get, HttpCode, Param, Post, Query, Req } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import {
  Access,
  ApiPageResponse,
  CurrentUser,
  IdParamDto,
  Page,
  Principal,
  UnitIdParamDto,
  withUploadFile,
} from '@app/common';
import {
  AudioAccepted,
  AudioResponse,
  ListAudioQueryDto,
  RequestAudioDto,
  VoicesResponse,
} from './audio.dto';
import { AudioService } from './audio.service';
import { UPLOAD_MAX_BYTES } from './limits';

@ApiTags('Âm thanh')
@ApiBearerAuth()
@Controller()
export class AudioController {
  constructor(private readonly audio: AudioService) {}

  /** Speech for an approved (or published) article: 202, the worker speaks and masters it. */
  @Post('articles/:id/audio')
  @HttpCode(202)
  @Access('editor', 'approver', 'operator', 'admin')
  @ApiAcceptedResponse({ type: AudioAccepted })
  request(
    @CurrentUser() user: Principal,
    @Param() params: IdParamDto,
    @Body() dto: RequestAudioDto,
  ): Promise<AudioAccepted> {
    return this.audio.requestForArticle(user, params.id, dto);
  }

  /** An uploaded programme (multipart `file`, `title`, `articleId?`, `categoryId?`, `producedAt?`). */
  @Post('units/:unitId/audio')
  @HttpCode(202)
  @Access('editor', 'approver', 'operator', 'admin')
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file', 'title'],
      properties: {
        file: { type: 'string', format: 'binary' },
        title: { type: 'string' },
        articleId: { type: 'string', format: 'uuid' },
        categoryId: { type: 'string', format: 'uuid' },
        producedAt: { type: 'string', format: 'date-time' },
      },
    },
  })
  @ApiAcceptedResponse({ type: AudioAccepted })
  async upload(
    @CurrentUser() user: Principal,
    @Param() params: UnitIdParamDto,
    @Req() request: FastifyRequest,
  ): Promise<AudioAccepted> {
    await this.audio.assertMayUpload(user, params.unitId);
    // Streamed to a temporary file (removed once the upload is stored or refused), never held in memory.
    return withUploadFile(request, { maxBytes: UPLOAD_MAX_BYTES }, (upload) =>
      this.audio.upload(user, params.unitId, upload),
    );
  }

  @Get('audio')
  @Access('authenticated')
  @ApiPageResponse(AudioResponse)
  list(@CurrentUser() user: Principal, @Query() query: ListAudioQueryDto): Promise<Page<AudioResponse>> {
    return this.audio.list(user, query);
  }

  /** The voices a request may name, from the engine itself (Google's list, or eSpeak's Vietnamese voices). */
  @Get('audio/voices')
  @Access('authenticated')
  @ApiOkResponse({ type: VoicesResponse })
  voices(): Promise<VoicesResponse> {
    return this.audio.voices();
  }

  @Get('audio/:id')
  @Access('authenticated')
  @ApiOkResponse({ type: AudioResponse })
  get(@CurrentUser() user: Principal, @Param() params: IdParamDto): Promise<AudioResponse> {
    return this.audio.get(user, params.id);
  }
}
