import { ArgumentMetadata, ValidationError, ValidationPipe } from '@nestjs/common';
import { DomainException, ErrorDetail, ValidationException } from './errors';

/** Vietnamese names of common fields, shown in messages next to the field path. */
const LABELS: Record<string, string> = {
  username: 'Tên đăng nhập',
  password: 'Mật khẩu',
  currentPassword: 'Mật khẩu hiện tại',
  newPassword: 'Mật khẩu mới',
  fullName: 'Họ và tên',
  code: 'Mã',
  name: 'Tên',
  kind: 'Loại',
  parentId: 'Đơn vị cấp trên',
  slug: 'Đường dẫn',
  settings: 'Thiết lập',
  memberships: 'Phân quyền',
  unitId: 'Đơn vị',
  role: 'Vai trò',
  id: 'Mã định danh',
  page: 'Trang',
  pageSize: 'Số dòng mỗi trang',
  from: 'Từ ngày',
  to: 'Đến ngày',
  type: 'Loại',
  disabled: 'Khóa tài khoản',
  title: 'Tiêu đề',
  summary: 'Tóm tắt',
  bodyHtml: 'Nội dung',
  categoryIds: 'Chuyên mục',
  categoryId: 'Chuyên mục',
  tags: 'Từ khóa',
  radioScript: 'Kịch bản phát thanh',
  priority: 'Mức ưu tiên',
  plannedAirings: 'Số lần phát dự kiến',
  version: 'Phiên bản',
  publishAt: 'Thời điểm đăng',
  publishedAt: 'Thời điểm đăng',
  reason: 'Lý do',
  status: 'Trạng thái',
  q: 'Từ khóa tìm kiếm',
  sourceUrl: 'Địa chỉ bài gốc',
  articles: 'Danh sách bài',
  countsAsCchc: 'Tính là tuyên truyền CCHC',
  authorId: 'Tác giả',
  portalHost: 'Tên miền cổng thông tin',
  field: 'Lĩnh vực',
  level: 'Cấp thực hiện',
  agency: 'Cơ quan thực hiện',
  applicants: 'Đối tượng thực hiện',
  steps: 'Trình tự thực hiện',
  methods: 'Cách thức thực hiện',
  dossier: 'Thành phần hồ sơ',
  dossierCount: 'Số lượng hồ sơ',
  timeLimit: 'Thời hạn giải quyết',
  fees: 'Phí, lệ phí',
  forms: 'Mẫu đơn, tờ khai',
  result: 'Kết quả thực hiện',
  conditions: 'Yêu cầu, điều kiện',
  legalBasis: 'Căn cứ pháp lý',
  text: 'Văn bản',
  voice: 'Giọng đọc',
  speakingRate: 'Tốc độ đọc',
  loudnessTargetLufs: 'Độ to chuẩn (LUFS)',
  receivingAddress: 'Địa chỉ tiếp nhận hồ sơ',
  onlineLevel: 'Mức độ dịch vụ công trực tuyến',
  onlineUrl: 'Đường dẫn dịch vụ công trực tuyến',
  decisionNumber: 'Số quyết định công bố',
  decisionDate: 'Ngày quyết định công bố',
  decisionIssuer: 'Cơ quan ban hành quyết định',
  replacedById: 'Thủ tục thay thế',
  case: 'Trường hợp',
  items: 'Các mục',
  channel: 'Kênh thực hiện',
  originals: 'Số bản chính',
  copies: 'Số bản sao',
  number: 'Số văn bản',
  issuedOn: 'Ngày ban hành',
  issuer: 'Cơ quan ban hành',
  form: 'Mẫu đơn',
  description: 'Mô tả',
};

function label(path: string): string {
  const last =
    path
      .split('.')
      .filter((p) => !/^\d+$/.test(p))
      .pop() ?? path;
  const vi = LABELS[last];
  return vi ? `${vi} (${path})` : `Trường "${path}"`;
}

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

/** Deeper than any DTO of ours; a bomb of nested arrays stops here, before it can exhaust the stack. */
const MAX_DEPTH = 32;

/**
 * Input PostgreSQL cannot store or Nest cannot walk is refused first, naming the field: the NUL character
 * (text columns reject it) and absurd nesting.
 */
export function assertStorableInput(value: unknown, path = '', depth = 0): void {
  if (typeof value === 'string') {
    if (value.includes('\u0000')) {
      const field = path || 'body';
      throw new ValidationException([
        { field, message: `${label(field)} không được chứa ký tự NUL (\\u0000)` },
      ]);
    }
    return;
  }
  if (value === null || typeof value !== 'object') {
    return;
  }
  if (depth >= MAX_DEPTH) {
    throw new DomainException('VALIDATION_FAILED', `Dữ liệu lồng nhau quá sâu (tối đa ${MAX_DEPTH} cấp)`, [
      { field: path || 'body', message: `Dữ liệu lồng nhau quá sâu (tối đa ${MAX_DEPTH} cấp)` },
    ]);
  }
  for (const [key, child] of Object.entries(value)) {
    const childPath = path ? `${path}.${key}` : key;
    if (key.includes('\u0000')) {
      throw new ValidationException([{ field: childPath, message: 'Tên trường không được chứa ký tự NUL' }]);
    }
    assertStorableInput(child, childPath, depth + 1);
  }
}

class AppValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    assertStorableInput(value);
    return super.transform(value, metadata);
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
