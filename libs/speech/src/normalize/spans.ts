/** A piece of the text: `spoken` once a rule has turned it into the words to say, raw until then. */
interface Span {
  text: string;
  spoken: boolean;
}

const WORD_CHAR = /[\p{L}\p{N}]/u;

/** A stretch of a raw piece and the words that replace it. */
export interface Found {
  index: number;
  length: number;
  words: string;
}

/**
 * The text being normalized, as raw and spoken pieces. Each rule rewrites only raw pieces, so what one
 * rule has said ("hai mươi lăm") is never read again by a later one, and a later rule cannot undo it.
 */
export class Spans {
  private spans: Span[];

  constructor(text: string) {
    this.spans = [{ text, spoken: false }];
  }

  /**
   * Replaces matches of `pattern` (flags g and u) in the raw pieces by what `say` returns; a null keeps
   * the match raw for later rules. A piece without `needs` (text, or a non-global pattern, that every
   * match holds: "@", a digit) is not searched: most pieces of a text have no digit, and a pattern that
   * starts with a lookbehind is tried at every place of a piece, which costs more than one test.
   */
  rewrite(pattern: RegExp, say: (match: RegExpExecArray) => string | null, needs?: string | RegExp): void {
    this.rewriteWith((text) => {
      const found: Found[] = [];
      if (needs !== undefined && !(typeof needs === 'string' ? text.includes(needs) : needs.test(text))) {
        return found;
      }
      // exec on the one pattern, not matchAll: matchAll clones the expression for every piece, and a text
      // of many short numbers or abbreviations is tens of thousands of pieces per rule.
      pattern.lastIndex = 0;
      for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
        if (match[0] === '') {
          pattern.lastIndex += 1; // as matchAll does, so that an empty match cannot loop
        }
        const words = say(match);
        if (words !== null) {
          found.push({ index: match.index, length: match[0].length, words });
        }
      }
      return found;
    });
  }

  /** Replaces what `find` reports in each raw piece (in order, not overlapping) by its words. */
  rewriteWith(find: (text: string) => Found[]): void {
    const out: Span[] = [];
    for (const span of this.spans) {
      // Every rule reads a letter or a digit (a lexicon term holds one too), so a piece of only spaces and
      // marks, the ", " between two abbreviations, is passed over rather than searched by each rule.
      if (span.spoken || !WORD_CHAR.test(span.text)) {
        out.push(span);
        continue;
      }
      let last = 0;
      for (const { index, length, words } of find(span.text)) {
        if (index > last) {
          out.push({ text: span.text.slice(last, index), spoken: false });
        }
        out.push({ text: words, spoken: true });
        last = index + length;
      }
      if (last === 0) {
        out.push(span);
      } else if (last < span.text.length) {
        out.push({ text: span.text.slice(last), spoken: false });
      }
    }
    this.spans = out;
  }

  /** Edits the raw pieces in place (symbols, spacing); spoken pieces are left alone. */
  editRaw(edit: (text: string) => string): void {
    for (const span of this.spans) {
      if (!span.spoken) {
        span.text = edit(span.text);
      }
    }
  }

  /** The whole text; a space is put between two pieces that would otherwise run words together. */
  toString(): string {
    const parts: string[] = [];
    let last = '';
    for (const span of this.spans) {
      if (span.text === '') {
        continue;
      }
      // Only the last character is tested: a `$` pattern on the growing text would make this quadratic.
      if (WORD_CHAR.test(last) && WORD_CHAR.test(span.text[0])) {
        parts.push(' ');
      }
      parts.push(span.text);
      last = span.text[span.text.length - 1];
    }
    return parts.join('');
  }
}
