/// <reference lib="dom" />
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { lavfiFile } from '../support/lavfi';
import { adminStageWithWorker } from '../support/admin-stage';
import { PHONE, screenshot, unnamedControls } from '../support/browser';
import { createUnit, createUser } from '../support/factories';

// The Phát sóng screens as people use them: a plan generated and approved in the browser, the console
// playing real audio to its end and recording the airing itself, an airing kept through a network drop and
// sent exactly once, and a relay played from a stream served by the test.

const stage = adminStageWithWorker();
const { url, signIn } = stage;

/** A sine tone made by ffmpeg's own source (lavfi), as WAV or MP3 by the name's extension. */
function tone(name: string, hz: number, seconds: number): string {
  return lavfiFile(join(mkdtempSync(join(tmpdir(), 'broadcast-spec-')), name), { hz, seconds });
}

/** Today in Vietnam, YYYY-MM-DD. */
function vietnamToday(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date());
}

const dmy = (date: string): string => date.split('-').reverse().join('/');

interface Team {
  unit: { id: string; name: string };
  stationId: string;
  operator: { username: string; password: string };
  approver: { username: string; password: string };
  operatorToken: string;
  approverToken: string;
}

async function team(name: string, settings: Record<string, unknown> = {}): Promise<Team> {
  const unit = await createUnit(stage.api, stage.adminToken, { name, settings });
  const operator = await createUser(stage.api, stage.adminToken, [{ unitId: unit.id, role: 'operator' }]);
  const approver = await createUser(stage.api, stage.adminToken, [{ unitId: unit.id, role: 'approver' }]);
  const operatorToken = await stage.api.login(operator.username, operator.password);
  // A commune starts with its station and the default slots (morning, VOV relay, afternoon).
  const stations = await stage.api.request('GET', `/api/v1/units/${unit.id}/stations`, {
    token: operatorToken,
  });
  expect(stations.status).toBe(200);
  return {
    unit,
    stationId: stations.body[0].id,
    operator,
    approver,
    operatorToken,
    approverToken: await stage.api.login(approver.username, approver.password),
  };
}

