import { Dictionary } from './dictionary';
import { acronymLetters, spelledAfter } from './initials';
import { spell } from './letters';
import { readInteger } from './numbers';

/**
 * The kind of a document as its symbol writes it (NĐ 30/2020/NĐ-CP, appendix I: "59/KH-UBND" is a plan,
 * "KH", of the commune's people's committee, "UBND"). Only inside a symbol: alone, CT or TT mean other things.
 */
const KINDS: Readonly<Record<string, string>> = {
  KH: 'kế hoạch',
  QĐ: 'quyết định',
  NĐ: 'nghị định',
  NQ: 'nghị quyết',
  TT: 'thông tư',
  TTLT: 'thông tư liên tịch',
  CT: 'chỉ thị',
  TB: 'thông báo',
  BC: 'báo cáo',
  CV: 'công văn',
  TTr: 'tờ trình',
  HD: 'hướng dẫn',
  GM: 'giấy mời',
  CTr: 'chương trình',
  KL: 'kết luận',
  QC: 'quy chế',
  QyĐ: 'quy định',
  BB: 'biên bản',
  PA: 'phương án',
  ĐA: 'đề án',
  HĐ: 'hợp đồng',
  GXN: 'giấy xác nhận',
  GUQ: 'giấy ủy quyền',
  L: 'luật',
};

/** Issuers as symbols write them; others are looked up in the abbreviations, then spelt. */
const ISSUERS: Readonly<Record<string, string>> = {
  UBND: 'Ủy ban nhân dân',
  HĐND: 'Hội đồng nhân dân',
  CP: 'Chính phủ',
  TTg: 'Thủ tướng Chính phủ',
  QH: 'Quốc hội',
  UBTVQH: 'Ủy ban Thường vụ Quốc hội',
  CTN: 'Chủ tịch nước',
  VPCP: 'Văn phòng Chính phủ',
  BTTTT: 'Bộ Thông tin và Truyền thông',
  BNV: 'Bộ Nội vụ',
  BTC: 'Bộ Tài chính',
  BCA: 'Bộ Công an',
  BQP: 'Bộ Quốc phòng',
  BYT: 'Bộ Y tế',
  BTP: 'Bộ Tư pháp',
  BXD: 'Bộ Xây dựng',
  BCT: 'Bộ Công Thương',
  BGTVT: 'Bộ Giao thông vận tải',
  BKHĐT: 'Bộ Kế hoạch và Đầu tư',
  BGDĐT: 'Bộ Giáo dục và Đào tạo',
  BTNMT: 'Bộ Tài nguyên và Môi trường',
  BNNPTNT: 'Bộ Nông nghiệp và Phát triển nông thôn',
  BLĐTBXH: 'Bộ Lao động, Thương binh và Xã hội',
  BVHTTDL: 'Bộ Văn hóa, Thể thao và Du lịch',
  ĐU: 'Đảng ủy',
  HU: 'Huyện ủy',
  BCĐ: 'Ban chỉ đạo',
  BCH: 'Ban chấp hành',
  VP: 'Văn phòng',
  NV: 'Nội vụ',
};

/** "QH13": the National Assembly of the 13th term, as its laws are cited. */
const ASSEMBLY = /^QH(\d{1,2})$/;

function sayIssuer(part: string, dictionary: Dictionary): string {
  const assembly = ASSEMBLY.exec(part);
  if (assembly) {
    return `Quốc hội khóa ${readInteger(assembly[1])}`;
  }
  return ISSUERS[part] ?? dictionary.lookup(part) ?? spell(part);
}

/** Where the words `phrase` (any case) end at `end` in `text`, spaces before `end` skipped, or -1. */
function phraseBefore(text: string, end: number, phrase: string): number {
  let stop = end;
  while (stop > 0 && text[stop - 1] === ' ') {
    stop -= 1;
  }
  const start = stop - phrase.length;
  const before = text[start - 1];
  return start >= 0 &&
    text.slice(start, stop).toLowerCase() === phrase.toLowerCase() &&
    (before === undefined || !/[\p{L}\p{N}]/u.test(before))
    ? start
    : -1;
}

/** How far around a symbol its sentence is searched for the issuer: a date and a few words. */
const ISSUER_WINDOW = 120;

const WORD_CHAR = /[\p{L}\p{N}]/u;

