import { formatDate, startOfVietnamDay } from '@app/common';
import type {
  PortalArticle,
  PortalCategory,
  PortalFormFile,
  PortalOnlineLevel,
  PortalProcedure,
  PortalProcedureLine,
  PortalUnit,
  ProcedureFilter,
} from './portal.repository';
import { articleList, CSS, e, PROCEDURE_NEWS_SLUG, type Frame } from './portal.templates';

// The procedures (thủ tục hành chính) pages of the public portal: the list grouped by field, with a
// search and filters that are plain GET forms, and one page per procedure with every component a
// citizen must be told (NĐ 63/2010 Điều 8, as amended by NĐ 92/2017). Every value is escaped: the
// components are plain text (libs/procedures refuses HTML in them), never markup.

/** The query parameters of the procedures list, in the address bar and in its form. */
export const PROCEDURE_QUERY = { q: 'q', field: 'linh-vuc', level: 'muc-do', page: 'trang' } as const;

/** `muc-do` values, one per online service level. */
export const LEVEL_PARAM: Record<PortalOnlineLevel, string> = {
  full: 'toan-trinh',
  partial: 'mot-phan',
  none: 'khong',
};

const LEVEL_LABEL: Record<PortalOnlineLevel, string> = {
  full: 'Toàn trình',
  partial: 'Một phần',
  none: 'Không',
};

const LEVEL_TEXT: Record<PortalOnlineLevel, string> = {
  full: 'Dịch vụ công trực tuyến toàn trình',
  partial: 'Dịch vụ công trực tuyến một phần',
  none: 'Chưa có dịch vụ công trực tuyến',
};

/**
 * Where a citizen looks the procedure up on the national public-service portal (Cổng Dịch vụ công
 * quốc gia). Its detail pages are keyed by an internal id we do not have, so this is its search by the
 * national code.
 */
export function nationalPortalUrl(code: string): string {
  return `https://dichvucong.gov.vn/p/home/dvc-tim-kiem-thu-tuc.html?key=${encodeURIComponent(code)}`;
}

/** Escaped, with the line breaks of a multi-line component kept. */
const text = (value: string): string => e(value).replace(/\r?\n/g, '<br>');

/** A calendar day stored as YYYY-MM-DD, as dd/mm/yyyy; anything else as it was typed. */
function day(value: string | null): string {
  if (!value) {
    return '';
  }
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? formatDate(startOfVietnamDay(value)) : value;
}

function listHref(base: string, filter: Partial<ProcedureFilter>, page = 1): string {
  const params = new URLSearchParams();
  if (filter.q) {
    params.set(PROCEDURE_QUERY.q, filter.q);
  }
  if (filter.field) {
    params.set(PROCEDURE_QUERY.field, filter.field);
  }
  if (filter.onlineLevel) {
    params.set(PROCEDURE_QUERY.level, LEVEL_PARAM[filter.onlineLevel]);
  }
  if (page > 1) {
    params.set(PROCEDURE_QUERY.page, String(page));
  }
  const query = params.toString();
  return e(`${base}/thu-tuc-hanh-chinh${query ? `?${query}` : ''}`);
}

const detailHref = (base: string, code: string): string =>
  `${base}/thu-tuc-hanh-chinh/${e(encodeURIComponent(code))}`;

export interface ProcedureListView {
  filter: ProcedureFilter;
  /** Every field with published procedures (the filter's choices). */
  allFields: { field: string; count: number }[];
  /** How many match in each field, with the field filter left out. */
  counts: { field: string; count: number }[];
  items: PortalProcedureLine[];
  total: number;
  page: number;
  pages: number;
  /** The news about procedures (its category and latest articles), on the plain list; none when empty. */
  news?: { category: PortalCategory; items: PortalArticle[] } | null;
}

