import { Module } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';
import { LoggerModule } from 'nestjs-pino';
import { ConfigModule, loggerOptions } from '@app/common';
import { ArticlesModule } from '@app/articles';
import { AudioModule } from '@app/audio';
import { BroadcastModule } from '@app/broadcast';
import { AuthModule } from '@app/auth';
import { DbModule } from '@app/db';
import { EvidenceModule } from '@app/evidence';
import { ProceduresModule } from '@app/procedures';
import { QueueModule } from '@app/queue';
import { SpeechModule } from '@app/speech';
import { UnitsModule } from '@app/units';
import { ArticleSchedules } from './articles.schedules';
import { BroadcastSchedules } from './broadcast.schedules';
import { EvidenceLinker } from './evidence-linker';
import { MaintenanceSchedules } from './maintenance.schedules';

/** The worker: no HTTP. It consumes every job and owns every schedule. */
@Module({
  imports: [
    ConfigModule,
    LoggerModule.forRootAsync(loggerOptions('worker')),
    DbModule,
    QueueModule.forRoot({ role: 'worker' }),
    ScheduleModule.forRoot(),
    UnitsModule,
    AuthModule,
    EvidenceModule,
    ArticlesModule,
    ProceduresModule,
    SpeechModule,
    AudioModule,
    BroadcastModule,
  ],
  providers: [MaintenanceSchedules, ArticleSchedules, BroadcastSchedules, EvidenceLinker],
})
export class WorkerModule {}
