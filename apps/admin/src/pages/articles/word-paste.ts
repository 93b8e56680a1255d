/**
 * Pasting from Microsoft Word (desktop, Windows or Mac) into the article editor.
 *
 * Word does not put lists on the clipboard as <ul>/<ol>: every item is a paragraph
 * (`<p class=MsoListParagraphCxSpFirst style='mso-list:l0 level2 lfo1'>`) whose bullet or number is text
 * inside `<![if !supportLists]><span style='mso-list:Ignore'>1.<span>&nbsp;…</span></span><![endif]>`.
 * Left alone, the editor shows them as "·      …" paragraphs. This module turns each run of such paragraphs
 * into real nested lists (by level and list id), takes the markers out, keeps alignment
 * (`align=center` / `text-align:center` becomes `style="text-align: center"`, which the editor's TextAlign
 * extension and the api's sanitizer keep) and drops Word's leftovers (`<o:p>`, conditional comments,
 * local `file:` images that no browser can load).
 *
 * Why our own: the one TipTap extension for this on npm (@intevation/tiptap-extension-office-paste 0.1)
 * calls "1)" and "a)" markers bullets, loses alignment and is barely kept; CKEditor's and TinyMCE's work on
 * their own editor models. The list logic here is plain data (buildLists, readMarker) so it is unit-tested
 * without a DOM; cleanWordHtml needs the browser's DOMParser and is tested in Chromium with Word fixtures
 * (test/fixtures/word, test/browser/word-paste.browser-spec.ts).
 */

/** The numbering kinds of an HTML <ol type>. */
export type OlType = '1' | 'a' | 'A' | 'i' | 'I';
export type Alignment = 'center' | 'right' | 'justify';

/** Where a paragraph sits in Word's list model: `mso-list:l0 level2 lfo1`. */
export interface MsoList {
  /** The list definition (l0, l1…): one document's different lists. */
  list: string;
  /** 1 for the outermost items. */
  level: number;
  /** The list instance (lfo1…): two numbered lists of one definition restart their numbers. */
  instance: string;
}

/** What a marker ("1.", "b)", "IV.", "·", "-") says about its list. */
export interface Marker {
  ordered: boolean;
  type: OlType;
  /** The number it shows (3 for "3.", "c)" or "iii."); 1 for a bullet. */
  value: number;
}

/** One list paragraph, as buildLists needs it. */
export interface ListParagraph {
  /** The list it belongs to: definition and instance. */
  id: string;
  level: number;
  marker: Marker;
}

/** A list to render: its items are the indexes of the paragraphs given to buildLists. */
export interface ListTree {
  ordered: boolean;
  type: OlType;
  start: number;
  items: { index: number; children: ListTree[] }[];
}

const MSO_LIST = /mso-list\s*:\s*(l\d+)\s+level(\d+)(?:\s+(lfo\d+))?/i;

/** The list position in a paragraph's style attribute; null when it has none (or `mso-list:Ignore`). */
export function parseMsoList(style: string | null | undefined): MsoList | null {
  const match = MSO_LIST.exec(style ?? '');
  if (!match) {
    return null;
  }
  return { list: match[1].toLowerCase(), level: Number(match[2]), instance: (match[3] ?? '').toLowerCase() };
}

const ROMAN = /^(?=[ivxlcdm]+$)m{0,3}(cm|cd|d?c{0,3})(xc|xl|l?x{0,3})(ix|iv|v?i{0,3})$/i;
const ROMAN_VALUES: Record<string, number> = { i: 1, v: 5, x: 10, l: 50, c: 100, d: 500, m: 1000 };

function romanValue(text: string): number {
  const digits = [...text.toLowerCase()].map((c) => ROMAN_VALUES[c]);
  return digits.reduce((sum, v, i) => sum + (v < (digits[i + 1] ?? 0) ? -v : v), 0);
}

/** "a" → 1, "z" → 26, "aa" → 27 (Word repeats the letter after z). */
function letterValue(text: string): number {
  const code = text.toLowerCase().charCodeAt(0) - 96;
  return /^(.)\1*$/.test(text) ? 26 * (text.length - 1) + code : code;
}

/**
 * Reads a marker's text. Digits or letters (roman or not) followed by "." or ")" – "1.", "2)", "(3)", "a)",
 * "IV.", and Word's legal "1.2." – are a numbered list; anything else ("·", "o", "§", "-", "–", "Ø", "ü",
 * "v" of the Symbol/Wingdings fonts, or nothing) is a bullet. `format` is Word's own word for the level
 * (`mso-level-number-format` from the pasted <style>), used only to tell "i." roman from "i." a letter.
 */