function filterForm(frame: Frame, view: ProcedureListView): string {
  const { filter, allFields } = view;
  const fieldNames = allFields.map((f) => f.field);
  // A field asked for that has nothing published still shows as chosen.
  if (filter.field && !fieldNames.includes(filter.field)) {
    fieldNames.push(filter.field);
  }
  const option = (value: string, label: string, selected: boolean) =>
    `<option value="${e(value)}"${selected ? ' selected' : ''}>${e(label)}</option>`;
  const levels = (Object.keys(LEVEL_PARAM) as PortalOnlineLevel[])
    .map((level) => option(LEVEL_PARAM[level], LEVEL_LABEL[level], filter.onlineLevel === level))
    .join('');
  return `<form class="filters" action="${frame.base}/thu-tuc-hanh-chinh" method="get" role="search">
<label>Tên hoặc mã thủ tục<input type="search" name="${PROCEDURE_QUERY.q}" value="${e(filter.q)}" maxlength="200" placeholder="Có dấu hoặc không dấu, ví dụ: khai sinh"></label>
<label>Lĩnh vực<select name="${PROCEDURE_QUERY.field}">${option('', 'Tất cả lĩnh vực', !filter.field)}${fieldNames
    .map((name) => option(name, name, filter.field === name))
    .join('')}</select></label>
<label>Dịch vụ công trực tuyến<select name="${PROCEDURE_QUERY.level}">${option('', 'Tất cả mức độ', !filter.onlineLevel)}${levels}</select></label>
<button type="submit">Tìm thủ tục</button></form>`;
}

function groups(frame: Frame, view: ProcedureListView): string {
  const countOf = new Map(view.counts.map((c) => [c.field, c.count]));
  const out: string[] = [];
  let current: string | null = null;
  for (const item of view.items) {
    if (item.field !== current) {
      if (current !== null) {
        out.push('</ul>');
      }
      current = item.field;
      out.push(
        `<h2>${e(item.field)} <span class="meta">(${countOf.get(item.field) ?? 0} thủ tục)</span></h2><ul class="list">`,
      );
    }
    out.push(
      `<li><a href="${detailHref(frame.base, item.code)}">${e(item.name)}</a><div class="meta">Mã ${e(item.code)} · ${e(
        LEVEL_TEXT[item.onlineLevel] ?? '',
      )}</div></li>`,
    );
  }
  if (current !== null) {
    out.push('</ul>');
  }
  return out.join('');
}

/** The list: search and filters, the fields with their counts, then the procedures grouped by field. */
export function procedureListPage(frame: Frame, view: ProcedureListView): string {
  const { filter, total, page, pages } = view;
  const filtered = Boolean(filter.q || filter.field || filter.onlineLevel);
  const summary = filtered
    ? `<p class="meta" role="status">${total} thủ tục phù hợp${filter.q ? ` với “${e(filter.q)}”` : ''}${
        filter.field ? ` · lĩnh vực ${e(filter.field)}` : ''
      }${filter.onlineLevel ? ` · ${e(LEVEL_TEXT[filter.onlineLevel].toLowerCase())}` : ''} · <a href="${listHref(
        frame.base,
        {},
      )}">Xem tất cả</a></p>`
    : `<p class="meta">${total} thủ tục hành chính đang áp dụng tại ${e(frame.unit.name)}.</p>`;
  const fieldList =
    view.counts.length > 1 || (view.counts.length === 1 && !filter.field)
      ? `<h2>Lĩnh vực</h2><ul class="counts">${view.counts
          .map(
            (c) =>
              `<li><a href="${listHref(frame.base, { ...filter, field: c.field })}">${e(c.field)}</a> (${c.count})</li>`,
          )
          .join('')}</ul>`
      : '';
  const empty = filtered
    ? '<p>Không tìm thấy thủ tục phù hợp. Hãy thử từ khóa khác, bỏ bớt bộ lọc, hoặc nhập đúng mã thủ tục.</p>'
    : '<p>Đơn vị chưa đăng thủ tục hành chính nào.</p>';
  const pager =
    pages > 1
      ? `<p class="pager">${
          page > 1
            ? `<a href="${listHref(frame.base, filter, page - 1)}" rel="prev">« Trang trước</a>`
            : '<span></span>'
        }<span>Trang ${page}/${pages}</span>${
          page < pages
            ? `<a href="${listHref(frame.base, filter, page + 1)}" rel="next">Trang sau »</a>`
            : '<span></span>'
        }</p>`
      : '';
  const news = view.news?.items.length
    ? `<section class="news" aria-labelledby="tin-tthc"><h2 id="tin-tthc">${e(view.news.category.name)}</h2>${articleList(
        { ...frame, categories: [] },
        view.news.items,
        '',
      )}<p><a href="${frame.base}/chuyen-muc/${e(PROCEDURE_NEWS_SLUG)}">Xem tất cả ${e(
        view.news.category.name.toLocaleLowerCase('vi'),
      )}</a></p></section>`
    : '';
  return `<section><h1>Thủ tục hành chính</h1>${filterForm(frame, view)}${summary}</section>${news}
<section class="tthc">${view.items.length === 0 ? empty : `${fieldList}${groups(frame, view)}${pager}`}</section>`;
}

