import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { PortalHosts } from './portal-hosts.service';
import { dayOf, pageKey, requestKey, ROUTES } from './portal-keys';
import { clockTime, podcastDuration, podcastFeed, radioPage, spokenDuration } from './portal-radio.templates';
import type { PortalRadioItem } from './portal.repository';

const radio = ROUTES.find((r) => r.path === '/phat-thanh')!;
const podcast = ROUTES.find((r) => r.path === '/podcast.xml')!;
const hosts = { slugFor: (host: string) => (host === 'xa-a.gov.vn' ? 'xa-a' : undefined) } as PortalHosts;

describe('the radio page’s cache key', () => {
  it('holds the Vietnamese day, which turns at 17:00 UTC, so yesterday’s programme is never served after midnight', () => {
    expect(dayOf(radio, new Date('2026-12-02T16:59:59Z'))).toBe('2026-12-02');
    expect(dayOf(radio, new Date('2026-12-02T17:00:00Z'))).toBe('2026-12-03');
    const req = { unitSlug: 'xa-a' };
    const before = pageKey(req, radio, { param: '', query: {}, day: '2026-12-02' });
    const after = pageKey(req, radio, { param: '', query: {}, day: '2026-12-03' });
    expect(before).not.toBe(after);
    expect(after.endsWith('\n2026-12-03')).toBe(true);
  });

  it('is the same on the fast path as on the routes, and other pages keep keys without a day', () => {
    const today = dayOf(radio)!;
    expect(requestKey(hosts, 'x', '/site/xa-a/phat-thanh?utm=1')).toBe(
      pageKey({ unitSlug: 'xa-a' }, radio, { param: '', query: {}, day: today }),
    );
    expect(requestKey(hosts, 'xa-a.gov.vn', '/phat-thanh')).toBe(
      pageKey({ unitSlug: 'xa-a', base: '' }, radio, { param: '', query: {}, day: today }),
    );
    expect(dayOf(podcast)).toBeUndefined();
    expect(requestKey(hosts, 'x', '/site/xa-a/podcast.xml')).toBe('site\nxa-a\n/podcast.xml\n\n');
  });
});

describe('radio times and durations', () => {
  it('says durations the Vietnamese way and as itunes:duration', () => {
    expect(spokenDuration(245)).toBe('4 phút 05 giây');
    expect(spokenDuration(45)).toBe('45 giây');
    expect(spokenDuration(180)).toBe('3 phút');
    expect(podcastDuration(245_400)).toBe('00:04:05');
    expect(podcastDuration(3_725_000)).toBe('01:02:05');
  });

  it('shows planned times in Asia/Ho_Chi_Minh', () => {
    expect(clockTime(new Date('2026-12-02T22:30:00Z'))).toBe('05:30');
  });
});

const unit = { id: 'u', name: 'UBND xã "A" & <B>', slug: 'xa-a', settings: {} };

function item(fields: Partial<PortalRadioItem>): PortalRadioItem {
  return {
    planId: 'p',
    slotId: 's1',
    slotName: 'Bản tin buổi sáng',
    slotKind: 'programme',
    startMinute: 330,
    durationMinutes: 15,
    relayName: null,
    kind: 'audio',
    title: 'Tin',
    plannedStart: new Date('2026-12-02T22:30:00Z'),
    durationSec: 245,
    airedKey: null,
    articleSlug: null,
    ...fields,
  };
}

describe('radioPage', () => {
  const frame = { unit, categories: [], base: '/site/xa-a' };

  it('names a relay for its source, escapes titles and plays only aired pieces', () => {
    const html = radioPage(frame, {
      day: '03/12/2026',
      recentDays: 7,
      recent: [],
      stations: [
        {
          name: 'Đài',
          status: 'approved',
          items: [
            item({ title: '<script>x</script>', airedKey: 'audio/a.mp3', articleSlug: 'tin-a' }),
            item({ title: 'Chưa phát', plannedStart: new Date('2026-12-02T22:34:25Z') }),
            item({
              slotId: 's2',
              slotName: 'Tiếp âm Thời sự VOV',
              slotKind: 'relay',
              startMinute: 360,
              durationMinutes: 30,
              kind: 'relay',
              relayName: 'Thời sự VOV1',
              title: 'Thời sự VOV1',
              durationSec: 1800,
            }),
          ],
        },
      ],
    });
    expect(html).toContain('<h4 class="slot">05:30–05:45 · Bản tin buổi sáng</h4>');
    expect(html).toContain('<h4 class="slot">06:00–06:30 · Tiếp âm Thời sự VOV</h4>');
    expect(html).toContain('<strong>Tiếp âm Thời sự VOV1</strong>');
    expect(html).toContain('&lt;script&gt;');
    expect(html).not.toContain('<script>');
    expect(html).toContain(
      '05:34</time> <strong>Chưa phát</strong><div class="meta">Thời lượng 4 phút 05 giây · Chưa phát',
    );
    expect(html.match(/<audio controls preload="none" src="\/media\/audio\/a.mp3"/g)).toHaveLength(1);
    expect(html).toContain('<a href="/site/xa-a/bai-viet/tin-a">');
  });

  it('shows neither a draft nor a missing plan, only that today’s is not approved', () => {
    for (const status of ['draft', null] as const) {
      const html = radioPage(frame, {
        day: '03/12/2026',
        recentDays: 7,
        recent: [],
        stations: [{ name: 'Đài', status, items: [item({ title: 'Bí mật' })] }],
      });
      expect(html).toContain('Lịch phát sóng hôm nay chưa được duyệt');
      expect(html).not.toContain('Bí mật');
    }
  });
});

describe('podcastFeed', () => {
  it('is well-formed RSS with the iTunes namespace, whatever the names hold', () => {
    const feed = podcastFeed(unit, 'https://xa-a.gov.vn', 'https://xa-a.gov.vn', [
      {
        audioId: 'a1',
        title: 'Tin <1> & "2"',
        description: 'Tóm tắt',
        fileKey: 'audio/a.mp3',
        bytes: 12345,
        durationMs: 65_000,
        publicAt: new Date('2026-12-02T01:00:00Z'),
        articleSlug: null,
      },
    ]);
    expect(XMLValidator.validate(feed)).toBe(true);
    const item = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' }).parse(feed).rss.channel
      .item;
    expect(item.title).toBe('Tin <1> & "2"');
    expect(item.pubDate).toBe('Wed, 02 Dec 2026 01:00:00 GMT');
    expect(item.enclosure).toEqual({
      '@url': 'https://xa-a.gov.vn/media/audio/a.mp3',
      '@length': '12345',
      '@type': 'audio/mpeg',
    });
    expect(item['itunes:duration']).toBe('00:01:05');
    expect(item.link).toBeUndefined();
  });
});
