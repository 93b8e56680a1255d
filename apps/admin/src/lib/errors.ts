import type { FormInstance } from 'antd';
import { ApiError } from '../api/client';

type NamePath = (string | number)[];

/** `memberships.0.role` → ['memberships', 0, 'role'], antd's name path. */
export function toNamePath(field: string): NamePath {
  return field.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

function hasPath(values: unknown, path: NamePath): boolean {
  let node: unknown = values;
  for (const key of path) {
    if (node === null || typeof node !== 'object' || !(key in node)) {
      return false;
    }
    node = (node as Record<string | number, unknown>)[key];
  }
  return true;
}

/**
 * Puts the api's field messages under their fields. Returns what is left for a notice: the message of
 * an error without field details, or of details naming fields this form does not show.
 */
export function applyFieldErrors(form: FormInstance | undefined, error: unknown): string | null {
  if (!(error instanceof ApiError)) {
    return 'Đã xảy ra lỗi không mong muốn. Vui lòng thử lại.';
  }
  const details = error.body.details ?? [];
  if (!form || details.length === 0) {
    return error.body.message;
  }
  const shown = form.getFieldsValue() as unknown;
  const byField = new Map<string, { name: NamePath; errors: string[] }>();
  const rest: string[] = [];
  for (const detail of details) {
    const name = toNamePath(detail.field);
    if (hasPath(shown, name)) {
      const entry = byField.get(detail.field) ?? { name, errors: [] };
      entry.errors.push(detail.message);
      byField.set(detail.field, entry);
    } else {
      rest.push(detail.message);
    }
  }
  form.setFields([...byField.values()]);
  const first = [...byField.values()][0];
  if (first) {
    form.scrollToField(first.name, { block: 'center', focus: true });
  }
  return rest.length > 0 ? rest.join('; ') : null;
}

export function errorMessage(error: unknown): string {
  return error instanceof ApiError ? error.body.message : 'Đã xảy ra lỗi không mong muốn. Vui lòng thử lại.';
}
