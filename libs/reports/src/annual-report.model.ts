import { figure } from './figures';
import type { FigureOverride, ReportSections } from './report-text.entity';
import type { SummaryResponse } from './reports.dto';
import type { PropagandaPlanResponse } from './records.dto';

// The annual report "Kết quả công tác tuyên truyền cải cách hành chính năm N" as a model: the blocks of the
// Nghị định 30/2020 layout with every number filled in from the summary. Pure, so its text is tested as a
// golden snapshot; annual-report.docx.ts lays it out in Word, and the admin app previews the same blocks.

export const TEMPLATE = 'cchc-propaganda-annual';

export type Block =
  | { kind: 'heading'; text: string }
  | { kind: 'subheading'; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'note'; text: string };

export interface ReportModel {
  /** Box 2: the issuing body, one line each (the last one bold). */
  issuer: string[];
  /** Box 3: "Số: …/BC-UBND". */
  number: string;
  /** Box 4: "Hà Kỳ, ngày 22 tháng 12 năm 2023". */
  placeAndDate: string;
  /** Box 5a: "BÁO CÁO" and the title. */
  kind: string;
  title: string;
  body: Block[];
  recipients: string[];
  signer: { lines: string[]; name: string };
  annex: { title: string[]; caption: string; header: string[]; rows: string[][] };
}

/** What the model is made from. */
export interface ReportInput {
  year: number;
  unit: { name: string; kind: string; settings: Record<string, unknown> };
  parent: { name: string } | null;
  summary: SummaryResponse;
  plans: PropagandaPlanResponse[];
  sections: ReportSections;
  recipients: string[];
  overrides: FigureOverride[];
  /** The report's day (YYYY-MM-DD) and, when known, its number. */
  issuedOn: string;
  number?: string;
  signer?: { title?: string; name?: string };
}

const PEOPLES_COMMITTEE = /^(ubnd|ủy ban nhân dân|uỷ ban nhân dân)\s+/i;
const PLACE_WORDS = /^(xã|phường|thị trấn|đặc khu|tỉnh|thành phố|thị xã|huyện|quận)\s+/i;

/** Whether the unit is a People's Committee (a commune, ward, zone or province), not a department. */
function isCommittee(input: ReportInput): boolean {
  return !['department', 'other'].includes(input.unit.kind) || PEOPLES_COMMITTEE.test(input.unit.name);
}

const upper = (text: string): string => text.toLocaleUpperCase('vi-VN');

/** "UBND xã Hà Kỳ" → "Hà Kỳ"; "Phòng Văn hóa và Thông tin" keeps its parent's place. */
export function placeOf(input: ReportInput): string {
  const configured = input.unit.settings.placeName;
  if (typeof configured === 'string' && configured.trim() !== '') {
    return configured.trim();
  }
  const name = isCommittee(input) ? input.unit.name : (input.parent?.name ?? input.unit.name);
  return name.replace(PEOPLES_COMMITTEE, '').replace(PLACE_WORDS, '').trim();
}

function issuer(input: ReportInput): string[] {
  if (isCommittee(input)) {
    return ['ỦY BAN NHÂN DÂN', upper(input.unit.name.replace(PEOPLES_COMMITTEE, ''))];
  }
  return input.parent ? [upper(input.parent.name), upper(input.unit.name)] : [upper(input.unit.name)];
}

/** "TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH", or a department's "TRƯỞNG PHÒNG". */
function signer(input: ReportInput): { lines: string[]; name: string } {
  const committee = isCommittee(input);
  const configured = input.signer?.title ?? input.unit.settings.signerTitle;
  const title = upper(
    typeof configured === 'string' && configured.trim() !== ''
      ? configured.trim()
      : committee
        ? 'Chủ tịch'
        : 'Trưởng phòng',
  );
  const lines: string[] = committee ? ['TM. ỦY BAN NHÂN DÂN'] : [];
  if (title.startsWith('PHÓ ')) {
    lines.push(`KT. ${title.slice(4)}`);
  }
  lines.push(title);
  const name = input.signer?.name ?? input.unit.settings.signerName;
  return { lines, name: typeof name === 'string' ? name.trim() : '' };
}

/** Box 3's suffix: the unit's own (`BC-VHTT`), else a People's Committee's `BC-UBND`. */
function suffix(input: ReportInput): string {
  const configured = input.unit.settings.documentSuffix;
  if (typeof configured === 'string' && configured.trim() !== '') {
    return configured.trim();
  }
  return isCommittee(input) ? 'BC-UBND' : 'BC';
}

function longDate(date: string): string {
  const [y, m, d] = date.split('-');
  return `ngày ${d} tháng ${m} năm ${y}`;
}

const shortDate = (date: string): string => date.split('-').reverse().join('/');
const count = (n: number): string => n.toLocaleString('vi-VN');
const hours = (minutes: number): string =>
  (Math.round((minutes / 60) * 10) / 10).toLocaleString('vi-VN', { maximumFractionDigits: 1 });

