import ExcelJS from 'exceljs';
import { csvText } from '@app/common';
import type { CaseList, DossierItem } from '../procedure.entity';
import type { ProcedureContent } from '../procedure-content';
import { COLUMNS, type ColumnKey } from './columns';
import { IMPORT_MAX_ROWS } from './limits';
import {
  formatCases,
  formatDay,
  formatDossier,
  formatLegalBasis,
  formatMethods,
  neutralizeFormula,
  ONLINE_LEVEL_LABELS,
  STATUS_LABELS,
} from './format';

/** A procedure as one row of the template's columns (the export, and the template's examples). */
export type SheetRow = Record<ColumnKey, string>;

export function sheetRow(p: ProcedureContent, replacedByCode: string | null): SheetRow {
  return {
    code: p.code,
    name: p.name,
    field: p.field,
    level: p.level,
    agency: p.agency,
    applicants: p.applicants,
    steps: formatCases(p.steps),
    methods: formatMethods(p.methods),
    dossier: formatDossier(p.dossier),
    dossierCount: p.dossierCount,
    timeLimit: p.timeLimit,
    fees: p.fees,
    forms: p.forms,
    result: p.result,
    conditions: p.conditions,
    legalBasis: formatLegalBasis(p.legalBasis),
    receivingAddress: p.receivingAddress,
    onlineLevel: ONLINE_LEVEL_LABELS[p.onlineLevel],
    onlineUrl: p.onlineUrl ?? '',
    decisionNumber: p.decisionNumber,
    decisionDate: formatDay(p.decisionDate),
    decisionIssuer: p.decisionIssuer,
    status: STATUS_LABELS[p.status],
    replacedByCode: replacedByCode ?? '',
  };
}

const WIDE: ColumnKey[] = ['name', 'steps', 'methods', 'dossier', 'legalBasis', 'conditions'];

/**
 * One sheet with the template's header row; every cell is text, formula-looking ones made inert. The
 * columns are formatted as text (@), so that what a person types stays as typed: a date 01/07/2025 is
 * not turned into a serial, a code 1.0010 keeps its zero.
 */
