import { Module } from '@nestjs/common';
import { ArticlesModule } from '@app/articles';
import { AudioModule } from '@app/audio';
import { EvidenceModule } from '@app/evidence';
import { UnitsModule } from '@app/units';
import { AiringsService } from './airings.service';
import { BroadcastUnitActions } from './broadcast.actions';
import { BroadcastController } from './broadcast.controller';
import { BroadcastRepository } from './broadcast.repository';
import { GeneratePlansJob } from './generate-plans.job';
import { PlansService } from './plans.service';
import { StationsService } from './stations.service';

@Module({
  imports: [UnitsModule, EvidenceModule, ArticlesModule, AudioModule],
  controllers: [BroadcastController],
  providers: [
    BroadcastRepository,
    StationsService,
    PlansService,
    AiringsService,
    GeneratePlansJob,
    BroadcastUnitActions,
  ],
  exports: [StationsService, PlansService, AiringsService, BroadcastRepository],
})
export class BroadcastModule {}
