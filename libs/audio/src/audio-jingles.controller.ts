import { Body, Controller, Get, Param, Patch, Put, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { Access, CurrentUser, Principal, UnitIdParamDto, withUploadFile } from '@app/common';
import { JINGLE_KEEPERS } from './audio.roles';
import { ChooseJingleDto, JingleParamsDto, JingleResponse, JinglesResponse } from './audio.dto';
import { AudioJinglesService } from './audio-jingles.service';
import { JINGLE_MAX_BYTES } from './limits';

/** A unit's nhạc hiệu: what is played before and after each spoken piece. */
@ApiTags('Âm thanh')
@ApiBearerAuth()
@Controller('units/:unitId/audio-jingles')
export class AudioJinglesController {
  constructor(private readonly jingles: AudioJinglesService) {}

  @Get()
  @Access('authenticated')
  @ApiOkResponse({ type: JinglesResponse })
  get(@CurrentUser() user: Principal, @Param() params: UnitIdParamDto): Promise<JinglesResponse> {
    return this.jingles.get(user, params.unitId);
  }

  /** The unit's own file for `intro` or `outro` (multipart `file`: mp3, wav or m4a, up to a minute). */
  @Put(':kind')
  @Access(...JINGLE_KEEPERS)
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file'],
      properties: { file: { type: 'string', format: 'binary' } },
    },
  })
  @ApiOkResponse({ type: JingleResponse })
  async upload(
    @CurrentUser() user: Principal,
    @Param() params: JingleParamsDto,
    @Req() request: FastifyRequest,
  ): Promise<JingleResponse> {
    await this.jingles.assertMayChange(user, params.unitId);
    return withUploadFile(request, { maxBytes: JINGLE_MAX_BYTES }, (upload) =>
      this.jingles.upload(user, params.unitId, params.kind, upload),
    );
  }

  /** Back to the generated default, or none on that side. */
  @Patch(':kind')
  @Access(...JINGLE_KEEPERS)
  @ApiOkResponse({ type: JingleResponse })
  choose(
    @CurrentUser() user: Principal,
    @Param() params: JingleParamsDto,
    @Body() dto: ChooseJingleDto,
  ): Promise<JingleResponse> {
    return this.jingles.choose(user, params.unitId, params.kind, dto.source);
  }
}
