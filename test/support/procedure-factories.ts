import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { checkRow, type CheckedFile } from '../../libs/procedures/src/import/check';
import { markDuplicates } from '../../libs/procedures/src/import/check';
import {
  contentHash,
  normalizeContent,
  type ProcedureContent,
} from '../../libs/procedures/src/procedure-content';
import { Procedure } from '../../libs/procedures/src/procedure.entity';

// Factories for procedures (issue 13 B7): a unit row, procedures stored directly, and import files as the
// reading thread hands them to the importer. Each call makes fresh codes unless told.

let serial = 0;

/** A fresh national code, unique within a test run. */
export function procedureCode(): string {
  serial += 1;
  return `8.${String(process.pid % 1000).padStart(3, '0')}${String(serial).padStart(4, '0')}`;
}

/** Complete, valid content (what the form or an import row carries). */
export function procedureContent(overrides: Partial<ProcedureContent> = {}): ProcedureContent {
  return normalizeContent({
    code: procedureCode(),
    name: 'Thủ tục đăng ký khai sinh',
    field: 'Hộ tịch',
    level: 'Cấp xã',
    steps: [{ case: null, items: ['Nộp hồ sơ', 'Nhận kết quả'] }],
    status: 'active',
    ...overrides,
  });
}

/** A commune inserted directly (service-level tests need no api). */
export async function insertUnit(dataSource: DataSource): Promise<{ id: string; slug: string }> {
  const id = randomUUID();
  const tag = id.slice(0, 8);
  await dataSource.query(
    `INSERT INTO units (id, code, name, kind, slug) VALUES ($1, $2, $3, 'commune', $4)`,
    [id, `P${tag}`, `Xã ${tag}`, `p-${tag}`],
  );
  return { id, slug: `p-${tag}` };
}

/** A procedure stored directly, version 1, unpublished unless told. */
export async function insertProcedure(
  dataSource: DataSource,
  unitId: string,
  overrides: Partial<ProcedureContent> & { publishedAt?: Date } = {},
): Promise<Procedure> {
  const { publishedAt = null, ...fields } = overrides;
  const content = procedureContent(fields);
  const repo = dataSource.getRepository(Procedure);
  const procedure = repo.create({
    ...content,
    unitId,
    contentHash: contentHash(content),
    createdBy: null,
    version: 1,
    publishedAt,
    firstPublishedAt: publishedAt,
  });
  await repo.insert(procedure);
  return procedure;
}

/** One row of an import file, in the API's shape plus `replacedByCode`. */
export type ImportRowInput = Partial<Record<keyof ProcedureContent | 'replacedByCode', unknown>>;

/** An import file as the reading thread hands it over: rows checked, repeated codes marked. */
export async function checkedFile(rows: ImportRowInput[]): Promise<CheckedFile> {
  const checked = [];
  for (const [i, input] of rows.entries()) {
    checked.push(await checkRow({ row: i + 2, input: { ...input }, errors: [] }));
  }
  return { format: 'csv', rows: checked, duplicates: markDuplicates(checked) };
}
