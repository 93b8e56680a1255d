export * from './normalize';
export * from './speech.dto';
export { LexiconEntryRow } from './lexicon.entity';
export { LexiconService } from './lexicon.service';
export { SpeechNormalizer } from './speech-normalizer.service';
export { SpeechModule } from './speech.module';
export * from './engines';
