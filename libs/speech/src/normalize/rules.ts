import { sayAddress } from './address-words';
import { Dictionary } from './dictionary';
import { sayDocumentSymbol } from './document-codes';
import { acronymLetters, spelledBefore } from './initials';
import { LETTERS } from './letters';
import { OddWord, parseRoman, readDecimal, readDigits, readInteger, readMonth, readOrdinal } from './numbers';
import { Spans } from './spans';

// `\b` is ASCII-only in JS and fails next to Đ or Ư: token edges are Unicode lookarounds (tts-audio.md §4.3).
const NB = '(?<![\\p{L}\\p{N}])';
const NA = '(?![\\p{L}\\p{N}])';
/** A quantity as written in Vietnamese: "." groups thousands, "," starts the decimals. */
const NUM = '(?:\\d{1,3}(?:\\.\\d{3})+(?:,\\d+)?|\\d+(?:,\\d+)?)';

const re = (source: string): RegExp => new RegExp(source, 'gu');
/** What every number-reading rule needs in a piece before it is worth searching. */
const DIGIT = /\d/;

/** "6.694" → "sáu nghìn sáu trăm chín mươi tư"; "98,5" → "chín mươi tám phẩy năm". */
export function readQuantity(text: string, odd: OddWord = 'linh'): string {
  const [integral, fraction] = text.replace(/\./g, '').split(',');
  return fraction === undefined ? readInteger(integral, odd) : readDecimal(integral, fraction, odd);
}

// --- A term and its acronym --------------------------------------------------------------------------

const ACRONYM_IN_PARENTHESES = /\( ?(\p{L}[\p{L}&-]{1,15}) ?\)/gu;

/**
 * Rule 4b (after the symbols, which look for their issuer around them): "cải cách hành chính (CCHC)"
 * says the term once. A parenthesised acronym is left out when the words just before it are the ones
 * it shortens (initials without marks, Đ as D: "Hội đồng nhân dân (HĐND)"); any other parenthesis
 * ("(CCHC)" alone, "(Kèm theo …)") is read as before.
 */
export function acronymsAfterTheirTerm(spans: Spans): void {
  spans.rewrite(
    ACRONYM_IN_PARENTHESES,
    (m) => {
      const letters = acronymLetters(m[1]);
      return letters !== null && spelledBefore(m.input, m.index, letters) ? '' : null;
    },
    '(',
  );
}

// --- URLs and e-mail ---------------------------------------------------------------------------------

/**
 * Where an address may start: where it always could (not after a letter or digit), but only at the first
 * such place of a run of address characters. Every later start in the run scans to the same end and meets
 * the same "@", so it cannot match where the first one failed; trying each of them made "1.1.1…" (a start
 * after every dot) scan the rest of the run again and again, quadratic in its length. The second branch
 * keeps the one case where the run's first character is not a start (after a letter outside ASCII,
 * "Nguyễn.van@…"): the first start is then just after the run's first symbol.
 */
