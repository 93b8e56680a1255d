/**
 * Stable error codes of the API (design.md §6) and their HTTP status. Every domain throws a
 * DomainException (or its own subclass) with one of these codes; one filter maps it to the response.
 */
export const ERROR_STATUS = {
  VALIDATION_FAILED: 400,
  MALFORMED_JSON: 400,
  BAD_REQUEST: 400,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  TOKEN_EXPIRED: 401,
  ACCOUNT_DISABLED: 403,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  ROUTE_NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  CONFLICT: 409,
  VERSION_CONFLICT: 409,
  USERNAME_TAKEN: 409,
  UNIT_CODE_TAKEN: 409,
  UNIT_SLUG_TAKEN: 409,
  UNIT_CYCLE: 409,
  UNIT_PORTAL_HOST_TAKEN: 409,
  INVALID_STATE: 409,
  CATEGORY_SLUG_TAKEN: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  TOO_MANY_REQUESTS: 429,
  INTERNAL_ERROR: 500,
  SERVICE_UNAVAILABLE: 503,
} as const satisfies Record<string, number>;

export type ErrorCode = keyof typeof ERROR_STATUS;

export interface ErrorDetail {
  field: string;
  message: string;
}

/** The error body of design.md §6. */
export interface ErrorBody {
  statusCode: number;
  code: ErrorCode;
  message: string;
  details?: ErrorDetail[];
  errorId?: string;
}

export class DomainException extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: ErrorDetail[],
  ) {
    super(message);
    this.name = new.target.name;
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

export class NotFoundException extends DomainException {
  constructor(what: string) {
    super('NOT_FOUND', `Không tìm thấy ${what}`);
  }
}

export class ForbiddenException extends DomainException {
  constructor(message = 'Bạn không có quyền thực hiện thao tác này') {
    super('FORBIDDEN', message);
  }
}

export class ValidationException extends DomainException {
  constructor(details: ErrorDetail[], message?: string) {
    super(
      'VALIDATION_FAILED',
      message ?? `Dữ liệu không hợp lệ: ${[...new Set(details.map((d) => d.field))].join(', ')}`,
      details,
    );
  }
}
