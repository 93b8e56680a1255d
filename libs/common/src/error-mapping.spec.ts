import { BadRequestException, HttpException, NotFoundException as NestNotFound } from '@nestjs/common';
import { DomainException, ERROR_STATUS } from './errors';
import { mapError } from './error-mapping';

describe('mapError', () => {
  it('keeps a domain exception as it is, with its details', () => {
    const { body, unexpected } = mapError(
      new DomainException('USERNAME_TAKEN', 'Tên đăng nhập đã có', [{ field: 'username', message: 'đã có' }]),
    );
    expect(body).toEqual({
      statusCode: 409,
      code: 'USERNAME_TAKEN',
      message: 'Tên đăng nhập đã có',
      details: [{ field: 'username', message: 'đã có' }],
    });
    expect(unexpected).toBeUndefined();
  });

  it('maps Nest and Fastify HTTP errors by status, in Vietnamese', () => {
    expect(mapError(new NestNotFound()).body).toMatchObject({ statusCode: 404, code: 'ROUTE_NOT_FOUND' });
    expect(mapError(new HttpException('Request body is too large', 413)).body).toMatchObject({
      statusCode: 413,
      code: 'PAYLOAD_TOO_LARGE',
    });
    expect(mapError(new BadRequestException('x')).body.message).toBe('Yêu cầu không hợp lệ');
  });

  it('turns anything else into a 500 with an error id and hides the cause', () => {
    const cause = new Error('connection refused at 10.0.0.1');
    const { body, unexpected } = mapError(cause);
    expect(body.statusCode).toBe(500);
    expect(body.code).toBe('INTERNAL_ERROR');
    expect(body.errorId).toMatch(/^[0-9a-f-]{36}$/);
    expect(body.message).toContain(body.errorId);
    expect(body.message).not.toContain('10.0.0.1');
    expect(unexpected).toBe(cause);
  });

  it('gives every code a 4xx or 5xx status', () => {
    for (const status of Object.values(ERROR_STATUS)) {
      expect(status).toBeGreaterThanOrEqual(400);
      expect(status).toBeLessThan(600);
    }
  });
});
