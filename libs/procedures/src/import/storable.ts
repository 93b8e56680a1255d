import { QUOTED_CHARS } from './limits';

// PostgreSQL's text and jsonb refuse NUL, and JSON text refuses a lone UTF-16 surrogate: a value
// holding one is refused with the row's error before it reaches the database (else 5xx at write time,
// and a dry run that said "create").
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Why a text cannot be stored, or null when it can. */
export function unstorable(value: string): string | null {
  if (value.includes('\u0000')) {
    return 'có ký tự NUL (\\u0000, hay _x0000_ trong Excel)';
  }
  if (LONE_SURROGATE.test(value)) {
    return 'có ký tự hỏng (nửa cặp UTF-16, ví dụ \\ud800)';
  }
  return null;
}

/** The first unstorable string in a value (an import row's field: text, or lists of objects). */
export function firstUnstorable(value: unknown, depth = 0): string | null {
  if (typeof value === 'string') {
    return unstorable(value);
  }
  if (value && typeof value === 'object' && depth < 8) {
    for (const inner of Object.values(value)) {
      const why = firstUnstorable(inner, depth + 1);
      if (why) {
        return why;
      }
    }
  }
  return null;
}

/** A text made safe to show and to store (NUL and lone surrogates become U+FFFD). */
export function displayable(value: string): string {
  // eslint-disable-next-line no-control-regex
  return value.replace(/\u0000/g, '\uFFFD').replace(new RegExp(LONE_SURROGATE, 'g'), '\uFFFD');
}

/** A cell quoted back in a message: shown safely, and cut short (a cell may hold 20,000 characters). */
export function quoted(value: string): string {
  const safe = displayable(value);
  if (safe.length <= QUOTED_CHARS) {
    return `"${safe}"`;
  }
  // Not cut between the two halves of a pair (that would make the very character refused above).
  const end = /[\uD800-\uDBFF]/.test(safe[QUOTED_CHARS - 1]) ? QUOTED_CHARS - 1 : QUOTED_CHARS;
  return `"${safe.slice(0, end)}…"`;
}