export function readMarker(text: string, format?: string): Marker {
  const t = text.replace(/[\s\u00a0]+/g, '');
  const bullet: Marker = { ordered: false, type: '1', value: 1 };
  const legal = /^(?:\d+\.)+(\d+)\.?$/.exec(t);
  if (legal) {
    return { ordered: true, type: '1', value: Number(legal[1]) };
  }
  const counted = /^\(?(\d+|[a-z]{1,3}|[A-Z]{1,3})[.)]$/.exec(t);
  if (!counted) {
    return bullet;
  }
  const word = counted[1];
  if (/^\d+$/.test(word)) {
    return { ordered: true, type: '1', value: Number(word) };
  }
  const upper = word === word.toUpperCase();
  const hint = (format ?? '').toLowerCase();
  const roman = hint.startsWith('roman')
    ? ROMAN.test(word)
    : !hint.startsWith('alpha') && ROMAN.test(word) && (word.length > 1 || /^i$/i.test(word));
  if (roman) {
    return { ordered: true, type: upper ? 'I' : 'i', value: romanValue(word) };
  }
  if (/^(.)\1*$/.test(word)) {
    return { ordered: true, type: upper ? 'A' : 'a', value: letterValue(word) };
  }
  // "ab." and the like are no numbering Word makes: a word followed by a full stop is not a marker.
  return bullet;
}

/** A block's alignment from Word's `align=` attribute or its `text-align`; null for left (the default). */
export function alignmentOf(
  align: string | null | undefined,
  style: string | null | undefined,
): Alignment | null {
  const fromStyle = /(?:^|;)\s*text-align\s*:\s*([a-z]+)/i.exec(style ?? '')?.[1];
  const value = (fromStyle ?? align ?? '').toLowerCase();
  if (value === 'center' || value === 'right' || value === 'justify') {
    return value;
  }
  return null;
}

/**
 * Nests a run of consecutive list paragraphs. A deeper level opens a list inside the previous item (a level
 * skipped in Word – 1 then 3 – nests one step, never under an empty item; a run may begin at any level);
 * a shallower one goes back out to the list of that level;
 * at the same level a change from bullets to numbers (or back) starts a new sibling list; at level 1 another
 * Word list (other l/lfo) starts a new list. A numbered list starts at its first marker's number, so a list
 * Word interrupted with a paragraph still goes on at "3.".
 */
export function buildLists(paragraphs: ListParagraph[]): ListTree[] {
  const roots: ListTree[] = [];
  // The lists open around the current item, outermost first, with the Word level each was opened at.
  const open: { tree: ListTree; level: number }[] = [];
  let rootId = '';
  const top = () => open[open.length - 1];
  paragraphs.forEach((paragraph, index) => {
    const { level, marker } = paragraph;
    while (open.length && top().level > level) {
      open.pop();
    }
    if (open.length && open[0].level === level && paragraph.id !== rootId) {
      open.length = 0;
    }
    if (open.length && top().level === level && top().tree.ordered !== marker.ordered) {
      open.pop();
    }
    if (!open.length || top().level < level) {
      const { ordered, type, value } = marker;
      const tree: ListTree = { ordered, type, start: ordered ? value : 1, items: [] };
      if (open.length) {
        const parent = top().tree.items;
        parent[parent.length - 1].children.push(tree);
      } else {
        roots.push(tree);
        rootId = paragraph.id;
      }
      open.push({ tree, level });
    }
    top().tree.items.push({ index, children: [] });
  });
  return roots;
}

/** Whether pasted HTML came from Word (or Outlook, which writes the same): the rest is left as it is. */
export function isWordHtml(html: string): boolean {
  return /urn:schemas-microsoft-com:office|ProgId content=Word|class=["']?Mso|mso-list|<o:p>/i.test(html);
}

/** `@list l0:level2 {mso-level-number-format:alpha-lower; …}` in Word's <style> → { "l0:2": "alpha-lower" }. */
function levelFormats(doc: Document): Map<string, string> {
  const formats = new Map<string, string>();
  const css = [...doc.querySelectorAll('style')].map((style) => style.textContent ?? '').join('\n');
  for (const match of css.matchAll(/@list\s+(l\d+):level(\d+)\s*\{([^}]*)\}/gi)) {
    const format = /mso-level-number-format\s*:\s*([a-z-]+)/i.exec(match[3])?.[1];
    if (format) {
      formats.set(`${match[1].toLowerCase()}:${match[2]}`, format);
    }
  }
  return formats;
}

function isComment(node: Node | null, data: RegExp): node is Comment {
  return node?.nodeType === Node.COMMENT_NODE && data.test((node as Comment).data.trim());
}

/**
 * Takes a list paragraph's marker out of it and answers its text: what sits between the
 * `[if !supportLists]` and `[endif]` comments (Word on Windows), then any `mso-list:Ignore` span left.
 */
