import { BUILTIN_ABBREVIATIONS, BUILTIN_NEXT_WORD_READINGS } from './abbreviations';
import { Dictionary, LexiconEntry } from './dictionary';
import { cleanup, structure } from './layout';
import { OddWord } from './numbers';
import {
  abbreviations,
  acronymsAfterTheirTerm,
  dates,
  documentCodes,
  numbers,
  phones,
  rangesAndPercentages,
  rates,
  spellAcronyms,
  tidy,
  times,
  web,
} from './rules';
import { Spans } from './spans';

export interface NormalizeOptions {
  /** The unit's own terms; they win over the built-in abbreviations on the same term. */
  lexicon?: readonly LexiconEntry[];
  /** "linh" (default) or "lẻ" for 0X after a hundred: "một trăm linh tám". */
  odd?: OddWord;
}

const BUILTIN: LexiconEntry[] = [
  ...Object.entries(BUILTIN_ABBREVIATIONS).map(([term, spoken]) => ({
    term,
    spoken,
    when: BUILTIN_NEXT_WORD_READINGS[term],
  })),
  // Terms read only in context ("CT UBND"): no reading of their own.
  ...Object.entries(BUILTIN_NEXT_WORD_READINGS)
    .filter(([term]) => !(term in BUILTIN_ABBREVIATIONS))
    .map(([term, when]) => ({ term, spoken: '', when })),
];
const BUILTIN_ONLY = new Dictionary(BUILTIN);
/** A digit, a symbol or an acronym: something the rules would change. */
const NEEDS_RULES = /\d|[^\p{L}\p{M}\s,.]|\p{Lu}{2}/u;
/** A unit's lexicon compiled once per list object (the service loads a fresh list per request). */
const compiled = new WeakMap<readonly LexiconEntry[], Dictionary>();

function dictionaryFor(lexicon: readonly LexiconEntry[] | undefined, odd: OddWord): Dictionary {
  if (!lexicon || lexicon.length === 0) {
    return BUILTIN_ONLY;
  }
  let dictionary = compiled.get(lexicon);
  if (!dictionary) {
    // What an editor types as the reading is itself read by the built-in rules ("quốc lộ 1A"); plain
    // words, most readings, skip them: a thousand runs would cost about a second per request.
    const own = lexicon.map(({ term, spoken }) => ({
      term: term.normalize('NFC'),
      spoken: NEEDS_RULES.test(spoken)
        ? run(spoken, BUILTIN_ONLY, odd).replace(/[.\n]+$/, '')
        : spoken.normalize('NFC').replace(/\s+/g, ' ').trim(),
    }));
    dictionary = new Dictionary(BUILTIN, own);
    compiled.set(lexicon, dictionary);
  }
  return dictionary;
}

function run(text: string, dictionary: Dictionary, odd: OddWord): string {
  const spans = new Spans(structure(cleanup(text)));
  web(spans, dictionary);
  documentCodes(spans, dictionary);
  acronymsAfterTheirTerm(spans);
  rates(spans);
  abbreviations(spans, dictionary);
  dates(spans);
  times(spans);
  phones(spans);
  rangesAndPercentages(spans, odd);
  numbers(spans, odd);
  spellAcronyms(spans);
  return tidy(spans.toString());
}

/**
 * The words a speech engine should say for `text`: the same for every engine, so Google and eSpeak say
 * the same thing and an editor can preview exactly what will be spoken. Pure: no I/O, no state.
 *
 * Rules, in order (tts-audio.md §4.3): cleanup (NFC, spaces, quotes, symbols); structure (bullets,
 * "II." → "Phần hai.", "1." → "Một."); web and e-mail addresses (syllables or spelt letters); document
 * symbols (number, year, kind and issuer, each said once in the sentence); a term's acronym in
 * parentheses dropped; rates ("đồng/hồ sơ" → "đồng một hồ sơ"); the unit's lexicon and the built-in
 * abbreviations (longest first, some read by the word after them: "BCH Quân sự"); dates, months,
 * weekdays, roman ordinals and quarters; times; phone numbers; ranges and percentages; measures, counts
 * ("15/20") and numbers; leftover acronyms spelt; final tidying.
 */
export function normalizeForSpeech(text: string, options: NormalizeOptions = {}): string {
  const odd = options.odd ?? 'linh';
  return run(text, dictionaryFor(options.lexicon, odd), odd);
}
