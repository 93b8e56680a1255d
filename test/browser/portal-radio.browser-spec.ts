/// <reference lib="dom" />
import { vietnamDay } from '../../libs/common/src';
import { adminStageWithWorker } from '../support/admin-stage';
import { newPage, openPortalMenu, PHONE, screenshot, unnamedControls } from '../support/browser';
import { createUnit, publishArticle } from '../support/factories';

// A citizen opens "Phát thanh" on the unit's portal and listens to a piece that aired, with the
// browser's own player (the page has no script).
describe('Portal radio page in a browser', () => {
  const stage = adminStageWithWorker();

  it('lists today’s approved programme and plays an aired piece, on a PC and at 360 px', async () => {
    const { api, adminToken: token } = stage;
    const unit = await createUnit(api, token, { name: 'UBND xã Nghe Đài' });
    const article = await publishArticle(api, token, unit.id, {
      title: 'Hướng dẫn đăng ký tài khoản định danh điện tử',
      bodyHtml: '<p>Người dân mang căn cước công dân đến công an xã để được hướng dẫn.</p>',
    });
    const requested = await api.request('POST', `/api/v1/articles/${article.id}/audio`, { token, body: {} });
    expect(requested.status).toBe(202);
    let audio: { status: string; url: string } = { status: '', url: '' };
    for (let i = 0; i < 600 && audio.status !== 'ready'; i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      audio = (await api.request('GET', `/api/v1/audio/${requested.body.audioId}`, { token })).body;
      expect(audio.status).not.toBe('failed');
    }
    const stationId = (await api.request('GET', `/api/v1/units/${unit.id}/stations`, { token })).body[0].id;
    const day = vietnamDay(new Date());
    const plan = await api.request('POST', `/api/v1/stations/${stationId}/plans/${day}/generate`, {
      token,
      body: {},
    });
    expect(plan.status).toBe(201);
    const item = (plan.body.slots as { items: { id: string; audioId: string | null }[] }[])
      .flatMap((s) => s.items)
      .find((i) => i.audioId === requested.body.audioId)!;
    expect(
      (await api.request('POST', `/api/v1/stations/${stationId}/plans/${day}/approve`, { token, body: {} }))
        .status,
    ).toBe(200);
    const aired = await api.request('POST', '/api/v1/airings', {
      token,
      headers: { 'idempotency-key': `trinh-duyet-${item.id}` },
      body: {
        stationId,
        planItemId: item.id,
        kind: 'programme',
        startedAt: new Date(Date.now() - 120_000).toISOString(),
        endedAt: new Date(Date.now() - 60_000).toISOString(),
        status: 'aired',
      },
    });
    expect(aired.status).toBe(201);

    // Readable without JavaScript on a PC and on a cheap phone, reached from the menu.
    for (const [name, options] of [
      ['pc', { viewport: { width: 1280, height: 800 }, javaScriptEnabled: false }],
      ['dien-thoai', { ...PHONE, javaScriptEnabled: false }],
    ] as const) {
      const { context, page } = await newPage(stage.browser, options);
      await page.goto(`${api.baseUrl}/site/${unit.slug}/`);
      await openPortalMenu(page);
      await page.getByRole('link', { name: 'Phát thanh', exact: true }).click();
      await page.waitForURL(`${api.baseUrl}/site/${unit.slug}/phat-thanh`);
      expect(await page.locator('h1').innerText()).toBe('Chương trình phát thanh');
      const line = page.locator('li', { hasText: 'Hướng dẫn đăng ký tài khoản định danh điện tử' }).first();
      expect(await line.innerText()).toMatch(/^\d\d:\d\d Hướng dẫn đăng ký/);
      expect(await line.locator('audio[controls]').count()).toBe(1);
      expect(await page.getByRole('link', { name: 'Nghe qua ứng dụng podcast' }).getAttribute('href')).toBe(
        `/site/${unit.slug}/podcast.xml`,
      );
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(options.viewport.width);
      await screenshot(page, `cong-thong-tin-phat-thanh-${name}`);
      await context.close();
    }

    // Played with the browser's player: its clock moves.
    const { context, page } = await newPage(stage.browser, {
      viewport: { width: 1280, height: 800 },
      bypassCSP: true,
    });
    await page.goto(`${api.baseUrl}/site/${unit.slug}/phat-thanh`);
    expect(await unnamedControls(page)).toEqual([]);
    const player = page.locator('li', { hasText: 'Hướng dẫn đăng ký' }).first().locator('audio');
    expect(await player.getAttribute('src')).toBe(audio.url);
    // A click gives the page the user activation a browser asks before it plays sound.
    await page.locator('h1').click();
    const start = await player.evaluate(async (el: HTMLAudioElement) => {
      await el.play();
      return el.currentTime;
    });
    await page.waitForFunction(
      (from) => {
        const el = document.querySelector<HTMLAudioElement>('li audio');
        return el !== null && !el.paused && el.currentTime > from + 0.5;
      },
      start,
      { timeout: 15_000 },
    );
    const state = await player.evaluate((el: HTMLAudioElement) => ({
      error: el.error?.code ?? null,
      duration: el.duration,
    }));
    expect(state.error).toBeNull();
    expect(state.duration).toBeGreaterThan(1);
    await context.close();
  });
});
