/**
 * Every kind of fact the log keeps (design.md §4). Reports count these; add a type here before
 * recording it, and never rename one that has rows.
 */
export const EVIDENCE_TYPES = [
  'article.published',
  'article.unpublished',
  'article.republished',
  'article.audio-changed',
  'procedure.published',
  'procedure.updated',
  'procedure.abolished',
  'audio.produced',
  'plan.approved',
  'airing.recorded',
  'relay.recorded',
  'emergency.aired',
  'evidence.corrected',
  // Used by tests and benchmarks of the log itself; never counted by a report.
  'test.event',
] as const;
export type EvidenceType = (typeof EVIDENCE_TYPES)[number];

/** What each type is called in Vietnamese, for the lists and files people read. */
export const EVIDENCE_TYPE_LABELS: Record<EvidenceType, string> = {
  'article.published': 'Đăng tin bài',
  'article.unpublished': 'Gỡ tin bài',
  'article.republished': 'Đăng lại tin bài',
  'article.audio-changed': 'Thay âm thanh của tin bài đã đăng',
  'procedure.published': 'Công khai thủ tục',
  'procedure.updated': 'Cập nhật thủ tục',
  'procedure.abolished': 'Bãi bỏ thủ tục',
  'audio.produced': 'Tạo bản tin âm thanh',
  'plan.approved': 'Duyệt lịch phát sóng',
  'airing.recorded': 'Phát sóng',
  'relay.recorded': 'Tiếp âm',
  'emergency.aired': 'Phát khẩn cấp',
  'evidence.corrected': 'Đính chính',
  'test.event': 'Kiểm thử',
};

/** How a row came to be recorded (`method`), in Vietnamese. */
export const EVIDENCE_METHOD_LABELS: Record<string, string> = {
  live: 'Trực tiếp',
  import: 'Nhập dữ liệu cũ',
  console: 'Bàn điều khiển',
  operator: 'Nhân viên ghi',
  system: 'Hệ thống tự động',
};
