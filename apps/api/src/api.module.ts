import { Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, DiscoveryModule } from '@nestjs/core';
import { LoggerModule } from 'nestjs-pino';
import { AllExceptionsFilter, ConfigModule, loggerOptions } from '@app/common';
import { ArticlesModule } from '@app/articles';
import { AudioModule } from '@app/audio';
import { BroadcastModule } from '@app/broadcast';
import { AuthGuard, AuthModule } from '@app/auth';
import { DbModule } from '@app/db';
import { EvidenceModule } from '@app/evidence';
import { MediaModule } from '@app/media';
import { ProceduresModule } from '@app/procedures';
import { PortalModule } from '@app/portal';
import { QueueModule } from '@app/queue';
import { ReportsModule } from '@app/reports';
import { SpeechModule } from '@app/speech';
import { UnitsModule } from '@app/units';
import { BootstrapAdmin } from './bootstrap-admin';
import { HealthController } from './health.controller';
import { RouteAccessCheck } from './route-access.check';

/** The api: HTTP only. It composes the domain modules; the rules live in libs/. */
@Module({
  imports: [
    ConfigModule,
    LoggerModule.forRootAsync(loggerOptions('api')),
    DbModule,
    QueueModule.forRoot({ role: 'api' }),
    DiscoveryModule,
    UnitsModule,
    AuthModule,
    EvidenceModule,
    ArticlesModule,
    PortalModule,
    MediaModule,
    ProceduresModule,
    SpeechModule,
    AudioModule,
    BroadcastModule,
    ReportsModule,
  ],
  controllers: [HealthController],
  providers: [
    { provide: APP_GUARD, useExisting: AuthGuard },
    { provide: APP_FILTER, useClass: AllExceptionsFilter },
    RouteAccessCheck,
    BootstrapAdmin,
  ],
})
export class ApiModule {}
