import { describe, expect, it } from '@jest/globals';
import {
  alignmentOf,
  buildLists,
  isWordHtml,
  parseMsoList,
  readMarker,
  type ListParagraph,
  type ListTree,
  type Marker,
} from './word-paste';

// The list logic of pasting from Word, on plain data. The whole transform on Word's clipboard HTML (it needs
// a DOM) is tested in Chromium: test/browser/word-paste.browser-spec.ts.

describe('parseMsoList', () => {
  it('reads the list, level and instance of a Word list paragraph', () => {
    expect(parseMsoList('margin-left:72.0pt;text-indent:-18.0pt;mso-list:l0 level2 lfo1')).toEqual({
      list: 'l0',
      level: 2,
      instance: 'lfo1',
    });
    expect(parseMsoList('mso-list:l12 level1 lfo3;tab-stops:list 36.0pt')).toEqual({
      list: 'l12',
      level: 1,
      instance: 'lfo3',
    });
  });

  it('sees no list in a marker span, a plain style or no style', () => {
    expect(parseMsoList('mso-list:Ignore')).toBeNull();
    expect(parseMsoList('text-align:center')).toBeNull();
    expect(parseMsoList(null)).toBeNull();
  });
});

describe('readMarker', () => {
  const ordered = (type: Marker['type'], value: number): Marker => ({ ordered: true, type, value });
  const bullet: Marker = { ordered: false, type: '1', value: 1 };

  it.each<[string, string | undefined, Marker]>([
    ['1.', undefined, ordered('1', 1)],
    ['12)', undefined, ordered('1', 12)],
    ['(3)', undefined, ordered('1', 3)],
    ['1.\u00a0\u00a0\u00a0 ', undefined, ordered('1', 1)],
    ['2.3.', undefined, ordered('1', 3)],
    ['a)', undefined, ordered('a', 1)],
    ['c.', undefined, ordered('a', 3)],
    ['B.', undefined, ordered('A', 2)],
    ['aa.', undefined, ordered('a', 27)],
    ['i.', undefined, ordered('i', 1)],
    ['iv.', undefined, ordered('i', 4)],
    ['IX.', undefined, ordered('I', 9)],
    // One letter that could be roman: a letter, unless Word's style for the level says roman.
    ['v.', undefined, ordered('a', 22)],
    ['v.', 'roman-lower', ordered('i', 5)],
    ['i.', 'alpha-lower', ordered('a', 9)],
    ['·', undefined, bullet],
    ['o', undefined, bullet],
    ['§', undefined, bullet],
    ['-', undefined, bullet],
    ['–', undefined, bullet],
    ['Ø', undefined, bullet],
    ['ü', undefined, bullet],
    // Wingdings' diamond is the letter v: without a full stop it is a bullet.
    ['v', undefined, bullet],
    ['', undefined, bullet],
    ['ab.', undefined, bullet],
  ])('"%s" (%s)', (text, format, expected) => {
    expect(readMarker(text, format)).toEqual(expected);
  });
});

describe('alignmentOf', () => {
  it('takes text-align first, then align=, and calls left the default', () => {
    expect(alignmentOf('center', 'text-align:center;mso-line-height-rule:exactly')).toBe('center');
    expect(alignmentOf(null, 'margin:0cm; text-align: right')).toBe('right');
    expect(alignmentOf('justify', null)).toBe('justify');
    expect(alignmentOf('CENTER', '')).toBe('center');
    expect(alignmentOf(null, 'text-align:left')).toBeNull();
    expect(alignmentOf('center', 'text-align:left')).toBeNull();
    expect(alignmentOf(null, 'mso-text-align:center')).toBeNull();
    expect(alignmentOf(null, null)).toBeNull();
  });
});

describe('buildLists', () => {
  const num = (value: number): Marker => ({ ordered: true, type: '1', value });
  const letter = (value: number): Marker => ({ ordered: true, type: 'a', value });
  const dot: Marker = { ordered: false, type: '1', value: 1 };
  const p = (level: number, marker: Marker, id = 'l0 lfo1'): ListParagraph => ({ id, level, marker });

  /** A tree as text: "ol(1)[0 ul[1 2] 3]" – lists, their start, and the paragraphs' indexes. */
  function shape(trees: ListTree[]): string {
    return trees
      .map((tree) => {
        const kind = tree.ordered ? `ol${tree.type === '1' ? '' : `:${tree.type}`}(${tree.start})` : 'ul';
        const items = tree.items.map((item) =>
          [String(item.index), ...(item.children.length ? [shape(item.children)] : [])].join(' '),
        );
        return `${kind}[${items.join(' ')}]`;
      })
      .join(' ');
  }

  it('nests by level, three deep, bullets inside numbers and letters inside bullets', () => {
    const paragraphs = [
      p(1, num(1)),
      p(2, dot),
      p(3, letter(1)),
      p(3, letter(2)),
      p(2, dot),
      p(1, num(2)),
      p(1, num(3)),
      p(2, dot),
    ];
    expect(shape(buildLists(paragraphs))).toBe('ol(1)[0 ul[1 ol:a(1)[2 3] 4] 5 6 ul[7]]');
  });

  it('nests a skipped level one step, under the item before it', () => {
    expect(shape(buildLists([p(1, dot), p(3, num(1)), p(2, dot), p(1, dot)]))).toBe('ul[0 ol(1)[1] ul[2] 3]');
  });

  it('starts a new list for another Word list at level 1, and keeps the numbering Word shows', () => {
    const paragraphs = [p(1, num(1)), p(1, num(2)), p(1, dot, 'l1 lfo2'), p(1, dot, 'l1 lfo2'), p(1, num(3))];
    expect(shape(buildLists(paragraphs))).toBe('ol(1)[0 1] ul[2 3] ol(3)[4]');
  });

  it('keeps an item of another Word list nested where it is indented', () => {
    expect(shape(buildLists([p(1, num(1)), p(2, dot, 'l1 lfo2'), p(1, num(2))]))).toBe('ol(1)[0 ul[1] 2]');
  });

  it('starts a sibling list where bullets turn into numbers at the same level', () => {
    expect(shape(buildLists([p(1, num(1)), p(2, dot), p(2, letter(1)), p(2, letter(2))]))).toBe(
      'ol(1)[0 ul[1] ol:a(1)[2 3]]',
    );
  });

  it('starts a list that begins deeper than level 1 at the top', () => {
    expect(shape(buildLists([p(2, letter(3)), p(2, letter(4))]))).toBe('ol:a(3)[0 1]');
  });
});

describe('isWordHtml', () => {
  it('knows Word’s clipboard and leaves other HTML alone', () => {
    expect(
      isWordHtml('<html xmlns:o="urn:schemas-microsoft-com:office:office"><body><p>x</p></body></html>'),
    ).toBe(true);
    expect(isWordHtml('<p class=MsoNormal>x<o:p></o:p></p>')).toBe(true);
    expect(isWordHtml('<p style="text-align:center">Trang web</p><ul><li>một</li></ul>')).toBe(false);
  });
});
