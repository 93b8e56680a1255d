import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { resolveFfmpeg } from '../../libs/sound/src/ffmpeg';
import { lavfiFile } from '../support/lavfi';
import { workerStage } from '../support/admin-stage';
import { expectError } from '../support/expectations';
import { createUnit, memberToken } from '../support/factories';

const FFMPEG = resolveFfmpeg().path;
const work = mkdtempSync(join(tmpdir(), 'xa-broadcast-files-e2e-'));
const GAP_SEC = 3;

/** A tone made by ffmpeg's own source, as a WAV a person would upload. */
function tone(name: string, frequency: number, seconds: number): Buffer {
  return readFileSync(lavfiFile(join(work, name), { hz: frequency, seconds }));
}

/** What ffmpeg says of a file: its decoded length and its stream line. */
function probe(bytes: Buffer): { seconds: number; stream: string } {
  const path = join(work, `probe-${Date.now()}-${Math.random()}.mp3`);
  writeFileSync(path, bytes);
  const run = spawnSync(FFMPEG, ['-nostats', '-i', path, '-f', 'null', '-'], { encoding: 'utf8' });
  const last = run.stderr.slice(run.stderr.lastIndexOf('time='));
  const [, h, m, s] = /time=(\d+):(\d+):([\d.]+)/.exec(last)!;
  return {
    seconds: Number(h) * 3600 + Number(m) * 60 + Number(s),
    stream: /Stream #0:0.*Audio: .*/.exec(run.stderr)?.[0] ?? '',
  };
}

async function rawGet(
  baseUrl: string,
  path: string,
  token: string,
): Promise<{ status: number; headers: Headers; bytes: Buffer; ms: number }> {
  const started = Date.now();
  const res = await fetch(`${baseUrl}${path}`, { headers: { authorization: `Bearer ${token}` } });
  const bytes = Buffer.from(await res.arrayBuffer());
  return { status: res.status, headers: res.headers, bytes, ms: Date.now() - started };
}

async function readSheet(bytes: Buffer): Promise<(string | number | null)[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  const rows: (string | number | null)[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, n) => {
    rows[n - 1] = (row.values as (string | number | null)[]).slice(1);
  });
  return Array.from(rows, (r) => r ?? []);
}

const today = (): string => new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);