/** An uploaded programme made ready by the worker. */
async function readyAudio(unitId: string, title: string, seconds: number, hz = 440): Promise<string> {
  // Another tone, another file: the same sound would be the same /media file.
  const file = tone(`${seconds}s-${hz}.wav`, hz, seconds);
  const sent = await stage.api.upload(`/api/v1/units/${unitId}/audio`, {
    token: stage.adminToken,
    file: { name: 'chuong-trinh.wav', type: 'audio/wav', bytes: readFileSync(file) },
    fields: { title },
  });
  expect(sent.status).toBe(202);
  const id = sent.body.audioId as string;
  for (let n = 0; n < 600; n += 1) {
    const audio = await stage.api.request('GET', `/api/v1/audio/${id}`, { token: stage.adminToken });
    if (audio.body.status === 'ready') {
      return id;
    }
    expect(audio.body.status).not.toBe('failed');
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('audio not ready');
}

/** Today's plan made and approved through the API (setup for the console tests). */
async function approvedPlan(t: Team): Promise<any> {
  const date = vietnamToday();
  const generated = await stage.api.request(
    'POST',
    `/api/v1/stations/${t.stationId}/plans/${date}/generate`,
    {
      token: t.operatorToken,
    },
  );
  expect(generated.status).toBe(201);
  const approved = await stage.api.request('POST', `/api/v1/stations/${t.stationId}/plans/${date}/approve`, {
    token: t.approverToken,
  });
  expect(approved.status).toBe(200);
  return approved.body;
}

async function airings(t: Team): Promise<any[]> {
  const date = vietnamToday();
  const res = await stage.api.request(
    'GET',
    `/api/v1/airings?stationId=${t.stationId}&from=${date}&to=${date}&pageSize=200`,
    { token: t.operatorToken },
  );
  expect(res.status).toBe(200);
  return res.body.items;
}

async function waitForStatus(page: Page, id: string, status: string, timeout = 30_000): Promise<void> {
  await page.waitForFunction(
    ([selector, wanted]) => document.querySelector(selector)?.getAttribute('data-local-status') === wanted,
    [`[data-item-id="${id}"]`, status] as const,
    { timeout },
  );
}

function audioItems(plan: any): any[] {
  return plan.slots.flatMap((s: any) => s.items).filter((i: any) => i.kind === 'audio');
}

describe('Broadcast (Phát sóng) in a browser', () => {
  it('a plan generated and approved in the browser, printed, changed with a reason; the console plays an item to its end and records it as aired', async () => {
    const t = await team('UBND xã Yên Hòa', {
      signerTitle: 'KT. CHỦ TỊCH',
      signerName: 'Trần Văn Ký',
      placeName: 'Yên Hòa',
    });
    await Promise.all([
      readyAudio(t.unit.id, 'Thông báo tiêm phòng', 2),
      readyAudio(t.unit.id, 'Lịch họp dân', 2, 550),
    ]);
    const today = vietnamToday();

    // The operator generates today's plan.
    const operator = await signIn(t.operator.username, t.operator.password);
    const op = operator.page;
    await op.getByRole('menuitem', { name: 'Lịch phát sóng' }).click();
    // Tomorrow by default, shown dd/mm/yyyy.
    const tomorrow = new Date(Date.parse(`${today}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    expect(await op.getByLabel('Ngày phát sóng').inputValue()).toBe(dmy(tomorrow));
    await op.goto(url(`/phat-song/lich?station=${t.stationId}&date=${today}`));
    await op.getByRole('button', { name: 'Tạo lịch' }).click();
    await op.getByText('Chưa duyệt').waitFor();
    await op.getByRole('meter', { name: /Độ đầy khung Bản tin buổi sáng/ }).waitFor();
    expect(await unnamedControls(op)).toEqual([]);

    // The approver approves it.
    const approver = await signIn(t.approver.username, t.approver.password);
    await approver.page.goto(url(`/phat-song/lich?station=${t.stationId}&date=${today}`));
    await approver.page.getByRole('button', { name: 'Duyệt lịch' }).click();
    await approver.page.getByRole('button', { name: 'Duyệt', exact: true }).click();
    await approver.page.getByText('Đã duyệt', { exact: true }).waitFor();
    await approver.close();

    // After approval a change asks for a reason and is listed as a deviation.
    await op.reload();
    await op.getByText('Đã duyệt', { exact: true }).waitFor();
    const morning = op.locator('.ant-card', { hasText: 'Bản tin buổi sáng' }).first();
    const firstTitle = (
      await morning.locator('tbody tr.ant-table-row').first().locator('td').nth(1).innerText()
    ).trim();
    await morning
      .getByRole('button', { name: /^Chuyển xuống:/ })
      .first()
      .click();
    const reason = op.getByRole('dialog', { name: 'Lý do thay đổi lịch đã duyệt' });
    await reason.getByRole('button', { name: 'Lưu thay đổi' }).click();
    await reason.getByText('Hãy ghi lý do thay đổi').waitFor();
    await reason.getByLabel('Lý do').fill('Ưu tiên lịch họp dân theo chỉ đạo');
    await reason.getByRole('button', { name: 'Lưu thay đổi' }).click();
    const deviations = op.locator('.ant-card', { hasText: 'Thay đổi so với lịch đã duyệt' });
    await deviations.getByText('Ưu tiên lịch họp dân theo chỉ đạo').first().waitFor();
    // A ready audio added to the empty afternoon slot, with its reason too.
    const afternoon = op.locator('.ant-card', { hasText: 'Bản tin buổi chiều' }).first();
    await afternoon.getByLabel('Bản tin thêm vào khung Bản tin buổi chiều').click();
    await op
      .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', {
        hasText: 'Thông báo tiêm phòng',
      })
      .click();
    await afternoon.getByRole('button', { name: /Thêm vào khung$/ }).click();
    await reason.getByLabel('Lý do').fill('Nhắc lại buổi chiều');
    await reason.getByRole('button', { name: 'Lưu thay đổi' }).click();
    await afternoon.locator('tbody tr.ant-table-row', { hasText: 'Thông báo tiêm phòng' }).waitFor();
    await deviations.getByText('Nhắc lại buổi chiều').waitFor();
    await screenshot(op, 'broadcast-plan');
    expect(await morning.locator('tbody tr.ant-table-row').nth(1).innerText()).toContain(
      firstTitle.split('\n')[0],
    );

    // The print view for the leader's signature.
    await op.getByRole('button', { name: 'In lịch' }).click();
    const paper = op.getByRole('article', { name: 'Bản in lịch phát sóng' });
    await paper.getByText(`LỊCH PHÁT SÓNG NGÀY ${dmy(today)}`).waitFor();
    const text = await paper.innerText();
    expect(text).toContain('KT. CHỦ TỊCH');
    expect(text).toContain('Trần Văn Ký');
    expect(text).toContain('NGƯỜI LẬP');
    expect(text).toContain('Ưu tiên lịch họp dân theo chỉ đạo');
    const [y, m, d] = today.split('-');
    expect(text).toContain(`Yên Hòa, ngày ${d} tháng ${m} năm ${y}`);
    await op.emulateMedia({ media: 'print' });
    await screenshot(op, 'broadcast-plan-print');
    expect(await op.locator('.ant-layout-sider').isVisible()).toBe(false);
    expect(await op.getByRole('button', { name: /(^|\s)In$/ }).isVisible()).toBe(false);
    await op.emulateMedia({ media: 'screen' });

    // The console plays the next item to its end; the airing is recorded by the console itself.
    const plan = (
      await stage.api.request('GET', `/api/v1/stations/${t.stationId}/plans/${today}`, {
        token: t.operatorToken,
      })
    ).body;
    const first = audioItems(plan)[0];
    await op.getByRole('menuitem', { name: 'Điều khiển phát' }).click();
    await op.getByText(`Hôm nay: `).waitFor();
    await op.locator(`[data-current-item="${first.id}"]`).waitFor();
    await op.getByText('Đã tải sẵn 2/2 bản tin').waitFor();
    expect(await unnamedControls(op)).toEqual([]);
    await op.getByRole('button', { name: /(^|\s)Phát$/ }).click();
    await op.getByRole('button', { name: 'Tạm dừng' }).waitFor();
    // The meter moves with the sound (Web Audio analyser on the playing element).
    await op.waitForFunction(
      () => Number(document.querySelector('.level-meter')?.getAttribute('data-level')) > 0.3,
      null,
      {
        timeout: 5000,
      },
    );
    await waitForStatus(op, first.id, 'aired', 20_000);
    const recorded = (await airings(t)).filter((a) => a.planItemId === first.id);
    expect(recorded).toHaveLength(1);
    expect(recorded[0]).toMatchObject({ kind: 'programme', status: 'aired', method: 'console' });
    expect(recorded[0].playedSeconds).toBeGreaterThanOrEqual(2);
    expect(recorded[0].playedSeconds).toBeLessThanOrEqual(3);
    await operator.close();
  });

  it('an airing made while the network is down waits on the computer and arrives exactly once, even when an answer is lost; a missed item needs its reason; an emergency airs at once, chosen or typed and spoken', async () => {
    const t = await team('UBND xã Thạch Hòa');
    await readyAudio(t.unit.id, 'Bản tin mất mạng', 3, 660);
    const plan = await approvedPlan(t);
    const first = audioItems(plan)[0];
    const { page, close } = await signIn(t.operator.username, t.operator.password);
    const context = page.context();
    await page.goto(url('/phat-song/dieu-khien'));
    await page.locator(`[data-current-item="${first.id}"]`).waitFor();
    await page.getByText(/Đã tải sẵn (\d+)\/\1 bản tin/).waitFor();

    await page.getByRole('button', { name: /(^|\s)Phát$/ }).click();
    await page.getByRole('button', { name: 'Tạm dừng' }).waitFor();
    await context.setOffline(true);
    // Played from the copy on this computer to its end; the record waits.
    await waitForStatus(page, first.id, 'aired:waiting', 20_000);
    await page.getByText('Mất mạng — 1 lượt phát chờ gửi').waitFor();
    expect((await airings(t)).filter((a) => a.planItemId === first.id)).toHaveLength(0);

    // Back online, the first answer is lost after the api kept the airing: sent again with the same key.
    let attempts = 0;
    await page.route('**/api/v1/airings', async (route) => {
      attempts += 1;
      if (attempts === 1) {
        await route.fetch();
        await route.abort('connectionreset');
        return;
      }
      await route.continue();
    });
    await context.setOffline(false);
    await waitForStatus(page, first.id, 'aired', 30_000);
    expect(attempts).toBeGreaterThanOrEqual(2);
    const kept = (await airings(t)).filter((a) => a.planItemId === first.id);
    expect(kept).toHaveLength(1);
    expect(kept[0]).toMatchObject({ status: 'aired', method: 'console' });
    expect(
      await page.evaluate(() => Object.keys(localStorage).filter((k) => k.includes('airing-outbox'))),
    ).toEqual([]);

    // The relay did not air: "Không phát" needs the reason.
    const relayItem = plan.slots.flatMap((s: any) => s.items).find((i: any) => i.kind === 'relay');
    await page.getByRole('button', { name: `Không phát: ${relayItem.title}` }).click();
    const missed = page.getByRole('dialog', { name: 'Ghi không phát' });
    await missed.getByRole('button', { name: 'Ghi', exact: true }).click();
    await missed.getByText('Hãy ghi lý do không phát').waitFor();
    await missed.getByLabel('Lý do không phát').fill('Mất điện trạm phát');
    await missed.getByRole('button', { name: 'Ghi', exact: true }).click();
    await waitForStatus(page, relayItem.id, 'missed');
    expect((await airings(t)).find((a) => a.planItemId === relayItem.id)).toMatchObject({
      kind: 'relay',
      status: 'missed',
      method: 'operator',
      note: 'Mất điện trạm phát',
    });

    // An emergency notice airs at once and is logged by the api.
    await page.getByRole('button', { name: /Phát khẩn cấp$/ }).click();
    const urgent = page.getByRole('dialog', { name: 'Phát khẩn cấp' });
    await urgent.getByLabel('Bản tin khẩn cấp').click();
    await page
      .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', {
        hasText: 'Bản tin mất mạng',
      })
      .click();
    await urgent.getByRole('button', { name: 'Phát ngay' }).click();
    await page.getByText('Đang phát khẩn cấp: Bản tin mất mạng').waitFor();
    const emergencies = (await airings(t)).filter((a) => a.kind === 'emergency');
    expect(emergencies).toHaveLength(1);
    expect(emergencies[0]).toMatchObject({ status: 'aired', method: 'console' });
    await page.getByRole('button', { name: 'Dừng phát khẩn cấp' }).click();

    // Typed text: the worker reads it at once (offline engine), and it airs as soon as it is ready.
    await page.getByRole('button', { name: /Phát khẩn cấp$/ }).click();
    await urgent.getByText('Nhập chữ để đọc ngay').click();
    expect(await urgent.getByRole('button', { name: 'Phát ngay' }).isDisabled()).toBe(true);
    await urgent
      .getByLabel('Nội dung đọc ngay')
      .fill('Bão số 3 sắp đổ bộ, đề nghị bà con chằng chống nhà cửa.');
    await urgent.getByRole('button', { name: 'Phát ngay' }).click();
    await page.getByText('Đang phát khẩn cấp: Thông báo khẩn cấp').waitFor({ timeout: 60_000 });
    const spoken = (await airings(t)).filter((a) => a.kind === 'emergency');
    expect(spoken).toHaveLength(2);
    const typed = spoken.find((a) => a.audioId !== emergencies[0].audioId);
    const audio = await stage.api.request('GET', `/api/v1/audio/${typed.audioId}`, {
      token: t.operatorToken,
    });
    expect(audio.body).toMatchObject({ status: 'ready', title: 'Thông báo khẩn cấp', articleId: null });
    expect(audio.body.normalizedText).toMatch(/bão số ba/i);
    await close();
  });

  it('a relay plays the stream of its slot and stopping it records a relay airing', async () => {
    const mp3 = readFileSync(tone('tiep-am.mp3', 330, 20));
    let requests = 0;
    const server: Server = createServer((req, res) => {
      requests += 1;
      res.writeHead(200, { 'content-type': 'audio/mpeg', 'content-length': mp3.length });
      res.end(mp3);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const streamUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/vov1.mp3`;
    try {
      const t = await team('UBND xã Phú Cát');
      const slots = await stage.api.request('GET', `/api/v1/stations/${t.stationId}/slots`, {
        token: t.operatorToken,
      });
      const relaySlot = slots.body.find((s: any) => s.kind === 'relay');
      const patched = await stage.api.request('PATCH', `/api/v1/slots/${relaySlot.id}`, {
        token: t.operatorToken,
        body: { relaySource: { name: 'Đài tỉnh (thử)', url: streamUrl } },
      });
      expect(patched.status).toBe(200);
      const plan = await approvedPlan(t);
      const relay = plan.slots.flatMap((s: any) => s.items).find((i: any) => i.kind === 'relay');
      expect(relay.relayUrl).toBe(streamUrl);

      // On the operator's phone this time (360 px wide).
      const { page, close } = await signIn(t.operator.username, t.operator.password, PHONE);
      await page.goto(url('/phat-song/dieu-khien'));
      // The plan has only the relay: it is the next item.
      await page.locator(`[data-current-item="${relay.id}"]`).waitFor();
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
      await screenshot(page, 'broadcast-console-phone');
      await page.getByRole('button', { name: 'Bắt đầu tiếp âm' }).click();
      await page.waitForFunction(() => {
        const el = document.querySelector<HTMLAudioElement>('audio[data-deck=relay]');
        return !!el && !el.paused && el.currentTime > 1;
      });
      expect(requests).toBeGreaterThanOrEqual(1);
      await page.getByRole('button', { name: /(^|\s)Dừng$/ }).click();
      await waitForStatus(page, relay.id, 'partial', 20_000);
      const kept = (await airings(t)).filter((a) => a.planItemId === relay.id);
      expect(kept).toHaveLength(1);
      expect(kept[0]).toMatchObject({ kind: 'relay', method: 'console', status: 'partial', audioId: null });
      expect(kept[0].playedSeconds).toBeGreaterThanOrEqual(1);
      await close();
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('slots are added, changed and removed; the unit’s broadcast policy refuses under the fields', async () => {
    const t = await team('UBND xã Tân Lập', { broadcastPolicy: { maxMinutesPerSlot: 30 } });
    const { page, close } = await signIn(t.operator.username, t.operator.password);
    await page.getByRole('menuitem', { name: 'Đài và khung giờ' }).click();
    await page.getByRole('cell', { name: 'Bản tin buổi sáng', exact: true }).waitFor();
    expect(await unnamedControls(page)).toEqual([]);

    await page.getByRole('button', { name: /Thêm khung giờ$/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Thêm khung giờ' });
    await dialog.getByLabel('Tên khung giờ').fill('Bản tin trưa');
    for (const day of ['Thứ 3', 'Thứ 5', 'Thứ 7', 'Chủ nhật']) {
      await dialog.getByLabel(day).uncheck();
    }
    await dialog.getByLabel('Giờ bắt đầu').fill('11:00');
    await dialog.getByLabel('Thời lượng (phút)').fill('45');
    await dialog.getByRole('button', { name: /Thêm khung giờ$/ }).click();
    const length = dialog
      .locator('.ant-form-item', { hasText: 'Thời lượng (phút)' })
      .locator('.ant-form-item-explain-error');
    await length.waitFor();
    expect(await length.innerText()).toContain('tối đa 30 phút');
    await dialog.getByLabel('Thời lượng (phút)').fill('20');
    await dialog.getByRole('button', { name: /Thêm khung giờ$/ }).click();
    const row = page.locator('.ant-table-row', { hasText: 'Bản tin trưa' });
    await row.waitFor();
    expect(await row.innerText()).toContain('Thứ 2, 4, 6');
    expect(await row.innerText()).toContain('20 phút');

    await row.getByRole('button', { name: 'Sửa khung giờ Bản tin trưa' }).click();
    const edit = page.getByRole('dialog', { name: 'Sửa khung giờ Bản tin trưa' });
    await edit.getByLabel('Giờ bắt đầu').fill('05:40');
    await edit.getByRole('button', { name: /Lưu$/ }).click();
    const start = edit
      .locator('.ant-form-item', { hasText: 'Giờ bắt đầu' })
      .locator('.ant-form-item-explain-error');
    await start.waitFor();
    expect(await start.innerText()).toContain('Bản tin buổi sáng');
    await edit.getByLabel('Giờ bắt đầu').fill('11:30');
    await edit.getByRole('button', { name: /Lưu$/ }).click();
    await row.getByText('11:30').waitFor();

    await row.getByRole('button', { name: 'Bỏ khung giờ Bản tin trưa' }).click();
    await page.getByRole('button', { name: 'Bỏ', exact: true }).click();
    await row.waitFor({ state: 'detached' });
    const slots = await stage.api.request('GET', `/api/v1/stations/${t.stationId}/slots`, {
      token: t.operatorToken,
    });
    expect(slots.body.map((s: any) => s.name)).not.toContain('Bản tin trưa');
    await close();
  });
});