function cases<T>(
  list: { case: string | null; items: T[] }[],
  item: (value: T) => string,
  tag: 'ol' | 'ul',
): string {
  const filled = list.filter((c) => c.items.length > 0);
  if (filled.length === 0) {
    return '<p>Chưa cập nhật.</p>';
  }
  return filled
    .map(
      (c) =>
        `${c.case ? `<h3>Trường hợp: ${e(c.case)}</h3>` : ''}<${tag}>${c.items
          .map((i) => `<li>${item(i)}</li>`)
          .join('')}</${tag}>`,
    )
    .join('');
}

const copies = (n: number | null, what: string): string => (n === null ? '' : `${what}: ${n}`);

const SIZE = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 });

/** "120 KB", "1,2 MB": how big a download is, rounded up under a megabyte so nothing shows as 0 KB. */
export function fileSize(bytes: number): string {
  return bytes < 1024 * 1024
    ? `${Math.max(1, Math.ceil(bytes / 1024))} KB`
    : `${SIZE.format(bytes / 1024 / 1024)} MB`;
}

/**
 * A form file as a download link: `?download=` saves it under its listed name (the media route checks
 * the name again), with its kind and size so a reader on a phone knows what comes.
 */
function formLink(file: PortalFormFile): string {
  return `<a href="${e(`${file.url}?download=${encodeURIComponent(file.name)}`)}">${e(file.name)}</a> (${e(
    file.kind.toUpperCase(),
  )}, ${fileSize(file.bytes)})`;
}

/**
 * Time limit and fees: the procedure's own value is the general one, shown for each method that gives
 * none of its own (the admin form says so). One value for all methods is shown once at the top; values
 * that differ by method point to the methods.
 */
function byMethod(general: string, own: string[]): { top: string; each: (own: string) => string } {
  const each = (value: string) => value || general;
  const values = own.length === 0 ? [general] : [...new Set(own.map(each))];
  const filled = values.filter(Boolean);
  const top =
    filled.length === 0
      ? ''
      : filled.length === 1 && values.length === 1
        ? text(filled[0])
        : 'Tùy cách thực hiện: xem mục <a href="#cach-thuc">Cách thức thực hiện</a>.';
  return { top, each };
}

function decision(p: PortalProcedure): string {
  if (!p.decisionNumber) {
    return '';
  }
  return `Quyết định số ${e(p.decisionNumber)}${p.decisionDate ? ` ngày ${e(day(p.decisionDate))}` : ''}${
    p.decisionIssuer ? ` của ${e(p.decisionIssuer)}` : ''
  }`;
}

