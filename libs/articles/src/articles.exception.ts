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
  'correct-radio-script': 'sửa lời đọc cho đài',
} as const;
export type ArticleAction = keyof typeof ACTION_LABELS;
export const ARTICLE_ACTIONS = Object.keys(ACTION_LABELS) as ArticleAction[];

/** The action said with its object: "duyệt bài", "sửa lời đọc cho đài của bài". */
export function actionOnArticle(action: ArticleAction): string {
  return action === 'correct-radio-script'
    ? `${ACTION_LABELS[action]} của bài`
    : `${ACTION_LABELS[action]} bài`;
}

const quoted = (states: readonly ArticleStatus[]): string =>
  states.map((s) => `"${STATUS_LABELS[s]}"`).join(', ');

export class ArticlesException extends DomainException {
  static invalidState(
    action: ArticleAction,
    status: ArticleStatus,
    allowed: readonly ArticleStatus[],
  ): ArticlesException {
    const now = `Không thể ${actionOnArticle(action)} đang ở trạng thái "${STATUS_LABELS[status]}"`;
    return new ArticlesException(
      'INVALID_STATE',
      action === 'correct-radio-script'
        ? // The correction is for what has been decided; before that, the writer edits the script in the article.
          `${now}: chỉ sửa riêng lời đọc khi bài ${quoted(allowed)}. Bài chưa duyệt thì sửa lời đọc ngay trong bài.`
        : `${now} (chỉ ${ACTION_LABELS[action]} được bài ${quoted(allowed)})`,
    );
  }

  static versionConflict(current: number): ArticlesException {
    const message = `Bài đã được người khác thay đổi (phiên bản hiện tại ${current}). Hãy tải lại rồi sửa tiếp.`;
    return new ArticlesException('VERSION_CONFLICT', message, [{ field: 'version', message }]);
  }

  static radioScriptUnchanged(): ArticlesException {
    const message = 'Lời đọc mới giống hệt lời đọc hiện tại: không có gì để sửa';
    return new ArticlesException('VALIDATION_FAILED', message, [{ field: 'radioScript', message }]);
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
