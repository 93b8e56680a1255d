import type {
  CaseList,
  DossierItem,
  LegalDocument,
  OnlineLevel,
  ProcedureMethod,
  ProcedureStatus,
} from '../procedure.entity';
import { parseLegalBasis } from './text';

// The inverse of text.ts: a procedure's components written into cells the way the import reads them,
// so an exported catalogue can be edited in Excel and imported back. Parts the cell text has no place for
// (a method's own time limit and fees, a dossier item's form, a legal document's issuer) are appended in
// words and come back as part of the description or title.

/** A list by case: "Trường hợp 1: …" lines with "• item" lines under them. */
export function formatCases(cases: CaseList<string>[]): string {
  return cases
    .flatMap((c) => [...(c.case ? [c.case] : []), ...c.items.map((item) => `• ${item}`)])
    .join('\n');
}

function countText(item: DossierItem): string {
  const parts = [
    item.originals !== null ? `bản chính: ${String(item.originals).padStart(2, '0')}` : '',
    item.copies !== null ? `bản sao: ${String(item.copies).padStart(2, '0')}` : '',
  ].filter(Boolean);
  return parts.length > 0 ? ` (${parts.join(', ')})` : '';
}

export function formatDossier(cases: CaseList<DossierItem>[]): string {
  return formatCases(
    cases.map((c) => ({
      case: c.case,
      items: c.items.map((item) => `${item.name}${item.form ? ` - ${item.form}` : ''}${countText(item)}`),
    })),
  );
}

export function formatMethods(methods: ProcedureMethod[]): string {
  return methods
    .map((m) => {
      const extra = [
        m.timeLimit ? `thời hạn: ${m.timeLimit}` : '',
        m.fees ? `phí, lệ phí: ${m.fees}` : '',
      ].filter(Boolean);
      const description = [m.description, ...extra].filter(Boolean).join('; ');
      return description ? `${m.channel}: ${description}` : m.channel;
    })
    .join('\n');
}

export function formatLegalBasis(documents: LegalDocument[]): string {
  return documents
    .map((d) => {
      // What the import reads out of the title itself need not be written again.
      const [read] = parseLegalBasis(d.title);
      const parts = [
        d.number && read?.number !== d.number ? `số ${d.number}` : '',
        d.issuedOn && read?.issuedOn !== d.issuedOn ? `ngày ${formatDay(d.issuedOn)}` : '',
        d.issuer && !d.title.includes(d.issuer) ? d.issuer : '',
      ].filter(Boolean);
      return [d.title, ...parts].filter(Boolean).join(' ');
    })
    .join('\n');
}

/** 2024-12-25 → 25/12/2024, as people type a date in a sheet. */
export function formatDay(isoDate: string | null): string {
  if (!isoDate) {
    return '';
  }
  const [year, month, day] = isoDate.split('-');
  return `${day}/${month}/${year}`;
}

export const ONLINE_LEVEL_LABELS: Record<OnlineLevel, string> = {
  full: 'Toàn trình',
  partial: 'Một phần',
  none: '',
};

export const STATUS_LABELS: Record<ProcedureStatus, string> = {
  active: 'Còn hiệu lực',
  amended: 'Sửa đổi, bổ sung',
  replaced: 'Thay thế',
  abolished: 'Bãi bỏ',
};

// The formula rule is the product's one CSV rule (libs/common/src/csv.ts), also used for XLSX cells.
export { neutralizeFormula, restoreNeutralized } from '@app/common';
