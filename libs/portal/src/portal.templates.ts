import escapeHtml from 'escape-html';
import { formatDate } from '@app/common';
import type { PortalArticle, PortalCategory, PortalUnit } from './portal.repository';

// Server-rendered pages of the public portal: Vietnamese, no JavaScript, small enough for a cheap phone.
// Every value goes through escapeHtml except article bodies, which are sanitized when stored.

export const e = (value: string | number | null | undefined): string => escapeHtml(String(value ?? ''));

export const CSS = `*{box-sizing:border-box}body{margin:0;font:16px/1.6 -apple-system,"Segoe UI",Roboto,"Noto Sans",Arial,sans-serif;color:#222;background:#f6f6f6}
a{color:#0b57d0}header{background:#b71c1c;color:#fff;padding:12px 16px}header a{color:#fff;text-decoration:none}
.unit{font-size:1.3em;font-weight:700;margin:0}.tag{margin:0;opacity:.9;font-size:.9em}
nav{background:#fff;border-bottom:1px solid #ddd;padding:8px 16px}nav ul{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:4px 16px}nav details{display:none}nav summary{cursor:pointer;font-weight:600;padding:4px 0}nav details ul{flex-direction:column;gap:0}nav details li a{display:block;padding:8px 0;border-top:1px solid #eee}@media (max-width:640px){nav .wide{display:none}nav details{display:block}}.feeds a{margin-right:12px}.skip{position:absolute;left:-9999px;top:0;background:#fff;color:#0b57d0;padding:8px 12px;z-index:10}.skip:focus{left:8px;top:8px}
main{max-width:860px;margin:0 auto;padding:16px}article,section{background:#fff;border-radius:6px;padding:16px;margin-bottom:16px}
h1{font-size:1.5em;line-height:1.3;margin:.2em 0}h2{font-size:1.25em}.meta{color:#666;font-size:.9em}
.list{list-style:none;padding:0;margin:0}.list li{padding:10px 0;border-bottom:1px solid #eee}.list li:last-child{border:0}
.list a{font-weight:600;text-decoration:none}.list li.thumb{display:flex;gap:12px;align-items:flex-start}.list li.thumb>img{flex:0 0 auto;width:120px;height:80px;object-fit:cover;border-radius:4px;background:#eee}.list li.thumb>div{min-width:0}@media (max-width:400px){.list li.thumb>img{width:88px;height:64px}}
.featured{width:100%;height:auto;border-radius:6px}section.attachments{padding:0;margin:16px 0 0}.files{padding-left:1.2em}.files li{margin:4px 0}.body img{max-width:100%;height:auto}.body table{border-collapse:collapse;max-width:100%;overflow-x:auto;display:block}
.body td,.body th{border:1px solid #ccc;padding:4px 8px}form{display:flex;gap:8px}input[type=search]{flex:1;padding:8px;font-size:1em}
button{padding:8px 14px;font-size:1em}.pager{display:flex;justify-content:space-between}footer{background:#333;color:#eee;padding:16px;font-size:.9em}
footer a{color:#fff}.listen{background:#f3f7ff;padding:8px 12px;margin:8px 0}.listen p{margin:0 0 4px}.listen audio{width:100%}.filters{flex-wrap:wrap;align-items:flex-end}.filters label{display:flex;flex-direction:column;font-size:.9em;flex:1 1 200px;min-width:0}
.filters select,.filters input{width:100%;padding:8px;font-size:1em}.counts{padding-left:1.2em}dl.kv{margin:0}dl.kv dt{font-weight:600;margin-top:8px}dl.kv dd{margin:0}
.note{background:#fff7e6;border:1px solid #ffd591;border-radius:6px;padding:8px 12px}.tthc h3{font-size:1.05em;margin-bottom:0}.tthc li{margin:4px 0}
.tthc ul,.tthc ol{padding-left:1.4em}.tthc{overflow-wrap:anywhere}.radio audio{width:100%;margin-top:4px}h4.slot{margin:12px 0 0}@media print{header,nav,footer,.noprint{display:none}body{background:#fff}article{padding:0}}`;

/**
 * The slug of the news about procedures (the default category "Tin thủ tục hành chính", libs/articles
 * DEFAULT_CATEGORIES): listed on the procedures catalogue, so not a menu entry of its own. Its page stays
 * at `/chuyen-muc/thu-tuc-hanh-chinh`; the catalogue is `/thu-tuc-hanh-chinh` (no clash: other prefix).
 */
export const PROCEDURE_NEWS_SLUG = 'thu-tuc-hanh-chinh';

