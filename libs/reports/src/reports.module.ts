import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { UnitsModule } from '@app/units';
import { ReportActivity } from './activity.entity';
import { PropagandaPlan } from './propaganda-plan.entity';
import { ReportsController } from './reports.controller';
import { SummaryRepository } from './summary.repository';
import { SummaryService } from './summary.service';

@Module({
  imports: [TypeOrmModule.forFeature([ReportActivity, PropagandaPlan]), UnitsModule],
  controllers: [ReportsController],
  providers: [SummaryRepository, SummaryService],
  exports: [SummaryService],
})
export class ReportsModule {}
