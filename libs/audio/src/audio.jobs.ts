import { Injectable } from '@nestjs/common';
import { HandlesJob, JobHandler } from '@app/queue';
import { AudioProductionService } from './audio-production.service';

/** Speaks and masters an article's audio (queued by POST /articles/:id/audio). */
@Injectable()
@HandlesJob('audio.synthesize')
export class SynthesizeAudioJob implements JobHandler<'audio.synthesize'> {
  constructor(private readonly audio: AudioProductionService) {}

  async handle(payload: { audioId: string }): Promise<void> {
    await this.audio.synthesize(payload.audioId);
  }
}

/** Masters an uploaded programme (queued by POST /units/:unitId/audio). */
@Injectable()
@HandlesJob('audio.master-upload')
export class MasterUploadJob implements JobHandler<'audio.master-upload'> {
  constructor(private readonly audio: AudioProductionService) {}

  async handle(payload: { audioId: string }): Promise<void> {
    await this.audio.masterUpload(payload.audioId);
  }
}
