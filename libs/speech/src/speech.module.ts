import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { UnitsModule } from '@app/units';
import { LexiconEntryRow } from './lexicon.entity';
import { LexiconService } from './lexicon.service';
import { LexiconController, SpeechController } from './speech.controller';
import { SpeechNormalizer } from './speech-normalizer.service';
import { SpeechUnitActions } from './speech.roles';

@Module({
  imports: [TypeOrmModule.forFeature([LexiconEntryRow]), UnitsModule],
  controllers: [SpeechController, LexiconController],
  providers: [LexiconService, SpeechNormalizer, SpeechUnitActions],
  exports: [LexiconService, SpeechNormalizer],
})
export class SpeechModule {}
