import { Module } from '@nestjs/common';
import { ArticlesModule } from '@app/articles';
import { EvidenceModule } from '@app/evidence';
import { MediaModule } from '@app/media';
import { SpeechModule } from '@app/speech';
import { UnitsModule } from '@app/units';
import { AudioJinglesController } from './audio-jingles.controller';
import { AudioJinglesService } from './audio-jingles.service';
import { AudioUnitActions } from './audio.actions';
import { AudioController } from './audio.controller';
import { MasterUploadJob, SynthesizeAudioJob } from './audio.jobs';
import { AudioProductionService } from './audio-production.service';
import { AudioReadsService } from './audio-reads.service';
import { AudioRequestsService } from './audio-requests.service';
import { AudioUploadsService } from './audio-uploads.service';
import { AudioRepository } from './audio.repository';
import { SpeechPipeline } from './speech-pipeline';
import { SpeechPipelineService } from './speech-pipeline.service';

@Module({
  imports: [UnitsModule, EvidenceModule, ArticlesModule, MediaModule, SpeechModule],
  controllers: [AudioController, AudioJinglesController],
  providers: [
    AudioRepository,
    AudioRequestsService,
    AudioUploadsService,
    AudioProductionService,
    AudioReadsService,
    AudioJinglesService,
    { provide: SpeechPipeline, useClass: SpeechPipelineService },
    SynthesizeAudioJob,
    MasterUploadJob,
    AudioUnitActions,
  ],
  exports: [AudioReadsService, AudioProductionService, AudioRequestsService],
})
export class AudioModule {}
