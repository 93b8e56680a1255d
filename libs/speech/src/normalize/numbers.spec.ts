import { parseRoman, readDecimal, readDigits, readInteger, readMonth, readOrdinal } from './numbers';

describe('Vietnamese number reading', () => {
  it.each([
    ['0', 'không'],
    ['1', 'một'],
    ['4', 'bốn'],
    ['5', 'năm'],
    ['10', 'mười'],
    ['11', 'mười một'],
    ['14', 'mười bốn'],
    ['15', 'mười lăm'],
    ['20', 'hai mươi'],
    ['21', 'hai mươi mốt'],
    ['24', 'hai mươi tư'],
    ['25', 'hai mươi lăm'],
    ['55', 'năm mươi lăm'],
    ['90', 'chín mươi'],
    ['100', 'một trăm'],
    ['101', 'một trăm linh một'],
    ['104', 'một trăm linh bốn'],
    ['105', 'một trăm linh năm'],
    ['108', 'một trăm linh tám'],
    ['110', 'một trăm mười'],
    ['115', 'một trăm mười lăm'],
    ['121', 'một trăm hai mươi mốt'],
    ['1000', 'một nghìn'],
    ['1001', 'một nghìn không trăm linh một'],
    ['1010', 'một nghìn không trăm mười'],
    ['2021', 'hai nghìn không trăm hai mươi mốt'],
    ['2022', 'hai nghìn không trăm hai mươi hai'],
    ['2025', 'hai nghìn không trăm hai mươi lăm'],
    ['3500', 'ba nghìn năm trăm'],
    ['6694', 'sáu nghìn sáu trăm chín mươi tư'],
    ['10000', 'mười nghìn'],
    ['15000', 'mười lăm nghìn'],
    ['21000', 'hai mươi mốt nghìn'],
    ['100005', 'một trăm nghìn không trăm linh năm'],
    ['1000000', 'một triệu'],
    ['1000001', 'một triệu không trăm linh một'],
    ['1001000', 'một triệu không trăm linh một nghìn'],
    ['2500000000', 'hai tỷ năm trăm triệu'],
    ['04', 'bốn'],
    ['007', 'bảy'],
  ])('%s → %s', (digits, words) => {
    expect(readInteger(digits)).toBe(words);
  });

  it('says "lẻ" instead of "linh" when asked', () => {
    expect(readInteger('108', 'lẻ')).toBe('một trăm lẻ tám');
    expect(readInteger('2005', 'lẻ')).toBe('hai nghìn không trăm lẻ năm');
  });

  it('reads more than fifteen digits one by one: they are codes, not quantities', () => {
    expect(readInteger('1234567890123456')).toBe(
      'một hai ba bốn năm sáu bảy tám chín không một hai ba bốn năm sáu',
    );
  });

  it('refuses anything but digits', () => {
    expect(() => readInteger('12a')).toThrow('not digits');
  });

  // An oracle written from the rules themselves, not from the library, checked on every number up to
  // a million: each group of three, "không trăm" inside, "linh" for 0X, mười/mươi, mốt/tư/lăm.
  function oracle(n: number): string {
    const d = ['không', 'một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín'];
    const group = (g: number, inner: boolean): string[] => {
      const [h, t, u] = [Math.floor(g / 100), Math.floor(g / 10) % 10, g % 10];
      const w: string[] = [];
      if (h > 0 || inner) {
        w.push(d[h], 'trăm');
      }
      if (t === 0) {
        if (u > 0) {
          if (w.length > 0) {
            w.push('linh');
          }
          w.push(d[u]);
        }
      } else if (t === 1) {
        w.push('mười');
        if (u > 0) {
          w.push(u === 5 ? 'lăm' : d[u]);
        }
      } else {
        w.push(d[t], 'mươi');
        if (u > 0) {
          w.push(u === 1 ? 'mốt' : u === 4 ? 'tư' : u === 5 ? 'lăm' : d[u]);
        }
      }
      return w;
    };
    if (n === 0) {
      return 'không';
    }
    const millions = Math.floor(n / 1_000_000);
    const thousands = Math.floor(n / 1000) % 1000;
    const ones = n % 1000;
    const words: string[] = [];
    if (millions > 0) {
      words.push(...group(millions, false), 'triệu');
    }
    if (thousands > 0) {
      words.push(...group(thousands, millions > 0), 'nghìn');
    }
    if (ones > 0) {
      words.push(...group(ones, millions > 0 || thousands > 0));
    }
    return words.join(' ');
  }

  it('agrees with the rules on every number from 0 to 1,000,000', () => {
    const wrong: string[] = [];
    for (let n = 0; n <= 1_000_000; n += 1) {
      const got = readInteger(String(n));
      if (got !== oracle(n)) {
        wrong.push(`${n}: ${got} ≠ ${oracle(n)}`);
      }
    }
    expect(wrong.slice(0, 5)).toEqual([]);
  });

  it('checks the oracle itself on readings a person wrote', () => {
    expect(oracle(1_000_000)).toBe('một triệu');
    expect(oracle(205_021)).toBe('hai trăm linh năm nghìn không trăm hai mươi mốt');
    expect(oracle(14)).toBe('mười bốn');
  });

  it.each([
    ['12', '5', 'mười hai phẩy năm'],
    ['98', '5', 'chín mươi tám phẩy năm'],
    ['3', '14', 'ba phẩy mười bốn'],
    ['0', '05', 'không phẩy không năm'],
    ['1', '0', 'một phẩy không'],
    ['2', '1234', 'hai phẩy một hai ba bốn'],
  ])('%s,%s → %s', (integral, fraction, words) => {
    expect(readDecimal(integral, fraction)).toBe(words);
  });

  it('reads digits by name, months with "tư" for April, ordinals with "nhất" and "tư"', () => {
    expect(readDigits('0905')).toBe('không chín không năm');
    expect([1, 4, 12].map(readMonth)).toEqual(['một', 'tư', 'mười hai']);
    expect([1, 2, 4, 7, 14].map(readOrdinal)).toEqual(['nhất', 'hai', 'tư', 'bảy', 'mười bốn']);
  });

  it('parses well-formed roman numerals only', () => {
    expect(['I', 'II', 'IV', 'IX', 'XIV', 'XIII', 'XL'].map(parseRoman)).toEqual([1, 2, 4, 9, 14, 13, 40]);
    expect(['IIII', 'VX', '', 'IC'].map(parseRoman)).toEqual([null, null, null, null]);
  });
});
