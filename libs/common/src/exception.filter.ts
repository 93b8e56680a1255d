import { ArgumentsHost, Catch, ExceptionFilter, Logger } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { mapError } from './error-mapping';

/** One filter for the whole api: every error leaves in the shape of design.md §6. */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const { body, unexpected } = mapError(exception);
    if (unexpected !== undefined) {
      // Logged once, here, with the id the user sees; the request id comes from the logger's context.
      this.logger.error({ err: unexpected, errorId: body.errorId }, 'Lỗi không lường trước');
    }
    // A refusal that knows when to come back says so (RFC 9110 Retry-After), e.g. an account's backoff.
    const retryAfter = (exception as { retryAfterSeconds?: unknown } | null)?.retryAfterSeconds;
    if (typeof retryAfter === 'number') {
      void reply.header('retry-after', String(retryAfter));
    }
    void reply.status(body.statusCode).send(body);
  }
}
