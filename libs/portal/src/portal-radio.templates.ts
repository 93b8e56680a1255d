import escapeHtml from 'escape-html';
import { formatDateTime } from '@app/common';
import type { PortalPodcastItem, PortalRadioAiring, PortalRadioItem, PortalUnit } from './portal.repository';
import { e, type Frame } from './portal.templates';

// The "Phát thanh" page of the public portal (today's programme of the unit's stations, with a player
// for each piece once it has aired, and what aired in the last days) and the podcast feed of the unit's
// radio pieces. No JavaScript: the players are the browser's own <audio controls>.

/** "06:05" of minutes after local midnight. */
export function hhmm(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}

/** HH:mm of an instant in Asia/Ho_Chi_Minh (UTC+7, no daylight saving). */
export function clockTime(at: Date): string {
  return new Date(new Date(at).getTime() + 7 * 3_600_000).toISOString().slice(11, 16);
}

/** "4 phút 05 giây", "45 giây", "3 phút". */
export function spokenDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const m = Math.floor(s / 60);
  const rest = s % 60;
  if (m === 0) {
    return `${rest} giây`;
  }
  return rest === 0 ? `${m} phút` : `${m} phút ${String(rest).padStart(2, '0')} giây`;
}

/** HH:MM:SS, as `itunes:duration` wants it. */
export function podcastDuration(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  return [Math.floor(s / 3600), Math.floor((s % 3600) / 60), s % 60]
    .map((n) => String(n).padStart(2, '0'))
    .join(':');
}

/** A relay item is named for what it carries: "Tiếp âm Đài Tiếng nói Việt Nam". */
function itemTitle(item: PortalRadioItem): string {
  if (item.kind !== 'relay') {
    return item.title;
  }
  const source = item.relayName || item.title;
  return /^tiếp âm\b/i.test(source) ? source : `Tiếp âm ${source}`;
}

function player(fileKey: string, title: string): string {
  const src = `/media/${e(fileKey)}`;
  return `<audio controls preload="none" src="${src}" aria-label="Nghe: ${e(title)}">Trình duyệt không phát được âm thanh: <a href="${src}">tải tệp MP3</a>.</audio>`;
}

/** One station's part of today's programme. */
export interface RadioStationView {
  name: string;
  /** null: no plan today; draft: made but not yet approved. Neither is public. */
  status: 'approved' | 'draft' | null;
  items: PortalRadioItem[];
}

export interface RadioPageView {
  /** Today, dd/mm/yyyy. */
  day: string;
  stations: RadioStationView[];
  recent: PortalRadioAiring[];
  /** How many days "Đã phát gần đây" covers. */
  recentDays: number;
}

function stationPart(frame: Frame, station: RadioStationView, many: boolean): string {
  const heading = many ? `<h3>${e(station.name)}</h3>` : '';
  // No plan yet and a draft read the same: generating a draft changes no public page (and NOTIFYs nothing).
  if (station.status !== 'approved') {
    return `${heading}<p class="note">Lịch phát sóng hôm nay chưa được duyệt.</p>`;
  }
  if (station.items.length === 0) {
    return `${heading}<p>Lịch phát sóng hôm nay không có chương trình nào.</p>`;
  }
  const slots = new Map<string, PortalRadioItem[]>();
  for (const item of station.items) {
    slots.set(item.slotId, [...(slots.get(item.slotId) ?? []), item]);
  }
  return `${heading}${[...slots.values()]
    .map((items) => {
      const slot = items[0];
      const range = `${hhmm(slot.startMinute)}–${hhmm(Math.min(slot.startMinute + slot.durationMinutes, 1440))}`;
      return `<h4 class="slot">${range} · ${e(slot.slotName)}</h4><ol class="list radio">${items
        .map((item) => {
          const title = itemTitle(item);
          const name = item.articleSlug
            ? `<a href="${frame.base}/bai-viet/${e(item.articleSlug)}">${e(title)}</a>`
            : `<strong>${e(title)}</strong>`;
          return `<li><time datetime="${new Date(item.plannedStart).toISOString()}">${clockTime(item.plannedStart)}</time> ${name}<div class="meta">Thời lượng ${spokenDuration(item.durationSec)}${
            item.kind === 'audio' ? (item.airedKey ? ' · Đã phát' : ' · Chưa phát') : ''
          }</div>${item.airedKey ? player(item.airedKey, title) : ''}</li>`;
        })
        .join('')}</ol>`;
    })
    .join('')}`;
}

