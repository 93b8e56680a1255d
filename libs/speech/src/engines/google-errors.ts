import { TtsError, TtsErrorKind } from './tts-engine';

/** gRPC status codes (google.rpc.Code). */
export const GRPC_STATUS = {
  OK: 0,
  CANCELLED: 1,
  UNKNOWN: 2,
  INVALID_ARGUMENT: 3,
  DEADLINE_EXCEEDED: 4,
  NOT_FOUND: 5,
  ALREADY_EXISTS: 6,
  PERMISSION_DENIED: 7,
  RESOURCE_EXHAUSTED: 8,
  FAILED_PRECONDITION: 9,
  ABORTED: 10,
  OUT_OF_RANGE: 11,
  UNIMPLEMENTED: 12,
  INTERNAL: 13,
  UNAVAILABLE: 14,
  DATA_LOSS: 15,
  UNAUTHENTICATED: 16,
} as const;
type GrpcName = keyof typeof GRPC_STATUS;
const GRPC_NAME = Object.fromEntries(Object.entries(GRPC_STATUS).map(([k, v]) => [v, k])) as Record<
  number,
  GrpcName
>;

// Errors of the socket, not of the service: the request may not have reached Google.
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'ECONNABORTED',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
  'ENOTFOUND',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
]);

const MESSAGES: Record<TtsErrorKind, string> = {
  unavailable: 'Dịch vụ chuyển văn bản thành giọng nói của Google tạm thời không truy cập được',
  timeout: 'Dịch vụ chuyển văn bản thành giọng nói của Google không trả lời kịp',
  quota: 'Đã vượt hạn mức sử dụng Google Text-to-Speech',
  internal: 'Google Text-to-Speech gặp lỗi nội bộ',
  'invalid-request': 'Google Text-to-Speech từ chối yêu cầu (nội dung, giọng đọc hoặc tham số không hợp lệ)',
  unauthenticated: 'Chưa xác thực được với Google Cloud (kiểm tra GOOGLE_APPLICATION_CREDENTIALS)',
  'permission-denied': 'Tài khoản Google Cloud không có quyền dùng Text-to-Speech',
  'not-found': 'Google Text-to-Speech không có giọng đọc hoặc tài nguyên được yêu cầu',
  'bad-response': 'Google Text-to-Speech trả về dữ liệu âm thanh không đọc được',
  'engine-failed': 'Không gọi được Google Text-to-Speech',
  unknown: 'Lỗi không xác định khi gọi Google Text-to-Speech',
};

/** Retrying can help: the service is down or busy, or the answer came too late. */
const TRANSIENT: ReadonlySet<TtsErrorKind> = new Set(['unavailable', 'timeout', 'quota', 'internal']);

function kindOfGrpc(code: number): TtsErrorKind {
  switch (code) {
    case GRPC_STATUS.UNAVAILABLE:
      return 'unavailable';
    case GRPC_STATUS.DEADLINE_EXCEEDED:
      return 'timeout';
    case GRPC_STATUS.RESOURCE_EXHAUSTED:
      return 'quota';
    case GRPC_STATUS.INTERNAL:
      return 'internal';
    case GRPC_STATUS.INVALID_ARGUMENT:
    case GRPC_STATUS.FAILED_PRECONDITION:
    case GRPC_STATUS.OUT_OF_RANGE:
      return 'invalid-request';
    case GRPC_STATUS.UNAUTHENTICATED:
      return 'unauthenticated';
    case GRPC_STATUS.PERMISSION_DENIED:
      return 'permission-denied';
    case GRPC_STATUS.NOT_FOUND:
      return 'not-found';
    default:
      return 'unknown';
  }
}

function kindOfHttp(status: number): TtsErrorKind {
  if (status === 429) {
    return 'quota';
  }
  if (status === 504 || status === 408) {
    return 'timeout';
  }
  if (status === 502 || status === 503) {
    return 'unavailable';
  }
  if (status >= 500) {
    return 'internal';
  }
  switch (status) {
    case 400:
    case 413:
      return 'invalid-request';
    case 401:
      return 'unauthenticated';
    case 403:
      return 'permission-denied';
    case 404:
      return 'not-found';
    default:
      return 'unknown';
  }
}

interface ErrorFacts {
  grpcCode?: number;
  httpStatus?: number;
  network?: string;
  detail: string;
}

const isGrpcName = (value: unknown): value is GrpcName => typeof value === 'string' && value in GRPC_STATUS;

