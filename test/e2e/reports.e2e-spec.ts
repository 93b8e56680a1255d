import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { startApi, TestApi } from '../support/api';
import { expectError } from '../support/expectations';
import { createUnit, memberToken, publishArticle } from '../support/factories';

// The report writer's endpoints from outside: the summary and the rows behind a figure, activities typed in,
// propaganda plans evaluated from the counts, and every mistake a 4xx naming its field.

describe('Reports (e2e)', () => {
  let api: TestApi;
  let admin: string;
  let unit: { id: string; name: string };
  let reporter: string;
  let editor: string;
  let operator: string;

  beforeAll(async () => {
    api = await startApi();
    admin = await api.adminToken();
    unit = await createUnit(api, admin, { name: 'UBND xã Báo Cáo' });
    reporter = await memberToken(api, admin, unit.id, 'reporter');
    editor = await memberToken(api, admin, unit.id, 'editor');
    operator = await memberToken(api, admin, unit.id, 'operator');
  });
  afterAll(async () => {
    await api.close();
  });

  const summary = (query: string, token = reporter) =>
    api.request('GET', `/api/v1/reports/summary?${query}`, { token });
  const thisYear = () => {
    const year = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric' }).format(
      new Date(),
    );
    return { from: `${year}-01-01`, to: `${year}-12-31`, year: Number(year) };
  };

  it('counts what was published and aired, and opens a figure as its rows', async () => {
    await publishArticle(api, admin, unit.id, {
      title: 'Hướng dẫn nộp hồ sơ trực tuyến',
      categorySlug: 'cai-cach-hanh-chinh',
    });
    await publishArticle(api, admin, unit.id, {
      title: 'Ra quân vệ sinh môi trường',
      categorySlug: 'tin-hoat-dong',
    });
    const station = (await api.request('GET', `/api/v1/units/${unit.id}/stations`, { token: operator }))
      .body[0].id;
    const airing = (startedAt: string, endedAt: string, status: string) =>
      api.request('POST', '/api/v1/airings', {
        token: operator,
        headers: { 'Idempotency-Key': randomUUID() },
        body: {
          stationId: station,
          kind: 'programme',
          title: 'Bản tin sổ cũ',
          startedAt,
          endedAt,
          status,
          method: 'import',
        },
      });
    const { from, to, year } = thisYear();
    expect(
      (await airing(`${year}-01-02T06:00:00+07:00`, `${year}-01-02T06:10:00+07:00`, 'aired')).status,
    ).toBe(201);
    expect(
      (await airing(`${year}-01-03T06:00:00+07:00`, `${year}-01-03T06:02:00+07:00`, 'partial')).status,
    ).toBe(201);
    expect(
      (await airing(`${year - 1}-12-31T23:30:00+07:00`, `${year - 1}-12-31T23:40:00+07:00`, 'aired')).status,
    ).toBe(201);

    const res = await summary(`unitId=${unit.id}&from=${from}&to=${to}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      unitId: unit.id,
      unitName: 'UBND xã Báo Cáo',
      from,
      to,
      includeChildren: false,
      portal: { articlesPublished: 2, cchcArticlesPublished: 1, proceduresPublished: 0 },
      radio: { airings: 1, airedMinutes: 10, partialAirings: 1, cchcAirings: 0 },
    });
    expect(
      res.body.portal.byCategory.map((c: { name: string; count: number }) => [c.name, c.count]).sort(),
    ).toEqual([
      ['Cải cách hành chính', 1],
      ['Tin hoạt động', 1],
    ]);

    const rows = await api.request(
      'GET',
      `/api/v1/reports/figure-rows?unitId=${unit.id}&from=${from}&to=${to}&figure=portal.articlesPublished`,
      { token: reporter },
    );
    expect(rows.status).toBe(200);
    expect(rows.body).toMatchObject({ figure: 'portal.articlesPublished', value: 2, total: 2, page: 1 });
    expect(rows.body.items.map((r: { title: string }) => r.title).sort()).toEqual([
      'Hướng dẫn nộp hồ sơ trực tuyến',
      'Ra quân vệ sinh môi trường',
    ]);
    expect(rows.body.items[0]).toMatchObject({
      typeLabel: 'Đăng tin bài',
      unitName: 'UBND xã Báo Cáo',
      source: 'evidence',
    });
  });

  it('gives the same figures as .xlsx and .csv, the figures in the order of the summary', async () => {
    const { from, to } = thisYear();
    const query = `unitId=${unit.id}&from=${from}&to=${to}`;
    const json = (await summary(query)).body;
    const csv = await api.request('GET', `/api/v1/reports/summary.csv?${query}`, { token: reporter });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const lines = (csv.body as string)
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toMatch(/^"Đơn vị","Tin bài đăng trên cổng thông tin",/);
    expect(lines[1]).toMatch(new RegExp(`^"UBND xã Báo Cáo","${json.portal.articlesPublished}",`));

    const response = await fetch(`${api.baseUrl}/api/v1/reports/summary.xlsx?${query}`, {
      headers: { Authorization: `Bearer ${reporter}` },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toContain(`-${from}-${to}.xlsx`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    const sheet = workbook.getWorksheet('Số liệu')!;
    expect(sheet.getCell('A1').text).toContain('UBND xã Báo Cáo');
    const header = (sheet.getRow(3).values as unknown[]).slice(1);
    const row = (sheet.getRow(4).values as unknown[]).slice(1);
    expect(row[header.indexOf('Lượt phát sóng')]).toBe(json.radio.airings);
    expect(row[header.indexOf('Tin bài tuyên truyền cải cách hành chính')]).toBe(
      json.portal.cchcArticlesPublished,
    );
    const categories = workbook.getWorksheet('Theo chuyên mục')!;
    expect(categories.rowCount).toBe(1 + json.portal.byCategory.length);
  });

  it("gives the home screen the year month by month, equal to the summary, and today's to-dos", async () => {
    const { from, to, year } = thisYear();
    const months = await api.request('GET', `/api/v1/reports/months?unitId=${unit.id}&year=${year}`, {
      token: editor,
    });
    expect(months.status).toBe(200);
    expect(months.body.months).toHaveLength(12);
    const json = (await summary(`unitId=${unit.id}&from=${from}&to=${to}`)).body;
    const sum = (key: string) =>
      months.body.months.reduce((n: number, m: Record<string, number>) => n + m[key], 0);
    expect(sum('articlesPublished')).toBe(json.portal.articlesPublished);
    expect(sum('airings')).toBe(json.radio.airings);
    expect(months.body.months[0].airings).toBe(1); // the logbook line of 02/01

    const todos = await api.request('GET', `/api/v1/reports/todos?unitId=${unit.id}`, { token: editor });
    expect(todos.status).toBe(200);
    // Both articles were approved and published without any audio yet.
    expect(todos.body).toMatchObject({
      articlesToApprove: 0,
      articlesReturnedToMe: 0,
      approvedWithoutAudio: 2,
    });
    expect(todos.body.plansNotApproved).toEqual([
      expect.objectContaining({ stationName: expect.any(String), plan: 'missing' }),
    ]);
    const other = await createUnit(api, admin);
    expectError(
      await api.request('GET', `/api/v1/reports/todos?unitId=${other.id}`, { token: editor }),
      403,
      'FORBIDDEN',
      'unitId',
    );
    const figures = await api.request('GET', '/api/v1/reports/figures', { token: editor });
    expect(figures.body).toContainEqual({
      path: 'radio.airings',
      label: 'Lượt phát sóng',
      unit: 'count',
      source: 'evidence',
    });
  });

  it('takes activities from report writers only, and counts them in the summary', async () => {
    const { from, to, year } = thisYear();
    const post = (body: Record<string, unknown>, token = reporter) =>
      api.request('POST', `/api/v1/units/${unit.id}/activities`, { token, body });
    const conference = await post({
      kind: 'conference',
      date: `${year}-03-08`,
      quantity: 2,
      description: 'Hội nghị triển khai',
    });
    expect(conference.status).toBe(201);
    expect(conference.body).toMatchObject({
      kind: 'conference',
      kindLabel: expect.stringContaining('Hội nghị'),
      quantity: 2,
    });
    expect((await post({ kind: 'leaflet', date: `${year}-04-01`, quantity: 500 })).status).toBe(201);
    expect((await post({ kind: 'leaflet', date: `${year}-04-01`, quantity: 5 }, editor)).status).toBe(403);
    expectError(
      await post({ kind: 'leaflet', date: `${year}-04-01`, quantity: -5 }),
      400,
      'VALIDATION_FAILED',
      'quantity',
    );
    expectError(
      await post({ kind: 'radio', date: `${year}-04-01`, quantity: 5 }),
      400,
      'VALIDATION_FAILED',
      'kind',
    );
    expectError(
      await post({ kind: 'leaflet', date: `${year}-02-30`, quantity: 5 }),
      400,
      'VALIDATION_FAILED',
      'date',
    );

    const res = await summary(`unitId=${unit.id}&from=${from}&to=${to}`);
    expect(res.body.activities).toEqual({
      conference: 2,
      one_stop_guidance: 0,
      banner: 0,
      leaflet: 500,
      other: 0,
    });
    const list = await api.request('GET', `/api/v1/units/${unit.id}/activities?kind=leaflet`, {
      token: editor,
    });
    expect(list.body.total).toBe(1);

    const removed = await api.request('DELETE', `/api/v1/activities/${conference.body.id}`, {
      token: reporter,
    });
    expect(removed.status).toBe(204);
    expect((await summary(`unitId=${unit.id}&from=${from}&to=${to}`)).body.activities.conference).toBe(0);
  });

  it("evaluates a plan's tasks Đạt / Chưa đạt from the counts of its year", async () => {
    const { year } = thisYear();
    const plan = {
      year,
      number: `${randomUUID().slice(0, 4)}/KH-UBND`,
      issuedOn: `${year}-01-10`,
      title: `Kế hoạch tuyên truyền cải cách hành chính năm ${year}`,
      tasks: [
        { content: 'Đăng tin bài trên cổng thông tin', metric: 'portal.articlesPublished', target: 2 },
        { content: 'Phát sóng trên đài truyền thanh xã', metric: 'radio.airings', target: 24 },
      ],
    };
    const created = await api.request('POST', `/api/v1/units/${unit.id}/propaganda-plans`, {
      token: reporter,
      body: plan,
    });
    expect(created.status).toBe(201);
    expect(
      created.body.tasks.map((t: { actual: number; evaluation: string }) => [t.actual, t.evaluation]),
    ).toEqual([
      [2, 'Đạt'],
      [1, 'Chưa đạt'],
    ]);
    expect(created.body.tasks[1].metricLabel).toBe('Lượt phát sóng');

    const again = await api.request('POST', `/api/v1/units/${unit.id}/propaganda-plans`, {
      token: reporter,
      body: plan,
    });
    expectError(again, 409, 'CONFLICT', 'number');
    const bad = (tasks: unknown[]) =>
      api.request('POST', `/api/v1/units/${unit.id}/propaganda-plans`, {
        token: reporter,
        body: { ...plan, number: 'khac/KH', tasks },
      });
    expectError(
      await bad([{ content: 'x', metric: 'portal.likes', target: 1 }]),
      400,
      'VALIDATION_FAILED',
      'tasks.0.metric',
    );
    expectError(
      await bad([{ content: 'x', metric: 'radio.airings', target: -1 }]),
      400,
      'VALIDATION_FAILED',
      'tasks.0.target',
    );
    expectError(await bad([]), 400, 'VALIDATION_FAILED', 'tasks');

    const updated = await api.request('PUT', `/api/v1/propaganda-plans/${created.body.id}`, {
      token: reporter,
      body: { ...plan, tasks: [{ content: 'Phát sóng', metric: 'radio.airings', target: 1 }] },
    });
    expect(updated.status).toBe(200);
    expect(updated.body.tasks[0].evaluation).toBe('Đạt');
    const list = await api.request('GET', `/api/v1/units/${unit.id}/propaganda-plans?year=${year}`, {
      token: editor,
    });
    expect(list.body.map((p: { id: string }) => p.id)).toEqual([created.body.id]);
  });

  it("keeps the written texts per year, offers last year's as a start, and makes the .docx with every figure", async () => {
    const { year } = thisYear();
    const texts = `/api/v1/units/${unit.id}/report-texts/${year}`;
    const fresh = await api.request('GET', texts, { token: reporter });
    expect(fresh.status).toBe(200);
    expect(fresh.body.source).toBe('default');
    const sections = {
      ...fresh.body.sections,
      direction: `Ngày 10/01/${year}, UBND xã tổ chức Hội nghị triển khai Kế hoạch tuyên truyền năm ${year}.`,
    };
    const body = {
      sections,
      recipients: ['Phòng Nội vụ;', 'Lưu: VT.'],
      overrides: [
        {
          figure: 'portal.visits',
          value: 6694,
          note: 'Số của bộ đếm cũ trước khi chuyển sang hệ thống mới.',
        },
      ],
    };
    expect((await api.request('PUT', texts, { token: editor, body })).status).toBe(403);
    expectError(
      await api.request('PUT', texts, {
        token: reporter,
        body: { ...body, overrides: [{ figure: 'portal.likes', value: 1, note: 'x' }] },
      }),
      400,
      'VALIDATION_FAILED',
      'overrides.0.figure',
    );
    expectError(
      await api.request('PUT', texts, {
        token: reporter,
        body: { ...body, overrides: [{ figure: 'portal.visits', value: 5, note: '' }] },
      }),
      400,
      'VALIDATION_FAILED',
      'overrides.0.note',
    );
    const saved = await api.request('PUT', texts, { token: reporter, body });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ source: 'saved', updatedByName: 'Nguyễn Văn Thử' });
    const next = await api.request('GET', `/api/v1/units/${unit.id}/report-texts/${year + 1}`, {
      token: reporter,
    });
    expect(next.body.source).toBe('lastYear');
    expect(next.body.sections.direction).toContain(`Kế hoạch tuyên truyền năm ${year + 1}`);
    expect(next.body.overrides).toEqual([]);

    const request = {
      unitId: unit.id,
      year,
      template: 'cchc-propaganda-annual',
      number: '125',
      issuedOn: `${year}-12-20`,
    };
    const preview = await api.request('POST', '/api/v1/reports/documents/preview', {
      token: reporter,
      body: request,
    });
    expect(preview.status).toBe(200);
    expect(preview.body.issuer).toEqual(['ỦY BAN NHÂN DÂN', 'XÃ BÁO CÁO']);
    expect(preview.body.number).toBe('Số: 125/BC-UBND');
    const previewText = preview.body.body.map((b: { text: string }) => b.text).join('\n');
    expect(previewText).toContain(
      'đã đăng tải 2 tin bài, trong đó 1 tin bài tuyên truyền về cải cách hành chính',
    );
    expect(previewText).toContain('6.694 (*)');
    expect(previewText).toContain(sections.direction);

    const response = await fetch(`${api.baseUrl}/api/v1/reports/documents`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${reporter}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(request),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('wordprocessingml');
    const zip = await JSZip.loadAsync(await response.arrayBuffer());
    const xml = await zip.file('word/document.xml')!.async('string');
    const text = xml.replace(/<[^>]+>/g, '');
    expect(text).toContain('Số: 125/BC-UBND');
    expect(text).toContain('đã đăng tải 2 tin bài');
    expect(text).toContain('ĐÁNH GIÁ MỨC ĐỘ THỰC HIỆN CÁC NHIỆM VỤ');

    expectError(
      await api.request('POST', '/api/v1/reports/documents', {
        token: reporter,
        body: { ...request, template: 'bao-cao-khac' },
      }),
      400,
      'VALIDATION_FAILED',
      'template',
    );
  });

  it('answers a wrong period, unit or figure with a 4xx naming the field', async () => {
    const base = `unitId=${unit.id}`;
    expectError(await summary(`${base}&from=2026-03-01&to=2026-02-01`), 400, 'VALIDATION_FAILED', 'to');
    expectError(await summary(`${base}&from=2010-01-01&to=2026-02-01`), 400, 'VALIDATION_FAILED', 'to');
    expectError(await summary(`${base}&to=2026-02-01`), 400, 'VALIDATION_FAILED', 'from');
    expectError(await summary(`${base}&from=2026-13-01&to=2026-02-01`), 400, 'VALIDATION_FAILED', 'from');
    expectError(
      await summary(`${base}&from=2026-01-01&to=2026-02-01&includeChildren=yes`),
      400,
      'VALIDATION_FAILED',
      'includeChildren',
    );
    expectError(
      await summary(`unitId=khong-phai-uuid&from=2026-01-01&to=2026-02-01`),
      400,
      'VALIDATION_FAILED',
      'unitId',
    );
    const other = await createUnit(api, admin);
    expectError(
      await summary(`unitId=${other.id}&from=2026-01-01&to=2026-02-01`),
      403,
      'FORBIDDEN',
      'unitId',
    );
    expectError(
      await api.request(
        'GET',
        `/api/v1/reports/figure-rows?${base}&from=2026-01-01&to=2026-02-01&figure=portal.likes`,
        {
          token: reporter,
        },
      ),
      400,
      'VALIDATION_FAILED',
      'figure',
    );
    expect(
      (await api.request('GET', `/api/v1/reports/summary?${base}&from=2026-01-01&to=2026-02-01`)).status,
    ).toBe(401);
  });
});
