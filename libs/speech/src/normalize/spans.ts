/** A piece of the text: `spoken` once a rule has turned it into the words to say, raw until then. */
interface Span {
  text: string;
  spoken: boolean;
}

const WORD_END = /[\p{L}\p{N}]$/u;
const WORD_START = /^[\p{L}\p{N}]/u;

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
   * the match raw for later rules.
   */
  rewrite(pattern: RegExp, say: (match: RegExpExecArray) => string | null): void {
    const out: Span[] = [];
    for (const span of this.spans) {
      if (span.spoken) {
        out.push(span);
        continue;
      }
      let last = 0;
      for (const match of span.text.matchAll(pattern)) {
        const words = say(match);
        if (words === null) {
          continue;
        }
        if (match.index > last) {
          out.push({ text: span.text.slice(last, match.index), spoken: false });
        }
        out.push({ text: words, spoken: true });
        last = match.index + match[0].length;
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
    let text = '';
    for (const span of this.spans) {
      if (span.text === '') {
        continue;
      }
      if (WORD_END.test(text) && WORD_START.test(span.text)) {
        text += ' ';
      }
      text += span.text;
    }
    return text;
  }
}
