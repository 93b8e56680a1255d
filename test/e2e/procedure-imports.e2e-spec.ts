import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { workerStage } from '../support/admin-stage';
import { expectError } from '../support/expectations';
import { createUnit, memberToken } from '../support/factories';

const FIXTURES = join(__dirname, '..', 'fixtures', 'procedures');
const CSV = readFileSync(join(FIXTURES, 'thu-tuc-xa.csv'));

interface ImportJob {
  id: string;
  status: 'queued' | 'processing' | 'done' | 'failed';
  dryRun: boolean;
  total: number;
  processed: number;
  result: {
    created: number;
    updated: number;
    unchanged: number;
    errors: { row: number; field: string | null; message: string }[];
    rows: { row: number; code: string | null; action: string }[];
  } | null;
  error: string | null;
}

/** A CSV of `n` procedures in the template's columns, one of them (row `bad`) with an impossible date. */
function bigCsv(n: number, bad?: number): Buffer {
  const lines = ['Mã TTHC,Tên thủ tục,Lĩnh vực,Trình tự thực hiện,Ngày quyết định công bố'];
  for (let i = 1; i <= n; i += 1) {
    const date = i + 1 === bad ? '31/02/2025' : '01/07/2025';
    lines.push(
      `9.${String(i).padStart(6, '0')},Thủ tục thử số ${i},${i % 2 ? 'Hộ tịch' : 'Chứng thực'},"Trường hợp 1: Nộp trực tiếp\n- Nộp hồ sơ\nTrường hợp 2: Nộp trực tuyến\n- Điền tờ khai",${date}`,
    );
  }
  return Buffer.from(lines.join('\r\n'));
}

/**
 * How Excel splits a CSV line by its list separator: a `"` toggles quoting (doubled inside quotes, a
 * literal quote), the separator splits only outside quotes, and quote characters are not shown.
 */