export function radioPage(frame: Frame, view: RadioPageView): string {
  const many = view.stations.length > 1;
  const programme =
    view.stations.length === 0
      ? '<p>Đơn vị chưa có lịch phát thanh trên trang này.</p>'
      : view.stations.map((s) => stationPart(frame, s, many)).join('');
  const recent =
    view.recent.length === 0
      ? `<p>Chưa có bản tin nào được phát trong ${view.recentDays} ngày qua.</p>`
      : `<ul class="list radio">${view.recent
          .map((r) => {
            const name = r.articleSlug
              ? `<a href="${frame.base}/bai-viet/${e(r.articleSlug)}">${e(r.title)}</a>`
              : `<strong>${e(r.title)}</strong>`;
            return `<li>${name}<div class="meta">Phát lúc ${formatDateTime(new Date(r.airedAt))} · Thời lượng ${spokenDuration(
              r.durationMs / 1000,
            )}${r.articleSlug ? ` · <a href="${frame.base}/bai-viet/${e(r.articleSlug)}">Đọc bài viết</a>` : ''}</div>${player(r.fileKey, r.title)}</li>`;
          })
          .join('')}</ul>`;
  return `<section class="listen-page"><h1>Chương trình phát thanh</h1>
<p class="meta">Lịch phát sóng ngày ${view.day} của đài truyền thanh ${e(frame.unit.name)}. Bản tin nghe được ở đây sau khi đã phát trên loa.</p>
<p><a href="${frame.base}/podcast.xml" type="application/rss+xml">Nghe qua ứng dụng podcast</a> <span class="meta">(dán địa chỉ này vào ứng dụng nghe podcast)</span></p>
<h2>Lịch phát sóng hôm nay</h2>${programme}</section>
<section><h2>Đã phát gần đây</h2>${recent}</section>`;
}

const xml = (value: string | number | null | undefined): string => escapeHtml(String(value ?? ''));

/**
 * RSS 2.0 with the iTunes namespace, which podcast apps read. Links are absolute when the unit has a
 * mapped host or PUBLIC_URL is set, root-relative otherwise (as rss.xml). No `itunes:image`: units have no
 * logo yet, and an empty or made-up one is worse than none.
 */
export function podcastFeed(
  unit: PortalUnit,
  siteUrl: string,
  mediaOrigin: string,
  items: PortalPodcastItem[],
): string {
  const title = `Phát thanh ${unit.name}`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"><channel>
<title>${xml(title)}</title><link>${xml(siteUrl)}/phat-thanh</link>
<description>${xml(`Bản tin của đài truyền thanh ${unit.name}`)}</description><language>vi-vn</language>
<itunes:author>${xml(unit.name)}</itunes:author><itunes:category text="Government"/><itunes:explicit>false</itunes:explicit>
${items
  .map(
    (item) => `<item><title>${xml(item.title)}</title><description>${xml(item.description)}</description>
${item.articleSlug ? `<link>${xml(`${siteUrl}/bai-viet/${item.articleSlug}`)}</link>` : ''}<guid isPermaLink="false">${xml(item.audioId)}</guid><pubDate>${new Date(item.publicAt).toUTCString()}</pubDate>
<enclosure url="${xml(`${mediaOrigin}/media/${item.fileKey}`)}" length="${Number(item.bytes)}" type="audio/mpeg"/><itunes:duration>${podcastDuration(item.durationMs)}</itunes:duration></item>`,
  )
  .join('\n')}
</channel></rss>`;
}
