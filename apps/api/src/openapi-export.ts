import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { ApiModule } from './api.module';
import { API_PREFIX } from './create-app';
import { createOpenApiDocument } from './openapi';

/**
 * Prints the OpenAPI document without a database: Nest's preview mode builds the module graph but
 * instantiates no provider, which is all the document needs. Used by scripts/api-client.js.
 */
async function main(): Promise<void> {
  const app = await NestFactory.create<NestFastifyApplication>(ApiModule, new FastifyAdapter(), {
    preview: true,
    logger: false,
  });
  app.setGlobalPrefix(API_PREFIX);
  process.stdout.write(`${JSON.stringify(createOpenApiDocument(app), null, 2)}\n`);
  await app.close();
}

main().catch((error: unknown) => {
  console.error('Không tạo được tài liệu OpenAPI:', error);
  process.exit(1);
});
