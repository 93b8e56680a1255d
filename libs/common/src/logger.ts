import type { IncomingMessage } from 'node:http';
import type { LoggerModuleAsyncParams } from 'nestjs-pino';
import { APP_CONFIG } from './config.module';
import type { AppConfig } from './config';

/** Structured JSON logs (pino); every request line carries the request id Fastify gave it (`x-request-id`). */
export function loggerOptions(app: 'api' | 'worker'): LoggerModuleAsyncParams {
  return {
    inject: [APP_CONFIG],
    useFactory: (config: AppConfig) => ({
      pinoHttp: {
        level: config.logLevel,
        base: { app },
        redact: ['req.headers.authorization', 'req.headers.cookie'],
        autoLogging:
          app === 'api' ? { ignore: (req: IncomingMessage) => req.url === '/api/v1/health' } : false,
        serializers: {
          req: (req: { id: string; method: string; url: string }) => ({
            id: req.id,
            method: req.method,
            url: req.url,
          }),
        },
      },
    }),
  };
}