/** The issuer's symbol as a whole word, or its spoken name, in `text`. */
function names(text: string, code: string, spoken: string): boolean {
  for (let at = text.indexOf(code); at >= 0; at = text.indexOf(code, at + 1)) {
    const before = text[at - 1];
    const after = text[at + code.length];
    if (
      !(before !== undefined && WORD_CHAR.test(before)) &&
      !(after !== undefined && WORD_CHAR.test(after))
    ) {
      return true;
    }
  }
  return text.toLowerCase().includes(spoken.toLowerCase());
}

/**
 * Whether the sentence names the issuer anyway: before the symbol ("UBND xã đã ban hành công văn số
 * 17/CV-UBND") or after it as "của …" ("…/KH-UBND ngày 04/01/2022 của UBND xã", "của Chủ tịch UBND
 * tỉnh", "…/NQ-TU … của Thị ủy"): then it is said there and not twice. Looks at most ISSUER_WINDOW
 * characters either way, within the sentence.
 */
function issuerNamedAround(text: string, index: number, end: number, code: string, spoken: string): boolean {
  const before = text.slice(Math.max(0, index - ISSUER_WINDOW), index);
  const sentenceStart = Math.max(before.lastIndexOf('. '), before.lastIndexOf(';'), before.lastIndexOf('\n'));
  if (names(before.slice(sentenceStart + 1), code, spoken)) {
    return true;
  }
  let after = text.slice(end, end + ISSUER_WINDOW);
  const stop = after.search(/[;\n]|\.(?:\s|$)/);
  if (stop >= 0) {
    after = after.slice(0, stop);
  }
  const at = after.toLowerCase().indexOf('của ');
  if (at < 0) {
    return false;
  }
  const owner = after.slice(at + 4);
  const letters = acronymLetters(code);
  return names(owner, code, spoken) || (letters !== null && spelledAfter(owner, 0, letters));
}

/** A document symbol found in a text: its number, year and the parts after the slash. */
export interface DocumentSymbol {
  number: string;
  year?: string;
  /** "KH-UBND" → ["KH", "UBND"]; a party symbol "09-NQ/TU" → ["NQ", "TU"]. */
  parts: string[];
  /** Where the symbol starts and ends in `text`. */
  text: string;
  index: number;
  end: number;
}

/**
 * The words for a document symbol. The kind comes first when the sentence has not named it
 * ("theo 30/2020/NĐ-CP" → "theo nghị định số ba mươi năm hai nghìn không trăm hai mươi của Chính phủ"),
 * is left out when it has ("Kế hoạch số 59/KH-UBND" → "Kế hoạch số năm mươi chín của Ủy ban nhân dân"),
 * and follows the number after "số" ("Số: 297/BC-VHTT" → "Số: hai trăm chín mươi bảy, báo cáo của Văn
 * hóa Thông tin"). A letter ("công văn", "UBND-NV") has no kind: its first part is the issuer and the
 * rest the drafting office, which is not said. The issuer is said unless the sentence names it.
 */
export function sayDocumentSymbol(symbol: DocumentSymbol, dictionary: Dictionary): string {
  const { text, index, end, parts } = symbol;
  const kind = KINDS[parts[0]];
  const issuerParts = kind === undefined ? parts.slice(0, 1) : parts.slice(1);
  const number = `${readInteger(symbol.number)}${symbol.year ? ` năm ${readInteger(symbol.year)}` : ''}`;

  const colon = phraseBefore(text, index, 'số:');
  const afterSo = colon >= 0 ? colon : phraseBefore(text, index, 'số');
  const kindNamed = kind !== undefined && phraseBefore(text, afterSo >= 0 ? afterSo : index, kind) >= 0;
  let words: string;
  if (kind === undefined || kindNamed) {
    words = afterSo >= 0 || kindNamed ? number : `số ${number}`;
  } else if (afterSo >= 0) {
    words = `${number}, ${kind}`;
  } else {
    words = `${kind} số ${number}`;
  }
  if (issuerParts.length > 0) {
    const issuer = issuerParts.map((part) => sayIssuer(part, dictionary)).join(', ');
    if (!issuerNamedAround(text, index, end, issuerParts[0], sayIssuer(issuerParts[0], dictionary))) {
      words += ` của ${issuer}`;
    }
  }
  return words;
}
