import type { CaseList, DossierItem, LegalDocument, ProcedureMethod } from '../procedure.entity';
import type { ParsedRow, RowError } from './parse';
import { quoted } from './storable';
import { parseDate, parseOnlineLevel, parseStatus } from './text';

/**
 * One record of the national TTHC database's export (vn-domain.md §1.7: MATTHC, TENTTHC,
 * LINHVUCTHUCHIEN[], CACHTHUCTHUCHIEN[], THANHPHANHOSO[], TRINHTUTHUCHIEN[], CANCUPHAPLY[], …) mapped
 * to our shape. Keys are read case-insensitively; missing lists are empty. Two keys the national shape
 * does not name are also read when present: MUCDO (online service level) and QUYETDINHCONGBO
 * {SOQUYETDINH, NGAYBANHANH, COQUANBANHANH}.
 */
export function mapNationalRecord(row: number, record: unknown): ParsedRow {
  const errors: RowError[] = [];
  if (!record || typeof record !== 'object' || Array.isArray(record)) {
    return {
      row,
      input: {},
      errors: [{ row, field: null, message: 'Bản ghi không phải một đối tượng JSON' }],
    };
  }
  const r = upper(record);
  const text = (value: unknown): string =>
    typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
      ? String(value).normalize('NFC').trim()
      : '';
  const list = (value: unknown): Record<string, unknown>[] =>
    Array.isArray(value)
      ? value.filter((v) => v && typeof v === 'object').map((v) => upper(v as object))
      : [];
  const names = (value: unknown, key: string): string =>
    list(value)
      .map((item) => text(item[key]))
      .filter(Boolean)
      .join('; ');

  const steps: CaseList<string>[] = list(r.TRINHTUTHUCHIEN).map((c) => ({
    case: text(c.TRUONGHOP) || null,
    items: list(c.TRINHTU)
      .map((s) => text(s.TENTRINHTU))
      .filter(Boolean),
  }));
  const dossier: CaseList<DossierItem>[] = list(r.THANHPHANHOSO).map((c) => ({
    case: text(c.TRUONGHOP) || null,
    items: list(c.GIAYTO).map((g) => ({
      name: text(g.TENGIAYTO),
      form: text(g.TENMAUDON) || null,
      originals: count(g.SOBANCHINH),
      copies: count(g.SOBANSAO),
    })),
  }));
  const methods: ProcedureMethod[] = list(r.CACHTHUCTHUCHIEN).map((m) => {
    const times = list(m.THOIGIAN);
    return {
      channel: channel(text(m.KENH)),
      timeLimit: times
        .map((t) => [text(t.THOIGIANGIAIQUYET), text(t.DONVITINH)].filter(Boolean).join(' '))
        .filter(Boolean)
        .join('; '),
      fees: times
        .flatMap((t) => list(t.PHILEPHI))
        .map((f) =>
          [text(f.MOTA), [text(f.SOTIEN), text(f.DONVI)].filter(Boolean).join(' ')]
            .filter(Boolean)
            .join(': '),
        )
        .filter(Boolean)
        .join('; '),
      description: times
        .map((t) => text(t.MOTA))
        .filter(Boolean)
        .join('; '),
    };
  });
  const legalBasis: LegalDocument[] = list(r.CANCUPHAPLY).map((d, i) => {
    const issued = text(d.NGAYBANHANH);
    const issuedOn = issued ? (parseDate(issued.slice(0, 10)) ?? parseDate(issued) ?? null) : null;
    if (issued && !issuedOn) {
      errors.push({
        row,
        field: `legalBasis.${i}.issuedOn`,
        message: `Căn cứ pháp lý thứ ${i + 1}: ngày ban hành ${quoted(issued)} không phải một ngày có thật`,
      });
    }
    return {
      number: text(d.SOVANBAN),
      title: text(d.TENVANBAN) || text(d.SOVANBAN),
      issuedOn,
      issuer: text(d.COQUANBANHANH),
    };
  });

  const input: Record<string, unknown> = {
    code: text(r.MATTHC),
    name: text(r.TENTTHC),
    field: names(r.LINHVUCTHUCHIEN, 'TENLINHVUC'),
    level: names(r.CAPTHUCHIEN, 'TENCAP'),
    agency: names(r.COQUANTHUCHIEN, 'TENDONVI') || text(r.MOTACOQUANTHUCHIEN),
    applicants: names(r.DOITUONGTHUCHIEN, 'TENDOITUONG'),
    steps,
    methods,
    dossier,
    dossierCount: '',
    timeLimit: methods
      .filter((m) => m.timeLimit)
      .map((m) => `${m.channel}: ${m.timeLimit}`)
      .join('; '),
    fees: methods
      .filter((m) => m.fees)
      .map((m) => `${m.channel}: ${m.fees}`)
      .join('; '),
    forms: [
      ...new Set(dossier.flatMap((c) => c.items.map((i) => i.form).filter((f): f is string => !!f))),
    ].join('; '),
    result: names(r.KETQUATHUCHIEN, 'TENKETQUA'),
    conditions: text(r.YEUCAUDIEUKIEN),
    legalBasis,
    receivingAddress: text(r.DIACHITIEPNHAN),
    onlineUrl: null,
    decisionNumber: '',
    decisionDate: null,
    decisionIssuer: '',
    replacedByCode: null,
  };
  const online = parseOnlineLevel(text(r.MUCDO));
  if (online) {
    input.onlineLevel = online;
  } else {
    errors.push({
      row,
      field: 'onlineLevel',
      message: `MUCDO ${quoted(text(r.MUCDO))} không rõ (toàn trình, một phần)`,
    });
  }
  const status = parseStatus(text(r.TRANGTHAI));
  if (status) {
    input.status = status;
  } else {
    errors.push({ row, field: 'status', message: `TRANGTHAI ${quoted(text(r.TRANGTHAI))} không rõ` });
  }
  const decision =
    r.QUYETDINHCONGBO && typeof r.QUYETDINHCONGBO === 'object' ? upper(r.QUYETDINHCONGBO) : undefined;
  if (decision) {
    input.decisionNumber = text(decision.SOQUYETDINH);
    input.decisionIssuer = text(decision.COQUANBANHANH);
    const date = text(decision.NGAYBANHANH);
    if (date) {
      const parsed = parseDate(date.slice(0, 10)) ?? parseDate(date);
      if (parsed) {
        input.decisionDate = parsed;
      } else {
        errors.push({
          row,
          field: 'decisionDate',
          message: `Ngày quyết định công bố ${quoted(date)} không phải một ngày có thật`,
        });
      }
    }
  }
  return { row, input, errors };
}

function upper(object: object): Record<string, unknown> {
  return Object.fromEntries(Object.entries(object).map(([k, v]) => [k.toUpperCase(), v]));
}

function count(value: unknown): number | null {
  const n = Number(value);
  return value === null || value === undefined || value === '' || !Number.isInteger(n) ? null : n;
}

/** KENH is sometimes a code: 1 in person, 2 online, 3 by post. */
function channel(value: string): string {
  return { '1': 'Trực tiếp', '2': 'Trực tuyến', '3': 'Dịch vụ bưu chính' }[value] ?? (value || 'Trực tiếp');
}