export async function xlsxOf(rows: SheetRow[], guide = false): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Trang thông tin điện tử xã';
  const sheet = workbook.addWorksheet('Thủ tục hành chính', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = COLUMNS.map((c) => ({
    header: c.label,
    key: c.key,
    width: WIDE.includes(c.key) ? 60 : 22,
    style: { alignment: { wrapText: true, vertical: 'top' }, numFmt: '@' },
  }));
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) {
    const cells = Object.fromEntries(COLUMNS.map((c) => [c.key, neutralizeFormula(row[c.key])]));
    sheet.addRow(cells);
  }
  if (guide) {
    const help = workbook.addWorksheet('Hướng dẫn');
    help.columns = [
      { header: 'Cột', key: 'label', width: 34 },
      { header: 'Bắt buộc', key: 'required', width: 10 },
      { header: 'Cách ghi', key: 'how', width: 100, style: { alignment: { wrapText: true } } },
    ];
    help.getRow(1).font = { bold: true };
    for (const column of COLUMNS) {
      help.addRow({ label: column.label, required: column.required ? 'Có' : '', how: HOW[column.key] });
    }
    help.addRow({ label: 'Giới hạn', required: '', how: LIMITS });
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** CSV by the product's one rule (every field quoted, formula-looking cells made inert, a BOM). */
export function csvOf(rows: SheetRow[]): Buffer {
  return Buffer.from(
    csvText([COLUMNS.map((c) => c.label), ...rows.map((row) => COLUMNS.map((c) => row[c.key]))]),
    'utf8',
  );
}

/** Said in the template's guide and in the admin app's import page. */
export const LIMITS = `Mỗi tệp tối đa ${IMPORT_MAX_ROWS.toLocaleString('vi-VN')} dòng thủ tục và 10 MB; tệp lớn hơn hãy chia thành nhiều tệp. Mỗi Mã TTHC chỉ ghi một dòng.`;

const HOW: Record<ColumnKey, string> = {
  code: 'Mã thủ tục trên Cơ sở dữ liệu quốc gia, ví dụ 1.001193. Nhập lại cùng mã thì thủ tục được cập nhật, không tạo mới.',
  name: 'Tên đầy đủ của thủ tục.',
  field: 'Lĩnh vực, ví dụ Hộ tịch, Chứng thực.',
  level: 'Cấp thực hiện, ví dụ Cấp xã.',
  agency: 'Cơ quan thực hiện.',
  applicants: 'Đối tượng thực hiện.',
  steps: 'Mỗi bước một dòng. Nếu có nhiều trường hợp: dòng "Trường hợp 1: …" rồi các bước của trường hợp đó.',
  methods: 'Mỗi cách thức một dòng, dạng "Trực tiếp: tại Bộ phận Một cửa".',
  dossier:
    'Mỗi giấy tờ một dòng, có thể ghi số lượng: "Tờ khai (bản chính: 01, bản sao: 00)". Nhiều trường hợp: như cột Trình tự.',
  dossierCount: 'Ví dụ: 01 bộ.',
  timeLimit: 'Ví dụ: Ngay trong ngày làm việc.',
  fees: 'Ví dụ: Miễn lệ phí.',
  forms: 'Tên mẫu đơn, tờ khai.',
  result: 'Kết quả thực hiện.',
  conditions: 'Yêu cầu, điều kiện (nếu có).',
  legalBasis: 'Mỗi văn bản một dòng, ví dụ "Luật Hộ tịch số 60/2014/QH13 ngày 20/11/2014".',
  receivingAddress: 'Địa chỉ tiếp nhận hồ sơ.',
  onlineLevel: '"Toàn trình", "Một phần" hoặc để trống (không có dịch vụ công trực tuyến).',
  onlineUrl: 'Đường dẫn đến dịch vụ công trực tuyến (https://…).',
  decisionNumber: 'Số Quyết định công bố, ví dụ 1234/QĐ-UBND.',
  decisionDate:
    'Ngày của Quyết định công bố, dạng ngày/tháng/năm (dd/mm/yyyy), ví dụ 01/07/2025. Ô đã định dạng văn bản; ngày Excel lưu dạng ngày cũng được nhận.',
  decisionIssuer: 'Cơ quan ban hành Quyết định công bố.',
  status: '"Còn hiệu lực" (hoặc để trống), "Sửa đổi, bổ sung", "Thay thế" hoặc "Bãi bỏ".',
  replacedByCode: 'Khi trạng thái là "Thay thế": mã TTHC của thủ tục thay thế.',
};

const step = (items: string[], name: string | null = null): CaseList<string> => ({ case: name, items });
const doc = (name: string, originals: number, copies: number): DossierItem => ({
  name,
  form: null,
  originals,
  copies,
});

/** Two realistic procedures, the second with cases, to show how the cells are written. */
export const TEMPLATE_EXAMPLES: { content: ProcedureContent; replacedByCode: string | null }[] = [
  {
    content: {
      code: '1.001193',
      name: 'Thủ tục đăng ký khai sinh',
      field: 'Hộ tịch',
      level: 'Cấp xã',
      agency: 'Ủy ban nhân dân cấp xã',
      applicants: 'Công dân Việt Nam',
      steps: [
        step([
          'Người yêu cầu nộp hồ sơ tại Bộ phận Một cửa',
          'Công chức tư pháp - hộ tịch kiểm tra hồ sơ',
          'Trả kết quả',
        ]),
      ],
      methods: [
        { channel: 'Trực tiếp', timeLimit: '', fees: '', description: 'tại Bộ phận Một cửa của UBND xã' },
        { channel: 'Trực tuyến', timeLimit: '', fees: '', description: 'qua Cổng Dịch vụ công quốc gia' },
      ],
      dossier: [
        { case: null, items: [doc('Tờ khai đăng ký khai sinh', 1, 0), doc('Giấy chứng sinh', 1, 0)] },
      ],
      dossierCount: '01 bộ',
      timeLimit: 'Ngay trong ngày làm việc',
      fees: 'Miễn lệ phí',
      forms: 'Tờ khai đăng ký khai sinh',
      result: 'Giấy khai sinh',
      conditions: '',
      legalBasis: [
        {
          number: '60/2014/QH13',
          title: 'Luật Hộ tịch số 60/2014/QH13 ngày 20/11/2014',
          issuedOn: '2014-11-20',
          issuer: '',
        },
      ],
      receivingAddress: 'Bộ phận Một cửa UBND xã',
      onlineLevel: 'full',
      onlineUrl: 'https://dichvucong.gov.vn',
      decisionNumber: '1234/QĐ-UBND',
      decisionDate: '2025-07-01',
      decisionIssuer: 'Ủy ban nhân dân tỉnh',
      status: 'active',
      replacedById: null,
    },
    replacedByCode: null,
  },
  {
    content: {
      code: '2.000908',
      name: 'Thủ tục chứng thực bản sao từ bản chính giấy tờ, văn bản',
      field: 'Chứng thực',
      level: 'Cấp xã',
      agency: 'Ủy ban nhân dân cấp xã',
      applicants: 'Cá nhân, tổ chức',
      steps: [
        step(['Nộp bản chính và bản sao', 'Đối chiếu, chứng thực'], 'Trường hợp 1: Người yêu cầu có bản sao'),
        step(['Nộp bản chính', 'Chụp từ bản chính, chứng thực'], 'Trường hợp 2: Cần chụp từ bản chính'),
      ],
      methods: [{ channel: 'Trực tiếp', timeLimit: '', fees: '', description: 'tại UBND xã' }],
      dossier: [
        { case: 'Trường hợp 1: Người yêu cầu có bản sao', items: [doc('Bản chính và bản sao', 1, 1)] },
        { case: 'Trường hợp 2: Cần chụp từ bản chính', items: [doc('Bản chính', 1, 0)] },
      ],
      dossierCount: '01 bộ',
      timeLimit: 'Trong ngày tiếp nhận',
      fees: '2.000 đồng/trang',
      forms: '',
      result: 'Bản sao được chứng thực',
      conditions: '',
      legalBasis: [
        {
          number: '23/2015/NĐ-CP',
          title: 'Nghị định số 23/2015/NĐ-CP ngày 16/02/2015',
          issuedOn: '2015-02-16',
          issuer: '',
        },
      ],
      receivingAddress: 'Bộ phận Một cửa UBND xã',
      onlineLevel: 'partial',
      onlineUrl: null,
      decisionNumber: '1234/QĐ-UBND',
      decisionDate: '2025-07-01',
      decisionIssuer: 'Ủy ban nhân dân tỉnh',
      status: 'active',
      replacedById: null,
    },
    replacedByCode: null,
  },
];
