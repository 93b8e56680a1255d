import { spell } from './letters';
import { readDigits } from './numbers';

/**
 * The words of a web or e-mail address, said so that a listener can write them down: "phuthu" is
 * Vietnamese without its marks ("phu thu"), "ubndxa" is letters and a syllable ("u bê en nờ đê xa"),
 * "gmail" is said as everyone says it ("gờ meo").
 */

/** Address words said their own way: top-level domains and the mail services people name. */
const ADDRESS_WORDS: Readonly<Record<string, string>> = {
  gov: 'gốp',
  vn: 'vê en',
  com: 'com',
  net: 'nét',
  org: 'o rờ giê',
  edu: 'e đu',
  info: 'in phô',
  gmail: 'gờ meo',
  mail: 'meo',
  email: 'i meo',
  yahoo: 'da hu',
  hotmail: 'hót meo',
  outlook: 'ao lúc',
  admin: 'át min',
  contact: 'con tác',
  www: 'vê kép vê kép vê kép',
};

const ONSETS = ['ngh', 'ng', 'nh', 'ch', 'gh', 'gi', 'kh', 'ph', 'qu', 'th', 'tr', ...'bcdghklmnprstvx', ''];
/** Vietnamese rhymes without their marks (â, ă, ê, ô, ơ, ư written plain, as in addresses). */
const RHYMES = new Set(
  (
    'a ai ao au ay am an ang anh ac ach ap at e eo em en eng ec ep et eu enh ech i ia iu im in inh ic ich ' +
    'ip it ieu iem ien ieng iec iep iet o oa oai oay oam oan oang oanh oac oach oap oat oe oeo oen oet oi ' +
    'om on ong oc op ot oong ooc u ua uan uang uat uay ue uen uenh uech uy uya uyu uyen uyet uynh uych uyt ' +
    'ui um un ung uc up ut uu uo uoi uom uon uong uoc uop uot uou y yeu yem yen yet'
  ).split(' '),
);
/** Every syllable written without marks: a few thousand strings, one lookup per piece tried. */
const SYLLABLES = new Set(ONSETS.flatMap((onset) => [...RHYMES].map((rhyme) => onset + rhyme)));
const LONGEST_SYLLABLE = 7; // "nghieng"

const isSyllable = (text: string): boolean => SYLLABLES.has(text);

/**
 * A run of letters cut into the fewest letters spelt, then the fewest pieces: syllables where it reads
 * as Vietnamese, letter names where it does not. Dynamic programming over the run, each place trying
 * syllables of at most LONGEST_SYLLABLE letters: linear in the run.
 */
function sayLetters(run: string): string {
  const n = run.length;
  // cost[i]: the best reading of run[i..]; spelt letters weigh more than any number of syllables.
  const cost = new Array<number>(n + 1).fill(0);
  const step = new Array<number>(n + 1).fill(0);
  for (let i = n - 1; i >= 0; i -= 1) {
    cost[i] = 1_000_000 + cost[i + 1]; // this letter spelt
    step[i] = 1;
    for (let length = 1; length <= LONGEST_SYLLABLE && i + length <= n; length += 1) {
      if (isSyllable(run.slice(i, i + length)) && 1 + cost[i + length] < cost[i]) {
        cost[i] = 1 + cost[i + length];
        step[i] = length;
      }
    }
  }
  const words: string[] = [];
  for (let i = 0; i < n; i += step[i]) {
    const piece = run.slice(i, i + step[i]);
    words.push(step[i] === 1 && !isSyllable(piece) ? spell(piece) : piece);
  }
  return words.join(' ');
}

/**
 * Words already said. An address is a few words, but a pasted list of them repeats the same ones
 * ("a.b.c…"), and cutting each again cost five times what the rest of the normalizer did. Bounded.
 */
const SAID_MAX = 10_000;
const said = new Map<string, string>();

/** One word of an address (between dots, "@", "-" or "_"): its own reading, or letters and digits. */
export function sayAddressWord(word: string): string {
  const lower = word.toLowerCase();
  let words = ADDRESS_WORDS[lower] ?? said.get(lower);
  if (words === undefined) {
    words = (lower.match(/[a-z]+|\d+|[^a-z\d]+/g) ?? [])
      .map((run) => (/^\d/.test(run) ? readDigits(run) : /^[a-z]/.test(run) ? sayLetters(run) : spell(run)))
      .filter((piece) => piece !== '')
      .join(' ');
    if (said.size >= SAID_MAX) {
      said.clear();
    }
    said.set(lower, words);
  }
  return words;
}

/** Said between the words of an address: what a listener types there ("%" and "+" are not said). */
function separator(c: string): string | null {
  switch (c) {
    case '.':
      return 'chấm';
    case '-':
      return 'gạch ngang';
    case '_':
      return 'gạch dưới';
    case '%':
    case '+':
      return '';
    default:
      return null;
  }
}

/**
 * A whole host or local part: "ubnd.xa-phuoc" → "u bê en nờ dê chấm xa gạch ngang phuoc". One pass over
 * the characters (looking up each piece of a regexp match in a table cost a microsecond a piece).
 */
export function sayAddress(text: string): string {
  const words: string[] = [];
  let start = 0;
  for (let i = 0; i <= text.length; i += 1) {
    const between = i < text.length ? separator(text[i]) : '';
    if (between === null) {
      continue;
    }
    if (i > start) {
      words.push(sayAddressWord(text.slice(start, i)));
    }
    if (between !== '') {
      words.push(between);
    }
    start = i + 1;
  }
  return words.join(' ');
}
