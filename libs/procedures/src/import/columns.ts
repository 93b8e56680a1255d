/**
 * The columns of the CSV/XLSX template (and of the export): Vietnamese headers as officials name them,
 * matched without accents or case, with the other names seen in provinces' sheets.
 */
export const COLUMNS = [
  { key: 'code', label: 'Mã TTHC', aliases: ['Mã thủ tục', 'Mã số', 'MATTHC', 'Mã'], required: true },
  {
    key: 'name',
    label: 'Tên thủ tục',
    aliases: ['Tên TTHC', 'Tên thủ tục hành chính', 'TENTTHC'],
    required: true,
  },
  { key: 'field', label: 'Lĩnh vực', aliases: ['Lĩnh vực thực hiện'], required: true },
  { key: 'level', label: 'Cấp thực hiện', aliases: ['Cấp'], required: false },
  { key: 'agency', label: 'Cơ quan thực hiện', aliases: ['Cơ quan giải quyết'], required: false },
  { key: 'applicants', label: 'Đối tượng thực hiện', aliases: ['Đối tượng'], required: false },
  { key: 'steps', label: 'Trình tự thực hiện', aliases: ['Trình tự'], required: false },
  { key: 'methods', label: 'Cách thức thực hiện', aliases: ['Cách thức'], required: false },
  { key: 'dossier', label: 'Thành phần hồ sơ', aliases: ['Hồ sơ'], required: false },
  { key: 'dossierCount', label: 'Số lượng hồ sơ', aliases: ['Số bộ hồ sơ'], required: false },
  { key: 'timeLimit', label: 'Thời hạn giải quyết', aliases: ['Thời hạn'], required: false },
  { key: 'fees', label: 'Phí, lệ phí', aliases: ['Phí lệ phí', 'Lệ phí', 'Phí'], required: false },
  { key: 'forms', label: 'Mẫu đơn, tờ khai', aliases: ['Mẫu đơn tờ khai', 'Mẫu đơn'], required: false },
  { key: 'result', label: 'Kết quả thực hiện', aliases: ['Kết quả'], required: false },
  {
    key: 'conditions',
    label: 'Yêu cầu, điều kiện',
    aliases: ['Yêu cầu điều kiện', 'Điều kiện'],
    required: false,
  },
  { key: 'legalBasis', label: 'Căn cứ pháp lý', aliases: ['Căn cứ pháp lý của TTHC'], required: false },
  {
    key: 'receivingAddress',
    label: 'Địa chỉ tiếp nhận',
    aliases: ['Địa chỉ tiếp nhận hồ sơ'],
    required: false,
  },
  {
    key: 'onlineLevel',
    label: 'Mức độ dịch vụ công trực tuyến',
    aliases: ['Mức độ DVC', 'Dịch vụ công trực tuyến', 'Mức độ'],
    required: false,
  },
  {
    key: 'onlineUrl',
    label: 'Đường dẫn dịch vụ công',
    aliases: ['Đường dẫn DVC', 'Link DVC', 'URL'],
    required: false,
  },
  {
    key: 'decisionNumber',
    label: 'Số quyết định công bố',
    aliases: ['Quyết định công bố', 'Số QĐ công bố', 'Số QĐ'],
    required: false,
  },
  {
    key: 'decisionDate',
    label: 'Ngày quyết định công bố',
    aliases: ['Ngày QĐ công bố', 'Ngày ban hành quyết định', 'Ngày QĐ'],
    required: false,
  },
  {
    key: 'decisionIssuer',
    label: 'Cơ quan ban hành quyết định',
    aliases: ['Cơ quan công bố', 'Cơ quan ban hành'],
    required: false,
  },
  { key: 'status', label: 'Trạng thái', aliases: ['Tình trạng'], required: false },
  {
    key: 'replacedByCode',
    label: 'Mã TTHC thay thế',
    aliases: ['Thay thế bởi', 'Mã thủ tục thay thế'],
    required: false,
  },
] as const;

export type ColumnKey = (typeof COLUMNS)[number]['key'];

export function columnLabel(key: string): string {
  return COLUMNS.find((c) => c.key === key)?.label ?? key;
}
