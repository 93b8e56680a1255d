import canonicalize from 'canonicalize';
import { createHash } from 'node:crypto';
import type { CaseList, DossierItem, FormFile, Procedure } from './procedure.entity';

/** The fields that make up a procedure's content: what the form edits, imports bring and the hash covers. */
export const CONTENT_FIELDS = [
  'code',
  'name',
  'field',
  'level',
  'agency',
  'applicants',
  'steps',
  'methods',
  'dossier',
  'dossierCount',
  'timeLimit',
  'fees',
  'forms',
  'result',
  'conditions',
  'legalBasis',
  'receivingAddress',
  'onlineLevel',
  'onlineUrl',
  'decisionNumber',
  'decisionDate',
  'decisionIssuer',
  'status',
  'replacedById',
] as const;
export type ContentField = (typeof CONTENT_FIELDS)[number];
export type ProcedureContent = Pick<Procedure, ContentField>;

const EMPTY: Omit<ProcedureContent, 'code' | 'name' | 'field'> = {
  level: '',
  agency: '',
  applicants: '',
  steps: [],
  methods: [],
  dossier: [],
  dossierCount: '',
  timeLimit: '',
  fees: '',
  forms: '',
  result: '',
  conditions: '',
  legalBasis: [],
  receivingAddress: '',
  onlineLevel: 'none',
  onlineUrl: null,
  decisionNumber: '',
  decisionDate: null,
  decisionIssuer: '',
  status: 'active',
  replacedById: null,
};

const str = (v: unknown): string => (typeof v === 'string' ? v.normalize('NFC').trim() : '');
const strOrNull = (v: unknown): string | null =>
  typeof v === 'string' && v.trim() !== '' ? v.normalize('NFC').trim() : null;
const intOrNull = (v: unknown): number | null => (typeof v === 'number' ? v : null);
const list = <T>(v: unknown): T[] => (Array.isArray(v) ? (v as T[]) : []);

/**
 * A validated input (DTO instance or import row) as plain data with every field present: nested lists
 * without class instances or undefined members, so that equal content gives an equal hash.
 */
export function normalizeContent(
  input: Partial<Record<ContentField, unknown>>,
  base?: ProcedureContent,
): ProcedureContent {
  const merged = { ...EMPTY, ...(base ?? {}) } as Record<string, unknown>;
  for (const field of CONTENT_FIELDS) {
    if (input[field] !== undefined) {
      merged[field] = input[field];
    }
  }
  const content: ProcedureContent = {
    code: str(merged.code),
    name: str(merged.name),
    field: str(merged.field),
    level: str(merged.level),
    agency: str(merged.agency),
    applicants: str(merged.applicants),
    steps: list<Record<string, unknown>>(merged.steps).map((c) => ({
      case: strOrNull(c.case),
      items: list<unknown>(c.items).map(str).filter(Boolean),
    })),
    methods: list<Record<string, unknown>>(merged.methods).map((m) => ({
      channel: str(m.channel),
      timeLimit: str(m.timeLimit),
      fees: str(m.fees),
      description: str(m.description),
    })),
    dossier: list<Record<string, unknown>>(merged.dossier).map((c) => ({
      case: strOrNull(c.case),
      items: list<Record<string, unknown>>(c.items).map((i) => {
        const forms = list<Record<string, unknown>>(i.forms).map((f): FormFile => ({
          url: str(f.url),
          name: str(f.name),
          kind: f.kind as FormFile['kind'],
          bytes: intOrNull(f.bytes) ?? 0,
        }));
        return {
          name: str(i.name),
          form: strOrNull(i.form),
          originals: intOrNull(i.originals),
          copies: intOrNull(i.copies),
          // Only when there are some (see DossierItem).
          ...(forms.length > 0 ? { forms } : {}),
        };
      }),
    })),
    dossierCount: str(merged.dossierCount),
    timeLimit: str(merged.timeLimit),
    fees: str(merged.fees),
    forms: str(merged.forms),
    result: str(merged.result),
    conditions: str(merged.conditions),
    legalBasis: list<Record<string, unknown>>(merged.legalBasis).map((d) => ({
      number: str(d.number),
      title: str(d.title),
      issuedOn: strOrNull(d.issuedOn),
      issuer: str(d.issuer),
    })),
    receivingAddress: str(merged.receivingAddress),
    onlineLevel: (merged.onlineLevel as ProcedureContent['onlineLevel']) ?? 'none',
    onlineUrl: strOrNull(merged.onlineUrl),
    decisionNumber: str(merged.decisionNumber),
    decisionDate: strOrNull(merged.decisionDate),
    decisionIssuer: str(merged.decisionIssuer),
    status: (merged.status as ProcedureContent['status']) ?? 'active',
    replacedById: strOrNull(merged.replacedById),
  };
  if (content.status !== 'replaced') {
    content.replacedById = null;
  }
  return content;
}

export function contentOf(procedure: Procedure): ProcedureContent {
  return Object.fromEntries(CONTENT_FIELDS.map((f) => [f, procedure[f]])) as ProcedureContent;
}

export function contentHash(content: ProcedureContent): string {
  return createHash('sha256')
    .update(canonicalize(content) ?? '')
    .digest('hex');
}

/** The fields whose values differ. */
export function changedFields(before: ProcedureContent, after: ProcedureContent): ContentField[] {
  return CONTENT_FIELDS.filter((f) => canonicalize(before[f]) !== canonicalize(after[f]));
}

/** Where a dossier item is, for matching it again after an import: its case and its name, as a person reads them. */
const itemKey = (caseName: string | null, name: string): string =>
  `${(caseName ?? '').toLocaleLowerCase('vi')}\u0000${name.toLocaleLowerCase('vi')}`;

/**
 * The dossier of an imported row with the form files the stored procedure has on the same documents (same
 * case, same name): files are attached in the form, never carried by a CSV, XLSX or national JSON row, so
 * an import of the catalogue must not drop them, and an unchanged file stays unchanged.
 */
export function keepFormFiles(
  imported: CaseList<DossierItem>[],
  stored: CaseList<DossierItem>[],
): CaseList<DossierItem>[] {
  const files = new Map<string, FormFile[]>();
  for (const c of stored) {
    for (const item of c.items) {
      if (item.forms?.length) {
        files.set(itemKey(c.case, item.name), item.forms);
      }
    }
  }
  if (files.size === 0) {
    return imported;
  }
  return imported.map((c) => ({
    case: c.case,
    items: c.items.map((item) => {
      const forms = item.forms?.length ? item.forms : files.get(itemKey(c.case, item.name));
      return forms ? { ...item, forms } : item;
    }),
  }));
}

/** Every form file of a dossier with where it is (`dossier.0.items.1.forms.0`). */
export function formFilesOf(dossier: CaseList<DossierItem>[]): { path: string; file: FormFile }[] {
  return dossier.flatMap((c, ci) =>
    c.items.flatMap((item, ii) =>
      (item.forms ?? []).map((file, fi) => ({ path: `dossier.${ci}.items.${ii}.forms.${fi}`, file })),
    ),
  );
}