export interface PageMeta {
  title: string;
  description: string;
  /**
   * The page's address from the unit's mapped host or PUBLIC_URL (Open Graph, canonical), never from
   * the request; root-relative when neither is set (then Open Graph, which needs an absolute one, is left out).
   */
  url: string;
  type?: 'website' | 'article';
  noindex?: boolean;
  /** The featured image's absolute address, for og:image (left out when it cannot be absolute). */
  image?: string | null;
}

export interface Frame {
  unit: PortalUnit;
  categories: PortalCategory[];
  base: string;
}

/**
 * The page around `main`, in two pieces: the running visit count goes between them. Being a gap and not
 * a marker in the text, it cannot be forged by anything an article or a unit's name contains.
 */
export function layout(frame: Frame, meta: PageMeta, main: string): [string, string] {
  const { unit, categories, base } = frame;
  const s = unit.settings ?? {};
  const contact = [
    s.address,
    s.phone ? `Điện thoại: ${s.phone}` : '',
    s.email ? `Thư điện tử: ${s.email}` : '',
  ]
    .filter(Boolean)
    .map((line) => e(line))
    .join(' · ');
  const absolute = /^https?:\/\//.test(meta.url);
  // One list, shown wrapped on a wide screen and folded under "Menu" on a phone: no sideways scrolling, no script.
  // One "Thủ tục hành chính": the catalogue, which also lists the news about procedures.
  const menu = [
    ['/', 'Trang chủ'],
    ['/thu-tuc-hanh-chinh', 'Thủ tục hành chính'],
    ['/phat-thanh', 'Phát thanh'],
    ...categories.filter((c) => c.slug !== PROCEDURE_NEWS_SLUG).map((c) => [`/chuyen-muc/${c.slug}`, c.name]),
    ['/tim-kiem', 'Tìm kiếm'],
  ]
    .map(([path, label]) => `<li><a href="${base}${e(path)}">${e(label)}</a></li>`)
    .join('');
  return [
    `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${e(meta.title)}</title><meta name="description" content="${e(meta.description)}">
${meta.url ? `<link rel="canonical" href="${e(meta.url)}">` : ''}<meta property="og:title" content="${e(meta.title)}"><meta property="og:description" content="${e(meta.description)}">
<meta property="og:type" content="${meta.type ?? 'website'}">${absolute ? `<meta property="og:url" content="${e(meta.url)}">` : ''}
<meta property="og:site_name" content="${e(unit.name)}"><meta property="og:locale" content="vi_VN">${
      meta.image && /^https?:\/\//.test(meta.image)
        ? `<meta property="og:image" content="${e(meta.image)}">`
        : ''
    }
${meta.noindex ? '<meta name="robots" content="noindex">' : ''}<link rel="alternate" type="application/rss+xml" title="${e(unit.name)}" href="${base}/rss.xml">
<link rel="alternate" type="application/rss+xml" title="Podcast" href="${base}/podcast.xml">
<style>${CSS}</style></head><body>
<a class="skip" href="#noi-dung">Bỏ qua đến nội dung chính</a>
<header><p class="unit"><a href="${base}/">${e(unit.name)}</a></p><p class="tag">Trang thông tin điện tử</p></header>
<nav aria-label="Menu chính"><ul class="wide">${menu}</ul><details><summary>Menu: chuyên mục, thủ tục, tìm kiếm</summary><ul>${menu}</ul></details></nav>
<main id="noi-dung" tabindex="-1">${main}</main>
<footer><p><strong>${e(unit.name)}</strong></p>${contact ? `<p>${contact}</p>` : ''}
<p class="feeds"><a href="${base}/rss.xml">RSS tin bài</a><a href="${base}/podcast.xml">Podcast chương trình phát thanh</a></p>
<p>Lượt truy cập: <strong>`,
    `</strong></p></footer>
</body></html>`,
  ];
}

function categoryNames(article: PortalArticle, categories: PortalCategory[]): PortalCategory[] {
  return categories.filter((c) => article.categoryIds.includes(c.id));
}

export function articleList(frame: Frame, articles: PortalArticle[], empty: string): string {
  if (articles.length === 0) {
    return `<p>${e(empty)}</p>`;
  }
  return `<ul class="list">${articles
    .map((a) => {
      const text = `<a href="${frame.base}/bai-viet/${e(a.slug)}">${e(a.title)}</a><div class="meta">${formatDate(
        new Date(a.publishedAt),
      )}${categoryNames(a, frame.categories)
        .map((c) => ` · ${e(c.name)}`)
        .join('')}</div>${a.summary ? `<div>${e(a.summary)}</div>` : ''}`;
      // The thumbnail repeats the link's subject: decorative (alt=""), the title is what is read out.
      return a.featuredImage
        ? `<li class="thumb"><img src="${e(a.featuredImage.thumbnailUrl)}" alt="" width="120" height="80" loading="lazy"><div>${text}</div></li>`
        : `<li>${text}</li>`;
    })
    .join('')}</ul>`;
}

