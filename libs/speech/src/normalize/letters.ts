import { readDigits } from './numbers';

/** Vietnamese names of the consonant letters, as an acronym nobody listed is spelt ("TT" → "tê tê"). */
export const LETTERS: Readonly<Record<string, string>> = {
  B: 'bê',
  C: 'xê',
  D: 'dê',
  Đ: 'đê',
  F: 'ép',
  G: 'giê',
  H: 'hát',
  J: 'gi',
  K: 'ca',
  L: 'e lờ',
  M: 'em mờ',
  N: 'en nờ',
  P: 'pê',
  Q: 'quy',
  R: 'e rờ',
  S: 'ét',
  T: 'tê',
  V: 'vê',
  W: 'vê kép',
  X: 'ích',
  Z: 'dét',
};

const LETTER = /\p{L}/u;
const VOWELS: Readonly<Record<string, string>> = { A: 'a', E: 'e', I: 'i', O: 'o', U: 'u', Y: 'i dài' };

/**
 * Letter by letter and digit by digit ("TU" → "tê u", "a1" → "a một"); a letter outside the alphabet
 * (a vowel with its marks) is kept as written, "&" is "và".
 */
export function spell(text: string): string {
  const words: string[] = [];
  for (const c of text) {
    const upper = c.toUpperCase();
    const name = LETTERS[upper] ?? VOWELS[upper];
    if (name !== undefined) {
      words.push(name);
    } else if (c >= '0' && c <= '9') {
      words.push(readDigits(c));
    } else if (c === '&') {
      words.push('và');
    } else if (LETTER.test(c)) {
      words.push(c.toLowerCase());
    }
  }
  return words.join(' ');
}
