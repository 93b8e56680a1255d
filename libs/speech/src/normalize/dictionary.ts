/** One entry of a unit's lexicon: how to say `term`. */
export interface LexiconEntry {
  term: string;
  spoken: string;
  /**
   * Readings that win when the term is followed by one of their words ("BCH Quân sự" is "Ban Chỉ huy",
   * any other BCH "Ban chấp hành"). With `spoken` empty the term has no reading outside those contexts.
   */
  when?: readonly NextWordReading[];
}

/** A reading of a term that holds when the next word (after spaces) is one of `next`, in any case. */
export interface NextWordReading {
  next: readonly string[];
  spoken: string;
}

const WORD_CHAR = /[\p{L}\p{N}]/u;
const isWordChar = (c: string | undefined): boolean => c !== undefined && WORD_CHAR.test(c);

/** isWordChar for the code unit at `index`, without a regular expression for ASCII (most of any text). */
function wordAt(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  if (code < 128) {
    return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
  }
  return code === code && WORD_CHAR.test(text[index]); // NaN (out of range) is not a character
}

/** An acronym ("UBND") is matched only as written; any other term in any case. */
export function isExactTerm(term: string): boolean {
  return term === term.toUpperCase();
}

/**
 * Two lexicon terms that differ only in case ("Zalo", "ZALO") are one term to the editor: a list holding
 * both is refused rather than letting the reader guess which reading wins.
 */
export function termKey(term: string): string {
  return term.normalize('NFC').toLowerCase();
}

interface Term {
  /** As written for an exact term, lower case for the others. */
  text: string;
  exact: boolean;
  spoken: string;
  when: readonly NextWordReading[];
}

interface Reading {
  spoken: string;
  when: readonly NextWordReading[];
}

/**
 * The reading of `when` whose word follows `end` in `text` (a few spaces between), or null. Costs the
 * length of the words named, whatever the text: no scan beyond them.
 */
function readingForNext(text: string, end: number, when: readonly NextWordReading[]): string | null {
  let start = end;
  while (start < text.length && start - end < 3 && text[start] === ' ') {
    start += 1;
  }
  if (start === end) {
    return null;
  }
  for (const reading of when) {
    for (const next of reading.next) {
      const stop = start + next.length;
      if (
        stop <= text.length &&
        text.slice(start, stop).toLowerCase() === next.toLowerCase() &&
        !(isWordChar(next[next.length - 1]) && isWordChar(text[stop]))
      ) {
        return reading.spoken;
      }
    }
  }
  return null;
}

/** Where a term was found in a text, and what to say for it. */
export interface TermMatch {
  index: number;
  length: number;
  words: string;
}

/**
 * Terms and their spoken form, matched longest first in one pass. A term is a whole token: not part of a
 * longer word or number (`\b` cannot be used: it is ASCII-only and fails next to Đ or Ư).
 *
 * Terms are bucketed by their first character, not joined into one regular expression: an alternation
 * of a thousand terms, new for each request's lexicon, runs in V8's regexp interpreter and took minutes
 * on a long script; the buckets take milliseconds.
 */
export class Dictionary {
  private readonly exact = new Map<string, Reading>();
  private readonly folded = new Map<string, Reading>();
  private readonly buckets = new Map<string, Term[]>();

  /** Later lists win over earlier ones on the same term. */
  constructor(...lists: readonly (readonly LexiconEntry[])[]) {
    for (const list of lists) {
      for (const { term, spoken, when = [] } of list) {
        if (isExactTerm(term)) {
          this.exact.set(term, { spoken, when });
        } else {
          this.folded.set(term.toLowerCase(), { spoken, when });
        }
      }
    }
    const terms: Term[] = [
      ...[...this.exact].map(([text, reading]) => ({ text, exact: true, ...reading })),
      ...[...this.folded].map(([text, reading]) => ({ text, exact: false, ...reading })),
    ].filter((t) => t.text.length > 0);
    // Longest first; on equal length an acronym as written before a word in any case.
    terms.sort((a, b) => b.text.length - a.text.length || Number(b.exact) - Number(a.exact));
    for (const term of terms) {
      const key = term.text[0].toLowerCase();
      const bucket = this.buckets.get(key) ?? [];
      bucket.push(term);
      this.buckets.set(key, bucket);
    }
  }

  get size(): number {
    return this.exact.size + this.folded.size;
  }

  /** The spoken form of `text` as written, if a term covers it (its reading outside any context). */
  lookup(text: string): string | null {
    const reading = this.exact.get(text) ?? this.folded.get(text.toLowerCase());
    return reading && reading.spoken !== '' ? reading.spoken : null;
  }

  /** Every term in `text`, left to right, the longest at each place, none overlapping. */
  find(text: string): TermMatch[] {
    const found: TermMatch[] = [];
    let i = 0;
    let afterWord = false;
    while (i < text.length) {
      const word = wordAt(text, i);
      // Inside a word nothing can start: a term starting here would start with this letter or digit, and
      // a term is a whole token. Most places of a text are inside a word, so they cost no lookup.
      const match = afterWord && word ? null : this.matchAt(text, i);
      if (match) {
        found.push(match);
        i += match.length;
        afterWord = wordAt(text, i - 1);
      } else {
        i += 1;
        afterWord = word;
      }
    }
    return found;
  }

  private matchAt(text: string, index: number): TermMatch | null {
    const bucket = this.buckets.get(text[index].toLowerCase());
    if (!bucket) {
      return null;
    }
    const afterWord = isWordChar(text[index - 1]);
    for (const term of bucket) {
      const length = term.text.length;
      if (afterWord && isWordChar(term.text[0])) {
        return null;
      }
      // startsWith for an acronym: no copy of the text per term tried.
      const matches = term.exact
        ? text.startsWith(term.text, index)
        : index + length <= text.length && text.slice(index, index + length).toLowerCase() === term.text;
      if (!matches) {
        continue;
      }
      if (isWordChar(term.text[length - 1]) && isWordChar(text[index + length])) {
        continue;
      }
      const words =
        (term.when.length > 0 ? readingForNext(text, index + length, term.when) : null) ?? term.spoken;
      if (words === '') {
        continue; // a term read only in context, out of it here: a shorter term may still match
      }
      return { index, length, words };
    }
    return null;
  }
}
