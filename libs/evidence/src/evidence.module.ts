import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { UnitsModule } from '@app/units';
import { EvidenceUnitActions } from './evidence.actions';
import { EvidenceController } from './evidence.controller';
import { EvidenceChainHead, EvidenceRow } from './evidence.entity';
import { EvidenceService } from './evidence.service';
import { EvidenceVerifyJob } from './evidence-verify.job';

@Module({
  imports: [TypeOrmModule.forFeature([EvidenceRow, EvidenceChainHead]), UnitsModule],
  controllers: [EvidenceController],
  providers: [EvidenceService, EvidenceVerifyJob, EvidenceUnitActions],
  exports: [EvidenceService],
})
export class EvidenceModule {}
