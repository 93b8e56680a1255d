import ExcelJS from 'exceljs';
import { workerStage } from '../support/admin-stage';
import { expectError } from '../support/expectations';
import { createUnit, memberToken } from '../support/factories';

/** A CSV of `n` rows that all repeat one code (issue 13 A1: 20,000 of them stopped the product). */
function repeatedCode(n: number): Buffer {
  const lines = ['Mã TTHC,Tên thủ tục,Lĩnh vực'];
  for (let i = 0; i < n; i += 1) {
    lines.push(`1.000001,Thủ tục số ${i},Hộ tịch`);
  }
  return Buffer.from(lines.join('\r\n'));
}

async function xlsx(rows: (string | number | Date)[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('TTHC');
  rows.forEach((row) => sheet.addRow(row));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe('Procedure imports: bounded answers, unstorable text, Excel dates, allowed actions (e2e)', () => {
  const stage = workerStage();

  const importFile = (unitId: string, name: string, bytes: Buffer, dryRun = false) =>
    stage.api.upload(`/api/v1/units/${unitId}/procedures/import?dryRun=${dryRun}`, {
      token: stage.adminToken,
      file: { name, bytes },
    });

  async function codes(unitId: string): Promise<string[]> {
    const res = await stage.api.request('GET', `/api/v1/units/${unitId}/procedures?pageSize=100`, {
      token: stage.adminToken,
    });
    return res.body.items.map((p: { code: string }) => p.code).sort();
  }

  it('reports a code repeated 1,000 times as one error with its count: the answer grows linearly', async () => {
    const unit = await createUnit(stage.api, stage.adminToken);
    const res = await importFile(unit.id, 'lap.csv', repeatedCode(1000), true);
    expect(res.status).toBe(200);
    expect(res.body.errors).toEqual([
      {
        row: 2,
        field: 'code',
        message: expect.stringContaining('"1.000001" lặp lại 1000 lần trong tệp (dòng 2, 3, 4, 5, 6, …'),
      },
    ]);
    expect(res.body).toMatchObject({ created: 0, failed: 1000, errorsOmitted: 0 });
    expect(res.body.rows.every((r: { action: string }) => r.action === 'error')).toBe(true);
    // Every row's message listed every row number: 5 MB for this file. Now about 70 bytes a row.
    expect(JSON.stringify(res.body).length).toBeLessThan(150_000);
  });

  it('refuses a file over 10,000 rows with a 4xx naming the file, for the direct import and the job', async () => {
    const unit = await createUnit(stage.api, stage.adminToken);
    const big = repeatedCode(20_000);
    const direct = await importFile(unit.id, 'lon.csv', big, true);
    expectError(direct, 400, 'VALIDATION_FAILED');
    expect(direct.body.details).toEqual([
      { field: 'file', message: expect.stringContaining('tối đa 10.000 dòng') },
    ]);
    const job = await stage.api.upload(`/api/v1/units/${unit.id}/procedures/import-jobs?dryRun=true`, {
      token: stage.adminToken,
      file: { name: 'lon.csv', bytes: big },
    });
    expectError(job, 400, 'VALIDATION_FAILED');
    expect(await codes(unit.id)).toEqual([]);
  });

  it('gives NUL and lone surrogates a row error naming the column, and the dry run predicts the import', async () => {
    const unit = await createUnit(stage.api, stage.adminToken);
    // The national JSON, written by hand: JSON.stringify would not keep the lone surrogate as "\ud800".
    const json = Buffer.from(`[
      {"MATTHC": "2.000001", "TENTTHC": "Tên hỏng \\ud800", "LINHVUCTHUCHIEN": [{"TENLINHVUC": "Hộ tịch"}]},
      {"MATTHC": "2.000002", "TENTTHC": "Có NUL", "LINHVUCTHUCHIEN": [{"TENLINHVUC": "Hộ\\u0000tịch"}]},
      {"MATTHC": "2.000003", "TENTTHC": "Căn cứ hỏng", "LINHVUCTHUCHIEN": [{"TENLINHVUC": "Hộ tịch"}],
       "CANCUPHAPLY": [{"SOVANBAN": "1/2024/NĐ-CP", "TENVANBAN": "Nghị định \\udc00"}]},
      {"MATTHC": "2.000004", "TENTTHC": "Thủ tục tốt", "LINHVUCTHUCHIEN": [{"TENLINHVUC": "Hộ tịch"}]}
    ]`);
    // exceljs decodes `_x0000_` in a cell's XML to NUL.
    const sheet = await xlsx([
      ['Mã TTHC', 'Tên thủ tục', 'Lĩnh vực', 'Phí, lệ phí'],
      ['3.000001', 'Thủ tục tốt', 'Hộ tịch', ''],
      ['3.000002', 'Có _x0000_ trong ô', 'Hộ tịch', 'Miễn _x0000_'],
    ]);
    // A NUL in a CSV cell below the header is that row's, not the file's.
    const csv = Buffer.from(
      'Mã TTHC,Tên thủ tục,Lĩnh vực\r\n4.000001,Tốt,Hộ tịch\r\n4.000002,Có\u0000NUL,Hộ tịch\r\n',
    );

    for (const [name, bytes, bad] of [
      [
        'quoc-gia.json',
        json,
        [
          [1, 'name', 'Tên thủ tục'],
          [2, 'field', 'Lĩnh vực'],
          [3, 'legalBasis', 'Căn cứ pháp lý'],
        ],
      ],
      [
        'bang.xlsx',
        sheet,
        [
          [3, 'name', 'Tên thủ tục'],
          [3, 'fees', 'Phí, lệ phí'],
        ],
      ],
      ['bang.csv', csv, [[3, 'name', 'Tên thủ tục']]],
    ] as const) {
      const dry = await importFile(unit.id, name, bytes, true);
      expect(dry.status).toBe(200);
      expect(dry.body.errors.map((e: { row: number; field: string }) => [e.row, e.field])).toEqual(
        bad.map(([row, field]) => [row, field]),
      );
      for (const [i, [, , label]] of bad.entries()) {
        expect(dry.body.errors[i].message).toMatch(new RegExp(`^${label}: có ký tự`));
      }
      const real = await importFile(unit.id, name, bytes);
      expect(real.status).toBe(200);
      expect({ ...real.body, dryRun: true }).toEqual(dry.body);
      // The same file as a job (its result is stored as jsonb, which refuses NUL and lone surrogates).
      const job = await stage.api.upload(`/api/v1/units/${unit.id}/procedures/import-jobs?dryRun=true`, {
        token: stage.adminToken,
        file: { name, bytes },
      });
      expect(job.status).toBe(202);
      let done = job.body;
      for (let i = 0; i < 400 && (done.status === 'queued' || done.status === 'processing'); i += 1) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        done = (
          await stage.api.request('GET', `/api/v1/procedure-imports/${job.body.id}`, {
            token: stage.adminToken,
          })
        ).body;
      }
      expect(done).toMatchObject({ status: 'done', error: null });
      expect(done.result.errors).toHaveLength(bad.length);
    }
    expect(await codes(unit.id)).toEqual(['2.000004', '3.000001', '4.000001']);
  });

  it('refuses a lone surrogate in a procedure field of the API with a 400 naming it (it was a 5xx)', async () => {
    const unit = await createUnit(stage.api, stage.adminToken);
    // Raw JSON: JSON.stringify would not keep "\ud800" as one.
    const res = await stage.api.request('POST', `/api/v1/units/${unit.id}/procedures`, {
      token: stage.adminToken,
      raw: '{"code":"7.000001","name":"Tên","field":"Hộ tịch","steps":[{"case":null,"items":["Nộp \\ud800"]}]}',
      headers: { 'content-type': 'application/json' },
    });
    expectError(res, 400, 'VALIDATION_FAILED');
    // Refused where the JSON is parsed (request hygiene), naming the very item.
    expect(res.body.details).toEqual([
      { field: 'steps.0.items.0', message: expect.stringContaining('nửa cặp mã UTF-16 đứng một mình') },
    ]);
    expect(await codes(unit.id)).toEqual([]);
  });

  it('reads Excel date serials and date cells, and serves a template whose columns keep what is typed', async () => {
    const unit = await createUnit(stage.api, stage.adminToken);
    const csv = Buffer.from(
      'Mã TTHC,Tên thủ tục,Lĩnh vực,Ngày quyết định công bố\r\n5.000001,Một,Hộ tịch,45000\r\n5.000002,Hai,Hộ tịch,12\r\n',
    );
    const res = await importFile(unit.id, 'ngay.csv', csv);
    expect(res.body).toMatchObject({ created: 1 });
    expect(res.body.errors).toEqual([
      { row: 3, field: 'decisionDate', message: expect.stringContaining('"12"') },
    ]);
    const sheet = await xlsx([
      ['Mã TTHC', 'Tên thủ tục', 'Lĩnh vực', 'Ngày quyết định công bố'],
      ['5.000003', 'Ba', 'Hộ tịch', 45000],
      ['5.000004', 'Bốn', 'Hộ tịch', new Date(Date.UTC(2023, 2, 15))],
    ]);
    expect((await importFile(unit.id, 'ngay.xlsx', sheet)).body).toMatchObject({ created: 2, errors: [] });
    const list = await stage.api.request('GET', `/api/v1/units/${unit.id}/procedures?pageSize=10`, {
      token: stage.adminToken,
    });
    expect(
      list.body.items.map((p: { code: string; decisionDate: string }) => [p.code, p.decisionDate]).sort(),
    ).toEqual([
      ['5.000001', '2023-03-15'],
      ['5.000003', '2023-03-15'],
      ['5.000004', '2023-03-15'],
    ]);

    const template = await fetch(`${stage.api.baseUrl}/api/v1/procedures/import-template.xlsx`, {
      headers: { authorization: `Bearer ${stage.adminToken}` },
    });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await template.arrayBuffer());
    const columns = workbook.worksheets[0].columns;
    const header = workbook.worksheets[0].getRow(1).values as string[];
    const dateColumn = header.indexOf('Ngày quyết định công bố');
    expect(columns[dateColumn - 1].numFmt).toBe('@');
    const guide: string[] = [];
    workbook.worksheets[1].eachRow((row) => guide.push(row.getCell(3).text));
    expect(guide.join('\n')).toContain('tối đa 10.000 dòng');
  });

  it('tells each caller what they may do with a procedure (allowedActions)', async () => {
    const unit = await createUnit(stage.api, stage.adminToken);
    const editor = await memberToken(stage.api, stage.adminToken, unit.id, 'editor');
    const approver = await memberToken(stage.api, stage.adminToken, unit.id, 'approver');
    const reporter = await memberToken(stage.api, stage.adminToken, unit.id, 'reporter');
    const created = await stage.api.request('POST', `/api/v1/units/${unit.id}/procedures`, {
      token: editor,
      body: { code: '6.000001', name: 'Thủ tục', field: 'Hộ tịch' },
    });
    expect(created.body.allowedActions).toEqual(['edit']);
    const as = async (token: string) =>
      (await stage.api.request('GET', `/api/v1/procedures/${created.body.id}`, { token })).body
        .allowedActions;
    expect(await as(approver)).toEqual(['publish', 'abolish']);
    expect(await as(reporter)).toEqual([]);
    expect(await as(stage.adminToken)).toEqual(['edit', 'publish', 'abolish']);
    const published = await stage.api.request('POST', `/api/v1/procedures/${created.body.id}/publish`, {
      token: approver,
    });
    expect(published.body.allowedActions).toEqual(['abolish']);
    const listed = await stage.api.request('GET', `/api/v1/units/${unit.id}/procedures`, { token: editor });
    expect(listed.body.items[0].allowedActions).toEqual(['edit']);
  });
});
