import { DomainException, ErrorDetail } from '@app/common';

export class SpeechException extends DomainException {
  static invalidLexicon(details: ErrorDetail[]): SpeechException {
    const fields = [...new Set(details.map((d) => d.field))];
    return new SpeechException(
      'VALIDATION_FAILED',
      `Từ điển cách đọc không hợp lệ: ${fields.join(', ')}`,
      details,
    );
  }
}