function takeMarker(block: Element): string {
  let text = '';
  const walker = block.ownerDocument.createTreeWalker(block, NodeFilter.SHOW_COMMENT);
  const starts: Comment[] = [];
  while (walker.nextNode()) {
    if (isComment(walker.currentNode, /^\[if !supportLists\]$/i)) {
      starts.push(walker.currentNode);
    }
  }
  for (const start of starts) {
    let node = start.nextSibling;
    while (node && !isComment(node, /^\[endif\]$/i)) {
      const next = node.nextSibling;
      text += node.textContent ?? '';
      node.remove();
      node = next;
    }
    node?.remove();
    start.remove();
  }
  for (const ignored of block.querySelectorAll('[style]')) {
    if (/mso-list\s*:\s*ignore/i.test(ignored.getAttribute('style') ?? '') && ignored.isConnected) {
      text += ignored.textContent ?? '';
      ignored.remove();
    }
  }
  return text;
}

/** The list paragraphs in runs: each run is consecutive siblings, one list (tree) to build. */
function listRuns(paragraphs: Element[]): Element[][] {
  const runs: Element[][] = [];
  for (const paragraph of paragraphs) {
    const run = runs[runs.length - 1];
    if (run && run[run.length - 1] === paragraph.previousElementSibling) {
      run.push(paragraph);
    } else {
      runs.push([paragraph]);
    }
  }
  return runs;
}

function renderList(doc: Document, tree: ListTree, blocks: Element[]): HTMLElement {
  const list = doc.createElement(tree.ordered ? 'ol' : 'ul');
  if (tree.ordered && tree.start !== 1) {
    list.setAttribute('start', String(tree.start));
  }
  if (tree.ordered && tree.type !== '1') {
    list.setAttribute('type', tree.type);
  }
  for (const item of tree.items) {
    const li = doc.createElement('li');
    const p = doc.createElement('p');
    p.append(...blocks[item.index].childNodes);
    li.append(p, ...item.children.map((child) => renderList(doc, child, blocks)));
    list.append(li);
  }
  return list;
}

const BLOCKS = 'p, h1, h2, h3, h4, h5, h6';

/**
 * Word's clipboard HTML → HTML the editor reads as it was meant: real lists, alignment, no Word markup.
 * HTML from anywhere else is given back untouched. Runs in the browser (DOMParser).
 */
export function cleanWordHtml(html: string): string {
  if (!isWordHtml(html)) {
    return html;
  }
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const formats = levelFormats(doc);
  const body = doc.body;

  // Lists first, while the conditional comments that delimit the markers are still there.
  const listBlocks = [...body.querySelectorAll(BLOCKS)].filter((block) =>
    parseMsoList(block.getAttribute('style')),
  );
  const paragraphs: Element[] = [];
  for (const block of listBlocks) {
    const marker = takeMarker(block).replace(/[\s\u00a0]+/g, '');
    if (block.tagName === 'P') {
      block.setAttribute('data-marker', marker);
      paragraphs.push(block);
    } else if (marker) {
      // A numbered heading ("I. MỤC ĐÍCH") stays a heading: its number stays as text.
      block.prepend(`${marker} `);
    }
  }
  for (const run of listRuns(paragraphs)) {
    const items = run.map((block) => {
      const position = parseMsoList(block.getAttribute('style'))!;
      const format = formats.get(`${position.list}:${position.level}`);
      return {
        id: `${position.list} ${position.instance}`,
        level: position.level,
        marker: readMarker(block.getAttribute('data-marker') ?? '', format),
      };
    });
    const lists = buildLists(items).map((tree) => renderList(doc, tree, run));
    run[0].before(...lists);
    run.forEach((block) => block.remove());
  }

  // Word's leftovers: comments (conditional ones included), <o:p> paragraph marks, other office
  // elements (smart tags keep their text), images that point at Word's temporary files.
  const comments = doc.createTreeWalker(body, NodeFilter.SHOW_COMMENT);
  const dropped: Node[] = [];
  while (comments.nextNode()) {
    dropped.push(comments.currentNode);
  }
  dropped.forEach((node) => node.parentNode?.removeChild(node));
  for (const element of [...body.querySelectorAll('*')]) {
    if (element.tagName.toLowerCase() === 'o:p') {
      element.remove();
    } else if (element.tagName.includes(':')) {
      element.replaceWith(...element.childNodes);
    }
  }
  body
    .querySelectorAll('img[src^="file:"], img:not([src]), script, style, meta, link, title, xml')
    .forEach((element) => element.remove());

  // Alignment is the one thing of a block's style kept; Word's margins and indents go.
  for (const block of body.querySelectorAll(BLOCKS)) {
    const alignment = alignmentOf(block.getAttribute('align'), block.getAttribute('style'));
    block.removeAttribute('align');
    block.removeAttribute('style');
    if (alignment) {
      block.setAttribute('style', `text-align: ${alignment}`);
    }
    // Word's empty lines (a paragraph holding only <o:p>&nbsp;</o:p>) would be dropped on saving anyway.
    if (!block.textContent?.replace(/[\s\u00a0]+/g, '') && !block.querySelector('img, br')) {
      block.remove();
    }
  }
  return body.innerHTML;
}
