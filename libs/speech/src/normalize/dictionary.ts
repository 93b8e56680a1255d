/** One entry of a unit's lexicon: how to say `term`. */
export interface LexiconEntry {
  term: string;
  spoken: string;
}

const WORDY = /[\p{L}\p{N}]/u;

function escape(text: string): string {
  // '-' stays as it is: in a `u` pattern an escaped '-' outside a class is a syntax error.
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
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

/**
 * Terms and their spoken form, matched longest first in one pass. A term is a whole token: not part of a
 * longer word or number (`\b` cannot be used: it is ASCII-only and fails next to Đ or Ư).
 */
export class Dictionary {
  private readonly exact = new Map<string, string>();
  private readonly folded = new Map<string, string>();
  readonly pattern: RegExp | null;

  /** Later lists win over earlier ones on the same term. */
  constructor(...lists: readonly (readonly LexiconEntry[])[]) {
    for (const list of lists) {
      for (const { term, spoken } of list) {
        if (isExactTerm(term)) {
          this.exact.set(term, spoken);
        } else {
          this.folded.set(term.toLowerCase(), spoken);
        }
      }
    }
    const terms = [...this.exact.keys(), ...this.folded.keys()].sort((a, b) => b.length - a.length);
    this.pattern =
      terms.length === 0
        ? null
        : new RegExp(
            terms
              .map((t) => {
                const start = WORDY.test(t[0]) ? '(?<![\\p{L}\\p{N}])' : '';
                const end = WORDY.test(t[t.length - 1]) ? '(?![\\p{L}\\p{N}])' : '';
                return `${start}${escape(t)}${end}`;
              })
              .join('|'),
            'giu',
          );
  }

  /** The spoken form of `text` as written, if a term covers it. */
  lookup(text: string): string | null {
    return this.exact.get(text) ?? this.folded.get(text.toLowerCase()) ?? null;
  }
}
