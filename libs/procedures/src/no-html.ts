import { registerDecorator, ValidationOptions } from 'class-validator';
import { unstorable } from './import/storable';

const TAG = /<\/?[a-z][a-z0-9-]*(\s[^<>]*)?\/?>|<!--/i;

/** True when a text holds an HTML tag or comment ("< 5 ngày" is not one). */
export function containsHtml(value: unknown): boolean {
  return typeof value === 'string' && TAG.test(value);
}

/**
 * Procedure components are plain text, shown escaped. A tag in one (pasted from a web page, or an
 * attempt at script) is refused with a message naming the field, rather than silently altered; so is
 * text PostgreSQL cannot store (NUL, a lone UTF-16 surrogate such as "\ud800"), which was a 5xx in the
 * jsonb components.
 */
export function NoHtml(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) => {
    registerDecorator({
      name: 'noHtml',
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message: 'không được chứa mã HTML; hãy nhập văn bản thuần', ...options },
      validator: { validate: (value: unknown) => !containsHtml(value) },
    });
    registerDecorator({
      name: 'storableText',
      target: target.constructor,
      propertyName: String(propertyName),
      options: { message: 'có ký tự không lưu được', ...options },
      validator: { validate: (value: unknown) => !(typeof value === 'string' && unstorable(value) !== null) },
    });
  };
}
