/** Google Cloud Text-to-Speech takes at most 5,000 bytes of text per request (tts-audio.md §1.2). */
export const GOOGLE_MAX_BYTES = 5000;

const bytes = (text: string): number => Buffer.byteLength(text, 'utf8');

/** Pieces of at most `maxBytes`, cut after the last separator that fits (a word is never cut). */
function cut(text: string, maxBytes: number, separator: RegExp): string[] {
  const parts = text.split(separator).filter((p) => p !== '');
  const out: string[] = [];
  let current = '';
  for (const part of parts) {
    const next = current === '' ? part : `${current}${part}`;
    if (bytes(next.trim()) <= maxBytes) {
      current = next;
    } else {
      if (current.trim() !== '') {
        out.push(current.trim());
      }
      current = part;
    }
  }
  if (current.trim() !== '') {
    out.push(current.trim());
  }
  return out;
}

/**
 * Rule 11, chunking for an engine with a request limit: normalized text packed into pieces of at most
 * `maxBytes` UTF-8 bytes (NFC: decomposed Vietnamese is 20 % bigger), whole sentences first. Only a
 * sentence longer than the limit is cut, at a comma, semicolon or colon, else between words.
 */
export function chunkForSynthesis(text: string, maxBytes = GOOGLE_MAX_BYTES): string[] {
  const sentences = text
    .normalize('NFC')
    .split(/(?<=[.!?])\s+|\n+/u)
    .map((s) => s.trim())
    .filter((s) => s !== '')
    .flatMap((s) => {
      if (bytes(s) <= maxBytes) {
        return [s];
      }
      return cut(s, maxBytes, /(?<=[,;:])(?= )/u).flatMap((p) =>
        bytes(p) <= maxBytes ? [p] : cut(p, maxBytes, /(?= )/u),
      );
    });
  const chunks: string[] = [];
  let current = '';
  for (const sentence of sentences) {
    const next = current === '' ? sentence : `${current} ${sentence}`;
    if (bytes(next) <= maxBytes) {
      current = next;
    } else {
      chunks.push(current);
      current = sentence;
    }
  }
  if (current !== '') {
    chunks.push(current);
  }
  return chunks;
}
