import type { Role, Unit } from '../api/client';

export const ROLE_LABELS: Record<Role, string> = {
  admin: 'Quản trị đơn vị',
  editor: 'Biên tập viên',
  approver: 'Lãnh đạo duyệt',
  operator: 'Vận hành đài',
  reporter: 'Lập báo cáo',
};

export const ROLES = Object.keys(ROLE_LABELS) as Role[];

export const UNIT_KIND_LABELS: Record<Unit['kind'], string> = {
  province: 'Tỉnh, thành phố',
  commune: 'Xã',
  ward: 'Phường',
  special_zone: 'Đặc khu',
  department: 'Sở, ban, ngành',
  other: 'Khác',
};

/** 1 = Monday … 7 = Sunday (design.md §4). */
export const WEEKDAY_LABELS: Record<number, string> = {
  1: 'Thứ Hai',
  2: 'Thứ Ba',
  3: 'Thứ Tư',
  4: 'Thứ Năm',
  5: 'Thứ Sáu',
  6: 'Thứ Bảy',
  7: 'Chủ nhật',
};

export const ARTICLE_STATUS: Record<string, { label: string; color: string }> = {
  draft: { label: 'Bản nháp', color: 'default' },
  submitted: { label: 'Chờ duyệt', color: 'gold' },
  approved: { label: 'Đã duyệt', color: 'blue' },
  rejected: { label: 'Bị trả lại', color: 'red' },
  published: { label: 'Đã đăng', color: 'green' },
  unpublished: { label: 'Đã gỡ', color: 'default' },
};

export const PROCEDURE_STATUS: Record<string, { label: string; color: string }> = {
  active: { label: 'Còn hiệu lực', color: 'green' },
  amended: { label: 'Sửa đổi, bổ sung', color: 'blue' },
  replaced: { label: 'Bị thay thế', color: 'orange' },
  abolished: { label: 'Bãi bỏ', color: 'default' },
};

export const ONLINE_LEVEL_LABELS: Record<string, string> = {
  full: 'Toàn trình',
  partial: 'Một phần',
  none: 'Không',
};

/** A procedure's components by the api's field names, as the template's columns name them. */
export const PROCEDURE_FIELD_LABELS: Record<string, string> = {
  code: 'Mã TTHC',
  name: 'Tên thủ tục',
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
  receivingAddress: 'Địa chỉ tiếp nhận',
  onlineLevel: 'Mức độ dịch vụ công trực tuyến',
  onlineUrl: 'Đường dẫn dịch vụ công',
  decisionNumber: 'Số quyết định công bố',
  decisionDate: 'Ngày quyết định công bố',
  decisionIssuer: 'Cơ quan ban hành quyết định',
  status: 'Trạng thái',
  replacedById: 'Thủ tục thay thế',
  replacedByCode: 'Mã TTHC thay thế',
  file: 'Tệp',
};

/** `dossier.0.items.1.name` → "Thành phần hồ sơ"; an unknown name as it is. */
export function procedureFieldLabel(field: string | null | undefined): string {
  if (!field) {
    return '';
  }
  const top = field.split('.')[0];
  return PROCEDURE_FIELD_LABELS[top] ?? field;
}

export const PROCEDURE_ACTION_LABELS: Record<string, string> = {
  create: 'Thêm mới',
  update: 'Sửa',
  import: 'Nhập từ tệp',
  publish: 'Đăng lên cổng thông tin',
  abolish: 'Bãi bỏ',
};

/** What an import does with a row of the file. */
export const IMPORT_ROW_ACTION: Record<string, { label: string; color: string }> = {
  create: { label: 'Thêm mới', color: 'green' },
  update: { label: 'Cập nhật', color: 'blue' },
  unchanged: { label: 'Không đổi', color: 'default' },
  error: { label: 'Lỗi', color: 'red' },
};

export const AUDIO_STATUS: Record<string, { label: string; color: string }> = {
  queued: { label: 'Đang chờ', color: 'default' },
  processing: { label: 'Đang xử lý', color: 'processing' },
  ready: { label: 'Sẵn sàng', color: 'green' },
  failed: { label: 'Lỗi', color: 'red' },
};

export const AUDIO_KIND_LABELS: Record<string, string> = {
  speech: 'Đọc từ tin bài',
  upload: 'Chương trình tải lên',
};

/** Which engine spoke, by the api's provider name. */
export const AUDIO_PROVIDER_LABELS: Record<string, string> = {
  espeak: 'eSpeak (ngoại tuyến)',
  google: 'Google Cloud Text-to-Speech',
  upload: 'Tệp tải lên',
};
