import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DiscoveryModule } from '@nestjs/core';
import { JobRunner } from './job-runner';
import { QUEUE_OPTIONS, QueueOptions, QueueService } from './queue.service';
import { ScheduleService } from './schedule.service';
import { ScheduleTick } from './schedule-tick.entity';

@Module({})
export class QueueModule {
  static forRoot(options: QueueOptions): DynamicModule {
    return {
      module: QueueModule,
      global: true,
      imports: [TypeOrmModule.forFeature([ScheduleTick]), DiscoveryModule],
      providers: [
        { provide: QUEUE_OPTIONS, useValue: options },
        QueueService,
        ScheduleService,
        // Only the worker consumes jobs.
        ...(options.role === 'worker' ? [JobRunner] : []),
      ],
      exports: [QueueService, ScheduleService],
    };
  }
}
