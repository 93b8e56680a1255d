/** Import files: a province's whole catalogue in XLSX is a few MB. */
export const IMPORT_MAX_BYTES = 10 * 1024 * 1024;

/**
 * Rows (records) of one file. A province's catalogue is about 2,000 procedures; 10,000 leaves room and
 * keeps one import's memory, time and answer bounded (the template's guide says so).
 */
export const IMPORT_MAX_ROWS = 10_000;

/** Errors kept in an answer or a job's stored result; the rest are counted (`errorsOmitted`). */
export const IMPORT_MAX_ERRORS = 1_000;

/** Rows named in the message of a code repeated in the file. */
export const DUPLICATE_ROWS_SHOWN = 5;

/** Characters of a cell quoted back in an error message. */
export const QUOTED_CHARS = 80;