/** Paragraphs of a written section: one per non-empty line. */
function written(text: string): Block[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map((line) => ({ kind: 'paragraph', text: line }));
}

/** How the text names the unit: "UBND xã Hà Kỳ", or "Phòng Văn hóa và Thông tin thị xã Hương Trà". */
function fullName(input: ReportInput): string {
  if (isCommittee(input) || !input.parent) {
    return input.unit.name;
  }
  return `${input.unit.name} ${input.parent.name.replace(PEOPLES_COMMITTEE, '')}`;
}

export function buildReportModel(input: ReportInput): ReportModel {
  const { year, summary } = input;
  const unitName = fullName(input);
  const committee = isCommittee(input);
  const overrides = new Map(input.overrides.map((o) => [o.figure, o]));
  const marked: FigureOverride[] = [];
  /** A figure as the report writes it: the count, or a person's value marked (*) with its note. */
  const value = (path: string, format: (n: number) => string = count): string => {
    const [group, name] = path.split('.');
    const counted = (summary as unknown as Record<string, Record<string, number>>)[group][name];
    const override = overrides.get(path);
    if (override && override.value !== counted) {
      if (!marked.includes(override)) {
        marked.push(override);
      }
      return `${format(override.value)} (*)`;
    }
    return format(counted);
  };

  const p = summary.portal;
  const r = summary.radio;
  const a = summary.activities;
  const stats: Block[] = [];
  const categories = p.byCategory
    .filter((c) => c.count > 0)
    .map((c) => `${c.name}: ${count(c.count)}`)
    .join('; ');
  const shown = (path: string, counted: number): boolean => counted > 0 || overrides.has(path);
  stats.push({
    kind: 'paragraph',
    text:
      `- Trên Trang thông tin điện tử: năm ${year}, ${unitName} đã đăng tải ${value('portal.articlesPublished')} tin bài, ` +
      `trong đó ${value('portal.cchcArticlesPublished')} tin bài tuyên truyền về cải cách hành chính` +
      (categories ? ` (theo chuyên mục: ${categories})` : '') +
      (committee || shown('portal.proceduresPublished', p.proceduresPublished)
        ? `; công khai ${value('portal.proceduresPublished')} thủ tục hành chính`
        : '') +
      '.' +
      (committee || shown('portal.visits', p.visits)
        ? ` Số lượt truy cập trang thông tin điện tử là ${value('portal.visits')} lượt.`
        : ''),
  });
  const radioFigures = ['radio.piecesProduced', 'radio.airings', 'radio.relayAirings'] as const;
  if (committee || radioFigures.some((path) => shown(path, r[path.slice(6) as keyof typeof r]))) {
    stats.push({
      kind: 'paragraph',
      text:
        `- Trên hệ thống truyền thanh: Đài truyền thanh đã xây dựng ${value('radio.piecesProduced')} bài tuyên truyền, ` +
        `trong đó ${value('radio.cchcPiecesProduced')} bài về cải cách hành chính. Tổng số lượt phát sóng là ` +
        `${value('radio.airings')} lượt với thời lượng ${value('radio.airedMinutes', hours)} giờ, trong đó ` +
        `${value('radio.cchcAirings')} lượt phát tin bài về cải cách hành chính.` +
        (shown('radio.relayAirings', r.relayAirings)
          ? ` Đài còn tiếp âm ${value('radio.relayAirings')} lượt chương trình của đài cấp trên ` +
            `(${value('radio.relayMinutes', hours)} giờ) theo đúng lịch quy định.`
          : '') +
        (shown('radio.emergencyAirings', r.emergencyAirings)
          ? ` Phát ${value('radio.emergencyAirings')} lượt thông báo khẩn cấp.`
          : ''),
    });
  }
  const activities: string[] = [];
  if (a.conference > 0 || overrides.has('activities.conference')) {
    activities.push(`tổ chức ${value('activities.conference')} hội nghị, hội thảo tuyên truyền`);
  }
  if (a.one_stop_guidance > 0 || overrides.has('activities.one_stop_guidance')) {
    activities.push(
      `hướng dẫn, tuyên truyền trực tiếp cho ${value('activities.one_stop_guidance')} lượt người tại bộ phận một cửa`,
    );
  }
  if (a.banner > 0 || overrides.has('activities.banner')) {
    activities.push(`treo ${value('activities.banner')} pano, áp phích, băng rôn, khẩu hiệu`);
  }
  if (a.leaflet > 0 || overrides.has('activities.leaflet')) {
    activities.push(`phát hành ${value('activities.leaflet')} tờ rơi, tờ gấp`);
  }
  if (a.other > 0 || overrides.has('activities.other')) {
    activities.push(`${value('activities.other')} hoạt động tuyên truyền khác`);
  }
  if (activities.length > 0) {
    const sentence = activities.join('; ');
    stats.push({ kind: 'paragraph', text: `- Các hình thức khác: ${sentence}.` });
  }
  for (const override of marked) {
    const definition = figure(override.figure);
    const [group, name] = override.figure.split('.');
    const counted = (summary as unknown as Record<string, Record<string, number>>)[group][name];
    stats.push({
      kind: 'note',
      text:
        `(*) ${definition?.label ?? override.figure}: số liệu do người lập báo cáo ghi ${count(override.value)}; ` +
        `hệ thống đếm được ${count(counted)}. Lý do: ${override.note}`,
    });
  }

  const plan = input.plans[0];
  const opening: Block[] = [
    {
      kind: 'paragraph',
      text: plan
        ? `Thực hiện Kế hoạch số ${plan.number} ngày ${shortDate(plan.issuedOn)} của ${unitName} về ${lowerFirst(plan.title.replace(/^kế hoạch\s+/i, ''))};`
        : `Thực hiện nhiệm vụ tuyên truyền cải cách hành chính năm ${year};`,
    },
    {
      kind: 'paragraph',
      text: `${unitName} báo cáo kết quả công tác tuyên truyền cải cách hành chính năm ${year}, cụ thể như sau:`,
    },
  ];

  const body: Block[] = [
    ...opening,
    { kind: 'heading', text: 'I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH' },
    ...written(input.sections.direction),
    { kind: 'heading', text: 'II. KẾT QUẢ THỰC HIỆN' },
    { kind: 'subheading', text: '1. Nội dung, hình thức tuyên truyền' },
    ...written(input.sections.forms),
    { kind: 'subheading', text: '2. Thống kê lượng tin bài thực hiện công tác tuyên truyền' },
    ...stats,
    ...written(input.sections.otherResults),
    { kind: 'heading', text: 'III. ĐÁNH GIÁ CHUNG' },
    ...written(input.sections.assessment),
    { kind: 'heading', text: 'IV. ĐỀ XUẤT, KIẾN NGHỊ' },
    ...written(input.sections.proposals),
    { kind: 'heading', text: `V. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM ${year + 1}` },
    ...written(input.sections.nextYear),
    {
      kind: 'paragraph',
      text: `Trên đây là báo cáo kết quả công tác tuyên truyền cải cách hành chính năm ${year} của ${unitName}./.`,
    },
  ];

  const numberText = `${input.number?.trim() || '      '}/${suffix(input)}`;
  const tasks = input.plans.flatMap((x) => x.tasks);
  const rows = tasks.map((task, i) => [
    String(i + 1),
    task.content,
    `${task.metricLabel}: ${count(task.actual)} (chỉ tiêu ${count(task.target)})`,
    task.evaluation,
  ]);
  return {
    issuer: issuer(input),
    number: `Số: ${numberText}`,
    placeAndDate: `${placeOf(input)}, ${longDate(input.issuedOn)}`,
    kind: 'BÁO CÁO',
    title: `Kết quả công tác tuyên truyền cải cách hành chính năm ${year}`,
    body,
    recipients: input.recipients,
    signer: signer(input),
    annex: {
      title: [
        'ĐÁNH GIÁ MỨC ĐỘ THỰC HIỆN CÁC NHIỆM VỤ',
        `TUYÊN TRUYỀN CẢI CÁCH HÀNH CHÍNH NĂM ${year} ${upper(unitName.replace(PEOPLES_COMMITTEE, ''))}`,
      ],
      caption: `(Kèm theo Báo cáo số ${numberText} ngày ${shortDate(input.issuedOn)} của ${unitName})`,
      header: ['STT', 'Nội dung', 'Sản phẩm/kết quả', 'Đánh giá'],
      rows:
        rows.length > 0
          ? rows
          : [['', `Năm ${year} chưa có kế hoạch tuyên truyền với chỉ tiêu để đánh giá.`, '', '']],
    },
  };
}

function lowerFirst(text: string): string {
  return text.length > 0 ? text[0].toLocaleLowerCase('vi-VN') + text.slice(1) : text;
}

/** The model as plain text, in reading order: for the golden snapshot and a quick look. */
export function reportText(model: ReportModel): string {
  const lines = [
    ...model.issuer,
    model.number,
    'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
    'Độc lập - Tự do - Hạnh phúc',
    model.placeAndDate,
    model.kind,
    model.title,
    ...model.body.map((b) => b.text),
    'Nơi nhận:',
    ...model.recipients.map((r) => `- ${r}`),
    ...model.signer.lines,
    model.signer.name,
    ...model.annex.title,
    model.annex.caption,
    model.annex.header.join(' | '),
    ...model.annex.rows.map((row) => row.join(' | ')),
  ];
  return `${lines.join('\n')}\n`;
}
