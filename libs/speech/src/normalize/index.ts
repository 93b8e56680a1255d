export { normalizeForSpeech, type NormalizeOptions } from './normalize';
export { type LexiconEntry, termKey } from './dictionary';
export { BUILTIN_ABBREVIATIONS } from './abbreviations';
export { readInteger, readDigits, readDecimal, readMonth, readOrdinal, type OddWord } from './numbers';
export { chunkForSynthesis, GOOGLE_MAX_BYTES } from './chunks';