function splitLikeExcel(line: string, separator: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i += 1) {
    if (line[i] === '"') {
      if (quoted && line[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else {
        quoted = !quoted;
      }
    } else if (line[i] === separator && !quoted) {
      cells.push(cell);
      cell = '';
    } else {
      cell += line[i];
    }
  }
  return [...cells, cell];
}

describe('Procedure imports as jobs, the template and exports (e2e)', () => {
  // The worker runs the import jobs, on the same database as the api.
  const stage = workerStage();

  const startJob = (unitId: string, name: string, bytes: Buffer, dryRun: boolean, token = stage.adminToken) =>
    stage.api.upload(`/api/v1/units/${unitId}/procedures/import-jobs?dryRun=${dryRun}`, {
      token,
      file: { name, bytes },
    });

  /** Polls the job until it ends; records every `processed` seen on the way. */
  async function finished(id: string, seen: number[] = []): Promise<ImportJob> {
    for (let i = 0; i < 600; i += 1) {
      const res = await stage.api.request('GET', `/api/v1/procedure-imports/${id}`, {
        token: stage.adminToken,
      });
      expect(res.status).toBe(200);
      seen.push(res.body.processed);
      if (res.body.status === 'done' || res.body.status === 'failed') {
        return res.body;
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`import ${id} did not finish`);
  }

  async function count(unitId: string): Promise<number> {
    const res = await stage.api.request('GET', `/api/v1/units/${unitId}/procedures?pageSize=1`, {
      token: stage.adminToken,
    });
    return res.body.total;
  }

  it('previews as a job writing nothing, then imports the same file on confirmation, with progress', async () => {
    const unit = await createUnit(stage.api, stage.adminToken);
    const editor = await memberToken(stage.api, stage.adminToken, unit.id, 'editor');
    const file = bigCsv(1200, 7);

    const dry = await startJob(unit.id, 'tthc-lon.csv', file, true, editor);
    expect(dry.status).toBe(202);
    expect(dry.body).toMatchObject({
      status: 'queued',
      dryRun: true,
      total: 1200,
      processed: 0,
      format: 'csv',
    });
    const preview = await finished(dry.body.id);
    expect(preview.status).toBe('done');
    expect(preview.processed).toBe(1200);
    expect(preview.result).toMatchObject({ created: 1199, updated: 0, unchanged: 0 });
    expect(preview.result!.errors).toEqual([
      expect.objectContaining({
        row: 7,
        field: 'decisionDate',
        message: expect.stringContaining('31/02/2025'),
      }),
    ]);
    expect(await count(unit.id)).toBe(0);

    const confirmed = await stage.api.request('POST', `/api/v1/procedure-imports/${dry.body.id}/confirm`, {
      token: editor,
    });
    expect(confirmed.status).toBe(202);
    expect(confirmed.body).toMatchObject({ dryRun: false, confirmsId: dry.body.id, total: 1200 });
    const seen: number[] = [];
    const real = await finished(confirmed.body.id, seen);
    expect(real.status).toBe('done');
    expect(real.result).toMatchObject({ created: 1199, updated: 0, unchanged: 0 });
    expect(await count(unit.id)).toBe(1199);
    // Progress only moves forward and ends at the total.
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    expect(seen.at(-1)).toBe(1200);

    // A dry run is confirmed once: its file is gone after the import ran.
    const again = await stage.api.request('POST', `/api/v1/procedure-imports/${dry.body.id}/confirm`, {
      token: editor,
    });
    expectError(again, 409, 'INVALID_STATE');
    // A real import cannot be "confirmed".
    const notDry = await stage.api.request('POST', `/api/v1/procedure-imports/${confirmed.body.id}/confirm`, {
      token: editor,
    });
    expectError(notDry, 409, 'INVALID_STATE');

    // The same file again as a job: nothing changes.
    const second = await finished((await startJob(unit.id, 'tthc-lon.csv', file, false, editor)).body.id);
    expect(second.result).toMatchObject({ created: 0, updated: 0, unchanged: 1199 });
  });

  it('refuses a bad file at upload with a 4xx naming the file, and queues nothing', async () => {
    const unit = await createUnit(stage.api, stage.adminToken);
    expectError(
      await startJob(unit.id, 'tthc.xlsx', Buffer.from('Mã TTHC,Tên\n1,2'), true),
      415,
      'UNSUPPORTED_MEDIA_TYPE',
      'file',
    );
    expectError(
      await startJob(unit.id, 'tthc.csv', Buffer.from('Tên thủ tục\nKhai sinh'), true),
      400,
      'VALIDATION_FAILED',
      'file',
    );
    expectError(await startJob(unit.id, 'tthc.txt', CSV, true), 415, 'UNSUPPORTED_MEDIA_TYPE', 'file');
    const big = Buffer.alloc(10 * 1024 * 1024 + 1, 'a');
    expectError(await startJob(unit.id, 'tthc.csv', big, true), 413, 'PAYLOAD_TOO_LARGE', 'file');
  });

  it('lets only the unit’s editors and admins start or confirm an import, and only members read one', async () => {
    const unit = await createUnit(stage.api, stage.adminToken);
    const other = await createUnit(stage.api, stage.adminToken);
    const approver = await memberToken(stage.api, stage.adminToken, unit.id, 'approver');
    const outsider = await memberToken(stage.api, stage.adminToken, other.id, 'editor');
    expectError(await startJob(unit.id, 'tthc.csv', CSV, true, approver), 403, 'FORBIDDEN');
    expectError(await startJob(unit.id, 'tthc.csv', CSV, true, outsider), 403, 'FORBIDDEN');

    const job = await startJob(unit.id, 'tthc.csv', CSV, true);
    await finished(job.body.id);
    expect(
      (await stage.api.request('GET', `/api/v1/procedure-imports/${job.body.id}`, { token: approver }))
        .status,
    ).toBe(200);
    expectError(
      await stage.api.request('GET', `/api/v1/procedure-imports/${job.body.id}`, { token: outsider }),
      404,
      'NOT_FOUND',
    );
    expectError(
      await stage.api.request('POST', `/api/v1/procedure-imports/${job.body.id}/confirm`, {
        token: approver,
      }),
      403,
      'FORBIDDEN',
    );
    expectError(
      await stage.api.request('POST', `/api/v1/procedure-imports/${job.body.id}/confirm`, {
        token: outsider,
      }),
      404,
      'NOT_FOUND',
    );
  });

  it('serves the template, which imports as it is (two procedures, one with cases)', async () => {
    const unit = await createUnit(stage.api, stage.adminToken);
    for (const format of ['xlsx', 'csv'] as const) {
      const res = await fetch(`${stage.api.baseUrl}/api/v1/procedures/import-template.${format}`, {
        headers: { authorization: `Bearer ${stage.adminToken}` },
      });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-disposition')).toBe(
        `attachment; filename="mau-nhap-thu-tuc-hanh-chinh.${format}"`,
      );
      const bytes = Buffer.from(await res.arrayBuffer());
      const dry = await stage.api.upload(`/api/v1/units/${unit.id}/procedures/import?dryRun=true`, {
        token: stage.adminToken,
        file: { name: `mau.${format}`, bytes },
      });
      expect(dry.status).toBe(200);
      expect(dry.body).toMatchObject({ created: 2, errors: [] });
    }
    const workbook = new ExcelJS.Workbook();
    const res = await fetch(`${stage.api.baseUrl}/api/v1/procedures/import-template.xlsx`, {
      headers: { authorization: `Bearer ${stage.adminToken}` },
    });
    await workbook.xlsx.load(await res.arrayBuffer());
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['Thủ tục hành chính', 'Hướng dẫn']);
    expect(workbook.worksheets[0].getRow(1).getCell(1).value).toBe('Mã TTHC');
    expect((await fetch(`${stage.api.baseUrl}/api/v1/procedures/import-template.csv`)).status).toBe(401);
  });

  it('exports the catalogue to XLSX and CSV that import back unchanged, with formula injection made inert', async () => {
    const unit = await createUnit(stage.api, stage.adminToken);
    const imported = await stage.api.upload(`/api/v1/units/${unit.id}/procedures/import`, {
      token: stage.adminToken,
      file: { name: 'thu-tuc-xa.csv', bytes: CSV },
    });
    expect(imported.status).toBe(200);
    const created = await stage.api.request('POST', `/api/v1/units/${unit.id}/procedures`, {
      token: stage.adminToken,
      body: {
        code: '9.999999',
        name: '=HYPERLINK("http://ke-xau.example","Bấm vào đây")',
        field: 'Hộ tịch',
        fees: '+84 lệ phí',
        timeLimit: '-1 ngày',
        result: '@SUM(1,2)',
        // Under Excel whose list separator is ";" (Vietnamese Windows), an unquoted cell like this one
        // splits, and its second half starts a formula in the next column.
        conditions: "Có giấy tờ;=1+cmd|' /C calc'!A0",
      },
    });
    expect(created.status).toBe(201);

    const csvRes = await fetch(`${stage.api.baseUrl}/api/v1/units/${unit.id}/procedures/export.csv`, {
      headers: { authorization: `Bearer ${stage.adminToken}` },
    });
    expect(csvRes.status).toBe(200);
    expect(csvRes.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(csvRes.headers.get('content-disposition')).toMatch(
      new RegExp(`^attachment; filename="thu-tuc-hanh-chinh-${unit.slug}-\\d{4}-\\d{2}-\\d{2}\\.csv"$`),
    );
    const csvBytes = Buffer.from(await csvRes.arrayBuffer());
    const csvText = csvBytes.toString('utf8');
    expect(csvText.startsWith('\uFEFF"Mã TTHC","Tên thủ tục",')).toBe(true);
    for (const line of csvText.replace(/^\uFEFF/, '').split('\r\n')) {
      for (const separator of [',', ';']) {
        expect(splitLikeExcel(line, separator).filter((c) => /^[=+\-@]/.test(c))).toEqual([]);
      }
    }
    expect(csvText).toContain(`"'=HYPERLINK(""http://ke-xau.example"",""Bấm vào đây"")"`);
    expect(csvText).toContain(`'+84 lệ phí`);
    expect(csvText).toContain(`'-1 ngày`);
    expect(csvText).toContain(`'@SUM(1,2)`);

    const xlsxRes = await fetch(`${stage.api.baseUrl}/api/v1/units/${unit.id}/procedures/export.xlsx`, {
      headers: { authorization: `Bearer ${stage.adminToken}` },
    });
    expect(xlsxRes.status).toBe(200);
    const xlsxBytes = Buffer.from(await xlsxRes.arrayBuffer());
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsxBytes as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    const cells: unknown[] = [];
    sheet.eachRow((row) => row.eachCell((cell) => cells.push(cell.value)));
    // Every cell is plain text (no formula object), and the hostile ones start with an apostrophe.
    expect(cells.every((v) => typeof v === 'string')).toBe(true);
    expect(cells).toContain(`'=HYPERLINK("http://ke-xau.example","Bấm vào đây")`);
    expect(sheet.actualRowCount).toBe(1 + imported.body.created + 1);

    // Both exports import back into the same catalogue with nothing to change (the apostrophes too).
    for (const [name, bytes] of [
      ['xuat.csv', csvBytes],
      ['xuat.xlsx', xlsxBytes],
    ] as const) {
      const back = await stage.api.upload(`/api/v1/units/${unit.id}/procedures/import?dryRun=true`, {
        token: stage.adminToken,
        file: { name, bytes },
      });
      expect(back.status).toBe(200);
      expect(back.body.rows.filter((r: { action: string }) => r.action !== 'unchanged')).toEqual([]);
      expect(back.body).toMatchObject({ created: 0, updated: 0, errors: [] });
      expect(back.body.unchanged).toBe(imported.body.created + 1);
    }

    // The list's filters apply to the export.
    const filtered = await fetch(
      `${stage.api.baseUrl}/api/v1/units/${unit.id}/procedures/export.csv?q=${encodeURIComponent('ho tich')}`,
      { headers: { authorization: `Bearer ${stage.adminToken}` } },
    );
    const filteredText = await filtered.text();
    expect(filteredText).toContain('1.001193');
    expect(filteredText).toContain('9.999999');
    expect(filteredText).not.toContain('1.003596'); // the Chứng thực procedure of the fixture
  });
});
