import { DomainException, ErrorDetail, formatDate } from '@app/common';

const field = (name: string, message: string): ErrorDetail[] => [{ field: name, message }];

/** dd/mm/yyyy of a YYYY-MM-DD day. */
export function dayLabel(date: string): string {
  return formatDate(new Date(`${date}T12:00:00+07:00`));
}

/** The broadcast module's errors (one type, one place): each names the field a person must change. */
export class BroadcastException extends DomainException {
  static invalid(details: ErrorDetail[]): BroadcastException {
    return new BroadcastException('VALIDATION_FAILED', details.map((d) => d.message).join('; '), details);
  }

  static stationNotFound(fieldName = 'stationId'): BroadcastException {
    const message = 'Không tìm thấy đài (stationId)';
    return new BroadcastException('NOT_FOUND', message, field(fieldName, message));
  }

  static slotNotFound(): BroadcastException {
    return new BroadcastException('NOT_FOUND', 'Không tìm thấy khung giờ');
  }

  static stationNameTaken(name: string): BroadcastException {
    const message = `Đơn vị đã có đài tên "${name}"`;
    return new BroadcastException('CONFLICT', message, field('name', message));
  }

  static noSlotsOn(date: string, weekdayName: string): BroadcastException {
    const message = `Ngày ${dayLabel(date)} (${weekdayName}) đài không có khung giờ phát nào: hãy thêm khung giờ cho ${weekdayName} hoặc chọn ngày khác`;
    return new BroadcastException('VALIDATION_FAILED', message, field('date', message));
  }

  static dateOutOfRange(date: string): BroadcastException {
    const message = `Ngày ${date} nằm ngoài khoảng cho phép (từ 01/01/2000 đến một năm sau hôm nay)`;
    return new BroadcastException('VALIDATION_FAILED', message, field('date', message));
  }

  static planNotFound(date: string): BroadcastException {
    return new BroadcastException('NOT_FOUND', `Chưa có lịch phát sóng ngày ${dayLabel(date)}: hãy tạo lịch`);
  }

  static planApproved(date: string): BroadcastException {
    return new BroadcastException(
      'INVALID_STATE',
      `Lịch phát sóng ngày ${dayLabel(date)} đã được duyệt: không tạo lại được; hãy sửa từng mục, kèm lý do`,
    );
  }

  static alreadyApproved(date: string): BroadcastException {
    return new BroadcastException('INVALID_STATE', `Lịch phát sóng ngày ${dayLabel(date)} đã được duyệt rồi`);
  }

  static emptyPlan(): BroadcastException {
    const message = 'Lịch phát sóng không có mục nào: không duyệt lịch trống';
    return new BroadcastException('VALIDATION_FAILED', message, field('items', message));
  }

  static reasonRequired(): BroadcastException {
    const message = 'Lịch đã được duyệt: mọi thay đổi cần ghi lý do (reason)';
    return new BroadcastException('VALIDATION_FAILED', message, field('reason', message));
  }

  static versionConflict(current: number): BroadcastException {
    return new BroadcastException(
      'VERSION_CONFLICT',
      `Lịch vừa được người khác sửa (phiên bản hiện tại ${current}); hãy tải lại rồi sửa tiếp`,
      field('version', 'Phiên bản đã cũ'),
    );
  }

  static idempotencyKeyInvalid(): BroadcastException {
    const message =
      'Khóa chống trùng (Idempotency-Key) phải dài 1–200 ký tự ASCII in được, không có khoảng trắng';
    return new BroadcastException('VALIDATION_FAILED', message, field('Idempotency-Key', message));
  }

  static idempotencyKeyReused(): BroadcastException {
    const message =
      'Khóa chống trùng (Idempotency-Key) này đã dùng cho một lượt phát khác: mỗi lượt phát cần một khóa riêng';
    return new BroadcastException('CONFLICT', message, field('Idempotency-Key', message));
  }

  static relaySlotAudio(): BroadcastException {
    const message = 'Khung giờ (slotId) là khung tiếp âm: không có bản tin nào để ghép thành tệp MP3';
    return new BroadcastException('VALIDATION_FAILED', message, field('slotId', message));
  }

  static emptySlot(date: string, slotName: string): BroadcastException {
    const message = `Khung "${slotName}" ngày ${dayLabel(date)} chưa có bản tin nào: hãy xếp bản tin vào lịch trước khi tải tệp`;
    return new BroadcastException('INVALID_STATE', message, field('slotId', message));
  }

  static slotAudioMissing(title: string): BroadcastException {
    const message = `Tệp âm thanh của "${title}" không còn trong kho: hãy tạo lại bản tin`;
    return new BroadcastException('INVALID_STATE', message, field('slotId', message));
  }

  static file(
    message: string,
    code: 'VALIDATION_FAILED' | 'UNSUPPORTED_MEDIA_TYPE' = 'VALIDATION_FAILED',
  ): BroadcastException {
    return new BroadcastException(code, message, field('file', message));
  }
}
