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

export const EVIDENCE_TYPE_LABELS: Record<string, string> = {
  'article.published': 'Đăng tin bài',
  'article.unpublished': 'Gỡ tin bài',
  'article.republished': 'Đăng lại tin bài',
  'procedure.published': 'Công khai thủ tục',
  'procedure.updated': 'Cập nhật thủ tục',
  'procedure.abolished': 'Bãi bỏ thủ tục',
  'audio.produced': 'Tạo bản tin âm thanh',
  'plan.approved': 'Duyệt lịch phát sóng',
  'airing.recorded': 'Phát sóng',
  'relay.aired': 'Tiếp âm',
  'emergency.aired': 'Phát khẩn cấp',
  'evidence.corrected': 'Đính chính',
  'test.event': 'Kiểm thử',
};

export const EVIDENCE_METHOD_LABELS: Record<string, string> = {
  live: 'Trực tiếp',
  import: 'Nhập dữ liệu cũ',
  console: 'Bàn điều khiển',
  operator: 'Nhân viên ghi',
  system: 'Hệ thống tự động',
};

export const ARTICLE_STATUS: Record<string, { label: string; color: string }> = {
  draft: { label: 'Bản nháp', color: 'default' },
  submitted: { label: 'Chờ duyệt', color: 'gold' },
  approved: { label: 'Đã duyệt', color: 'blue' },
  rejected: { label: 'Bị trả lại', color: 'red' },
  published: { label: 'Đã đăng', color: 'green' },
  unpublished: { label: 'Đã gỡ', color: 'default' },
};
