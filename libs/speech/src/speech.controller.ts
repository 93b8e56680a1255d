import { Body, Controller, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Access, CurrentUser, Principal, UnitIdParamDto } from '@app/common';
import { LexiconBodyPipe } from './lexicon-body.pipe';
import { LexiconEntryDto, NormalizedTextResponse, NormalizeTextDto } from './speech.dto';
import { LexiconService } from './lexicon.service';
import { SpeechNormalizer } from './speech-normalizer.service';
import { LEXICON_WRITERS } from './speech.roles';

@ApiTags('Giọng đọc')
@ApiBearerAuth()
@Controller('speech')
export class SpeechController {
  constructor(private readonly normalizer: SpeechNormalizer) {}

  /** The words the engine will say for `text`, with the unit's lexicon when `unitId` is given. */
  @Post('normalize')
  @HttpCode(200)
  @Access('authenticated')
  @ApiOkResponse({ type: NormalizedTextResponse })
  normalize(@CurrentUser() user: Principal, @Body() dto: NormalizeTextDto): Promise<NormalizedTextResponse> {
    return this.normalizer.preview(user, dto);
  }
}

@ApiTags('Giọng đọc')
@ApiBearerAuth()
@Controller('units/:unitId/lexicon')
export class LexiconController {
  constructor(private readonly lexicon: LexiconService) {}

  @Get()
  @Access('authenticated')
  @ApiOkResponse({ type: [LexiconEntryDto] })
  list(@CurrentUser() user: Principal, @Param() params: UnitIdParamDto): Promise<LexiconEntryDto[]> {
    return this.lexicon.list(user, params.unitId);
  }

  /** Replaces the unit's whole lexicon (unit admin, editor or operator). */
  @Put()
  @Access(...LEXICON_WRITERS)
  @ApiBody({ type: [LexiconEntryDto] })
  @ApiOkResponse({ type: [LexiconEntryDto] })
  replace(
    @CurrentUser() user: Principal,
    @Param() params: UnitIdParamDto,
    @Body(LexiconBodyPipe) entries: LexiconEntryDto[],
  ): Promise<LexiconEntryDto[]> {
    return this.lexicon.replace(user, params.unitId, entries);
  }
}
