import { parseRoman, readInteger } from './numbers';

// Control characters other than the line break (a NUL cannot reach here: the API refuses it).
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000E-\u001F\u007F]/g;

/**
 * Rule 1, cleanup: NFC (Vietnamese typed on some systems arrives decomposed), invisible characters,
 * typographic quotes, dashes, markdown marks and spacing. Line breaks are kept for rule 2.
 */
export function cleanup(text: string): string {
  return (
    text
      .normalize('NFC')
      .replace(/\r\n?/g, '\n')
      // Zero-width characters, the BOM and soft hyphens are not read.
      .replace(/[\u200B-\u200D\u2060\uFEFF\u00AD]/g, '')
      .replace(/[\u00A0\u2000-\u200A\u202F\u205F\u3000\t\v\f]/g, ' ')
      .replace(CONTROL, '')
      .replace(/[“”„‟«»"‹›]/g, '')
      .replace(/[‘’‚‛`´]/g, "'")
      .replace(/[–—―−]/g, '-')
      .replace(/…/g, '...')
      // Markdown that converted documents carry: headings, emphasis, <autolinks>.
      .replace(/^[ ]*#{1,6}[ ]+/gm, '')
      .replace(/\*{2,}|_{2,}/g, '')
      // An address has no "<" (RFC 3986): stopping there keeps "<www.<www.…" from rescanning to the end.
      .replace(/<((?:https?:\/\/|www\.)[^<>\s]+)>/gi, '$1')
      .replace(/ {2,}/g, ' ')
      .replace(/^ +| +$/gm, '')
  );
}

// A "+" or "-" right before a digit is a sign or a country code ("+84 912…"), not a bullet.
const BULLET = /^[-+•*·◦▪●○■□➢►✓]+(?: +(?=\S)|(?=[^\s\d]))/u;
// I to XXXIX: a line starting "C." or "L." is an initial, not section 100 or 50.
const ROMAN_HEADING = /^([IVX]+) ?[.):-] +(?=\S)/u;
// "1, Hình thức" is a common slip for "1.".
const NUMBERED_HEADING = /^(\d{1,2}(?:\.\d{1,2})*)[.),] +(?=\p{L})/u;
const TERMINAL = /[.!?:;]$/u;

interface Line {
  text: string;
  /** A bullet or a heading: a new sentence starts here. */
  breakBefore: boolean;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Rule 2 on one line: bullets dropped, "II." → "Phần hai.", "1." → "Một.", "2.1." → "Hai chấm một.". */
function structureLine(raw: string): Line {
  let text = raw;
  let breakBefore = false;
  const bullet = BULLET.exec(text);
  if (bullet) {
    text = text.slice(bullet[0].length);
    breakBefore = true;
  }
  const roman = ROMAN_HEADING.exec(text);
  const value = roman ? parseRoman(roman[1]) : null;
  if (roman && value !== null) {
    return { text: `Phần ${readInteger(String(value))}. ${text.slice(roman[0].length)}`, breakBefore: true };
  }
  const numbered = NUMBERED_HEADING.exec(text);
  if (numbered) {
    const words = numbered[1]
      .split('.')
      .map((n) => readInteger(n))
      .join(' chấm ');
    return { text: `${capitalize(words)}. ${text.slice(numbered[0].length)}`, breakBefore: true };
  }
  return { text, breakBefore };
}

/**
 * Rule 2, structure: one logical line per sentence group. A line that goes on in lower case continues the
 * sentence of the line before (documents converted from PDF are hard-wrapped); a bullet, a heading or a
 * capital letter starts a new one, and the line before it gets a full stop if it had no closing mark,
 * so that every engine pauses there.
 */
export function structure(text: string): string {
  const out: string[] = [];
  for (const raw of text.split('\n')) {
    if (raw === '') {
      continue;
    }
    const line = structureLine(raw);
    const continues = !line.breakBefore && /^[\p{Ll}\p{N}(,]/u.test(line.text) && out.length > 0;
    if (continues) {
      out[out.length - 1] += ` ${line.text}`;
    } else {
      if (out.length > 0 && !TERMINAL.test(out[out.length - 1])) {
        out[out.length - 1] += '.';
      }
      out.push(line.text);
    }
  }
  return out.join('\n');
}
