import { NORMALIZE_TEXT_MAX } from '../speech.dto';
import { normalizeForSpeech } from './normalize';

/**
 * Texts an attacker (or a broken paste) can send to POST /speech/normalize, at the largest size the
 * endpoint accepts. Before issue 13 some of them held the event loop for seconds ("1." × 49,000: 4.3 s,
 * and quadratic: twice the text, four times the wait). The figures are bench/normalize.ts's; here each
 * text must give its exact words, and well under a second even on a loaded machine (a linear normalizer
 * takes tens of milliseconds; the quadratic one took seconds on every one of the first five).
 */
const CEILING_MS = 2000;

function timed(text: string): { words: string; ms: number } {
  const start = performance.now();
  const words = normalizeForSpeech(text);
  return { words, ms: performance.now() - start };
}

const times = (word: string, n: number, separator: string): string => Array(n).fill(word).join(separator);

describe('normalizeForSpeech on hostile texts of the largest accepted size', () => {
  it('"1." repeated 49,000 times (the report) is one dotted code, said part by part', () => {
    const { words, ms } = timed('1.'.repeat(49_000));
    expect(words).toBe(`${times('một', 49_000, ' chấm ')}.`);
    expect(ms).toBeLessThan(CEILING_MS);
  });

  it('a run of dots gives nothing to say', () => {
    const { words, ms } = timed('.'.repeat(NORMALIZE_TEXT_MAX));
    expect(words).toBe('');
    expect(ms).toBeLessThan(CEILING_MS);
  });

  it('a text without spaces made of address characters ("a.b%c-…") is one address when "@" ends it', () => {
    const { words, ms } = timed(`${'a.b%c-'.repeat(16_000)}x@mail.com`);
    expect(words).toBe(`${times('a chấm bê xê gạch ngang', 16_000, ' ')} ích a còng meo chấm com`);
    expect(ms).toBeLessThan(CEILING_MS);
  });

  it('the same without "@" is no address', () => {
    const { words, ms } = timed('a.b%c-'.repeat(16_000));
    expect(words).toBe(times('a. b c', 16_000, ' '));
    expect(ms).toBeLessThan(CEILING_MS);
  });

  it('a long local part before "@" is still read as an address', () => {
    const { words, ms } = timed(`${'ab.'.repeat(33_000)}x@mail.com`);
    expect(words).toBe(`${times('a bê', 33_000, ' chấm ')} chấm ích a còng meo chấm com`);
    expect(ms).toBeLessThan(CEILING_MS);
  });

  it('unclosed <www. autolinks are left as text', () => {
    const { words, ms } = timed('<www.'.repeat(NORMALIZE_TEXT_MAX / 5));
    expect(words).toBe(`${times('www.', NORMALIZE_TEXT_MAX / 5, ' ')}`);
    expect(ms).toBeLessThan(CEILING_MS);
  });

  it('ellipses without a space after them end their sentence once', () => {
    const { words, ms } = timed(`${'Họp...'.repeat(16_000)} để bàn`);
    expect(words).toBe(`${times('Họp.', 15_999, ' ')} Họp, để bàn`);
    expect(ms).toBeLessThan(CEILING_MS);
  });

  it('"1. " repeated, a long digit run, many abbreviations and one long word keep their words', () => {
    const list = timed('1. '.repeat(33_333));
    expect(list.words).toBe(`${times('một', 33_333, '. ')}.`);
    const digits = timed('7'.repeat(NORMALIZE_TEXT_MAX));
    expect(digits.words).toBe(times('bảy', NORMALIZE_TEXT_MAX, ' '));
    const abbreviations = timed('UBND, HĐND, TP.HCM v/v '.repeat(4_300));
    expect(abbreviations.words).toBe(
      times('Ủy ban nhân dân, Hội đồng nhân dân, Thành phố Hồ Chí Minh về việc', 4_300, ' '),
    );
    const word = timed('a'.repeat(NORMALIZE_TEXT_MAX));
    expect(word.words).toBe('a'.repeat(NORMALIZE_TEXT_MAX));
    for (const { ms } of [list, digits, abbreviations, word]) {
      expect(ms).toBeLessThan(CEILING_MS);
    }
  });
});
