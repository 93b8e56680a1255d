import type {
  CaseList,
  DossierItem,
  LegalDocument,
  OnlineLevel,
  ProcedureMethod,
  ProcedureStatus,
} from '../procedure.entity';

/** "Lĩnh vực Hộ tịch" → "linh vuc ho tich": for matching headers and words typed any way. */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

function lines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

const BULLET = /^(?:[-+•*●◦–]\s*|\d{1,2}[.)]\s+|[a-zđ][)]\s+)/i;
// "Trường hợp 1:", "Trường hợp a)", "TH2:"; a bare "Th" would take "Thẩm định hồ sơ" for a case.
const CASE = /^(?:(?:trường hợp|truong hop)(?![\p{L}\p{N}])|th\s*\d+(?!\p{N}))/iu;

function stripBullet(line: string): string {
  return line.replace(BULLET, '').trim();
}

/**
 * A cell listing items, possibly by case, as officials type them:
 *   Trường hợp 1: Đăng ký khai sinh đúng hạn
 *   - Tờ khai …
 *   Trường hợp 2: …
 * Lines that start a case become its name; other lines are items (bullets and "1." numbering dropped).
 */
export function parseCases(text: string): CaseList<string>[] {
  const cases: CaseList<string>[] = [];
  let current: CaseList<string> | undefined;
  for (const line of lines(text)) {
    if (CASE.test(line) && line.length <= 500) {
      current = { case: line.replace(/[:：]\s*$/, ''), items: [] };
      cases.push(current);
    } else {
      if (!current) {
        current = { case: null, items: [] };
        cases.push(current);
      }
      current.items.push(stripBullet(line));
    }
  }
  return cases.filter((c) => c.items.length > 0 || c.case !== null);
}

const COUNT = /(bản chính|ban chinh|bản sao|ban sao)\s*[:：]?\s*(\d{1,3})/gi;

/** A dossier document line, with "(bản chính: 01, bản sao: 0)" read into counts. */
export function parseDossierItem(line: string): DossierItem {
  let originals: number | null = null;
  let copies: number | null = null;
  for (const m of line.matchAll(COUNT)) {
    if (fold(m[1]) === 'ban chinh') {
      originals = Number(m[2]);
    } else {
      copies = Number(m[2]);
    }
  }
  const name = line
    .replace(/\(\s*(?:(?:bản chính|ban chinh|bản sao|ban sao)\s*[:：]?\s*\d{1,3}\s*[,;]?\s*)+\)/gi, '')
    .replace(COUNT, '')
    .replace(/[\s,;:–-]+$/, '')
    .trim();
  return { name: name || line, form: null, originals, copies };
}

export function parseDossier(text: string): CaseList<DossierItem>[] {
  return parseCases(text).map((c) => ({ case: c.case, items: c.items.map(parseDossierItem) }));
}

/** "Trực tiếp: tại Bộ phận Một cửa" → channel and description; a line without a short label is the channel. */
export function parseMethods(text: string): ProcedureMethod[] {
  return lines(text).map((raw) => {
    const line = stripBullet(raw);
    const colon = line.indexOf(':');
    if (colon > 0 && colon <= 60) {
      return {
        channel: line.slice(0, colon).trim(),
        timeLimit: '',
        fees: '',
        description: line.slice(colon + 1).trim(),
      };
    }
    return { channel: line, timeLimit: '', fees: '', description: '' };
  });
}

const DOCUMENT_NUMBER = /\b\d{1,5}\/(?:\d{4}\/)?[\p{Lu}Đ0-9]+(?:-[\p{Lu}Đ0-9]+)*/u;
const DATE_IN_TEXT = /ngày\s+(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})/i;

/** "Luật Hộ tịch số 60/2014/QH13 ngày 20/11/2014" → number, title and date. */
export function parseLegalBasis(text: string): LegalDocument[] {
  return lines(text).map((raw) => {
    const line = stripBullet(raw);
    const date = DATE_IN_TEXT.exec(line);
    return {
      number: DOCUMENT_NUMBER.exec(line)?.[0] ?? '',
      title: line,
      issuedOn: date ? calendarDate(Number(date[3]), Number(date[2]), Number(date[1])) : null,
      issuer: '',
    };
  });
}

function calendarDate(year: number, month: number, day: number): string | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return null;
  }
  return date.toISOString().slice(0, 10);
}

/**
 * A date as people write it in a sheet: dd/mm/yyyy (also with - or .), or yyyy-mm-dd. Undefined when
 * the text is no date at all or names a day that does not exist (31/02/2024).
 */
export function parseDate(text: string): string | undefined {
  const value = text.trim();
  let m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(value);
  if (m) {
    return calendarDate(Number(m[3]), Number(m[2]), Number(m[1])) ?? undefined;
  }
  m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (m) {
    return calendarDate(Number(m[1]), Number(m[2]), Number(m[3])) ?? undefined;
  }
  return undefined;
}

/** Day 0 of Excel's serial dates (1900 system; from 1 March 1900 on, past its leap-year bug). */
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/**
 * An Excel date serial ("45000" → 2023-03-15) when it names a day between 1900 and 2100; undefined for
 * any other text. Only whole numbers: a time of day has no place in a decision date.
 */
export function parseExcelSerial(text: string): string | undefined {
  const value = text.trim();
  if (!/^\d{2,5}$/.test(value)) {
    return undefined;
  }
  const serial = Number(value);
  if (serial < 61 || serial > 73415) {
    return undefined; // before 1 March 1900, or after 2100
  }
  return new Date(EXCEL_EPOCH + serial * 86_400_000).toISOString().slice(0, 10);
}

const ONLINE: Record<string, OnlineLevel> = {
  'toan trinh': 'full',
  'dvc toan trinh': 'full',
  'dich vu cong truc tuyen toan trinh': 'full',
  'muc do 4': 'full',
  '4': 'full',
  full: 'full',
  'mot phan': 'partial',
  'dvc mot phan': 'partial',
  'dich vu cong truc tuyen mot phan': 'partial',
  'muc do 3': 'partial',
  '3': 'partial',
  partial: 'partial',
  '': 'none',
  khong: 'none',
  'khong co': 'none',
  'muc do 2': 'none',
  'muc do 1': 'none',
  '2': 'none',
  '1': 'none',
  none: 'none',
};

export function parseOnlineLevel(text: string): OnlineLevel | undefined {
  return ONLINE[fold(text)];
}

const STATUS: Record<string, ProcedureStatus> = {
  '': 'active',
  'con hieu luc': 'active',
  'dang ap dung': 'active',
  'dang hieu luc': 'active',
  'hieu luc': 'active',
  'cong bo moi': 'active',
  'ban hanh moi': 'active',
  moi: 'active',
  active: 'active',
  'sua doi': 'amended',
  'sua doi bo sung': 'amended',
  'bo sung': 'amended',
  amended: 'amended',
  'thay the': 'replaced',
  'bi thay the': 'replaced',
  replaced: 'replaced',
  'bai bo': 'abolished',
  'bi bai bo': 'abolished',
  'het hieu luc': 'abolished',
  abolished: 'abolished',
};

export function parseStatus(text: string): ProcedureStatus | undefined {
  return STATUS[fold(text)];
}