export function homePage(frame: Frame, latest: PortalArticle[], cchc: PortalArticle[]): string {
  return `<section><h1>Tin mới</h1>${articleList(frame, latest, 'Chưa có tin bài nào.')}</section>
<section><h2>Cải cách hành chính</h2>${articleList(frame, cchc, 'Chưa có tin bài cải cách hành chính.')}</section>`;
}

export function categoryPage(
  frame: Frame,
  category: PortalCategory,
  items: PortalArticle[],
  page: number,
  pages: number,
): string {
  const href = (p: number): string =>
    `${frame.base}/chuyen-muc/${e(category.slug)}${p > 1 ? `?trang=${p}` : ''}`;
  const pager =
    pages > 1
      ? `<p class="pager">${page > 1 ? `<a href="${href(page - 1)}" rel="prev">« Trang trước</a>` : '<span></span>'}<span>Trang ${page}/${pages}</span>${
          page < pages ? `<a href="${href(page + 1)}" rel="next">Trang sau »</a>` : '<span></span>'
        }</p>`
      : '';
  // The news about procedures leads back to the catalogue, where the menu sends a citizen.
  const catalogue =
    category.slug === PROCEDURE_NEWS_SLUG
      ? `<p class="meta"><a href="${frame.base}/thu-tuc-hanh-chinh">Thủ tục hành chính</a> › ${e(category.name)}</p>`
      : '';
  return `<section>${catalogue}<h1>${e(category.name)}</h1>${articleList(frame, items, 'Chuyên mục chưa có tin bài nào.')}${pager}</section>`;
}

export function articlePage(frame: Frame, article: PortalArticle, print = false): string {
  const cats = categoryNames(article, frame.categories)
    .map((c) => (print ? e(c.name) : `<a href="${frame.base}/chuyen-muc/${e(c.slug)}">${e(c.name)}</a>`))
    .join(', ');
  return `<article><h1>${e(article.title)}</h1>
<p class="meta">Ngày đăng: <time datetime="${new Date(article.publishedAt).toISOString()}">${formatDate(
    new Date(article.publishedAt),
  )}</time>${cats ? ` · Chuyên mục: ${cats}` : ''}</p>
${article.summary ? `<p><strong>${e(article.summary)}</strong></p>` : ''}${
    article.audioKey && !print
      ? `<section class="listen noprint" aria-label="Nghe bài viết"><p><strong>Nghe bài viết</strong></p><audio controls preload="none" src="/media/${e(article.audioKey)}">Trình duyệt không phát được âm thanh: <a href="/media/${e(article.audioKey)}">tải tệp MP3</a>.</audio></section>`
      : ''
  }${
    article.featuredImage
      ? `<p><img class="featured" src="${e(article.featuredImage.url)}" alt="${e(article.featuredImage.alt || article.title)}"></p>`
      : ''
  }<div class="body">${article.bodyHtml}</div>${attachmentList(article)}
${print ? '' : `<p class="noprint"><a href="${frame.base}/bai-viet/${e(article.slug)}/in">Bản in</a></p>`}</article>`;
}

const FILE_KINDS: Record<string, string> = {
  pdf: 'PDF',
  doc: 'Word',
  docx: 'Word',
  xls: 'Excel',
  xlsx: 'Excel',
};

/** "120 KB", "1,4 MB": sizes as Vietnamese readers write them. */
export function fileSize(bytes: number): string {
  if (bytes < 1024 * 1024) {
    return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  }
  return `${new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 }).format(bytes / 1024 / 1024)} MB`;
}

/** The documents under an article, each downloaded under its own name, with its kind and size. */
function attachmentList(article: PortalArticle): string {
  const files = article.attachments ?? [];
  if (files.length === 0) {
    return '';
  }
  return `<section class="attachments" aria-labelledby="tep-dinh-kem"><h2 id="tep-dinh-kem">Tệp đính kèm</h2><ul class="files">${files
    .map((file) => {
      const kind = FILE_KINDS[file.url.split('.').pop() ?? ''] ?? '';
      return `<li><a href="${e(file.url)}?download=${e(encodeURIComponent(file.name))}" download>${e(file.name)}</a> <span class="meta">(${kind}, ${fileSize(file.bytes)})</span></li>`;
    })
    .join('')}</ul></section>`;
}

