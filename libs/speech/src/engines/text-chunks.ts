/** Google's limit on `input.text`, in UTF-8 bytes; content limits cannot be raised. */
export const GOOGLE_MAX_INPUT_BYTES = 5000;

const bytes = (s: string): number => Buffer.byteLength(s, 'utf8');

// A sentence ends at . ! ? … (with closing quotes or brackets) followed by a space or the end.
const SENTENCE_END = /(?<=[.!?…]+["”’»)\]]*)\s+/u;
// Inside a sentence that is too long: after a comma, semicolon or colon.
const CLAUSE_END = /(?<=[,;:])\s+/u;

/** Splits a piece that is too long at the next finer boundary (clauses, then words, then characters). */
type Level = 'sentence' | 'clause' | 'word' | 'char';
const FINER: Record<Exclude<Level, 'char'>, Level> = { sentence: 'clause', clause: 'word', word: 'char' };

function parts(text: string, level: Level): string[] {
  switch (level) {
    case 'sentence':
      return text.split(SENTENCE_END);
    case 'clause':
      return text.split(CLAUSE_END);
    case 'word':
      return text.split(/\s+/u);
    case 'char':
      return Array.from(text); // code points, so no character is cut in half
  }
}

function pack(text: string, level: Level, maxBytes: number, out: string[]): void {
  const separator = level === 'char' ? '' : ' ';
  let current = '';
  for (const part of parts(text, level).filter((p) => p !== '')) {
    const joined = current === '' ? part : current + separator + part;
    if (bytes(joined) <= maxBytes) {
      current = joined;
      continue;
    }
    if (current !== '') {
      out.push(current);
      current = '';
    }
    if (bytes(part) <= maxBytes) {
      current = part;
    } else if (level !== 'char') {
      pack(part, FINER[level], maxBytes, out);
    }
  }
  if (current !== '') {
    out.push(current);
  }
}

/**
 * Cuts text into Google requests of at most `maxBytes` UTF-8 bytes. The text is NFC-normalized first
 * (Vietnamese in NFD is about 20 % more bytes). Cuts fall at sentence ends and line breaks; a single
 * sentence longer than the limit is cut at commas, then at spaces. Requests are packed greedily, so
 * there are as few as the limit allows.
 */
export function chunkText(text: string, maxBytes = GOOGLE_MAX_INPUT_BYTES): string[] {
  const out: string[] = [];
  // Lines (paragraphs, headings without a full stop) are units of their own: a request boundary
  // may fall between them, and they are joined with a line break so a heading stays a pause.
  const lines = text
    .normalize('NFC')
    .split(/\s*\n\s*/u)
    .map((line) => line.replace(/\s+/gu, ' ').trim())
    .filter((line) => line !== '');
  let current = '';
  for (const line of lines) {
    const joined = current === '' ? line : `${current}\n${line}`;
    if (bytes(joined) <= maxBytes) {
      current = joined;
      continue;
    }
    if (current !== '') {
      out.push(current);
      current = '';
    }
    if (bytes(line) <= maxBytes) {
      current = line;
    } else {
      const pieces: string[] = [];
      pack(line, 'sentence', maxBytes, pieces);
      // The last piece of a long line may still share a request with the lines after it.
      out.push(...pieces.slice(0, -1));
      current = pieces[pieces.length - 1] ?? '';
    }
  }
  if (current !== '') {
    out.push(current);
  }
  return out;
}
