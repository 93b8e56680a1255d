import { ArgumentMetadata, ValidationError, ValidationPipe } from '@nestjs/common';
import { ErrorDetail, ValidationException } from './errors';
import { label } from './field-labels';
import { cleanInput } from './request-hygiene';

/** The number or list class-validator put into its English default message. */
function param(english: string): string {
  const m =
    /(?:than or equal to|less than|greater than|at least|more than|following values:)\s+(.+?)(?: characters| elements)?$/.exec(
      english,
    );
  return m ? m[1] : '';
}

const TEMPLATES: Record<string, (p: string) => string> = {
  whitelistValidation: () => 'không được phép gửi lên (trường không có trong yêu cầu)',
  isDefined: () => 'là bắt buộc',
  isNotEmpty: () => 'không được để trống',
  isString: () => 'phải là chuỗi ký tự',
  isInt: () => 'phải là số nguyên',
  isNumber: () => 'phải là số',
  isPositive: () => 'phải là số dương',
  isBoolean: () => 'phải là true hoặc false',
  isUuid: () => 'phải là mã định danh UUID hợp lệ',
  isEnum: (p) => `phải là một trong các giá trị: ${p}`,
  isIn: (p) => `phải là một trong các giá trị: ${p}`,
  minLength: (p) => `phải có ít nhất ${p} ký tự`,
  maxLength: (p) => `không được dài quá ${p} ký tự`,
  min: (p) => `không được nhỏ hơn ${p}`,
  max: (p) => `không được lớn hơn ${p}`,
  isArray: () => 'phải là một danh sách',
  arrayMinSize: (p) => `phải có ít nhất ${p} phần tử`,
  arrayMaxSize: (p) => `không được có quá ${p} phần tử`,
  arrayUnique: () => 'không được có phần tử trùng nhau',
  matches: () => 'không đúng định dạng',
  isDateString: () => 'phải là ngày giờ theo ISO 8601',
  isIso8601: () => 'phải là ngày giờ theo ISO 8601',
  isObject: () => 'phải là một đối tượng',
  nestedValidation: () => 'phải là một đối tượng hợp lệ',
  isEmail: () => 'phải là địa chỉ thư điện tử hợp lệ',
  isUrl: () => 'phải là địa chỉ URL hợp lệ',
  isCalendarDate: () => 'phải là một ngày có thật, dạng YYYY-MM-DD',
  noHtml: () => 'không được chứa mã HTML; hãy nhập văn bản thuần',
  storableText: () => 'có ký tự không lưu được (NUL, hay nửa cặp UTF-16 như \\ud800); hãy gõ lại',
};

export function translateConstraint(type: string, english: string): string {
  const key = type === 'isUUID' ? 'isUuid' : type === 'isISO8601' ? 'isIso8601' : type;
  const template = TEMPLATES[key];
  return template ? template(param(english)) : 'không hợp lệ';
}

/** Flattens class-validator errors into `{field, message}` with dotted paths, in Vietnamese. */
export function toErrorDetails(errors: ValidationError[], parent = ''): ErrorDetail[] {
  const out: ErrorDetail[] = [];
  for (const error of errors) {
    const path = parent ? `${parent}.${error.property}` : error.property;
    for (const [type, english] of Object.entries(error.constraints ?? {})) {
      out.push({ field: path, message: `${label(path)} ${translateConstraint(type, english)}` });
    }
    if (error.children?.length) {
      out.push(...toErrorDetails(error.children, path));
    }
  }
  return out;
}

class AppValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    // JSON bodies were cleaned where they were parsed (create-app.ts); query strings and path
    // parameters get the same treatment here, the one place every one of them passes.
    const cleaned = metadata.type === 'query' || metadata.type === 'param' ? cleanInput(value) : value;
    return super.transform(cleaned, metadata);
  }
}

/** The one global pipe (style.md): whitelist, forbid unknown fields, transform. */
export function createValidationPipe(): ValidationPipe {
  return new AppValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => new ValidationException(toErrorDetails(errors)),
  });
}
