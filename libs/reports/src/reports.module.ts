import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { UnitsModule } from '@app/units';
import { ReportActivity } from './activity.entity';
import { PropagandaPlan } from './propaganda-plan.entity';
import { ReportRecordsController } from './records.controller';
import { ReportRecordsService } from './records.service';
import { ReportsController } from './reports.controller';
import { ReportsUnitActions } from './reports.actions';
import { SummaryRepository } from './summary.repository';
import { SummaryService } from './summary.service';

@Module({
  imports: [TypeOrmModule.forFeature([ReportActivity, PropagandaPlan]), UnitsModule],
  controllers: [ReportsController, ReportRecordsController],
  providers: [SummaryRepository, SummaryService, ReportRecordsService, ReportsUnitActions],
  exports: [SummaryService],
})
export class ReportsModule {}
