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

  it('symbols, rates, phones and acronyms after their words, repeated, keep their words', () => {
    const symbols = timed('59/KH-UBND '.repeat(4_545));
    // The issuer is said once: every later symbol has it in its sentence already.
    expect(symbols.words).toBe(
      `kế hoạch số năm mươi chín của Ủy ban nhân dân ${times('kế hoạch số năm mươi chín', 4_544, ' ')}`,
    );
    const rates = timed('5 người/ngày '.repeat(3_846));
    expect(rates.words).toBe(times('năm người một ngày', 3_846, ' '));
    const slashes = timed('a/'.repeat(NORMALIZE_TEXT_MAX / 2));
    expect(slashes.words).toBe(`${times('a', NORMALIZE_TEXT_MAX / 2, ', ')}.`);
    const phones = timed('(0220) 3851234, '.repeat(3_125));
    expect(phones.words).toBe(`${times('không hai hai không, ba tám năm, một hai ba bốn', 3_125, ', ')}.`);
    const acronyms = timed('cải cách hành chính (CCHC) '.repeat(1_851));
    expect(acronyms.words).toBe(times('cải cách hành chính', 1_851, ' '));
    const parentheses = timed('(AB)'.repeat(NORMALIZE_TEXT_MAX / 4));
    expect(parentheses.words).toBe(`${times('AB', NORMALIZE_TEXT_MAX / 4, ', ')}.`);
    for (const { ms } of [symbols, rates, slashes, phones, acronyms, parentheses]) {
      expect(ms).toBeLessThan(CEILING_MS);
    }
  });
});
