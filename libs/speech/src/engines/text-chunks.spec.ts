import { chunkText, GOOGLE_MAX_INPUT_BYTES } from './text-chunks';

const bytes = (s: string): number => Buffer.byteLength(s, 'utf8');
const SENTENCE = 'Ủy ban nhân dân phường tổ chức tuyên truyền cải cách hành chính tại bộ phận một cửa.';

describe('chunkText', () => {
  it('keeps a short text in one request, NFC', () => {
    const nfd = SENTENCE.normalize('NFD');
    expect(bytes(nfd)).toBeGreaterThan(bytes(SENTENCE));
    expect(chunkText(nfd)).toEqual([SENTENCE]);
  });

  it('cuts at sentence ends into requests of at most 5,000 UTF-8 bytes, packed greedily', () => {
    const text = Array.from({ length: 120 }, (_, i) => `Câu số ${i + 1}: ${SENTENCE}`).join(' ');
    const chunks = chunkText(text);
    expect(chunks.length).toBeGreaterThan(1);
    for (const chunk of chunks) {
      expect(bytes(chunk)).toBeLessThanOrEqual(GOOGLE_MAX_INPUT_BYTES);
      expect(chunk).toMatch(/^Câu số \d+: /);
      expect(chunk).toMatch(/một cửa\.$/);
    }
    // Greedy: no request could have taken the next sentence too.
    for (let i = 0; i < chunks.length - 1; i++) {
      const nextSentence = /^.*?một cửa\./.exec(chunks[i + 1])![0];
      expect(bytes(`${chunks[i]} ${nextSentence}`)).toBeGreaterThan(GOOGLE_MAX_INPUT_BYTES);
    }
    expect(chunks.join(' ')).toBe(text);
  });

  it('cuts a sentence longer than the limit at commas, then at spaces', () => {
    const clause = 'cán bộ, công chức hướng dẫn người dân nộp hồ sơ trực tuyến';
    const longSentence = Array.from({ length: 40 }, () => clause).join(', ') + '.';
    const chunks = chunkText(longSentence, 500);
    expect(chunks.length).toBeGreaterThan(1);
    for (const chunk of chunks.slice(0, -1)) {
      expect(bytes(chunk)).toBeLessThanOrEqual(500);
      expect(chunk).toMatch(/,$/); // ends at a comma
    }
    const words = Array.from({ length: 300 }, () => 'truyền').join(' ');
    const byWords = chunkText(words, 100);
    for (const chunk of byWords) {
      expect(bytes(chunk)).toBeLessThanOrEqual(100);
      expect(chunk).toMatch(/^truyền( truyền)*$/);
    }
    expect(byWords.join(' ')).toBe(words);
  });

  it('never cuts a character in half, even in a word longer than the limit', () => {
    const chunks = chunkText('ệ'.repeat(50), 10); // 3 bytes each
    expect(chunks.every((c) => bytes(c) <= 10 && /^ệ+$/.test(c))).toBe(true);
    expect(chunks.join('')).toBe('ệ'.repeat(50));
  });

  it('treats line breaks as boundaries and keeps them', () => {
    expect(chunkText('KẾT QUẢ ĐẠT ĐƯỢC\n\n  Năm nay   đạt kế hoạch.  ')).toEqual([
      'KẾT QUẢ ĐẠT ĐƯỢC\nNăm nay đạt kế hoạch.',
    ]);
    const lines = chunkText('Dòng một\nDòng hai', bytes('Dòng một'));
    expect(lines).toEqual(['Dòng một', 'Dòng hai']);
  });

  it('returns nothing for blank text', () => {
    expect(chunkText(' \n\t ')).toEqual([]);
  });
});