describe('Broadcast files: slot MP3, monthly logbook, old logbook import (e2e)', () => {
  const stage = workerStage();
  let unitId: string;
  let stationId: string;
  const date = today();

  async function ready(id: string): Promise<{ durationMs: number }> {
    for (let i = 0; i < 900; i += 1) {
      const res = await stage.api.request('GET', `/api/v1/audio/${id}`, { token: stage.adminToken });
      if (res.body.status === 'ready') {
        return res.body;
      }
      expect(res.body.status).not.toBe('failed');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`audio ${id} did not finish`);
  }

  beforeAll(async () => {
    const unit = await createUnit(stage.api, stage.adminToken, { name: 'UBND xã Sổ Nhật Ký' });
    unitId = unit.id;
    const stations = await stage.api.request('GET', `/api/v1/units/${unitId}/stations`, {
      token: stage.adminToken,
    });
    stationId = stations.body[0].id;
  });

  const plan = async () =>
    (
      await stage.api.request('GET', `/api/v1/stations/${stationId}/plans/${date}`, {
        token: stage.adminToken,
      })
    ).body;

  it('joins a slot into one MP3 of its pieces and gaps, cached; relay and empty slots are refused', async () => {
    const pieces: { audioId: string; durationMs: number }[] = [];
    for (const [n, [hz, seconds]] of [
      [330, 3.2],
      [550, 4.7],
      [770, 2.6],
    ].entries()) {
      const res = await stage.api.upload(`/api/v1/units/${unitId}/audio`, {
        token: stage.adminToken,
        file: { name: `phong-su-${n}.wav`, bytes: tone(`p${n}.wav`, hz, seconds) },
        fields: { title: `Phóng sự số ${n + 1}` },
      });
      expect(res.status).toBe(202);
      pieces.push({ audioId: res.body.audioId, durationMs: (await ready(res.body.audioId)).durationMs });
    }
    const generated = await stage.api.request(
      'POST',
      `/api/v1/stations/${stationId}/plans/${date}/generate`,
      {
        token: stage.adminToken,
      },
    );
    expect(generated.status).toBe(201);
    // Every piece into the morning slot, in upload order; the afternoon slot left empty.
    const slots = generated.body.slots as {
      slotId: string;
      name: string;
      kind: string;
      start: string;
      items: { id: string; audioId: string | null }[];
    }[];
    const morning = slots.find((s) => s.kind === 'programme' && s.start === '05:30')!;
    const evening = slots.find((s) => s.kind === 'programme' && s.start === '17:00')!;
    const relay = slots.find((s) => s.kind === 'relay')!;
    const all = slots.flatMap((s) => s.items.map((i) => ({ ...i, slotId: s.slotId, kind: s.kind })));
    const byAudio = new Map(all.filter((i) => i.audioId).map((i) => [i.audioId, i]));
    const items = [
      ...pieces.map((p) => ({ id: byAudio.get(p.audioId)?.id, slotId: morning.slotId, audioId: p.audioId })),
      ...all.filter((i) => i.kind === 'relay').map((i) => ({ id: i.id, slotId: i.slotId })),
    ].map((i) => (i.id ? { id: i.id, slotId: i.slotId } : i));
    const edited = await stage.api.request('PUT', `/api/v1/stations/${stationId}/plans/${date}/items`, {
      token: stage.adminToken,
      body: { items },
    });
    expect(edited.status).toBe(200);
    const placed = (edited.body.slots as typeof slots).find((s) => s.slotId === morning.slotId)!.items;
    expect(placed.map((i) => i.audioId)).toEqual(pieces.map((p) => p.audioId));

    const path = `/api/v1/stations/${stationId}/plans/${date}/slots/${morning.slotId}/audio.mp3`;
    const first = await rawGet(stage.api.baseUrl, path, stage.adminToken);
    expect(first.status).toBe(200);
    expect(first.headers.get('content-type')).toBe('audio/mpeg');
    expect(first.headers.get('content-disposition')).toBe(
      `attachment; filename="${date}-0530-ban-tin-buoi-sang.mp3"`,
    );
    const measured = probe(first.bytes);
    const expected = pieces.reduce((sum, p) => sum + p.durationMs / 1000, 0) + GAP_SEC * (pieces.length - 1);
    expect(Math.abs(measured.seconds - expected)).toBeLessThanOrEqual(0.2);
    expect(measured.stream).toMatch(/mp3, 44100 Hz, mono/);
    expect(measured.stream).toMatch(/64 kb\/s/);

    const second = await rawGet(stage.api.baseUrl, path, stage.adminToken);
    expect(second.status).toBe(200);
    expect(second.bytes.equals(first.bytes)).toBe(true);
    expect(second.ms).toBeLessThan(Math.max(first.ms, 1000));

    const relayRes = await stage.api.request(
      'GET',
      `/api/v1/stations/${stationId}/plans/${date}/slots/${relay.slotId}/audio.mp3`,
      { token: stage.adminToken },
    );
    expectError(relayRes, 400, 'VALIDATION_FAILED', 'slotId');
    const empty = await stage.api.request(
      'GET',
      `/api/v1/stations/${stationId}/plans/${date}/slots/${evening.slotId}/audio.mp3`,
      { token: stage.adminToken },
    );
    expectError(empty, 409, 'INVALID_STATE', 'slotId');
  });

  it('prints the month: each planned item against its airings, airings outside the plan, totals', async () => {
    const current = await plan();
    const morning = (
      current.slots as { start: string; items: { id: string; audioId: string; title: string }[] }[]
    ).find((s) => s.start === '05:30')!;
    const [one, two] = morning.items;
    const past = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();
    const aired = await stage.api.request('POST', '/api/v1/airings', {
      token: stage.adminToken,
      headers: { 'idempotency-key': `so-${one.id}` },
      body: {
        stationId,
        planItemId: one.id,
        kind: 'programme',
        startedAt: past(10),
        endedAt: past(9),
        status: 'aired',
        method: 'console',
      },
    });
    expect(aired.status).toBe(201);
    const missed = await stage.api.request('POST', '/api/v1/airings', {
      token: stage.adminToken,
      body: {
        stationId,
        planItemId: two.id,
        kind: 'programme',
        startedAt: past(8),
        endedAt: past(8),
        status: 'missed',
        note: 'Mất điện',
      },
    });
    expect(missed.status).toBe(201);
    const emergency = await stage.api.request('POST', `/api/v1/stations/${stationId}/emergency`, {
      token: stage.adminToken,
      body: { audioId: one.audioId },
    });
    expect(emergency.status).toBe(201);

    const month = date.slice(0, 7);
    const json = await stage.api.request('GET', `/api/v1/stations/${stationId}/logbook?month=${month}`, {
      token: stage.adminToken,
    });
    expect(json.status).toBe(200);
    const [yyyy, mm] = month.split('-');
    expect(json.body.title).toBe(`SỔ NHẬT KÝ PHÁT SÓNG – ${json.body.stationName} – tháng ${mm}/${yyyy}`);
    expect(json.body.unitName).toBe('UBND xã Sổ Nhật Ký');
    const rows = json.body.rows as {
      title: string;
      result: string;
      resultLabel: string;
      source: string;
      priorityLabel: string;
      planItemId: string | null;
      note: string;
      operator: string;
      day: string;
    }[];
    const ofItem = (id: string) => rows.filter((r) => r.planItemId === id);
    expect(ofItem(one.id)).toEqual([
      expect.objectContaining({ result: 'aired', resultLabel: 'Đã phát', source: 'Bản tin của xã' }),
    ]);
    expect(ofItem(two.id)).toEqual([
      expect.objectContaining({ result: 'missed', resultLabel: 'Không phát', note: 'Mất điện' }),
    ]);
    expect(ofItem(morning.items[2].id)).toEqual([expect.objectContaining({ resultLabel: 'Chưa ghi nhận' })]);
    expect(rows.filter((r) => r.source === 'Khẩn cấp')).toEqual([
      expect.objectContaining({ planItemId: null, priorityLabel: 'Khẩn cấp', resultLabel: 'Đã phát' }),
    ]);
    expect(rows.find((r) => r.planItemId === one.id)!.operator).not.toBe('');
    expect(json.body.totals).toMatchObject({ aired: 2, missed: 1, emergencies: 1, partial: 0 });
    expect(json.body.totals.unrecorded).toBe(rows.filter((r) => r.result === 'unrecorded').length);

    const file = await rawGet(
      stage.api.baseUrl,
      `/api/v1/stations/${stationId}/logbook.xlsx?month=${month}`,
      stage.adminToken,
    );
    expect(file.status).toBe(200);
    expect(file.headers.get('content-disposition')).toBe(
      `attachment; filename="so-nhat-ky-phat-song-${month}.xlsx"`,
    );
    const sheet = await readSheet(file.bytes);
    expect(sheet[0][0]).toBe(json.body.title);
    expect(sheet[1][0]).toBe('UBND xã Sổ Nhật Ký');
    expect(sheet[3]).toEqual([
      'Ngày',
      'Khung giờ',
      'Giờ dự kiến',
      'Giờ bắt đầu',
      'Giờ kết thúc',
      'Thời lượng (phút)',
      'Nội dung',
      'Nguồn',
      'Chuyên mục',
      'Ưu tiên',
      'Kết quả',
      'Người ghi',
      'Ghi chú',
    ]);
    const body = sheet.slice(4, 4 + rows.length);
    expect(body.map((r) => r[6])).toEqual(rows.map((r) => r.title));
    expect(body.map((r) => r[10])).toEqual(rows.map((r) => r.resultLabel));
    expect(body[0][0]).toBe(rows[0].day);
    const totals = Object.fromEntries(
      sheet
        .slice(4 + rows.length)
        .filter((r) => r.length >= 2)
        .map((r) => [r[0], r[1]]),
    );
    expect(totals).toMatchObject({ 'Lượt phát đã phát': 2, 'Lượt khẩn cấp': 1, 'Lượt không phát': 1 });

    for (const bad of ['2026-13', '12/2026', '']) {
      const res = await stage.api.request(
        'GET',
        `/api/v1/stations/${stationId}/logbook.xlsx?month=${encodeURIComponent(bad)}`,
        {
          token: stage.adminToken,
        },
      );
      expectError(res, 400, 'VALIDATION_FAILED', 'month');
    }
  });

  it('imports an old logbook: good lines in, each bad one named by row and column, dry run, re-import skips', async () => {
    const categories = (
      await stage.api.request('GET', `/api/v1/units/${unitId}/categories`, { token: stage.adminToken })
    ).body as { name: string }[];
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Sổ cũ');
    sheet.addRow([
      'Ngày',
      'Giờ bắt đầu',
      'Giờ kết thúc',
      'Nội dung',
      'Loại',
      'Nguồn tiếp âm',
      'Chuyên mục',
      'Kết quả',
      'Ghi chú',
    ]);
    sheet.addRow([
      '31/12/2025',
      '23:30',
      '23:45',
      'Bản tin cuối năm',
      'Bản tin',
      '',
      categories[0].name,
      'Đã phát',
      '',
    ]); // 2
    sheet.addRow([
      '01/01/2026',
      '00:30',
      '00:40',
      'Tiếp âm đầu năm',
      'Tiếp âm',
      'VOV1',
      '',
      'Phát một phần',
      'Mất sóng',
    ]); // 3
    sheet.addRow(['02/01/2026', '25:70', '06:10', 'Giờ không có', 'Bản tin', '', '', 'Đã phát', '']); // 4
    sheet.addRow(['31/02/2025', '06:00', '06:10', 'Ngày không có', 'Bản tin', '', '', 'Đã phát', '']); // 5
    sheet.addRow([
      '03/01/2026',
      '07:00',
      '06:50',
      'Kết thúc trước bắt đầu',
      'Bản tin',
      '',
      '',
      'Đã phát',
      '',
    ]); // 6
    sheet.addRow([
      '04/01/2026',
      '06:00',
      '06:10',
      'Chuyên mục lạ',
      'Bản tin',
      '',
      'Không có chuyên mục này',
      'Đã phát',
      '',
    ]); // 7
    sheet.addRow([
      '05/01/2026',
      '06:00',
      '06:10',
      'Không phát mà không ghi lý do',
      'Bản tin',
      '',
      '',
      'Không phát',
      '',
    ]); // 8
    sheet.addRow([
      new Date(Date.UTC(2025, 11, 15)),
      '17:00',
      '17:05',
      'Thông báo phòng chống rét',
      'Khẩn cấp',
      '',
      '',
      'Đã phát',
      '',
    ]); // 9
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    const send = (dryRun: boolean, name = 'so-cu.xlsx', file: Buffer = bytes) =>
      stage.api.upload(`/api/v1/stations/${stationId}/airings/import${dryRun ? '?dryRun=true' : ''}`, {
        token: stage.adminToken,
        file: { name, bytes: file },
      });
    const expectedErrors = [
      expect.objectContaining({ row: 4, field: 'Giờ bắt đầu' }),
      expect.objectContaining({ row: 5, field: 'Ngày' }),
      expect.objectContaining({ row: 6, field: 'Giờ kết thúc' }),
      expect.objectContaining({ row: 7, field: 'Chuyên mục' }),
      expect.objectContaining({ row: 8, field: 'Ghi chú' }),
    ];
    const airingsOf = async () =>
      (
        await stage.api.request(
          'GET',
          `/api/v1/airings?stationId=${stationId}&from=2025-12-01&to=2026-01-31&pageSize=100`,
          { token: stage.adminToken },
        )
      ).body.total;

    const imported = async () =>
      (
        await stage.api.request('GET', `/api/v1/evidence?unitId=${unitId}&pageSize=100`, {
          token: stage.adminToken,
        })
      ).body.items.filter((e: { snapshot: { method?: string } }) => e.snapshot.method === 'import').length;
    // Only those who record airings import them; a reporter reads the logbook.
    const reporter = await memberToken(stage.api, stage.adminToken, unitId, 'reporter');
    const refused = await stage.api.upload(`/api/v1/stations/${stationId}/airings/import`, {
      token: reporter,
      file: { name: 'so-cu.xlsx', bytes },
    });
    expect(refused.status).toBe(403);
    expect(
      (
        await stage.api.request('GET', `/api/v1/stations/${stationId}/logbook?month=2025-12`, {
          token: reporter,
        })
      ).status,
    ).toBe(200);

    const dry = await send(true);
    expect(dry.status).toBe(200);
    expect(dry.body).toMatchObject({ created: 3, skipped: 0, dryRun: true });
    expect(dry.body.errors).toEqual(expectedErrors);
    expect(await airingsOf()).toBe(0);
    expect(await imported()).toBe(0);

    const real = await send(false);
    expect(real.body).toMatchObject({ created: 3, skipped: 0, dryRun: false });
    expect(real.body.errors).toEqual(expectedErrors);
    expect(await airingsOf()).toBe(3);
    expect(await imported()).toBe(3); // airing.recorded, relay.recorded, emergency.aired

    const again = await send(false);
    expect(again.body).toMatchObject({ created: 0, skipped: 3 });
    expect(await airingsOf()).toBe(3);

    const december = (
      await stage.api.request('GET', `/api/v1/stations/${stationId}/logbook?month=2025-12`, {
        token: stage.adminToken,
      })
    ).body;
    expect(december.rows).toEqual([
      expect.objectContaining({
        day: '15/12/2025',
        startTime: '17:00',
        priorityLabel: 'Khẩn cấp',
        source: 'Sổ cũ (khẩn cấp)',
      }),
      expect.objectContaining({
        day: '31/12/2025',
        startTime: '23:30',
        endTime: '23:45',
        title: 'Bản tin cuối năm',
        source: 'Sổ cũ',
        category: categories[0].name,
        minutes: 15,
      }),
    ]);
    const january = (
      await stage.api.request('GET', `/api/v1/stations/${stationId}/logbook?month=2026-01`, {
        token: stage.adminToken,
      })
    ).body;
    expect(january.rows).toEqual([
      expect.objectContaining({
        day: '01/01/2026',
        startTime: '00:30',
        resultLabel: 'Phát một phần',
        source: 'Sổ cũ (tiếp âm VOV1)',
        note: 'Mất sóng',
      }),
    ]);
    expect(january.totals).toMatchObject({ partial: 1, relays: 1, minutes: 10 });

    // CSV (Excel's semicolons), a wrong station, a file of another kind, too many lines, the template.
    const csv = Buffer.from(
      '\uFEFFNgày;Giờ bắt đầu;Giờ kết thúc;Nội dung;Đài\r\n10/01/2026;6:00;6:05;Bản tin CSV;\r\n10/01/2026;07:00;07:05;Đài khác;Đài huyện\r\n',
    );
    const fromCsv = await send(false, 'so-cu.csv', csv);
    expect(fromCsv.body).toMatchObject({
      created: 1,
      skipped: 0,
      errors: [expect.objectContaining({ row: 3, field: 'Đài' })],
    });
    expectError(await send(false, 'so-cu.pdf', csv), 415, 'UNSUPPORTED_MEDIA_TYPE', 'file');
    const lines = Array.from({ length: 10_001 }, (_, i) => `01/02/2026;06:00;06:01;Dòng ${i}`).join('\n');
    expectError(
      await send(true, 'lon.csv', Buffer.from(`Ngày;Giờ bắt đầu;Giờ kết thúc;Nội dung\n${lines}\n`)),
      400,
      'VALIDATION_FAILED',
      'file',
    );

    const template = await rawGet(
      stage.api.baseUrl,
      `/api/v1/stations/${stationId}/airings/import-template.xlsx`,
      stage.adminToken,
    );
    expect(template.status).toBe(200);
    const templateRows = await readSheet(template.bytes);
    expect(templateRows[0].slice(0, 4)).toEqual(['Ngày', 'Giờ bắt đầu', 'Giờ kết thúc', 'Nội dung']);
    // The template's own examples import as they are (dry run).
    const fromTemplate = await send(true, 'mau.xlsx', template.bytes);
    expect(fromTemplate.body).toMatchObject({ created: 3, errors: [] });
  });
});
