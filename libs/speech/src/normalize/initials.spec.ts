import { acronymLetters, spelledAfter, spelledBefore } from './initials';

describe('acronyms against their words', () => {
  it('takes the letters of an acronym without marks, Đ as D, "-" dropped and "&" kept', () => {
    expect(acronymLetters('HĐND')).toBe('HDND');
    expect(acronymLetters('GD&ĐT')).toBe('GD&DT');
    expect(acronymLetters('KT-XH')).toBe('KTXH');
    expect(acronymLetters('TTg')).toBe('TTG');
    // One capital, or a digit: no acronym.
    expect(acronymLetters('Kèm')).toBeNull();
    expect(acronymLetters('QH13')).toBeNull();
  });

  const before = (text: string, acronym: string) =>
    spelledBefore(text, text.length, acronymLetters(acronym)!);

  it('finds the words an acronym shortens just before a place', () => {
    expect(before('về cải cách hành chính ', 'CCHC')).toBe(true);
    expect(before('Ủy ban nhân dân', 'UBND')).toBe(true);
    expect(before('Uỷ ban nhân dân', 'UBND')).toBe(true);
    expect(before('Hội đồng nhân dân', 'HĐND')).toBe(true);
    expect(before('Trung tâm Phục vụ hành chính công', 'TTPVHCC')).toBe(true);
    expect(before('Lao động - Thương binh và Xã hội', 'LĐTBXH')).toBe(true);
    expect(before('Giáo dục và Đào tạo', 'GD&ĐT')).toBe(true);
    expect(before('Văn hóa, Thể thao và Du lịch', 'VHTTDL')).toBe(true);
  });

  it('refuses words that do not spell it, or too few of them', () => {
    expect(before('tuyên truyền', 'CCHC')).toBe(false);
    expect(before('hành chính', 'CCHC')).toBe(false);
    expect(before('cải cách. hành chính', 'CCHC')).toBe(false);
    expect(before('', 'CCHC')).toBe(false);
    expect(before('thủ tục hành chính', 'HCTT')).toBe(false);
  });

  it('finds them after a place too', () => {
    expect(spelledAfter('Thị ủy Hương Trà', 0, acronymLetters('TU')!)).toBe(true);
    expect(spelledAfter('Chính phủ', 0, acronymLetters('CP')!)).toBe(true);
    expect(spelledAfter('Chủ tịch nước', 0, acronymLetters('CP')!)).toBe(false);
  });
});
