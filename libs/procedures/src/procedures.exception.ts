import { DomainException, type ErrorCode, type ErrorDetail } from '@app/common';

/**
 * The one exception of the procedures module: each case has a named constructor, so the module's
 * messages live here and the exception filter maps the code to HTTP (design.md §6).
 */
export class ProceduresException extends DomainException {
  constructor(code: ErrorCode, message: string, details?: ErrorDetail[]) {
    super(code, message, details);
  }

  static notFound(
    what: 'thủ tục hành chính' | 'lần nhập thủ tục' = 'thủ tục hành chính',
  ): ProceduresException {
    return new ProceduresException('NOT_FOUND', `Không tìm thấy ${what}`);
  }

  static forbidden(): ProceduresException {
    return new ProceduresException('FORBIDDEN', 'Bạn không có quyền thực hiện thao tác này');
  }

  static invalidState(message: string): ProceduresException {
    return new ProceduresException('INVALID_STATE', message);
  }

  static versionConflict(current: number): ProceduresException {
    const message = `Thủ tục đã được người khác thay đổi (phiên bản hiện tại ${current}). Hãy tải lại rồi sửa tiếp.`;
    return new ProceduresException('VERSION_CONFLICT', message, [{ field: 'version', message }]);
  }

  static codeTaken(code: string): ProceduresException {
    const message = `Mã TTHC "${code}" đã có trong danh mục của đơn vị`;
    return new ProceduresException('CONFLICT', message, [{ field: 'code', message }]);
  }

  static invalid(field: string, message: string): ProceduresException {
    return new ProceduresException('VALIDATION_FAILED', `Dữ liệu không hợp lệ: ${field}`, [
      { field, message },
    ]);
  }

  /** Several fields refused at once (e.g. the form files of a dossier), each with its own message. */
  static invalidFields(details: ErrorDetail[]): ProceduresException {
    const fields = [...new Set(details.map((d) => d.field))].join(', ');
    return new ProceduresException('VALIDATION_FAILED', `Dữ liệu không hợp lệ: ${fields}`, details);
  }

  /** What is wrong with an import file as a whole: a 4xx naming `file`. */
  static file(
    message: string,
    code: 'UNSUPPORTED_MEDIA_TYPE' | 'VALIDATION_FAILED' | 'PAYLOAD_TOO_LARGE' = 'VALIDATION_FAILED',
  ): ProceduresException {
    return new ProceduresException(code, message, [{ field: 'file', message }]);
  }
}
