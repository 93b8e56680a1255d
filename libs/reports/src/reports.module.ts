import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { UnitsModule } from '@app/units';
import { ReportActivity } from './activity.entity';
import { PropagandaPlan } from './propaganda-plan.entity';
import { ReportText } from './report-text.entity';
import { ReportTextsService } from './report-texts.service';
import { DocumentsService } from './documents.service';
import { HomeService } from './home.service';
import { ReportRecordsController } from './records.controller';
import { ReportRecordsService } from './records.service';
import { ReportsController } from './reports.controller';
import { ReportsUnitActions } from './reports.actions';
import { SummaryRepository } from './summary.repository';
import { SummaryService } from './summary.service';

@Module({
  imports: [TypeOrmModule.forFeature([ReportActivity, PropagandaPlan, ReportText]), UnitsModule],
  controllers: [ReportsController, ReportRecordsController],
  providers: [
    SummaryRepository,
    SummaryService,
    ReportRecordsService,
    ReportTextsService,
    DocumentsService,
    HomeService,
    ReportsUnitActions,
  ],
  exports: [SummaryService],
})
export class ReportsModule {}
