import { DomainException } from '@app/common';
import type { ArticleStatus } from './article.entity';

export const STATUS_LABELS: Record<ArticleStatus, string> = {
  draft: 'bản nháp',
  submitted: 'chờ duyệt',
  approved: 'đã duyệt',
  rejected: 'bị trả lại',
  published: 'đã đăng',
  unpublished: 'đã gỡ',
};

/** The workflow's actions, as `allowedActions` names them (design.md §6). */
export const ACTION_LABELS = {
  edit: 'sửa',
  submit: 'gửi duyệt',
  approve: 'duyệt',
  reject: 'trả lại',
  publish: 'đăng',
  unpublish: 'gỡ',
} as const;
export type ArticleAction = keyof typeof ACTION_LABELS;
export const ARTICLE_ACTIONS = Object.keys(ACTION_LABELS) as ArticleAction[];

export class ArticlesException extends DomainException {
  static invalidState(
    action: ArticleAction,
    status: ArticleStatus,
    allowed: readonly ArticleStatus[],
  ): ArticlesException {
    return new ArticlesException(
      'INVALID_STATE',
      `Không thể ${ACTION_LABELS[action]} bài đang ở trạng thái "${STATUS_LABELS[status]}"` +
        ` (chỉ ${ACTION_LABELS[action]} được bài ${allowed.map((s) => `"${STATUS_LABELS[s]}"`).join(', ')})`,
    );
  }

  static versionConflict(current: number): ArticlesException {
    const message = `Bài đã được người khác thay đổi (phiên bản hiện tại ${current}). Hãy tải lại rồi sửa tiếp.`;
    return new ArticlesException('VERSION_CONFLICT', message, [{ field: 'version', message }]);
  }

  static unknownCategories(field: string, ids: string[]): ArticlesException {
    const message = `Chuyên mục không có trong đơn vị: ${ids.join(', ')}`;
    return new ArticlesException('VALIDATION_FAILED', message, [{ field, message }]);
  }

  static publishAtInPast(): ArticlesException {
    const message = 'Thời điểm hẹn đăng phải ở sau thời điểm hiện tại';
    return new ArticlesException('VALIDATION_FAILED', message, [{ field: 'publishAt', message }]);
  }

  static emptyBody(field = 'bodyHtml'): ArticlesException {
    const message = 'Nội dung không còn gì sau khi làm sạch (chỉ có mã không được phép)';
    return new ArticlesException('VALIDATION_FAILED', message, [{ field, message }]);
  }

  static categorySlugTaken(slug: string): ArticlesException {
    const message = `Đường dẫn chuyên mục "${slug}" đã có trong đơn vị`;
    return new ArticlesException('CATEGORY_SLUG_TAKEN', message, [{ field: 'slug', message }]);
  }

  static publishedInFuture(index: number): ArticlesException {
    const message = 'Thời điểm đăng gốc không được ở tương lai';
    return new ArticlesException('VALIDATION_FAILED', message, [
      { field: `articles.${index}.publishedAt`, message },
    ]);
  }
}
