import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { SwaggerModule } from '@nestjs/swagger';
import type { FastifyServerFactoryHandler, FastifyServerOptions } from 'fastify';
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { Logger } from 'nestjs-pino';
import {
  AppConfig,
  cleanInput,
  createValidationPipe,
  DomainException,
  drainUnreadBody,
  loadConfig,
} from '@app/common';
import { registerMediaRoutes } from '@app/media';
import {
  PortalCache,
  portalFastPath,
  portalFrameworkErrors,
  PortalHosts,
  PortalService,
  registerPortalRoutes,
  VisitCounter,
} from '@app/portal';
import { ADMIN_PREFIX, registerAdminApp } from './admin-app';
import { ApiModule } from './api.module';
import { createOpenApiDocument } from './openapi';

export const API_PREFIX = 'api/v1';

/**
 * Builds the api on Fastify (design.md §3). Used by main.ts and by the end-to-end tests, so the tests
 * boot exactly what production runs.
 */
export async function createApiApp(config: AppConfig = loadConfig()): Promise<NestFastifyApplication> {
  // Cached portal pages are answered before Fastify (portalFastPath); set once the app exists.
  let fastPath: (req: IncomingMessage, res: ServerResponse) => boolean = () => false;
  let portalHosts: PortalHosts | undefined = undefined;
  const adapter = new FastifyAdapter({
    serverFactory: (handler: FastifyServerFactoryHandler, options: FastifyServerOptions) => {
      const server = createServer((req, res) => {
        if (!fastPath(req, res)) {
          handler(req, res);
        }
      });
      // What Fastify sets on a server it creates itself.
      server.keepAliveTimeout = options.keepAliveTimeout ?? 72_000;
      server.requestTimeout = options.requestTimeout ?? 0;
      server.setTimeout(options.connectionTimeout ?? 0);
      return server;
    },
    bodyLimit: config.bodyLimitBytes,
    trustProxy: config.trustProxy,
    // A request id from the proxy is kept (x-request-id), else one is made; logs and replies carry it.
    requestIdHeader: 'x-request-id',
    genReqId: () => randomUUID(),
    // A URL Fastify cannot decode, on a portal path, is answered as a portal page (never JSON).
    frameworkErrors: portalFrameworkErrors(() => portalHosts),
  });
  const app = await NestFactory.create<NestFastifyApplication>(ApiModule, adapter, {
    bufferLogs: true,
    // JSON is parsed by our own parser below (malformed JSON → MALFORMED_JSON).
    bodyParser: false,
  });
  app.useLogger(app.get(Logger));
  app.flushLogs();
  app.setGlobalPrefix(API_PREFIX);
  app.useGlobalPipes(createValidationPipe());

  const fastify = app.getHttpAdapter().getInstance();
  // Malformed JSON becomes our own 400 MALFORMED_JSON (Fastify's parser, with its prototype-poisoning guard).
  const parseJson = fastify.getDefaultJsonParser('error', 'error');
  fastify.removeContentTypeParser('application/json');
  fastify.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    // An action with nothing to say (POST …/submit) may still carry a JSON content type.
    if (body.toString().trim() === '') {
      done(null, undefined);
      return;
    }
    void parseJson(request, body.toString(), (error, value) => {
      if (error) {
        done(new DomainException('MALFORMED_JSON', 'Nội dung gửi lên không phải JSON hợp lệ'), undefined);
        return;
      }
      // Every JSON body of every route, once: NUL and lone surrogates refused, XML-invalid controls removed.
      try {
        done(null, cleanInput(value));
      } catch (refused) {
        done(refused as Error, undefined);
      }
    });
  });
  fastify.addHook('onRequest', (request, reply, done) => {
    void reply.header('x-request-id', request.id);
    done();
  });
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        // Swagger UI at /api/docs runs its own inline bootstrap script and styles.
        scriptSrc: ["'self'", "'unsafe-inline'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        // The operator console plays the day's audio from copies kept in the browser (blob:) and relays
        // another station's stream (any http(s) address an operator set on a relay slot).
        mediaSrc: ["'self'", 'blob:', 'http:', 'https:'],
        // A commune office often reaches the server over plain HTTP by its LAN address; upgrading every
        // script and style request to https there would leave the admin app blank.
        upgradeInsecureRequests: null,
      },
    },
  });

  // Uploads (images now; audio and procedure files later) are read by readUpload(), which sets each
  // route's own size limit; these bound what any request may send.
  await app.register(multipart, { limits: { files: 1, fields: 20, fieldSize: 100_000, parts: 25 } });
  // An answer sent before the body was read (a 413 mid-upload, a 403) waits for the rest of it, bounded,
  // so the client reads the answer instead of a connection reset.
  fastify.addHook('onSend', drainUnreadBody);

  await registerAdminApp(app);
  await registerMediaRoutes(app);
  const portalParts = {
    portal: app.get(PortalService),
    cache: app.get(PortalCache),
    visits: app.get(VisitCounter),
    hosts: app.get(PortalHosts),
    rootFallback: ADMIN_PREFIX,
  };
  registerPortalRoutes(fastify, portalParts);
  fastPath = portalFastPath(portalParts);
  portalHosts = portalParts.hosts;
  SwaggerModule.setup('api/docs', app, createOpenApiDocument(app), {
    jsonDocumentUrl: 'api/docs/openapi.json',
  });

  app.enableShutdownHooks();
  return app;
}
