export * from './figures';
export * from './period';
export * from './reports.dto';
export * from './activity.entity';
export * from './propaganda-plan.entity';
export { SummaryService } from './summary.service';
export type { ReportScope } from './summary.service';
export { ReportsModule } from './reports.module';
