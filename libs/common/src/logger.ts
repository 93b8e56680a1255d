import { RequestMethod } from '@nestjs/common';
import type { IncomingMessage } from 'node:http';
import type { LoggerModuleAsyncParams } from 'nestjs-pino';
import { APP_CONFIG } from './config.module';
import type { AppConfig } from './config';

/** Structured JSON logs (pino); every request line carries the request id Fastify gave it (`x-request-id`). */
export function loggerOptions(app: 'api' | 'worker'): LoggerModuleAsyncParams {
  return {
    inject: [APP_CONFIG],
    useFactory: (config: AppConfig) => ({
      forRoutes: [{ path: '{*splat}', method: RequestMethod.ALL }],
      // Public portal pages and the admin app's files are served thousands of times a second at peak; an
      // access log line each would cost more than the page. Their errors are still logged.
      exclude: [
        { path: 'site/{*splat}', method: RequestMethod.ALL },
        { path: 'admin/{*splat}', method: RequestMethod.ALL },
      ],
      pinoHttp: {
        level: config.logLevel,
        base: { app },
        redact: ['req.headers.authorization', 'req.headers.cookie'],
        // Health probes every few seconds would drown the log; middleware may see the path without prefix.
        autoLogging:
          app === 'api'
            ? {
                ignore: (req: IncomingMessage & { originalUrl?: string }) =>
                  /\/health(\?|$)/.test(req.originalUrl ?? req.url ?? ''),
              }
            : false,
        serializers: {
          req: (req: { id: string; method: string; url: string }) => ({
            id: req.id,
            method: req.method,
            url: req.url,
          }),
          res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
        },
      },
    }),
  };
}