const EMAIL_START = '(?:(?<![\\p{L}\\p{N}._%+-])|(?<=(?![A-Za-z0-9])[\\p{L}\\p{N}][A-Za-z0-9]*[._%+-]))';
const EMAIL = re(
  `${EMAIL_START}([A-Za-z0-9._%+-]+)@([A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,})${NA}`,
);
const URL =
  /(?:https?:\/\/|(?<![\p{L}\p{N}@.])www\.)[^\s<>()]*[^\s<>().,;:!?'"]|(?<![\p{L}\p{N}@./-])(?:[a-z0-9-]+\.)+(?:vn|com|net|org|gov|edu|info)(?:\/[^\s<>()]*[^\s<>().,;:!?'"])?(?![\p{L}\p{N}])/gu;

/** Text every address above holds: its scheme, "www." or a dot before a known top-level domain. */
const URL_NEEDS = /https?:\/\/|www\.|\.(?:vn|com|net|org|gov|edu|info)/;

function sayHost(host: string, dictionary: Dictionary): string {
  const bare = host.toLowerCase().replace(/^www\./, '');
  const own = dictionary.lookup(host) ?? dictionary.lookup(bare);
  if (own !== null) {
    return own;
  }
  return sayAddress(bare);
}

/**
 * Rule 3: a web address is said as its host ("dich vu cong chấm gốp chấm vê en"), or as the unit's lexicon
 * says; an e-mail address as its local part, "a còng" and its host. Their words are said so that they
 * can be written down (address-words.ts): syllables where they read as Vietnamese, letters spelt where not.
 */
export function web(spans: Spans, dictionary: Dictionary): void {
  spans.rewrite(
    EMAIL,
    (m) => {
      return `${sayAddress(m[1])} a còng ${sayHost(m[2], dictionary)}`;
    },
    '@',
  );
  spans.rewrite(
    URL,
    (m) => {
      const host = m[0].replace(/^https?:\/\//i, '').split(/[/?#:]/)[0];
      return sayHost(host, dictionary);
    },
    URL_NEEDS,
  );
}

// --- Document codes ----------------------------------------------------------------------------------

const SUFFIX = '[A-ZĐ][A-ZĐa-zđ0-9&]*(?: ?- ?[A-ZĐ][A-ZĐa-zđ0-9&]*)*';
const CODE = re(`${NB}(\\d{1,6}) ?(?:\\/ ?(\\d{4}) ?)?\\/ ?(${SUFFIX})${NA}`);
const PARTY_CODE = re(`${NB}(\\d{1,6})-([A-ZĐ]{1,6})\\/([A-ZĐ][A-ZĐa-zđ]*)${NA}`);
const BLANK_CODE = re(`([Ss]ố:?) ?\\/(?: ?${SUFFIX}${NA})?`);

/**
 * Rule 4: a document symbol says its number, its year, its kind and its issuer: "theo 59/KH-UBND" →
 * "theo kế hoạch số năm mươi chín của Ủy ban nhân dân", "Nghị định 30/2020/NĐ-CP" → "Nghị định ba mươi
 * năm hai nghìn không trăm hai mươi của Chính phủ", without repeating the kind or the issuer the
 * sentence already names (document-codes.ts).
 */
export function documentCodes(spans: Spans, dictionary: Dictionary): void {
  spans.rewrite(
    CODE,
    (m) =>
      sayDocumentSymbol(
        {
          number: m[1],
          year: m[2],
          parts: m[3].split(/ ?- ?/),
          text: m.input,
          index: m.index,
          end: m.index + m[0].length,
        },
        dictionary,
      ),
    DIGIT,
  );
  spans.rewrite(
    PARTY_CODE,
    (m) =>
      sayDocumentSymbol(
        { number: m[1], parts: [m[2], m[3]], text: m.input, index: m.index, end: m.index + m[0].length },
        dictionary,
      ),
    DIGIT,
  );
  // A template's blank number ("số      /BC-UBND") says just "số".
  spans.rewrite(BLANK_CODE, (m) => m[1]);
}

/** Rule 5: the unit's lexicon and the built-in abbreviations, longest term first. */
export function abbreviations(spans: Spans, dictionary: Dictionary): void {
  if (dictionary.size > 0) {
    spans.rewriteWith((text) => dictionary.find(text));
  }
}

// --- Dates -------------------------------------------------------------------------------------------

const validDay = (d: string) => Number(d) >= 1 && Number(d) <= 31;
const validMonth = (m: string) => Number(m) >= 1 && Number(m) <= 12;
const DAY_WORD = '([Nn]gày|[Mm]ùng)';

const DATE_RANGE = re(
  `${NB}(?:${DAY_WORD} )?(\\d{1,2}) ?- ?(\\d{1,2})\\/(\\d{1,2})(?:\\/(\\d{4}))?(?![\\p{N}]|[/.]\\p{N})`,
);
const DATE = re(`${NB}(?:${DAY_WORD} )?(\\d{1,2})([/.-])(\\d{1,2})\\3(\\d{4})(?![\\p{N}]|[/.-]\\p{N})`);
const BLANK_DAY = re(`${DAY_WORD} ?\\/(\\d{1,2})\\/(\\d{4})(?![\\p{N}])`);
const DAY_MONTH = re(`${DAY_WORD} (\\d{1,2})[/.](\\d{1,2})(?![\\p{N}]|[/.]\\p{N})`);
/**
 * "từ 15/3 đến 20/3", "trước 30/6": a day and a month after a word of time, without "ngày" (elsewhere a
 * bare "2/3 số hộ" is a count).
 */
const WHEN_DAY_MONTH = re(
  `${NB}((?:[Tt]ừ|đến|hết|[Tt]rước|[Ss]au|[Ss]áng|[Cc]hiều|[Tt]ối|[Tt]rưa|[Đđ]êm|hôm)) (\\d{1,2})[/.](\\d{1,2})(?![\\p{N}]|[/.]\\p{N})`,
);
const MONTH_YEAR = re(`([Tt]háng) (\\d{1,2})[/.-](\\d{4})(?![\\p{N}])`);
const MONTH = re(`([Tt]háng) (\\d{1,2})(?![\\p{N}]|[.,/]\\p{N})`);
const ORDINAL = re(`([Tt]hứ) (\\d{1,2})(?![\\p{N}]|[.,]\\p{N})`);
// I, V and X only: "mục C" is an item letter, not a hundred.
const ROMAN_AFTER = re(
  `((?:[Ll]ần )?[Tt]hứ|[Kk]hóa|[Kk]hoá|[Kk]ỳ|[Đđ]ại hội|[Pp]hần|[Cc]hương|[Mm]ục|[Qq]uý|[Tt]hế kỷ|[Tt]ập) ([IVX]+)(?:\\/(\\d{4}))?${NA}`,
);
/** "Quý 3/2024", "quý 1.2025": a quarter and its year. */
const QUARTER_YEAR = re(`([Qq]uý) ([1-4])[/.-](\\d{4})(?![\\p{N}])`);

const year = (y: string | undefined) => (y ? ` năm ${readInteger(y)}` : '');

/**
 * Rule 6: "ngày 04/01/2022" → "ngày bốn tháng một năm hai nghìn không trăm hai mươi hai" (also with "-"
 * and "."; an existing "ngày" is not doubled), "tháng 12/2023", "ngày 25-26/12", "tháng 4" → "tháng tư",
 * "thứ 4" → "thứ tư", "lần thứ XIV" → "lần thứ mười bốn", "Quý III/2024" (or "Quý 3/2024") → "Quý ba năm
 * hai nghìn không trăm hai mươi tư".
 */
export function dates(spans: Spans): void {
  spans.rewrite(
    DATE_RANGE,
    (m) => {
      const [, word, from, to, month, y] = m;
      if (!validDay(from) || !validDay(to) || !validMonth(month)) {
        return null;
      }
      return `${word ?? 'ngày'} ${readInteger(from)} đến ${readInteger(to)} tháng ${readMonth(Number(month))}${year(y)}`;
    },
    DIGIT,
  );
  spans.rewrite(
    DATE,
    (m) => {
      const [, word, day, , month, y] = m;
      if (!validDay(day) || !validMonth(month)) {
        return null;
      }
      return `${word ?? 'ngày'} ${readInteger(day)} tháng ${readMonth(Number(month))}${year(y)}`;
    },
    DIGIT,
  );
  // A template's blank day ("ngày     /12/2023").
  spans.rewrite(
    BLANK_DAY,
    (m) => (validMonth(m[2]) ? `${m[1]} tháng ${readMonth(Number(m[2]))}${year(m[3])}` : null),
    DIGIT,
  );
  spans.rewrite(
    DAY_MONTH,
    (m) =>
      validDay(m[2]) && validMonth(m[3])
        ? `${m[1]} ${readInteger(m[2])} tháng ${readMonth(Number(m[3]))}`
        : null,
    DIGIT,
  );
  spans.rewrite(
    WHEN_DAY_MONTH,
    (m) =>
      validDay(m[2]) && validMonth(m[3])
        ? `${m[1]} ngày ${readInteger(m[2])} tháng ${readMonth(Number(m[3]))}`
        : null,
    DIGIT,
  );
  spans.rewrite(
    MONTH_YEAR,
    (m) => (validMonth(m[2]) ? `${m[1]} ${readMonth(Number(m[2]))}${year(m[3])}` : null),
    DIGIT,
  );
  spans.rewrite(MONTH, (m) => (validMonth(m[2]) ? `${m[1]} ${readMonth(Number(m[2]))}` : null), DIGIT);
  spans.rewrite(ORDINAL, (m) => `${m[1]} ${readOrdinal(Number(m[2]))}`, DIGIT);
  spans.rewrite(ROMAN_AFTER, (m) => {
    const value = parseRoman(m[2]);
    if (value === null) {
      return null;
    }
    return `${m[1]} ${/hứ$/.test(m[1]) ? readOrdinal(value) : readInteger(String(value))}${year(m[3])}`;
  });
  spans.rewrite(QUARTER_YEAR, (m) => `${m[1]} ${readInteger(m[2])}${year(m[3])}`, DIGIT);
}

// --- Times -------------------------------------------------------------------------------------------

// "6h30", "7h", "6g30" (g needs minutes: "5g" is five grams), "17:00", "17:00:15".
const T = '(\\d{1,2})(?:h(\\d{1,2})?|g(\\d{2})|:(\\d{2})(?::(\\d{2}))?)';
const TIME = re(`${NB}${T}(?: ?- ?${T})?${NA}`);
/** "14 giờ 00", "7 giờ 30" (minutes without "phút" after them). */
const TIME_IN_WORDS = re(`${NB}(\\d{1,2}) giờ (\\d{2})${NA}(?! ?phút)`);

function sayTime(groups: (string | undefined)[]): string | null {
  const [hour, m1, m2, m3, seconds] = groups;
  if (hour === undefined) {
    return null;
  }
  const minutes = m1 ?? m2 ?? m3;
  if (Number(hour) > 24 || Number(minutes ?? 0) > 59 || Number(seconds ?? 0) > 59) {
    return null;
  }
  let words = `${readInteger(hour)} giờ`;
  if (minutes !== undefined && Number(minutes) > 0) {
    words += ` ${readInteger(minutes)} phút`;
  }
  if (seconds !== undefined && Number(seconds) > 0) {
    words += ` ${readInteger(seconds)} giây`;
  }
  return words;
}

/**
 * Rule 7: "6h30" → "sáu giờ ba mươi phút", "17:00" → "mười bảy giờ", "7h30 - 11h" → "… đến …", and
 * "14 giờ 00" → "mười bốn giờ" (no "không" for the minutes of a full hour).
 */
export function times(spans: Spans): void {
  spans.rewrite(
    TIME,
    (m) => {
      const from = sayTime(m.slice(1, 6));
      if (from === null) {
        return null;
      }
      if (m[6] === undefined) {
        return from;
      }
      const to = sayTime(m.slice(6, 11));
      return to === null ? null : `${from} đến ${to}`;
    },
    DIGIT,
  );
  spans.rewrite(TIME_IN_WORDS, (m) => sayTime([m[1], m[2]]), DIGIT);
}

// --- Rates ------------------------------------------------------------------------------------------

/** Units written bare after a rate's "/" ("km/h"); other words after it are said as they are. */
const PER_UNITS: Record<string, string> = { h: 'giờ', ha: 'héc ta', km: 'ki lô mét', kg: 'ki lô gam' };
/**
 * "/" in a rate: after an amount ("50.000 đồng/", "1,5 triệu đồng/", "120 người/", "60km/", "10 m2/") or
 * a unit of money or measure, and before a word in lower case or a unit ("hồ sơ", "ngày", "h", "m2").
 * The pattern starts at the "/" and looks back from it, so it is tried only where a "/" is, and the look
 * back stops at a space or a digit; dates ("15/3"), quarters ("III/2024") and document symbols ("59/KH")
 * have a digit or a capital after the "/" and are never rates.
 */
const PER = '\\p{Ll}[\\p{Ll}\\d]*|kWh';
const RATE = re(
  `\\/(?<=(?:\\d ?(?:\\p{L}+)?(?: \\p{L}+)?|(?<![\\p{L}\\p{N}])(?:đồng|VNĐ|VND|tấn|tạ|km|kg|ha|m2|m3|lít)) ?\\/) ?(${PER})(?: ?\\/ ?(${PER}))?${NA}`,
);

/**
 * Rule 4c, before the abbreviations (which would say "VNĐ" first): a rate is said with "một":
 * "50.000 đồng/hồ sơ" → "… đồng một hồ sơ", "60 km/h" → "… ki lô mét một giờ", "2 lần/tuần" → "hai lần
 * một tuần", "20.000 đồng/hộ/tháng" → "… đồng một hộ một tháng". The amount is left to the number rules.
 */
export function rates(spans: Spans): void {
  const per = (word: string) => `một ${PER_UNITS[word] ?? UNITS[word] ?? word}`;
  // "20.000 đồng/hộ/tháng": a rate of a rate, "… một hộ một tháng".
  spans.rewrite(RATE, (m) => (m[2] === undefined ? per(m[1]) : `${per(m[1])} ${per(m[2])}`), '/');
}

// --- Phones, ranges, percentages, measures, numbers --------------------------------------------------

/**
 * A phone number: an area code in parentheses ("(0220) 3851234"), a leading 0 ("0220.3851234",
 * "0912 345 678") or +84, then groups of digits with spaces, dots or dashes between them, or none.
 */
// Each group of digits is taken whole (a lookahead and its backreference, as an atomic group): a run of
// digits is not split every possible way before the number is found not to end there.
// A number is whole: not the end of a dotted run ("1.000.1.000") nor its start.
const PHONE = re(
  `(?:\\((0\\d{1,3})\\)|(\\+84|\\(\\+84\\))|${NB}(?<!\\p{N}[.,-])(0\\d{1,3}))((?:[ .-]?(?=(?<g>\\d{1,10}))\\k<g>){1,4})(?![\\p{L}\\p{N}]|[.,-]\\p{N})`,
);

/** Digits said in groups of three or four, as a person reads them out: 7 as 3 + 4, 8 as 4 + 4. */
function digitGroups(digits: string): string[] {
  if (digits.length <= 4) {
    return [digits];
  }
  const first = digits.length === 5 ? 2 : digits.length === 8 ? 4 : 3;
  return [digits.slice(0, first), ...digitGroups(digits.slice(first))];
}

/**
 * Rule 8: a phone number (a leading 0 and 10 or 11 digits, or +84 and 9 or 10) is read digit by digit
 * in its groups: as written, a group longer than four split again ("0220.3851234" is "không hai hai
 * không, ba tám năm, một hai ba bốn"), and a number written without breaks split 4 + 3 + 3 (or + 4).
 */
export function phones(spans: Spans): void {
  spans.rewrite(
    PHONE,
    (m) => {
      const [, area, country, head, rest] = m;
      const written = rest.split(/[ .-]/).filter((g) => g !== '');
      const national = (area ?? head ?? '') + written.join('');
      const length = country ? national.length + 1 : national.length;
      if (length < 10 || length > 11) {
        return null;
      }
      const groups =
        head !== undefined && written.length === 1 && !/^[ .-]/.test(rest)
          ? [national.slice(0, 4), ...digitGroups(national.slice(4))]
          : [area ?? head ?? country ?? '', ...written.flatMap(digitGroups)];
      return groups
        .map((g) => (country !== undefined && g === country ? 'cộng tám bốn' : readDigits(g)))
        .join(', ');
    },
    DIGIT,
  );
}

const RANGE = re(`${NB}(${NUM})( ?%)? ?- ?(${NUM})( ?%)?(?![\\p{L}\\p{N}]|[.,]\\p{N})`);
const PERCENT = re(`${NB}(${NUM}) ?%`);

/** Rules 9 and 10: "2021 - 2025" → "… đến …", "3-5%" → "ba đến năm phần trăm", "98,5%" → "… phẩy năm phần trăm". */
export function rangesAndPercentages(spans: Spans, odd: OddWord): void {
  spans.rewrite(
    RANGE,
    (m) => {
      const percent = m[2] || m[4] ? ' phần trăm' : '';
      const first = `${readQuantity(m[1], odd)}${m[2] && !m[4] ? ' phần trăm' : ''}`;
      return `${first} đến ${readQuantity(m[3], odd)}${percent}`;
    },
    DIGIT,
  );
  spans.rewrite(PERCENT, (m) => `${readQuantity(m[1], odd)} phần trăm`, DIGIT);
}

const UNITS: Record<string, string> = {
  km2: 'ki lô mét vuông',
  'km²': 'ki lô mét vuông',
  km: 'ki lô mét',
  m2: 'mét vuông',
  'm²': 'mét vuông',
  m3: 'mét khối',
  'm³': 'mét khối',
  ha: 'héc ta',
  kg: 'ki lô gam',
  cm: 'xen ti mét',
  mm: 'mi li mét',
  ml: 'mi li lít',
  kWh: 'ki lô oát giờ',
  kW: 'ki lô oát',
  MW: 'mê ga oát',
  g: 'gam',
  m: 'mét',
  đ: 'đồng',
};
const MEASURE = re(
  `${NB}(${NUM}) ?(${Object.keys(UNITS)
    .sort((a, b) => b.length - a.length)
    .map((u) => u.replace('/', '\\/'))
    .join('|')})${NA}`,
);
/** "15/20 thôn", "trực 24/24": a count out of a total (a date, a year or a code was read before). */
const OUT_OF = re(`${NB}(\\d{1,3}) ?\\/ ?(\\d{1,3})(?![\\p{N}]|[/.,]\\p{N})`);
const NUMBER = re(
  '(?<![\\p{N}])(?:(\\d{1,3}(?:\\.\\d{3})+(?:,\\d+)?)|(\\d+(?:\\.\\d+)+)|(\\d+,\\d+)|(\\d+))(?![\\p{N}])',
);

/**
 * Rule 11, numbers last: measures ("5 ha" → "năm héc ta", "50.000đ"), counts out of a total ("15/20" →
 * "mười lăm trên hai mươi"), thousands with ".", decimals with
 * "," ("phẩy"), dotted codes ("1.004227": each part after the first digit by digit), and whole numbers.
 * A leading 0 on four or more digits is a code, read digit by digit.
 */
export function numbers(spans: Spans, odd: OddWord): void {
  spans.rewrite(MEASURE, (m) => `${readQuantity(m[1], odd)} ${UNITS[m[2]]}`, DIGIT);
  spans.rewrite(OUT_OF, (m) => `${readInteger(m[1], odd)} trên ${readInteger(m[2], odd)}`, '/');
  spans.rewrite(
    NUMBER,
    (m) => {
      if (m[1] !== undefined || m[3] !== undefined) {
        return readQuantity(m[1] ?? m[3], odd);
      }
      if (m[2] !== undefined) {
        const [first, ...rest] = m[2].split('.');
        const parts = rest.map((p) =>
          p.length > 2 || p.startsWith('0') ? readDigits(p) : readInteger(p, odd),
        );
        return [readInteger(first, odd), ...parts].join(' chấm ');
      }
      const digits = m[4];
      return digits.length >= 4 && digits.startsWith('0') ? readDigits(digits) : readInteger(digits, odd);
    },
    DIGIT,
  );
}

// --- Acronyms nobody listed --------------------------------------------------------------------------

const CONSONANT_ACRONYM = re(`${NB}([BCDĐFGHJKLMNPQRSTVWXZ]{2,6})${NA}`);

/**
 * Rule 12: an all-consonant acronym no dictionary knows ("TT") is spelt with Vietnamese letter names, so
 * that no engine switches to an English voice for it.
 */
export function spellAcronyms(spans: Spans): void {
  spans.rewrite(CONSONANT_ACRONYM, (m) => [...m[1]].map((c) => LETTERS[c]).join(' '));
}

// --- Final tidying -----------------------------------------------------------------------------------

/** Rule 1 again, at the end: symbols no engine should voice, and punctuation spacing. */
export function tidy(text: string): string {
  return (
    text
      .split('\n')
      .map((line) =>
        line
          .replace(/\.\/\./g, '.')
          .replace(/&/g, ' và ')
          .replace(/ - /g, ', ')
          .replace(/[()[\]{}/]/g, ', ')
          .replace(/[^\p{L}\p{M}\p{N} .,;:!?]/gu, ' ')
          .replace(/ {2,}/g, ' ')
          .replace(/ +([.,;:!?])/g, '$1')
          // An ellipsis inside a sentence ("các cuộc họp... để") is a pause, not its end.
          // From the first dot of a run only: tried from every dot, a long run was rescanned per dot.
          .replace(/(?<!\.)\.{2,}(?= \p{Ll})/gu, ',')
          .replace(/\.{2,}/g, '.')
          .replace(/([,;:])(?:\s*[,;:])+/g, '$1')
          .replace(/[,;:]+([.!?])/g, '$1')
          .replace(/([.!?])[,;:]+/g, '$1')
          .replace(/([.,;:!?])(?=[\p{L}\p{N}])/gu, '$1 ')
          .replace(/^[ .,;:!?]+/, '')
          .trim()
          // A list item ending in "," or ";" ends its line: a full stop makes every engine pause there.
          .replace(/[,;][ ,;]*$/, '.'),
      )
      .filter((line) => line !== '')
      // Each later line starts a sentence (rule 2 decided so); a capital keeps it one when read again.
      .map((line, i) => (i === 0 ? line : line.charAt(0).toUpperCase() + line.slice(1)))
      .join('\n')
  );
}