/**
 * What an error of the Google client says, whatever its shape:
 * - gRPC (`google-gax` over `@grpc/grpc-js`): `code` is the numeric gRPC status, `details` the text;
 * - REST (`fallback`): a GaxiosError with the HTTP status in `code`/`status`/`response.status` and the
 *   JSON body `{"error":{"code":400,"status":"INVALID_ARGUMENT","message":…}}` in the message, or a
 *   GoogleError whose `code` gax already mapped to gRPC;
 * - the network: `code` is a string like ECONNREFUSED.
 */
export function errorFacts(err: unknown): ErrorFacts {
  const e = (typeof err === 'object' && err !== null ? err : {}) as Record<string, unknown>;
  const facts: ErrorFacts = { detail: '' };
  const message = typeof e.details === 'string' && e.details ? e.details : String(e.message ?? err);
  const take = (raw: unknown): void => {
    const value = typeof raw === 'string' && /^\d{3}$/.test(raw) ? Number(raw) : raw;
    if (typeof value === 'number' && Number.isInteger(value)) {
      if (value >= 0 && value <= 16) {
        facts.grpcCode ??= value;
      } else if (value >= 100 && value <= 599) {
        facts.httpStatus ??= value;
      }
    } else if (isGrpcName(value)) {
      facts.grpcCode ??= GRPC_STATUS[value];
    } else if (typeof value === 'string' && NETWORK_CODES.has(value)) {
      facts.network ??= value;
    }
  };
  take(e.code);
  take(e.status);
  const response = e.response as { status?: unknown; data?: unknown } | undefined;
  take(response?.status);
  // The REST body names the gRPC status, more precise than the HTTP status (400 is several of them).
  const body = /"status"\s*:\s*"([A-Z_]+)"/.exec(message);
  if (body && isGrpcName(body[1]) && facts.grpcCode === undefined) {
    facts.grpcCode = GRPC_STATUS[body[1]];
  }
  const cause = e.cause as Record<string, unknown> | undefined;
  take(cause?.code);
  const errorMessage = /"message"\s*:\s*"((?:[^"\\]|\\.)*)"/.exec(message);
  facts.detail = (errorMessage ? errorMessage[1] : message).slice(0, 300);
  return facts;
}

/** Maps any error of the Google client to a TtsError with a Vietnamese message. */
export function toTtsError(err: unknown, attempts: number): TtsError {
  if (err instanceof TtsError) {
    return err;
  }
  const facts = errorFacts(err);
  let kind: TtsErrorKind;
  if (facts.grpcCode !== undefined) {
    kind = kindOfGrpc(facts.grpcCode);
  } else if (facts.httpStatus !== undefined) {
    kind = kindOfHttp(facts.httpStatus);
  } else if (facts.network) {
    kind = facts.network === 'ETIMEDOUT' ? 'timeout' : 'unavailable';
  } else if (/default credentials|invalid_grant|unauthenticated/i.test(facts.detail)) {
    kind = 'unauthenticated';
  } else {
    kind = 'unknown';
  }
  const code =
    facts.grpcCode !== undefined
      ? `${GRPC_NAME[facts.grpcCode] ?? facts.grpcCode}`
      : facts.httpStatus !== undefined
        ? `HTTP ${facts.httpStatus}`
        : (facts.network ?? 'không rõ mã');
  const tries = attempts > 1 ? `, sau ${attempts} lần thử` : '';
  return new TtsError(`${MESSAGES[kind]} (${code}${tries}): ${facts.detail}`, kind, TRANSIENT.has(kind), {
    grpcCode: facts.grpcCode,
    httpStatus: facts.httpStatus,
    attempts,
    cause: facts.detail,
  });
}

export interface RetryPolicy {
  /** Attempts in all, the first included. */
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { maxAttempts: 4, baseDelayMs: 500, maxDelayMs: 8000 };

/** Delay before attempt `attempt + 1`: exponential, capped, with jitter so clients do not retry in step. */
export function backoffDelay(policy: RetryPolicy, attempt: number, random = Math.random): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  return Math.round(ceiling * (0.5 + random() / 2));
}

/** Runs `call`, retrying transient errors with exponential backoff; every failure ends as a TtsError. */
export async function withRetry<T>(
  call: () => Promise<T>,
  policy: RetryPolicy,
  sleep: (ms: number) => Promise<void> = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (err) {
      const error = toTtsError(err, attempt);
      if (!error.transient || attempt >= policy.maxAttempts) {
        throw error;
      }
      await sleep(backoffDelay(policy, attempt));
    }
  }
}
