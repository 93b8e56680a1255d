import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { ProcedureNewsCategory1796300100000 } from '../../migrations/1796300100000-ProcedureNewsCategory';
import type { Principal } from '../../libs/common/src';
import { EvidenceService } from '../../libs/evidence/src';
import { EvidenceRow } from '../../libs/evidence/src/evidence.entity';
import { SummaryService } from '../../libs/reports/src/summary.service';
import { SummaryRepository } from '../../libs/reports/src/summary.repository';
import { UnitAccess } from '../../libs/units/src';
import { Unit } from '../../libs/units/src/unit.entity';
import { UnitsRepository } from '../../libs/units/src/units.repository';
import { freshDatabaseUrl, openDataSource } from '../support/database';

// Migration 1796300100000: the default category "Thủ tục hành chính" of existing units becomes "Tin thủ tục
// hành chính" where it still has that name; nothing a URL or a report depends on moves.

const ADMIN: Principal = {
  id: randomUUID(),
  username: 'admin',
  fullName: 'Quản trị',
  isSystemAdmin: true,
  memberships: [],
};

interface CategoryRow {
  id: string;
  unitId: string;
  name: string;
  slug: string;
  countsAsCchc: boolean;
}

describe('renaming the default procedures news category (migration)', () => {
  let db: DataSource;

  beforeAll(async () => {
    // A database of its own: the migration renames every unit's row, and others' rows are not its business.
    db = await openDataSource(await freshDatabaseUrl('tthc_news'));
  });
  afterAll(async () => {
    await db.destroy();
  });

  async function unit(): Promise<string> {
    const id = randomUUID();
    const tag = id.slice(0, 8);
    await db.query(`INSERT INTO units (id, code, name, kind, slug) VALUES ($1, $2, $3, 'commune', $4)`, [
      id,
      `N${tag}`,
      `Xã ${tag}`,
      `n-${tag}`,
    ]);
    return id;
  }

  async function category(
    unitId: string,
    name: string,
    slug: string,
    countsAsCchc: boolean,
  ): Promise<string> {
    const [row] = await db.query<{ id: string }[]>(
      `INSERT INTO categories (unit_id, name, slug, counts_as_cchc, position) VALUES ($1, $2, $3, $4, 1) RETURNING id`,
      [unitId, name, slug, countsAsCchc],
    );
    return row.id;
  }

  const categories = (): Promise<CategoryRow[]> =>
    db.query(
      `SELECT id, unit_id AS "unitId", name, slug, counts_as_cchc AS "countsAsCchc" FROM categories ORDER BY id`,
    );

  async function migrate(direction: 'up' | 'down'): Promise<void> {
    const runner = db.createQueryRunner();
    try {
      await new ProcedureNewsCategory1796300100000()[direction](runner);
    } finally {
      await runner.release();
    }
  }

  it('renames only a default category still named as before, and keeps ids, slugs and CCHC counts', async () => {
    const [kept, renamedByUnit, own] = [await unit(), await unit(), await unit()];
    const defaultId = await category(kept, 'Thủ tục hành chính', 'thu-tuc-hanh-chinh', true);
    // A unit that renamed its default category keeps its name.
    await category(renamedByUnit, 'TTHC và dịch vụ công', 'thu-tuc-hanh-chinh', true);
    // A category a unit made itself with that name (another slug) is not the default one.
    await category(own, 'Thủ tục hành chính', 'tthc-cua-xa', false);

    // An article of the default category, published before the migration, counted as CCHC.
    const access = new UnitAccess(new UnitsRepository(db.getRepository(Unit)));
    const evidence = new EvidenceService(db.getRepository(EvidenceRow), access);
    const summaries = new SummaryService(new SummaryRepository(db), access, db);
    await db.transaction((manager) =>
      evidence.record(manager, {
        unitId: kept,
        type: 'article.published',
        occurredAt: new Date('2026-05-04T09:00:00+07:00'),
        actorId: null,
        method: 'live',
        subject: { type: 'article', id: randomUUID() },
        snapshot: {
          first: true,
          title: 'Hướng dẫn nộp hồ sơ trực tuyến',
          url: '/x',
          categories: [{ id: defaultId, name: 'Thủ tục hành chính', countsAsCchc: true }],
          countsAsCchc: true,
        },
      }),
    );
    const period = { unitId: kept, from: '2026-01-01', to: '2026-12-31' };
    const before = await summaries.summary(ADMIN, period);
    expect(before.portal).toMatchObject({ articlesPublished: 1, cchcArticlesPublished: 1 });
    const rowsBefore = await categories();

    await migrate('up');
    const after = await categories();
    expect(after.map(({ name: _name, ...rest }) => rest)).toEqual(
      rowsBefore.map(({ name: _name, ...rest }) => rest),
    );
    const nameOf = (unitId: string) =>
      after
        .filter((c) => c.unitId === unitId)
        .map((c) => c.name)
        .join();
    expect(nameOf(kept)).toBe('Tin thủ tục hành chính');
    expect(nameOf(renamedByUnit)).toBe('TTHC và dịch vụ công');
    expect(nameOf(own)).toBe('Thủ tục hành chính');
    expect((await summaries.summary(ADMIN, period)).portal).toMatchObject({
      articlesPublished: 1,
      cchcArticlesPublished: 1,
    });

    // Twice changes nothing more; down() gives the old name back to the default one only.
    await migrate('up');
    expect(await categories()).toEqual(after);
    await migrate('down');
    expect(await categories()).toEqual(rowsBefore);
  });
});
