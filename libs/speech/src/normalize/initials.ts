/**
 * Acronyms against the words they shorten: "cải cách hành chính" is CCHC, "Hội đồng nhân dân" HĐND,
 * "Giáo dục và Đào tạo" GD&ĐT. Letters compare without marks and with Đ as D, in upper case; "và" (or "&")
 * between the words may be left out of the acronym, and "-" or "," between them is passed over.
 */

const LETTER = /\p{L}/u;
const WORD_CHAR = /[\p{L}\p{N}]/u;
const isWordChar = (c: string | undefined): boolean => c !== undefined && WORD_CHAR.test(c);
/** Marks between words that an acronym leaves out: "kinh tế - xã hội" is KT-XH. */
const PASSED_OVER = new Set(['-', ',', '&']);

/** A letter as an acronym compares it: no marks, Đ as D, upper case ("ủ" → "U", "đ" → "D"). */
function plain(letter: string): string {
  if (letter === 'đ' || letter === 'Đ') {
    return 'D';
  }
  return letter.normalize('NFD')[0].toUpperCase();
}

/**
 * The letters of an acronym as its words' initials compare ("HĐND" → "HDND", "GD&ĐT" → "GD&DT",
 * "KT-XH" → "KTXH"), or null when it is no acronym: fewer than two capitals, or a digit.
 */
export function acronymLetters(acronym: string): string | null {
  let letters = '';
  let capitals = 0;
  for (const c of acronym) {
    if (c === '-') {
      continue;
    }
    if (c === '&') {
      letters += '&';
    } else if (LETTER.test(c)) {
      if (c !== c.toLowerCase()) {
        capitals += 1;
      }
      letters += plain(c);
    } else {
      return null;
    }
  }
  return capitals >= 2 && letters.length >= 2 ? letters : null;
}

interface Token {
  text: string;
  start: number;
  end: number;
}

/** The word or mark ending at `end` (spaces before `end` skipped), or null at the start of the text. */
function tokenBefore(text: string, end: number): Token | null {
  let stop = end;
  while (stop > 0 && text[stop - 1] === ' ') {
    stop -= 1;
  }
  if (stop === 0) {
    return null;
  }
  let start = stop - 1;
  if (isWordChar(text[start])) {
    while (start > 0 && isWordChar(text[start - 1])) {
      start -= 1;
    }
  }
  return { text: text.slice(start, stop), start, end: stop };
}

/** The word or mark starting at `start` (spaces after it skipped), or null at the end of the text. */
function tokenAfter(text: string, start: number): Token | null {
  let begin = start;
  while (begin < text.length && text[begin] === ' ') {
    begin += 1;
  }
  if (begin === text.length) {
    return null;
  }
  let end = begin + 1;
  if (isWordChar(text[begin])) {
    while (end < text.length && isWordChar(text[end])) {
      end += 1;
    }
  }
  return { text: text.slice(begin, end), start: begin, end };
}

/** Whether a word stands for an acronym letter: its initial, or "và" for "&". */
function stands(word: string, letter: string): boolean {
  if (letter === '&') {
    return word.toLowerCase() === 'và';
  }
  return LETTER.test(word[0]) && plain(word[0]) === letter;
}

/**
 * Reads tokens one way from a place and says whether the words met spell `letters` (read in the same
 * direction). Each token is looked at once and at most twice as many tokens as letters: the cost is the
 * acronym's, never the text's.
 */
function spells(letters: string, next: () => Token | null): boolean {
  let i = 0;
  let budget = letters.length * 2 + 2;
  while (i < letters.length) {
    const token = next();
    if (token === null || budget === 0) {
      return false;
    }
    budget -= 1;
    if (stands(token.text, letters[i])) {
      i += 1;
    } else if (!(PASSED_OVER.has(token.text) || token.text.toLowerCase() === 'và')) {
      return false;
    }
  }
  return true;
}

/** Whether the words just before `end` in `text` are the ones `letters` (acronymLetters) shorten. */
export function spelledBefore(text: string, end: number, letters: string): boolean {
  let place = end;
  const reversed = [...letters].reverse().join('');
  return spells(reversed, () => {
    const token = tokenBefore(text, place);
    place = token?.start ?? 0;
    return token;
  });
}

/** Whether the words from `start` in `text` are the ones `letters` (acronymLetters) shorten. */
export function spelledAfter(text: string, start: number, letters: string): boolean {
  let place = start;
  return spells(letters, () => {
    const token = tokenAfter(text, place);
    place = token?.end ?? text.length;
    return token;
  });
}
