import { Module } from '@nestjs/common';
import { ArticlesModule } from '@app/articles';
import { AudioModule } from '@app/audio';
import { EvidenceModule } from '@app/evidence';
import { MediaModule } from '@app/media';
import { UnitsModule } from '@app/units';
import { AiringsService } from './airings.service';
import { BroadcastUnitActions } from './broadcast.actions';
import { BroadcastController } from './broadcast.controller';
import { BroadcastFilesController } from './broadcast-files.controller';
import { BroadcastRepository } from './broadcast.repository';
import { LogbookService } from './exports/logbook.service';
import { SlotAudioService } from './exports/slot-audio.service';
import { GeneratePlansJob } from './generate-plans.job';
import { AiringImportService } from './import/airing-import.service';
import { PlansService } from './plans.service';
import { StationsService } from './stations.service';

@Module({
  imports: [UnitsModule, EvidenceModule, ArticlesModule, AudioModule, MediaModule],
  controllers: [BroadcastController, BroadcastFilesController],
  providers: [
    BroadcastRepository,
    StationsService,
    PlansService,
    AiringsService,
    GeneratePlansJob,
    BroadcastUnitActions,
    SlotAudioService,
    LogbookService,
    AiringImportService,
  ],
  exports: [StationsService, PlansService, AiringsService, BroadcastRepository],
})
export class BroadcastModule {}
