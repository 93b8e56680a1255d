import { HttpException, HttpStatus } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DomainException, ERROR_STATUS, ErrorBody, ErrorCode } from './errors';

export interface MappedError {
  body: ErrorBody;
  /** Set for unexpected errors: they are logged once, with this id, at the edge. */
  unexpected?: unknown;
}

const HTTP_CODES: Partial<Record<number, { code: ErrorCode; message: string }>> = {
  [HttpStatus.BAD_REQUEST]: { code: 'BAD_REQUEST', message: 'Yêu cầu không hợp lệ' },
  [HttpStatus.UNAUTHORIZED]: { code: 'UNAUTHENTICATED', message: 'Bạn cần đăng nhập' },
  [HttpStatus.FORBIDDEN]: { code: 'FORBIDDEN', message: 'Bạn không có quyền thực hiện thao tác này' },
  [HttpStatus.NOT_FOUND]: { code: 'ROUTE_NOT_FOUND', message: 'Không tìm thấy địa chỉ yêu cầu' },
  [HttpStatus.METHOD_NOT_ALLOWED]: { code: 'METHOD_NOT_ALLOWED', message: 'Phương thức không được hỗ trợ' },
  [HttpStatus.PAYLOAD_TOO_LARGE]: {
    code: 'PAYLOAD_TOO_LARGE',
    message: 'Dữ liệu gửi lên vượt quá dung lượng cho phép',
  },
  [HttpStatus.UNSUPPORTED_MEDIA_TYPE]: {
    code: 'UNSUPPORTED_MEDIA_TYPE',
    message: 'Kiểu nội dung không được hỗ trợ',
  },
  [HttpStatus.TOO_MANY_REQUESTS]: {
    code: 'TOO_MANY_REQUESTS',
    message: 'Bạn thao tác quá nhiều lần, vui lòng thử lại sau ít phút',
  },
  [HttpStatus.SERVICE_UNAVAILABLE]: {
    code: 'SERVICE_UNAVAILABLE',
    message: 'Dịch vụ tạm thời không sẵn sàng',
  },
};

function body(code: ErrorCode, message: string, extra?: Partial<ErrorBody>): ErrorBody {
  return { statusCode: ERROR_STATUS[code], code, message, ...extra };
}

/**
 * Maps anything thrown while serving a request to the error body of design.md §6. Nest hands Fastify's own
 * errors (body too large, bad content length) to the filter as HttpExceptions with their status.
 */
export function mapError(error: unknown): MappedError {
  if (error instanceof DomainException) {
    return { body: body(error.code, error.message, error.details ? { details: error.details } : {}) };
  }
  const status =
    error instanceof HttpException
      ? error.getStatus()
      : (error as { statusCode?: unknown } | null)?.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    const known = HTTP_CODES[status] ?? { code: 'BAD_REQUEST' as const, message: 'Yêu cầu không hợp lệ' };
    return { body: { ...body(known.code, known.message), statusCode: status } };
  }
  if (status === HttpStatus.SERVICE_UNAVAILABLE) {
    return { body: body('SERVICE_UNAVAILABLE', HTTP_CODES[503]!.message) };
  }
  const errorId = randomUUID();
  return {
    body: body(
      'INTERNAL_ERROR',
      `Lỗi hệ thống, vui lòng thử lại hoặc báo quản trị viên (mã lỗi ${errorId})`,
      {
        errorId,
      },
    ),
    unexpected: error,
  };
}
