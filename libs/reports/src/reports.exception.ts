import { DomainException } from '@app/common';

/** The reports module's errors: each names the field a person must change. */
export class ReportsException extends DomainException {
  static field(name: string, message: string): ReportsException {
    return new ReportsException('VALIDATION_FAILED', message, [{ field: name, message }]);
  }

  static unitNotReadable(field = 'unitId'): ReportsException {
    const message = `Bạn không có quyền xem báo cáo của đơn vị này (${field})`;
    return new ReportsException('FORBIDDEN', message, [{ field, message }]);
  }

  static unitNotFound(field = 'unitId'): ReportsException {
    const message = `Không tìm thấy đơn vị (${field})`;
    return new ReportsException('NOT_FOUND', message, [{ field, message }]);
  }

  static conflict(name: string, message: string): ReportsException {
    return new ReportsException('CONFLICT', message, [{ field: name, message }]);
  }

  static notFound(what: string): ReportsException {
    return new ReportsException('NOT_FOUND', `Không tìm thấy ${what}`);
  }
}