/** An article as the portal will show it, for its editors; marked as a preview and never indexed. */
export function previewPage(frame: Frame, article: PortalArticle, status: string): [string, string] {
  const banner =
    `<section style="background:#fff7e6;border:1px solid #ffd591"><strong>Bản xem trước</strong> — ` +
    (status === 'published' ? 'bài đang được đăng.' : 'bài chưa được đăng, người đọc chưa thấy trang này.') +
    `</section>`;
  return layout(
    frame,
    {
      title: `Xem trước: ${article.title}`,
      description: article.summary || article.title,
      url: '',
      noindex: true,
    },
    banner + articlePage(frame, { ...article, publishedAt: article.publishedAt ?? new Date() }),
  );
}

export function printPage(unit: PortalUnit, article: PortalArticle, base: string): string {
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${e(article.title)} — ${e(unit.name)}</title><meta name="robots" content="noindex"><style>${CSS}</style></head>
<body style="background:#fff"><main><p class="meta">${e(unit.name)}</p>${articlePage(
    { unit, categories: [], base },
    article,
    true,
  )}</main></body></html>`;
}

export function searchPage(frame: Frame, q: string, results: PortalArticle[] | null): string {
  return `<section><h1>Tìm kiếm</h1><form action="${frame.base}/tim-kiem" method="get" role="search">
<input type="search" name="q" value="${e(q)}" aria-label="Từ khóa" placeholder="Nhập từ khóa, có dấu hoặc không dấu"><button type="submit">Tìm</button></form>
${
  results === null
    ? ''
    : `<p class="meta">${results.length} kết quả cho “${e(q)}”</p>${articleList(frame, results, 'Không tìm thấy tin bài phù hợp.')}`
}</section>`;
}

const ERRORS: Record<number, { title: string; text: string }> = {
  400: {
    title: 'Yêu cầu không hợp lệ',
    text: 'Địa chỉ hoặc từ khóa có ký tự không dùng được, hoặc một tham số bị lặp lại. Hãy kiểm tra rồi thử lại.',
  },
  404: { title: 'Không tìm thấy trang', text: 'Trang bạn tìm không có hoặc đã được gỡ.' },
  500: { title: 'Lỗi hệ thống', text: 'Trang tạm thời không hiển thị được, vui lòng thử lại sau ít phút.' },
};

/** An error page of the portal (400, 404, 500) with a link to the home page (`home`). */
export function errorPage(status: number, home: string): string {
  const { title, text } = ERRORS[status] ?? ERRORS[status >= 500 ? 500 : 400];
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${title}</title><meta name="robots" content="noindex"><style>${CSS}</style></head><body><main><section><h1>${title}</h1>
<p>${text}</p><p><a href="${e(home)}">Về trang chủ</a></p></section></main></body></html>`;
}

const xml = (value: string | number | null | undefined): string => escapeHtml(String(value ?? ''));

export function rssFeed(unit: PortalUnit, siteUrl: string, items: PortalArticle[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>${xml(unit.name)}</title><link>${xml(siteUrl)}/</link>
<description>${xml(`Tin bài của ${unit.name}`)}</description><language>vi</language>
${items
  .map(
    (a) => `<item><title>${xml(a.title)}</title><link>${xml(`${siteUrl}/bai-viet/${a.slug}`)}</link>
<guid isPermaLink="false">${a.id}</guid><pubDate>${new Date(a.publishedAt).toUTCString()}</pubDate>
<description>${xml(a.summary)}</description></item>`,
  )
  .join('\n')}
</channel></rss>`;
}

export function sitemap(
  siteUrl: string,
  items: { slug: string; updatedAt: Date }[],
  procedures: { code: string; updatedAt: Date }[] = [],
): string {
  const url = (path: string, updatedAt: Date) =>
    `<url><loc>${xml(`${siteUrl}${path}`)}</loc><lastmod>${new Date(updatedAt).toISOString()}</lastmod></url>`;
  // The procedures list is named only when the unit has published some.
  const newest = procedures.reduce<Date | null>(
    (latest, p) => (!latest || new Date(p.updatedAt) > latest ? new Date(p.updatedAt) : latest),
    null,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<url><loc>${xml(siteUrl)}/</loc></url>
${[
  ...items.map((a) => url(`/bai-viet/${a.slug}`, a.updatedAt)),
  ...(newest ? [url('/thu-tuc-hanh-chinh', newest)] : []),
  ...procedures.map((p) => url(`/thu-tuc-hanh-chinh/${encodeURIComponent(p.code)}`, p.updatedAt)),
].join('\n')}
</urlset>`;
}
