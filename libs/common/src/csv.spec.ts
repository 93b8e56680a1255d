import { parse } from 'csv-parse/sync';
import { csvField, csvText, neutralizeFormula, restoreNeutralized } from './csv';

/**
 * How Excel splits a line by its list separator: a `"` toggles quoting (a doubled one inside quotes is a
 * literal quote), the separator splits only outside quotes, and the quote characters are not shown.
 */
function splitLikeExcel(line: string, separator: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i += 1) {
    const c = line[i];
    if (c === '"') {
      if (quoted && line[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else {
        quoted = !quoted;
      }
    } else if (c === separator && !quoted) {
      cells.push(cell);
      cell = '';
    } else {
      cell += c;
    }
  }
  cells.push(cell);
  return cells;
}

describe('CSV for Excel in Vietnamese (list separator ";")', () => {
  const hostile = "x;=1+cmd|' /C calc'!A0";

  it('keeps a cell with ";=" in one column, with no formula, under either separator', () => {
    const line = csvText([['a', hostile, '=1+1', '-2', '@SUM(A1)', 'bình thường']])
      .replace(/^\uFEFF/, '')
      .trim();
    for (const separator of [';', ',']) {
      const cells = splitLikeExcel(line, separator);
      expect(cells.filter((c) => /^[=+\-@]/.test(c))).toEqual([]);
    }
    // What csv-stringify wrote by default (quotes only where a "," or a quote needs them) does not hold.
    expect(splitLikeExcel(`a,${hostile},b`, ';')).toContain("=1+cmd|' /C calc'!A0,b");
    const [row] = parse(line);
    expect(row).toEqual(['a', hostile, "'=1+1", "'-2", "'@SUM(A1)", 'bình thường']);
  });

  it('quotes every field, doubles inner quotes, writes a BOM and CRLF', () => {
    expect(csvField('x')).toBe('"x"');
    expect(csvField(null)).toBe('""');
    expect(csvField(12)).toBe('"12"');
    expect(csvField('nói "không"')).toBe('"nói ""không"""');
    expect(
      csvText([
        ['a', 'b'],
        ['c', ''],
      ]),
    ).toBe('\uFEFF"a","b"\r\n"c",""\r\n');
  });

  it('takes the apostrophe off on the way back, and only its own', () => {
    for (const value of ['=1+1', '+84 912', '-', '@x', '\t=x', "'abc", 'abc']) {
      expect(restoreNeutralized(neutralizeFormula(value))).toBe(value);
    }
  });
});
