import { sayAddress, sayAddressWord } from './address-words';

describe('address words', () => {
  it('says Vietnamese written without marks as its syllables', () => {
    expect(sayAddressWord('dichvucong')).toBe('dich vu cong');
    expect(sayAddressWord('quyetthang')).toBe('quyet thang');
    expect(sayAddressWord('nghiatrung')).toBe('nghia trung');
    expect(sayAddressWord('xaphuoc')).toBe('xa phuoc');
  });

  it('spells what does not read as Vietnamese, and reads digits one by one', () => {
    expect(sayAddressWord('ubnd')).toBe('u bê en nờ dê');
    expect(sayAddressWord('tphaiduong')).toBe('tê phai duong');
    expect(sayAddressWord('xa123')).toBe('xa một hai ba');
    expect(sayAddressWord('UBND')).toBe('u bê en nờ dê');
  });

  it('says the words everyone says their own way', () => {
    expect(sayAddressWord('gmail')).toBe('gờ meo');
    expect(sayAddressWord('gov')).toBe('gốp');
    expect(sayAddressWord('vn')).toBe('vê en');
  });

  it('says the marks between words as a listener types them', () => {
    expect(sayAddress('van_thu.ubnd-xa')).toBe('van gạch dưới thu chấm u bê en nờ dê gạch ngang xa');
    expect(sayAddress('a+b')).toBe('a bê');
  });

  it('takes time in proportion to the word: a long run of letters is cut in one pass', () => {
    const start = performance.now();
    expect(sayAddressWord('ngh'.repeat(20_000)).split(' ')).toHaveLength(80_000); // en nờ, giê, hát
    expect(performance.now() - start).toBeLessThan(2000);
  });
});
