import type { INestApplicationContext } from '@nestjs/common';
import { request as httpRequest } from 'node:http';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { DataSource } from 'typeorm';
import { createWorker } from '../../apps/worker/src/create-worker';
import { vietnamDay } from '../../libs/common/src';
import { PortalCache } from '../../libs/portal/src';
import { startApi, TestApi } from '../support/api';
import { createUnit, publishArticle } from '../support/factories';

// The portal's "Phát thanh" page and podcast feed (design.md §6) over the real broadcast API: plans
// generated and approved, airings recorded, audio spoken by eSpeak in the worker.
describe('Public portal: radio programme and podcast (e2e)', () => {
  const PUBLIC_URL = 'https://cong.example.vn';
  let api: TestApi;
  let worker: INestApplicationContext;
  let admin: string;

  beforeAll(async () => {
    api = await startApi({ PUBLIC_URL });
    const saved = process.env.PUBLIC_URL;
    process.env.PUBLIC_URL = PUBLIC_URL;
    worker = await createWorker();
    if (saved === undefined) {
      delete process.env.PUBLIC_URL;
    } else {
      process.env.PUBLIC_URL = saved;
    }
    admin = await api.adminToken();
  });
  afterAll(async () => {
    await worker?.close();
    await api?.close();
  });

  /** A raw GET with the Host header given (fetch cannot set it). */
  const raw = (path: string, host?: string) =>
    new Promise<{ status: number; type: string; body: string }>((resolve, reject) => {
      const url = new URL(api.baseUrl);
      const req = httpRequest(
        {
          host: url.hostname,
          port: url.port,
          path,
          method: 'GET',
          headers: { 'user-agent': 'Mozilla/5.0', ...(host ? { host } : {}) },
        },
        (res) => {
          let body = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => (body += chunk));
          res.on('end', () =>
            resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type']), body }),
          );
        },
      );
      req.on('error', reject);
      req.end();
    });

  /** An article taken to `status` (approved or published) with its speech ready; its audio. */
  async function spokenArticle(
    unitId: string,
    title: string,
    status: 'approved' | 'published',
  ): Promise<{ articleId: string; slug: string; audioId: string; url: string; durationMs: number }> {
    let article: { id: string; slug: string };
    if (status === 'published') {
      article = await publishArticle(api, admin, unitId, {
        title,
        summary: `Tóm tắt: ${title}`,
        bodyHtml: `<p>${title}. Ủy ban nhân dân xã thông báo.</p>`,
      });
    } else {
      const categories = (await api.request('GET', `/api/v1/units/${unitId}/categories`, { token: admin }))
        .body;
      const created = await api.request('POST', '/api/v1/articles', {
        token: admin,
        body: { unitId, title, bodyHtml: `<p>${title}.</p>`, categoryIds: [categories[0].id] },
      });
      expect(created.status).toBe(201);
      for (const step of ['submit', 'approve']) {
        expect(
          (
            await api.request('POST', `/api/v1/articles/${created.body.id}/${step}`, {
              token: admin,
              body: {},
            })
          ).status,
        ).toBe(200);
      }
      article = created.body;
    }
    const requested = await api.request('POST', `/api/v1/articles/${article.id}/audio`, {
      token: admin,
      body: {},
    });
    expect(requested.status).toBe(202);
    for (let i = 0; i < 600; i += 1) {
      const res = await api.request('GET', `/api/v1/audio/${requested.body.audioId}`, { token: admin });
      if (res.body.status === 'ready') {
        return {
          articleId: article.id,
          slug: article.slug,
          audioId: res.body.id,
          url: res.body.url,
          durationMs: res.body.durationMs,
        };
      }
      expect(res.body.status).not.toBe('failed');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error('audio not ready');
  }

  interface PlanItem {
    id: string;
    kind: 'audio' | 'relay';
    audioId: string | null;
    title: string;
  }

  /** Today's plan of the unit's station, generated (a draft). */
  async function generateToday(
    unitId: string,
  ): Promise<{ stationId: string; day: string; items: PlanItem[] }> {
    const stations = await api.request('GET', `/api/v1/units/${unitId}/stations`, { token: admin });
    expect(stations.status).toBe(200);
    const stationId = stations.body[0].id as string;
    const day = vietnamDay(new Date());
    const plan = await api.request('POST', `/api/v1/stations/${stationId}/plans/${day}/generate`, {
      token: admin,
      body: {},
    });
    expect(plan.status).toBe(201);
    expect(plan.body.status).toBe('draft');
    const items = (plan.body.slots as { items: PlanItem[] }[]).flatMap((s) => s.items);
    return { stationId, day, items };
  }

  async function approve(stationId: string, day: string): Promise<void> {
    const res = await api.request('POST', `/api/v1/stations/${stationId}/plans/${day}/approve`, {
      token: admin,
      body: {},
    });
    expect(res.status).toBe(200);
  }

  async function air(stationId: string, item: PlanItem): Promise<void> {
    const now = Date.now();
    const res = await api.request('POST', '/api/v1/airings', {
      token: admin,
      headers: { 'idempotency-key': `thu-${item.id}` },
      body: {
        stationId,
        planItemId: item.id,
        kind: 'programme',
        startedAt: new Date(now - 3 * 60_000).toISOString(),
        endedAt: new Date(now - 60_000).toISOString(),
        status: 'aired',
      },
    });
    expect(res.status).toBe(201);
  }

  /** The page once the change committed has been heard (the NOTIFY reaches the cache after commit). */
  async function pageUntil(path: string, ok: (body: string) => boolean): Promise<string> {
    let body = '';
    for (let i = 0; i < 60; i += 1) {
      const res = await raw(path);
      expect(res.status).toBe(200);
      body = res.body;
      if (ok(body)) {
        return body;
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return body;
  }

  /** The <li> of the programme naming `title`. */
  const lineOf = (html: string, title: string): string =>
    html
      .slice(html.indexOf('<h2>Lịch phát sóng hôm nay</h2>'), html.indexOf('<h2>Đã phát gần đây</h2>'))
      .split('<li>')
      .find((li) => li.includes(title)) ?? '';

  it('shows only the approved programme of today, a player only for pieces that aired, and never another unit’s', async () => {
    const unit = await createUnit(api, admin, { name: 'UBND xã Tân Phát' });
    const other = await createUnit(api, admin, { name: 'UBND xã Bên Cạnh' });
    const aired = await spokenArticle(unit.id, 'Lịch tiêm chủng mở rộng tháng này', 'published');
    const waiting = await spokenArticle(unit.id, 'Thông báo nộp thuế đất phi nông nghiệp', 'approved');
    const foreign = await spokenArticle(other.id, 'Tin riêng của xã bên cạnh', 'published');

    const path = `/site/${unit.slug}/phat-thanh`;
    const { stationId, day, items } = await generateToday(unit.id);
    const airedItem = items.find((i) => i.audioId === aired.audioId)!;
    const waitingItem = items.find((i) => i.audioId === waiting.audioId)!;
    expect(airedItem).toBeDefined();
    expect(waitingItem).toBeDefined();

    // A draft is not public: the page says so and names nothing of it.
    const draft = (await raw(path)).body;
    expect(draft).toContain('<h1>Chương trình phát thanh</h1>');
    expect(draft).toContain('Lịch phát sóng hôm nay chưa được duyệt');
    expect(draft).not.toContain(aired.url);
    expect(lineOf(draft, 'Lịch tiêm chủng')).toBe('');
    expect(lineOf(draft, 'Thông báo nộp thuế')).toBe('');
    const [y, m, d] = day.split('-');
    expect(draft).toContain(`Lịch phát sóng ngày ${d}/${m}/${y}`);
    // The menu and the podcast link.
    expect(draft).toContain(`<a href="/site/${unit.slug}/phat-thanh">Phát thanh</a>`);
    expect(draft).toContain(
      `<a href="/site/${unit.slug}/podcast.xml" type="application/rss+xml">Nghe qua ứng dụng podcast</a>`,
    );
    expect(draft).toContain(
      `<link rel="alternate" type="application/rss+xml" title="Podcast" href="/site/${unit.slug}/podcast.xml">`,
    );
    // Cached, with today's day in its key: approval must drop it.
    const cache = api.app.get(PortalCache);
    expect(cache.pageAt('127.0.0.1', path)).toBeDefined();
    expect(cache.pageAt('127.0.0.1', path)!.view).toContain(day);

    await approve(stationId, day);
    const approved = await pageUntil(path, (html) => !html.includes('chưa được duyệt'));
    expect(approved).not.toContain('chưa được duyệt');
    const waitingLine = lineOf(approved, 'Thông báo nộp thuế đất phi nông nghiệp');
    const airedLine = lineOf(approved, 'Lịch tiêm chủng mở rộng tháng này');
    expect(waitingLine).not.toBe('');
    expect(airedLine).not.toBe('');
    // Planned time HH:mm and a spoken duration; nothing has aired yet, so no player.
    expect(airedLine).toMatch(/<time datetime="[^"]+">\d\d:\d\d<\/time>/);
    expect(airedLine).toMatch(/Thời lượng (\d+ phút )?\d+ giây|Thời lượng \d+ phút/);
    expect(approved).not.toContain('<audio');
    expect(approved).toMatch(/<h4 class="slot">\d\d:\d\d–\d\d:\d\d · /);
    // A published article is linked; an approved one is not.
    expect(airedLine).toContain(`<a href="/site/${unit.slug}/bai-viet/${aired.slug}">`);
    expect(waitingLine).not.toContain('/bai-viet/');
    // A relay slot's item is named for its source.
    if (items.some((i) => i.kind === 'relay')) {
      expect(approved).toContain('Tiếp âm ');
    }

    await air(stationId, airedItem);
    const played = await pageUntil(path, (html) => html.includes('<audio'));
    const playedLine = lineOf(played, 'Lịch tiêm chủng mở rộng tháng này');
    expect(playedLine).toContain(`<audio controls preload="none" src="${aired.url}"`);
    expect(playedLine).toContain('Đã phát');
    expect(lineOf(played, 'Thông báo nộp thuế đất phi nông nghiệp')).not.toContain('<audio');
    // Exactly one player in the programme, and the piece is in "Đã phát gần đây" with its article.
    const programme = played.slice(0, played.indexOf('<h2>Đã phát gần đây</h2>'));
    expect(programme.match(/<audio /g)).toHaveLength(1);
    const recent = played.slice(played.indexOf('<h2>Đã phát gần đây</h2>'));
    expect(recent).toContain(`src="${aired.url}"`);
    expect(recent).toContain(`<a href="/site/${unit.slug}/bai-viet/${aired.slug}">Đọc bài viết</a>`);
    expect(recent).toMatch(/Phát lúc \d\d:\d\d \d\d\/\d\d\/\d{4}/);
    expect(recent).not.toContain(waiting.url);

    // A change to the approved plan (a deviation, with its reason) shows at once too.
    const current = await api.request('GET', `/api/v1/stations/${stationId}/plans/${day}`, { token: admin });
    const kept = (current.body.slots as { slotId: string; items: PlanItem[] }[]).flatMap((s) =>
      s.items.filter((i) => i.id !== waitingItem.id).map((i) => ({ id: i.id, slotId: s.slotId })),
    );
    const edited = await api.request('PUT', `/api/v1/stations/${stationId}/plans/${day}/items`, {
      token: admin,
      body: { items: kept, reason: 'Chuyển sang ngày mai theo chỉ đạo' },
    });
    expect(edited.status).toBe(200);
    const afterEdit = await pageUntil(path, (html) => !html.includes('Thông báo nộp thuế'));
    expect(afterEdit).not.toContain('Thông báo nộp thuế đất phi nông nghiệp');
    expect(lineOf(afterEdit, 'Lịch tiêm chủng mở rộng tháng này')).toContain(`src="${aired.url}"`);

    // The other unit airs its own piece: it never shows here.
    const theirs = await generateToday(other.id);
    await approve(theirs.stationId, theirs.day);
    await air(
      theirs.stationId,
      theirs.items.find((i) => i.audioId === foreign.audioId)!,
    );
    const otherPage = await pageUntil(`/site/${other.slug}/phat-thanh`, (html) => html.includes('<audio'));
    expect(otherPage).toContain('Tin riêng của xã bên cạnh');
    const mine = (await raw(path)).body;
    expect(mine).not.toContain('Tin riêng của xã bên cạnh');
    expect(mine).not.toContain(foreign.url);
    expect(mine).toContain(aired.url);
  });

  it('serves a podcast of the unit’s published or aired pieces as RSS 2.0 with iTunes tags and real enclosure sizes', async () => {
    const unit = await createUnit(api, admin, { name: 'UBND xã Podcast & <Thử>' });
    const other = await createUnit(api, admin);
    const published = await spokenArticle(unit.id, 'Bản tin nông nghiệp tuần này', 'published');
    const approvedAired = await spokenArticle(unit.id, 'Thông báo lịch cắt điện', 'approved');
    const approvedSilent = await spokenArticle(unit.id, 'Thông báo chưa phát lần nào', 'approved');
    const foreign = await spokenArticle(other.id, 'Podcast của xã khác', 'published');
    const { stationId, day, items } = await generateToday(unit.id);
    await approve(stationId, day);
    await air(
      stationId,
      items.find((i) => i.audioId === approvedAired.audioId)!,
    );

    const path = `/site/${unit.slug}/podcast.xml`;
    const feed = await pageUntil(path, (xml) => xml.includes(approvedAired.audioId));
    const res = await raw(path);
    expect(res.status).toBe(200);
    expect(res.type).toBe('application/rss+xml; charset=utf-8');
    expect(XMLValidator.validate(feed)).toBe(true);
    const parsed = new XMLParser({
      ignoreAttributes: false,
      attributeNamePrefix: '@',
      parseTagValue: false,
    }).parse(feed);
    expect(parsed.rss['@version']).toBe('2.0');
    expect(parsed.rss['@xmlns:itunes']).toBe('http://www.itunes.com/dtds/podcast-1.0.dtd');
    const channel = parsed.rss.channel;
    expect(channel.title).toBe('Phát thanh UBND xã Podcast & <Thử>');
    expect(channel.link).toBe(`${PUBLIC_URL}/site/${unit.slug}/phat-thanh`);
    expect(channel.language).toBe('vi-vn');
    expect(channel['itunes:author']).toBe('UBND xã Podcast & <Thử>');
    expect(channel['itunes:category']['@text']).toBe('Government');
    expect(channel['itunes:explicit']).toBe('false');
    expect(channel['itunes:image']).toBeUndefined();

    const list = [channel.item].flat();
    // The published article and the approved one that aired; not the one that never aired, nor the other unit's.
    expect(list.map((i: { guid: { '#text': string } }) => i.guid['#text']).sort()).toEqual(
      [published.audioId, approvedAired.audioId].sort(),
    );
    expect(feed).not.toContain(approvedSilent.audioId);
    expect(feed).not.toContain(foreign.audioId);
    expect(feed).not.toContain('Podcast của xã khác');
    // Newest first: the aired piece became public at its airing, after the article's publication.
    const dates = list.map((i: { pubDate: string }) => Date.parse(i.pubDate));
    expect(dates.every((t: number) => Number.isFinite(t))).toBe(true);
    expect(dates).toEqual([...dates].sort((a, b) => b - a));
    for (const item of list) {
      expect(item.pubDate).toMatch(/^[A-Z][a-z]{2}, \d\d [A-Z][a-z]{2} \d{4} \d\d:\d\d:\d\d GMT$/);
      expect(item.guid['@isPermaLink']).toBe('false');
      const audio = item.guid['#text'] === published.audioId ? published : approvedAired;
      expect(item.title).toBe(
        audio === published ? 'Bản tin nông nghiệp tuần này' : 'Thông báo lịch cắt điện',
      );
      expect(item.enclosure['@type']).toBe('audio/mpeg');
      expect(item.enclosure['@url']).toBe(`${PUBLIC_URL}${audio.url}`);
      // The length is the file's real size, as the media route serves it.
      const file = await fetch(`${api.baseUrl}${audio.url}`);
      expect(file.headers.get('content-type')).toBe('audio/mpeg');
      expect(Number(item.enclosure['@length'])).toBe((await file.arrayBuffer()).byteLength);
      const s = Math.round(audio.durationMs / 1000);
      const hms = [Math.floor(s / 3600), Math.floor((s % 3600) / 60), s % 60]
        .map((n) => String(n).padStart(2, '0'))
        .join(':');
      expect(item['itunes:duration']).toBe(hms);
    }
    const publishedItem = list.find(
      (i: { guid: { '#text': string } }) => i.guid['#text'] === published.audioId,
    );
    expect(publishedItem.description).toBe('Tóm tắt: Bản tin nông nghiệp tuần này');
    expect(publishedItem.link).toBe(`${PUBLIC_URL}/site/${unit.slug}/bai-viet/${published.slug}`);

    // On the unit's own host name: the same pages at the root, absolute links on that host.
    const host = `xa-podcast-${Date.now()}.example.vn`;
    const mapped = await api.request('PATCH', `/api/v1/units/${unit.id}`, {
      token: admin,
      body: { settings: { portalHost: host } },
    });
    expect(mapped.status).toBe(200);
    let onHost = { status: 0, type: '', body: '' };
    for (let i = 0; i < 60 && !onHost.body.includes(`https://${host}/media/`); i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      onHost = await raw('/podcast.xml', host);
    }
    expect(onHost.status).toBe(200);
    expect(XMLValidator.validate(onHost.body)).toBe(true);
    expect(onHost.body).toContain(`<enclosure url="https://${host}${published.url}"`);
    const radioOnHost = await raw('/phat-thanh', host);
    expect(radioOnHost.status).toBe(200);
    expect(radioOnHost.body).toContain(
      '<a href="/podcast.xml" type="application/rss+xml">Nghe qua ứng dụng podcast</a>',
    );
    expect(radioOnHost.body).toContain(`<audio controls preload="none" src="${approvedAired.url}"`);
  });

  it('never lists a piece whose article went back to a draft, even after it aired', async () => {
    const unit = await createUnit(api, admin);
    const piece = await spokenArticle(unit.id, 'Tin sẽ bị rút lại', 'approved');
    const { stationId, day, items } = await generateToday(unit.id);
    await approve(stationId, day);
    await air(
      stationId,
      items.find((i) => i.audioId === piece.audioId)!,
    );
    const path = `/site/${unit.slug}/phat-thanh`;
    expect(await pageUntil(path, (html) => html.includes(piece.url))).toContain(piece.url);
    expect((await raw(`/site/${unit.slug}/podcast.xml`)).body).toContain(piece.audioId);
    // Written past the workflow (which has its own notification): the article is a draft again.
    await api.app
      .get(DataSource)
      .query(`UPDATE articles SET status = 'draft' WHERE id = $1`, [piece.articleId]);
    await api.request('PATCH', `/api/v1/units/${unit.id}`, {
      token: admin,
      body: { name: 'UBND xã Đổi Tên' },
    });
    const after = await pageUntil(path, (html) => html.includes('UBND xã Đổi Tên'));
    expect(after).toContain('UBND xã Đổi Tên');
    expect(after).not.toContain('Tin sẽ bị rút lại');
    expect(after).not.toContain(piece.url);
    const feed = await pageUntil(`/site/${unit.slug}/podcast.xml`, (xml) => xml.includes('Đổi Tên'));
    expect(feed).not.toContain(piece.audioId);
  });
});
