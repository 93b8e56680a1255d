// The one rule for every CSV the product writes (server exports and the admin app's reports), kept free
// of imports so the admin app can use this very file.
//
// Excel opens a CSV with the list separator of the computer's region: in Vietnamese Windows that is `;`,
// not `,`. An unquoted cell `x;=HYPERLINK(…)` would then split, and its second half start a formula in
// the next column. So every field is quoted (a quoted `;` is text under any separator), and a cell that
// itself starts like a formula (= + - @, or a tab or carriage return before one) gets a leading
// apostrophe (OWASP "CSV injection"), which Excel shows as text; the procedures import takes it off again.

export type CsvValue = string | number | boolean | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;

/** A cell a spreadsheet would read as a formula, made inert with a leading apostrophe. */
export function neutralizeFormula(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** The inverse of neutralizeFormula, for a file the product wrote and a person imports back. */
export function restoreNeutralized(value: string): string {
  return value.startsWith("'") && FORMULA_START.test(value.slice(1)) ? value.slice(1) : value;
}

/** One field: neutralized, always quoted, inner quotes doubled (RFC 4180). */
export function csvField(value: CsvValue): string {
  const text = value === null || value === undefined ? '' : String(value);
  return `"${neutralizeFormula(text).replace(/"/g, '""')}"`;
}

/**
 * Rows as CSV text: CRLF line ends, and a BOM so Excel reads the Vietnamese text as UTF-8. The separator
 * stays `,` (what the file says); the quoting keeps a `;` computer from splitting or running cells.
 */
export function csvText(rows: readonly (readonly CsvValue[])[]): string {
  return `\uFEFF${rows.map((row) => row.map(csvField).join(',')).join('\r\n')}\r\n`;
}
