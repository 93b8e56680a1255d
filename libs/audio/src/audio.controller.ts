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
import { AudioReadsService } from './audio-reads.service';
import { AudioRequestsService } from './audio-requests.service';
import { AudioUploadsService } from './audio-uploads.service';
import { AUDIO_PRODUCERS } from './audio.roles';
import { UPLOAD_MAX_BYTES } from './limits';

@ApiTags('Âm thanh')
@ApiBearerAuth()
@Controller()
export class AudioController {
  constructor(
    private readonly requests: AudioRequestsService,
    private readonly uploads: AudioUploadsService,
    private readonly reads: AudioReadsService,
  ) {}

  /** Speech for an approved (or published) article: 202, the worker speaks and masters it. */
  @Post('articles/:id/audio')
  @HttpCode(202)
  @Access(...AUDIO_PRODUCERS)
  @ApiAcceptedResponse({ type: AudioAccepted })
  request(
    @CurrentUser() user: Principal,
    @Param() params: IdParamDto,
    @Body() dto: RequestAudioDto,
  ): Promise<AudioAccepted> {
    return this.requests.requestForArticle(user, params.id, dto);
  }

  /**
   * An uploaded programme (multipart `file`, `title`, `articleId?`, `categoryId?`, `producedAt?`). With
   * `articleId`: that article approved or published; a published one only by an approver or unit admin.
   */
  @Post('units/:unitId/audio')
  @HttpCode(202)
  @Access(...AUDIO_PRODUCERS)
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
        producedAt: {
          type: 'string',
          description: 'YYYY-MM-DD hoặc ngày giờ ISO 8601 có múi giờ; từ năm 2000, không ở tương lai',
        },
      },
    },
  })
  @ApiAcceptedResponse({ type: AudioAccepted })
  async upload(
    @CurrentUser() user: Principal,
    @Param() params: UnitIdParamDto,
    @Req() request: FastifyRequest,
  ): Promise<AudioAccepted> {
    await this.uploads.assertMayUpload(user, params.unitId);
    // Streamed to a temporary file (removed once the upload is stored or refused), never held in memory.
    return withUploadFile(request, { maxBytes: UPLOAD_MAX_BYTES }, (upload) =>
      this.uploads.upload(user, params.unitId, upload),
    );
  }

  @Get('audio')
  @Access('authenticated')
  @ApiPageResponse(AudioResponse)
  list(@CurrentUser() user: Principal, @Query() query: ListAudioQueryDto): Promise<Page<AudioResponse>> {
    return this.reads.list(user, query);
  }

  /** The voices a request may name, from the engine itself (Google's list, or eSpeak's Vietnamese voices). */
  @Get('audio/voices')
  @Access('authenticated')
  @ApiOkResponse({ type: VoicesResponse })
  voices(): Promise<VoicesResponse> {
    return this.reads.voices();
  }

  @Get('audio/:id')
  @Access('authenticated')
  @ApiOkResponse({ type: AudioResponse })
  get(@CurrentUser() user: Principal, @Param() params: IdParamDto): Promise<AudioResponse> {
    return this.reads.get(user, params.id);
  }
}
