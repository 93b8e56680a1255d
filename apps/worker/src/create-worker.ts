import { DynamicModule, INestApplicationContext, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { WorkerModule } from './worker.module';

/** Builds the worker; tests may add modules (e.g. a schedule of their own). */
export async function createWorker(extra: (Type | DynamicModule)[] = []): Promise<INestApplicationContext> {
  const root =
    extra.length === 0
      ? WorkerModule
      : { module: class TestWorkerRoot {}, imports: [WorkerModule, ...extra] };
  const app = await NestFactory.createApplicationContext(root, { bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.flushLogs();
  app.enableShutdownHooks();
  return app;
}