/** One procedure, every component, in the order of the national database's record. */
export function procedurePage(frame: Frame, p: PortalProcedure, print = false): string {
  const orNone = (value: string, none = 'Không quy định.') => (value ? text(value) : e(none));
  const online =
    p.onlineLevel !== 'none' && p.onlineUrl
      ? `${e(LEVEL_TEXT[p.onlineLevel])} — <a href="${e(p.onlineUrl)}" rel="noopener noreferrer">Nộp hồ sơ trực tuyến</a>`
      : e(LEVEL_TEXT[p.onlineLevel] ?? '');
  const note =
    p.status === 'amended'
      ? `<p class="note" role="note"><strong>Thủ tục đã được sửa đổi, bổ sung.</strong> Nội dung dưới đây là nội dung đang áp dụng${
          p.decisionNumber ? `, công bố tại ${decision(p)}` : ''
        }.</p>`
      : '';
  const dl = (rows: [string, string][]) =>
    `<dl class="kv">${rows
      .filter(([, value]) => value)
      .map(([term, value]) => `<dt>${term}</dt><dd>${value}</dd>`)
      .join('')}</dl>`;
  const time = byMethod(
    p.timeLimit,
    p.methods.map((m) => m.timeLimit),
  );
  const fees = byMethod(
    p.fees,
    p.methods.map((m) => m.fees),
  );
  const methods =
    p.methods.length === 0
      ? '<p>Chưa cập nhật.</p>'
      : `<ul>${p.methods
          .map((m) => {
            const limit = time.each(m.timeLimit);
            const fee = fees.each(m.fees);
            return `<li><strong>${e(m.channel)}</strong>${limit ? `<br>Thời hạn giải quyết: ${text(limit)}` : ''}${
              fee ? `<br>Phí, lệ phí: ${text(fee)}` : ''
            }${m.description ? `<br>${text(m.description)}` : ''}</li>`;
          })
          .join('')}</ul>`;
  const dossier = cases(
    p.dossier,
    (d) => {
      const counts = [copies(d.originals, 'Bản chính'), copies(d.copies, 'Bản sao')].filter(Boolean);
      const files = d.forms ?? [];
      return `${e(d.name)}${d.form ? `<br><span class="meta">Mẫu: ${e(d.form)}</span>` : ''}${
        counts.length ? `<br><span class="meta">${counts.join(' · ')}</span>` : ''
      }${
        files.length === 0 || print
          ? ''
          : `<ul class="forms" aria-label="Tải mẫu đơn, tờ khai: ${e(d.name)}">${files
              .map((f) => `<li>Tải mẫu: ${formLink(f)}</li>`)
              .join('')}</ul>`
      }`;
    },
    'ul',
  );
  const legal =
    p.legalBasis.length === 0
      ? '<p>Chưa cập nhật.</p>'
      : `<ul>${p.legalBasis
          .map((d) => {
            const about = [
              d.issuedOn ? `ngày ${e(day(d.issuedOn))}` : '',
              d.issuer ? `của ${e(d.issuer)}` : '',
            ]
              .filter(Boolean)
              .join(' ');
            return `<li>${d.number ? `<strong>${e(d.number)}</strong>` : ''}${
              d.number && d.title ? ': ' : ''
            }${e(d.title)}${about ? ` <span class="meta">(${about})</span>` : ''}</li>`;
          })
          .join('')}</ul>`;
  const links = print
    ? ''
    : `<p class="noprint"><a href="${e(nationalPortalUrl(p.code))}" rel="noopener noreferrer">Tra cứu trên Cổng Dịch vụ công quốc gia</a> · <a href="${detailHref(
        frame.base,
        p.code,
      )}/in">Bản in</a> · <a href="${listHref(frame.base, {})}">Danh sách thủ tục</a></p>`;
  return `<article class="tthc">${
    print
      ? ''
      : `<p class="meta noprint"><a href="${listHref(frame.base, {})}">Thủ tục hành chính</a> › <a href="${listHref(
          frame.base,
          { field: p.field },
        )}">${e(p.field)}</a></p>`
  }<h1>${e(p.name)}</h1>${note}
${dl([
  ['Mã thủ tục', e(p.code)],
  ['Lĩnh vực', e(p.field)],
  ['Cấp thực hiện', e(p.level)],
  ['Cơ quan thực hiện', text(p.agency)],
  ['Đối tượng thực hiện', text(p.applicants)],
  ['Mức độ dịch vụ công trực tuyến', online],
  ['Thời hạn giải quyết', time.top || 'Chưa cập nhật.'],
  ['Phí, lệ phí', fees.top || 'Không quy định.'],
])}
<h2>Trình tự thực hiện</h2>${cases(p.steps, (s) => text(s), 'ol')}
<h2 id="cach-thuc">Cách thức thực hiện</h2>${methods}
<h2>Thành phần hồ sơ</h2>${dossier}${p.dossierCount ? `<p>Số lượng hồ sơ: ${text(p.dossierCount)}</p>` : ''}
<h2>Mẫu đơn, tờ khai</h2><p>${orNone(p.forms)}</p>
<h2>Kết quả thực hiện</h2><p>${orNone(p.result, 'Chưa cập nhật.')}</p>
<h2>Yêu cầu, điều kiện</h2><p>${orNone(p.conditions)}</p>
<h2>Căn cứ pháp lý</h2>${legal}
<h2>Địa chỉ tiếp nhận hồ sơ</h2><p>${orNone(p.receivingAddress, 'Chưa cập nhật.')}</p>
<h2>Quyết định công bố</h2><p>${decision(p) || 'Chưa cập nhật.'}</p>
<p class="meta">Đăng trên trang: <time datetime="${new Date(p.publishedAt).toISOString()}">${formatDate(
    new Date(p.publishedAt),
  )}</time> · Cập nhật: ${formatDate(new Date(p.updatedAt))}</p>
${links}</article>`;
}

/** The procedure alone on white, for printing or saving: no header, menu or footer. */
export function procedurePrintPage(unit: PortalUnit, p: PortalProcedure, base: string): string {
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${e(p.name)} — ${e(unit.name)}</title><meta name="robots" content="noindex"><style>${CSS}</style></head>
<body style="background:#fff"><main><p class="meta">${e(unit.name)} · Thủ tục hành chính</p>${procedurePage(
    { unit, categories: [], base },
    p,
    true,
  )}</main></body></html>`;
}
