import { ArticleStatus, STATUS_LABELS } from '@app/articles';
import { DomainException } from '@app/common';

function stateOf(status: string): string {
  return STATUS_LABELS[status as ArticleStatus] ?? status;
}

/** The audio module's errors (one type, one place): each names the field a person must change. */
export class AudioException extends DomainException {
  /** POST /articles/:id/audio on an article that is not approved or published. */
  static articleNotSpeakable(status: string): AudioException {
    return new AudioException(
      'INVALID_STATE',
      `Chỉ tạo âm thanh cho bài đã được duyệt hoặc đã đăng; bài này đang là "${stateOf(status)}" (bài chưa duyệt không được phát)`,
    );
  }

  /** An upload tied to an article that is not approved or published. */
  static uploadArticleNotApproved(status: string): AudioException {
    const message = `Bài viết (articleId) đang là "${stateOf(status)}": chỉ gắn chương trình với bài đã được duyệt hoặc đã đăng`;
    return new AudioException('INVALID_STATE', message, [{ field: 'articleId', message }]);
  }

  static uploadArticleNotInUnit(): AudioException {
    const message = 'Bài viết (articleId) không có trong đơn vị';
    return new AudioException('VALIDATION_FAILED', message, [{ field: 'articleId', message }]);
  }

  /** A recording for a published article goes public at once: only those who may publish upload it. */
  static publicAudioNeedsPublisher(): AudioException {
    const message =
      'Bài viết (articleId) đã đăng: chương trình tải lên sẽ thay phần "Nghe bài viết" trên cổng, nên chỉ lãnh đạo duyệt bài (approver) hoặc quản trị đơn vị được tải lên';
    return new AudioException('FORBIDDEN', message, [{ field: 'articleId', message }]);
  }

  static tooManyPending(limit: number): AudioException {
    const message = `Bài viết này đang có ${limit} bản âm thanh chờ tạo; hãy đợi chúng xong rồi yêu cầu thêm`;
    return new AudioException('TOO_MANY_REQUESTS', message, [{ field: 'articleId', message }]);
  }

  static unknownVoice(voice: string, voices: string[]): AudioException {
    const message = `Giọng đọc "${voice}" không có (các giọng có: ${voices.join(', ')})`;
    return new AudioException('VALIDATION_FAILED', message, [{ field: 'voice', message }]);
  }

  static scriptTooLong(length: number, limit: number, field = 'radioScript'): AudioException {
    const message = `Lời đọc dài ${length.toLocaleString('vi-VN')} ký tự, quá giới hạn ${limit.toLocaleString('vi-VN')}: hãy soạn lời đọc ngắn hơn (${field})`;
    return new AudioException('VALIDATION_FAILED', message, [{ field, message }]);
  }

  static fileTooLong(minutes: string, limitMinutes: string): AudioException {
    const message = `Tệp dài ${minutes} phút, quá giới hạn ${limitMinutes} phút cho một chương trình`;
    return new AudioException('VALIDATION_FAILED', message, [{ field: 'file', message }]);
  }

  static fileSilent(): AudioException {
    const message = 'Tệp âm thanh không có nội dung (dưới nửa giây)';
    return new AudioException('VALIDATION_FAILED', message, [{ field: 'file', message }]);
  }

  /** The worker's reason when the uploaded original is gone. */
  static sourceMissing(): AudioException {
    return new AudioException('NOT_FOUND', 'Không còn tệp gốc của chương trình tải lên');
  }

  /**
   * The worker's reason when the article left approved/published (rejected, unpublished, edited back to
   * draft) before its audio was ready: nothing unapproved is made ready or counted.
   */
  static articleWithdrawn(status: string | null): AudioException {
    return new AudioException(
      'INVALID_STATE',
      status === null
        ? 'Bài viết không còn nữa: không tạo âm thanh'
        : `Bài viết đã chuyển sang "${stateOf(status)}" trước khi âm thanh xong: âm thanh không được tạo (chỉ bài đã duyệt hoặc đã đăng mới được phát)`,
    );
  }

  /** The worker's reason when a unit's own jingle file is gone. */
  static jingleFileMissing(label: string, key: string): AudioException {
    return new AudioException('NOT_FOUND', `Không còn tệp ${label.toLowerCase()} của đơn vị (${key})`);
  }
}
