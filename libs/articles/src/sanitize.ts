import { convert } from 'html-to-text';
import sanitizeHtml from 'sanitize-html';

/**
 * The allow-list for article bodies: what an editor needs (and what pasting from Word should keep):
 * headings, paragraphs (with their alignment), lists, tables, bold/italic/underline, links, quotes, images.
 * Everything else (script, style elements and every other style property, event handlers, classes, Word's
 * mso markup, javascript: and data: links) is dropped.
 */
const OL_TYPES = ['1', 'a', 'A', 'i', 'I'];

const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [
    'h2',
    'h3',
    'h4',
    'p',
    'br',
    'hr',
    'strong',
    'b',
    'em',
    'i',
    'u',
    's',
    'sub',
    'sup',
    'blockquote',
    'ul',
    'ol',
    'li',
    'a',
    'table',
    'thead',
    'tbody',
    'tfoot',
    'tr',
    'th',
    'td',
    'caption',
    'figure',
    'figcaption',
    'img',
  ],
  allowedAttributes: {
    a: ['href', 'title'],
    img: ['src', 'alt', 'title', 'width', 'height'],
    th: ['colspan', 'rowspan'],
    td: ['colspan', 'rowspan'],
    // A list pasted from Word keeps where its numbering starts and its kind (1, a, A, i, I: "a)" sub-points).
    ol: ['start', 'type'],
    // Alignment (a centred "KẾ HOẠCH" title, a right-aligned signature): only text-align survives, see allowedStyles.
    p: ['style'],
    h2: ['style'],
    h3: ['style'],
    h4: ['style'],
  },
  // Every other property in a style attribute (fonts, colours, margins, mso-…) is dropped; left is the default.
  allowedStyles: {
    '*': { 'text-align': [/^(center|right|justify)$/] },
  },
  allowedSchemes: ['http', 'https', 'mailto', 'tel'],
  allowedSchemesByTag: { img: ['http', 'https'] },
  allowProtocolRelative: false,
  // Word's <o:p>, conditional comments and the like disappear with their content when they carry none.
  nonTextTags: ['style', 'script', 'textarea', 'option', 'noscript', 'title', 'xml'],
  transformTags: {
    // The page title is the only h1; a pasted h1 becomes the top heading of the body.
    h1: 'h2',
    h5: 'h4',
    h6: 'h4',
    a: (tagName, attribs) => ({
      tagName,
      attribs: { ...attribs, rel: 'noopener noreferrer' },
    }),
    // Only the HTML numbering kinds; anything else in type goes (sanitize-html's own value filter would leave
    // an empty type attribute).
    ol: (tagName, attribs) => {
      const { type, ...rest } = attribs;
      return { tagName, attribs: OL_TYPES.includes(type) ? { ...rest, type } : rest };
    },
  },
  exclusiveFilter: (frame) =>
    // Empty paragraphs and spans Word leaves behind.
    (frame.tag === 'p' || frame.tag === 'a') && !frame.text.trim() && !frame.mediaChildren.length,
};
OPTIONS.allowedAttributes = {
  ...(OPTIONS.allowedAttributes as Record<string, string[]>),
  a: ['href', 'title', 'rel'],
};

/** Sanitized HTML, NFC-normalised (Vietnamese typed on some systems arrives decomposed). */
export function sanitizeBody(html: string): string {
  return sanitizeHtml(html.normalize('NFC'), OPTIONS).trim();
}

const TEXT_OPTIONS = {
  wordwrap: false as const,
  selectors: [
    { selector: 'a', options: { ignoreHref: true } },
    { selector: 'img', format: 'skip' },
    { selector: 'h2', options: { uppercase: false } },
    { selector: 'h3', options: { uppercase: false } },
    { selector: 'h4', options: { uppercase: false } },
    { selector: 'table', format: 'dataTable', options: { uppercaseHeaderCells: false } },
  ],
};

/** Plain text of a body, paragraphs on their own lines: the default radio script, summaries, search. */
export function bodyText(html: string): string {
  return convert(html, TEXT_OPTIONS).trim();
}
