import type { DataSource } from 'typeorm';
import { EvidenceService } from '../../libs/evidence/src';
import { EvidenceRow } from '../../libs/evidence/src/evidence.entity';
import { ProcedureChanges } from '../../libs/procedures/src/procedure-changes';
import { ProcedureImporter } from '../../libs/procedures/src/procedure-importer';
import { ProceduresRepository } from '../../libs/procedures/src/procedures.repository';
import { UnitAccess } from '../../libs/units/src';
import { Unit } from '../../libs/units/src/unit.entity';
import { UnitsRepository } from '../../libs/units/src/units.repository';
import { openDataSource, workerDatabaseUrl } from '../support/database';
import { checkedFile, insertProcedure, insertUnit, procedureCode } from '../support/procedure-factories';

// The import planner and importer at the service level, on the real database: what a dry run says is
// exactly what the real run then does.

describe('procedure import planner (service level, real database)', () => {
  let dataSource: DataSource;
  let importer: ProcedureImporter;
  let units: UnitsRepository;

  beforeAll(async () => {
    dataSource = await openDataSource(await workerDatabaseUrl());
    units = new UnitsRepository(dataSource.getRepository(Unit));
    const evidence = new EvidenceService(dataSource.getRepository(EvidenceRow), new UnitAccess(units));
    const repository = new ProceduresRepository(dataSource);
    importer = new ProcedureImporter(repository, new ProcedureChanges(repository, evidence));
  });
  afterAll(async () => {
    await dataSource.destroy();
  });

  it('plans create, update, unchanged and bad replacements against the catalogue; the real run does the same', async () => {
    const { id } = await insertUnit(dataSource);
    const unit = (await units.findById(id))!;
    const same = await insertProcedure(dataSource, id, { name: 'Không đổi' });
    const changed = await insertProcedure(dataSource, id, { name: 'Tên cũ' });
    const fresh = procedureCode();
    const file = await checkedFile([
      { code: same.code, name: 'Không đổi', field: 'Hộ tịch', level: 'Cấp xã', steps: same.steps },
      { code: changed.code, name: 'Tên mới', field: 'Hộ tịch', level: 'Cấp xã', steps: changed.steps },
      { code: fresh, name: 'Mới', field: 'Hộ tịch', status: 'replaced', replacedByCode: same.code },
      {
        code: procedureCode(),
        name: 'Thay bằng mã không có',
        field: 'Hộ tịch',
        status: 'replaced',
        replacedByCode: '0.0',
      },
      { code: procedureCode(), name: 'Thay thế thiếu mã', field: 'Hộ tịch', status: 'replaced' },
    ]);
    const dry = await importer.run(unit, file, true, null);
    expect(dry.rows.map((r) => [r.row, r.action, r.changed])).toEqual([
      [2, 'unchanged', []],
      [3, 'update', ['name']],
      [4, 'create', []],
      [5, 'error', []],
      [6, 'error', []],
    ]);
    expect(dry.errors.map((e) => [e.row, e.field])).toEqual([
      [5, 'replacedByCode'],
      [6, 'replacedByCode'],
    ]);
    const count = async () =>
      Number((await dataSource.query('SELECT count(*) FROM procedures WHERE unit_id = $1', [id]))[0].count);
    expect(await count()).toBe(2);

    const real = await importer.run(unit, file, false, null);
    expect({ ...real, dryRun: true }).toEqual(dry);
    expect(await count()).toBe(3);
    const replaced: { replaced_by_id: string }[] = await dataSource.query(
      'SELECT replaced_by_id FROM procedures WHERE unit_id = $1 AND code = $2',
      [id, fresh],
    );
    expect(replaced[0].replaced_by_id).toBe(same.id);
    // Again: nothing left to do.
    const again = await importer.run(unit, file, true, null);
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 3 });
  });

  it('refuses every row of a repeated code with one error, and resolves a replacement named later in the file', async () => {
    const { id } = await insertUnit(dataSource);
    const unit = (await units.findById(id))!;
    const [a, b, twice] = [procedureCode(), procedureCode(), procedureCode()];
    const file = await checkedFile([
      { code: a, name: 'Cũ', field: 'Hộ tịch', status: 'replaced', replacedByCode: b },
      { code: twice, name: 'Lần một', field: 'Hộ tịch' },
      { code: b, name: 'Mới', field: 'Hộ tịch' },
      { code: twice, name: 'Lần hai', field: 'Hộ tịch' },
    ]);
    const result = await importer.run(unit, file, false, null);
    expect(result).toMatchObject({ created: 2, failed: 2, errorsOmitted: 0 });
    expect(result.errors).toEqual([
      {
        row: 3,
        field: 'code',
        message: expect.stringContaining(`"${twice}" lặp lại 2 lần trong tệp (dòng 3, 5)`),
      },
    ]);
  });
});
