export * from './audio.entity';
export * from './audio.dto';
export { AudioService } from './audio.service';
export { AudioModule } from './audio.module';
export { SpeechPipeline } from './speech-pipeline';
export * from './audio-jingle.entity';
export { AudioJinglesService } from './audio-jingles.service';
