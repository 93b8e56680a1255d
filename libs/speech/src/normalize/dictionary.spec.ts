import { Dictionary, termKey } from './dictionary';

const words = (d: Dictionary, text: string) =>
  d.find(text).map((m) => [text.substr(m.index, m.length), m.words]);

describe('Dictionary', () => {
  const builtin = [
    { term: 'UBND', spoken: 'Ủy ban nhân dân' },
    { term: 'NĐ-CP', spoken: 'nghị định của Chính phủ' },
    { term: 'NĐ', spoken: 'nghị định' },
    { term: 'b/c', spoken: 'báo cáo' },
    { term: 'TM.', spoken: 'Thay mặt' },
  ];

  it('takes the longest term at each place and whole tokens only', () => {
    const d = new Dictionary(builtin);
    expect(words(d, 'NĐ-CP và NĐ; UBNDX, XUBND, UBND2 và UBND.')).toEqual([
      ['NĐ-CP', 'nghị định của Chính phủ'],
      ['NĐ', 'nghị định'],
      ['UBND', 'Ủy ban nhân dân'],
    ]);
  });

  it('matches an acronym as written and any other term in any case', () => {
    const d = new Dictionary(builtin, [{ term: 'Zalo', spoken: 'da lô' }]);
    expect(words(d, 'ubnd Ubnd UBND zalo ZALO Zalo (để B/C)').map(([t]) => t)).toEqual([
      'UBND',
      'zalo',
      'ZALO',
      'Zalo',
      'B/C',
    ]);
  });

  it('lets a later list win on the same term, and a term end in punctuation', () => {
    const d = new Dictionary(builtin, [{ term: 'UBND', spoken: 'ủy ban' }]);
    expect(words(d, 'TM. UBND')).toEqual([
      ['TM.', 'Thay mặt'],
      ['UBND', 'ủy ban'],
    ]);
    expect(d.lookup('UBND')).toBe('ủy ban');
    expect(d.lookup('ubnd')).toBeNull();
  });

  it('finds each of a thousand terms in a long text', () => {
    const lexicon = Array.from({ length: 1000 }, (_, i) => ({ term: `Thôn ${i}`, spoken: `thôn số ${i}` }));
    const d = new Dictionary(lexicon);
    const text = Array.from({ length: 1000 }, (_, i) => `ở Thôn ${999 - i},`).join(' ');
    const found = d.find(text);
    expect(found).toHaveLength(1000);
    // "Thôn 10" is not taken inside "Thôn 100": the longest term wins and digits are a word's part.
    expect(found.map((m) => m.words)).toEqual(lexicon.map((e) => e.spoken).reverse());
  });

  it('reads a term by the word after it when a reading names that word', () => {
    const d = new Dictionary([
      {
        term: 'BCH',
        spoken: 'Ban chấp hành',
        when: [{ next: ['Quân sự', 'QS'], spoken: 'Ban Chỉ huy' }],
      },
      { term: 'CT', spoken: '', when: [{ next: ['UBND'], spoken: 'Chủ tịch' }] },
    ]);
    expect(words(d, 'BCH Quân sự, BCH quân sự, BCH QS, BCH Đoàn, BCH Quân, BCH Quân sựu, BCH')).toEqual([
      ['BCH', 'Ban Chỉ huy'],
      ['BCH', 'Ban Chỉ huy'],
      ['BCH', 'Ban Chỉ huy'],
      ['BCH', 'Ban chấp hành'],
      ['BCH', 'Ban chấp hành'],
      ['BCH', 'Ban chấp hành'],
      ['BCH', 'Ban chấp hành'],
    ]);
    // A term read only in context is no term elsewhere, and has no reading of its own to look up.
    expect(words(d, 'CT UBND, CT khác')).toEqual([['CT', 'Chủ tịch']]);
    expect(d.lookup('CT')).toBeNull();
    expect(d.lookup('BCH')).toBe('Ban chấp hành');
  });

  it('treats terms differing only in case as one for duplicate checks', () => {
    expect(termKey('Zalo')).toBe(termKey('ZALO'));
    expect(termKey('Nghĩa Hưng'.normalize('NFD'))).toBe(termKey('nghĩa hưng'));
    expect(termKey('HTX')).not.toBe(termKey('HTXX'));
  });
});
