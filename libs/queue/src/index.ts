export * from './jobs';
export * from './job-handler';
export * from './schedule-tick.entity';
export { QueueService } from './queue.service';
export type { EnqueueOptions, QueueOptions } from './queue.service';
export { ScheduleService } from './schedule.service';
export { QueueModule } from './queue.module';
export { JobRunner, matchHandlers } from './job-runner';
