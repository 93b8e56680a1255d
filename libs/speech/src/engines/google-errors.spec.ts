import { backoffDelay, GRPC_STATUS, toTtsError, withRetry } from './google-errors';
import { TtsError } from './tts-engine';

const grpcError = (code: number, details: string): Error =>
  Object.assign(new Error(`${code} ${details}`), { code, details });

describe('toTtsError', () => {
  it.each([
    [grpcError(GRPC_STATUS.UNAVAILABLE, 'connection refused'), 'unavailable', true],
    [grpcError(GRPC_STATUS.DEADLINE_EXCEEDED, 'deadline'), 'timeout', true],
    [grpcError(GRPC_STATUS.RESOURCE_EXHAUSTED, 'quota'), 'quota', true],
    [grpcError(GRPC_STATUS.INTERNAL, 'oops'), 'internal', true],
    [grpcError(GRPC_STATUS.INVALID_ARGUMENT, 'input longer than 5000 bytes'), 'invalid-request', false],
    [grpcError(GRPC_STATUS.UNAUTHENTICATED, 'no token'), 'unauthenticated', false],
    [grpcError(GRPC_STATUS.PERMISSION_DENIED, 'api disabled'), 'permission-denied', false],
  ])('maps the gRPC shape %#', (err, kind, transient) => {
    const mapped = toTtsError(err, 1);
    expect(mapped).toBeInstanceOf(TtsError);
    expect(mapped).toMatchObject({ kind, transient, code: 'SERVICE_UNAVAILABLE' });
  });

  it('maps the REST shape: HTTP status in code/status, the gRPC status name in the JSON body', () => {
    const body = '{"error":{"code":400,"status":"FAILED_PRECONDITION","message":"Voice not available"}}';
    const gaxios = Object.assign(new Error(body), { code: 400, status: 400, response: { status: 400 } });
    const mapped = toTtsError(gaxios, 1);
    expect(mapped).toMatchObject({ kind: 'invalid-request', transient: false });
    expect(mapped.detail).toMatchObject({ grpcCode: GRPC_STATUS.FAILED_PRECONDITION, httpStatus: 400 });
    expect(mapped.message).toMatch(
      /^Google Text-to-Speech từ chối yêu cầu .*FAILED_PRECONDITION.*: Voice not available$/,
    );

    expect(toTtsError(Object.assign(new Error('busy'), { status: 503 }), 1)).toMatchObject({
      kind: 'unavailable',
      transient: true,
    });
    expect(toTtsError(Object.assign(new Error('slow'), { response: { status: 429 } }), 1)).toMatchObject({
      kind: 'quota',
      transient: true,
    });
    expect(toTtsError(Object.assign(new Error('x'), { code: '500' }), 1)).toMatchObject({
      kind: 'internal',
      transient: true,
    });
    expect(toTtsError(Object.assign(new Error('x'), { status: 'UNAVAILABLE' }), 1)).toMatchObject({
      kind: 'unavailable',
    });
    expect(toTtsError(Object.assign(new Error('x'), { status: 404 }), 1)).toMatchObject({
      kind: 'not-found',
      transient: false,
    });
  });

  it('maps network errors as transient and unknown ones as not', () => {
    expect(toTtsError(Object.assign(new Error('connect'), { code: 'ECONNREFUSED' }), 1)).toMatchObject({
      kind: 'unavailable',
      transient: true,
    });
    expect(toTtsError(new Error('Could not load the default credentials.'), 1)).toMatchObject({
      kind: 'unauthenticated',
      transient: false,
    });
    expect(toTtsError(new TypeError('x is not a function'), 1)).toMatchObject({
      kind: 'unknown',
      transient: false,
    });
  });

  it('says in Vietnamese what failed and after how many attempts', () => {
    expect(toTtsError(grpcError(14, 'down'), 4).message).toBe(
      'Dịch vụ chuyển văn bản thành giọng nói của Google tạm thời không truy cập được (UNAVAILABLE, sau 4 lần thử): down',
    );
  });
});

describe('withRetry', () => {
  const policy = { maxAttempts: 4, baseDelayMs: 100, maxDelayMs: 250 };

  it('retries transient errors with growing, capped delays, then succeeds', async () => {
    const delays: number[] = [];
    let calls = 0;
    const result = await withRetry(
      async () => {
        if (++calls < 4) {
          throw grpcError(GRPC_STATUS.UNAVAILABLE, 'down');
        }
        return 'ok';
      },
      policy,
      async (ms) => {
        delays.push(ms);
      },
    );
    expect(result).toBe('ok');
    expect(calls).toBe(4);
    expect(delays).toHaveLength(3);
    expect(delays[0]).toBeGreaterThanOrEqual(50);
    expect(delays[0]).toBeLessThanOrEqual(100);
    expect(delays[1]).toBeGreaterThanOrEqual(100);
    expect(delays[2]).toBeLessThanOrEqual(250);
  });

  it('gives up after maxAttempts with the count in the error', async () => {
    let calls = 0;
    const failing = withRetry(
      () => {
        calls++;
        return Promise.reject(grpcError(GRPC_STATUS.RESOURCE_EXHAUSTED, 'quota'));
      },
      policy,
      async () => undefined,
    );
    await expect(failing).rejects.toMatchObject({ kind: 'quota', detail: { attempts: 4 } });
    expect(calls).toBe(4);
  });

  it('does not retry what retrying cannot fix', async () => {
    let calls = 0;
    await expect(
      withRetry(
        () => {
          calls++;
          return Promise.reject(grpcError(GRPC_STATUS.INVALID_ARGUMENT, 'bad'));
        },
        policy,
        async () => undefined,
      ),
    ).rejects.toMatchObject({ kind: 'invalid-request' });
    expect(calls).toBe(1);
  });

  it('backs off exponentially with jitter between half and all of the step', () => {
    expect(backoffDelay(policy, 1, () => 0)).toBe(50);
    expect(backoffDelay(policy, 1, () => 1)).toBe(100);
    expect(backoffDelay(policy, 2, () => 1)).toBe(200);
    expect(backoffDelay(policy, 5, () => 1)).toBe(250);
  });
});
