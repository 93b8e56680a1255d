import { doReadNumber, ReadingConfig } from 'read-vietnamese-number';

/** How 0X after a hundred is said: "một trăm linh năm" (northern, the default) or "một trăm lẻ năm". */
export type OddWord = 'linh' | 'lẻ';

const DIGITS = ['không', 'một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín'];

/** Longer digit strings are codes or account numbers, not quantities: they are read digit by digit. */
const MAX_QUANTITY_DIGITS = 15;

function config(odd: OddWord): ReadingConfig {
  const c = new ReadingConfig();
  c.unit = [];
  c.pointSign = ',';
  c.pointText = 'phẩy';
  c.oddText = odd;
  c.units = [[], ['nghìn'], ['triệu'], ['tỷ']];
  // Callers pass bare digits. The library builds a RegExp from this sign, so '.' would match every
  // character and every number would read "không"; a sign that never occurs keeps it out of the way.
  c.thousandSign = '\\u0000';
  return c;
}

const CONFIGS: Record<OddWord, ReadingConfig> = { linh: config('linh'), lẻ: config('lẻ') };
/**
 * Numbers already read. The library takes a few microseconds a number (it builds a RegExp per call), and
 * a text is mostly the same few numbers (days, months, "1." of a list): 49,000 "1." took a quarter of a
 * second. Bounded, so that a text of distinct numbers costs what it did and no more memory.
 */
const READINGS_MAX = 10_000;
const READINGS: Record<OddWord, Map<string, string>> = { linh: new Map(), lẻ: new Map() };

/** Each digit by name: "0905" → "không chín không năm". */
export function readDigits(digits: string): string {
  return [...digits].map((d) => DIGITS[Number(d)]).join(' ');
}

/**
 * A whole number written with bare digits, read as a quantity: mốt/một, tư/bốn, lăm/năm, mười/mươi,
 * linh (or lẻ), nghìn/triệu/tỷ. Leading zeros are not said ("04" → "bốn").
 */
export function readInteger(digits: string, odd: OddWord = 'linh'): string {
  if (!/^\d+$/.test(digits)) {
    throw new Error(`readInteger: not digits: ${digits}`);
  }
  const cache = READINGS[odd];
  let words = cache.get(digits);
  if (words === undefined) {
    const significant = digits.replace(/^0+(?=\d)/, '');
    words =
      significant.length > MAX_QUANTITY_DIGITS ? readDigits(digits) : doReadNumber(significant, CONFIGS[odd]);
    if (cache.size >= READINGS_MAX) {
      cache.clear();
    }
    cache.set(digits, words);
  }
  return words;
}

/** A decimal with a comma: "12,5" → "mười hai phẩy năm"; "0,05" → "không phẩy không năm". */
export function readDecimal(integral: string, fraction: string, odd: OddWord = 'linh'): string {
  const whole = readInteger(integral, odd);
  if (fraction.length > 3 || integral.replace(/^0+(?=\d)/, '').length > MAX_QUANTITY_DIGITS) {
    return `${whole} phẩy ${readDigits(fraction)}`;
  }
  const trimmed = fraction.replace(/0+$/, '');
  if (trimmed === '') {
    return `${whole} phẩy ${readDigits(fraction)}`;
  }
  const part = trimmed.length === 1 || !trimmed.startsWith('0') ? trimmed : null;
  return `${whole} phẩy ${part === null ? readDigits(trimmed) : readInteger(part, odd)}`;
}

/** The name of a month: 4 is "tư" ("tháng tư"), the others are their numbers ("tháng mười hai"). */
export function readMonth(month: number): string {
  return month === 4 ? 'tư' : readInteger(String(month));
}

/** After "thứ" (weekdays and ordinals): 1 → "nhất", 4 → "tư", else the number ("thứ bảy", "thứ mười bốn"). */
export function readOrdinal(n: number): string {
  if (n === 1) {
    return 'nhất';
  }
  if (n === 4) {
    return 'tư';
  }
  return readInteger(String(n));
}

const ROMAN = /^M{0,3}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})$/;
const ROMAN_VALUES: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100, D: 500, M: 1000 };

/** The value of a well-formed upper-case roman numeral ("XIV" → 14), or null. */
export function parseRoman(text: string): number | null {
  if (text === '' || !ROMAN.test(text)) {
    return null;
  }
  let total = 0;
  for (let i = 0; i < text.length; i += 1) {
    const value = ROMAN_VALUES[text[i]];
    const next = ROMAN_VALUES[text[i + 1]] ?? 0;
    total += value < next ? -value : value;
  }
  return total;
}
