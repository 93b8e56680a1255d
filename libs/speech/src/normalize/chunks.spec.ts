import { chunkForSynthesis, GOOGLE_MAX_BYTES } from './chunks';
import { normalizeForSpeech } from './normalize';

const bytes = (t: string) => Buffer.byteLength(t, 'utf8');

describe('chunkForSynthesis', () => {
  const sentence = 'Ủy ban nhân dân xã đã ban hành kế hoạch tuyên truyền cải cách hành chính.';

  it('keeps a short text whole', () => {
    expect(chunkForSynthesis(sentence)).toEqual([sentence]);
  });

  it('packs whole sentences into pieces within the byte limit, in order, losing nothing', () => {
    const text = Array.from({ length: 200 }, (_, i) => `Mục ${i + 1}: ${sentence}`).join(' ');
    const chunks = chunkForSynthesis(normalizeForSpeech(text));
    expect(chunks.length).toBeGreaterThan(1);
    for (const chunk of chunks) {
      expect(bytes(chunk)).toBeLessThanOrEqual(GOOGLE_MAX_BYTES);
      expect(chunk).toMatch(/\.$/);
    }
    expect(chunks.join(' ')).toBe(normalizeForSpeech(text));
  });

  it('counts bytes of NFC text: Vietnamese letters are two or three bytes', () => {
    const chunks = chunkForSynthesis(`${sentence} ${sentence}`.normalize('NFD'), bytes(sentence) + 1);
    expect(chunks).toEqual([sentence, sentence]);
  });

  it('cuts an over-long sentence at a comma, else between words, never inside one', () => {
    const long = Array.from({ length: 40 }, () => 'cán bộ công chức').join(', ');
    const chunks = chunkForSynthesis(long, 100);
    for (const chunk of chunks) {
      expect(bytes(chunk)).toBeLessThanOrEqual(100);
      expect(chunk).toMatch(/^cán bộ công chức/);
    }
    expect(chunks.join(' ')).toBe(long);
    const words = chunkForSynthesis('một hai ba bốn năm sáu bảy tám chín mười', 12);
    expect(words.join(' ')).toBe('một hai ba bốn năm sáu bảy tám chín mười');
    expect(words.every((w) => bytes(w) <= 12)).toBe(true);
  });
});
