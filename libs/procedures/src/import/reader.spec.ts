import { readAndCheck } from './check';
import { IMPORT_MAX_ROWS } from './limits';
import { readImportFile, stopImportReader } from './reader';

/** A CSV of `n` rows that all repeat one code (the file of issue 13 A1). */
function repeatedCode(n: number): Buffer {
  const lines = ['Mã TTHC,Tên thủ tục,Lĩnh vực'];
  for (let i = 0; i < n; i += 1) {
    lines.push(`1.000001,Thủ tục số ${i},Hộ tịch`);
  }
  return Buffer.from(lines.join('\r\n'));
}

describe('reading an import file off the event loop', () => {
  afterAll(() => stopImportReader());

  it('keeps the event loop turning while a file at the row cap is read and checked', async () => {
    const bytes = repeatedCode(IMPORT_MAX_ROWS);
    let ticks = 0;
    const timer = setInterval(() => (ticks += 1), 5);
    try {
      const file = await readImportFile({ bytes, filename: 'lap.csv' });
      expect(file.rows).toHaveLength(IMPORT_MAX_ROWS);
    } finally {
      clearInterval(timer);
    }
    // Read on the event loop, a file like this one held it for its whole reading: no tick at all.
    expect(ticks).toBeGreaterThan(3);
  });

  it('answers the same as reading in-process, and one error per repeated code, with its count', async () => {
    const bytes = repeatedCode(4000);
    const threaded = await readImportFile({ bytes, filename: 'lap.csv' });
    const direct = await readAndCheck({ bytes, filename: 'lap.csv' });
    expect(threaded).toEqual(direct);
    expect(threaded.duplicates).toEqual([
      {
        row: 2,
        field: 'code',
        message:
          'Mã TTHC: "1.000001" lặp lại 4000 lần trong tệp (dòng 2, 3, 4, 5, 6, … (3995 dòng nữa)); không biết dòng nào đúng nên không nhập dòng nào',
      },
    ]);
    expect(threaded.rows.every((r) => r.duplicate && r.content === null)).toBe(true);
    expect(threaded.rows.flatMap((r) => r.errors)).toEqual([]);
  });

  it('refuses a file over the row cap with a 4xx naming the file', async () => {
    await expect(
      readImportFile({ bytes: repeatedCode(IMPORT_MAX_ROWS + 1), filename: 'lon.csv' }),
    ).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      details: [{ field: 'file', message: expect.stringContaining('tối đa 10.000 dòng') }],
    });
  });
});
