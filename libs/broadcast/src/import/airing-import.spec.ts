import { parseDay, parseTime } from './airing-import.service';
import { fold } from './logbook-sheet';

describe('old logbook cells', () => {
  it('reads real days in dd/mm/yyyy and refuses days that do not exist', () => {
    expect(parseDay('31/12/2025')).toBe('2025-12-31');
    expect(parseDay('1/2/2026')).toBe('2026-02-01');
    expect(parseDay('29/02/2024')).toBe('2024-02-29');
    expect(parseDay('29/02/2025')).toBeNull();
    expect(parseDay('31/02/2025')).toBeNull();
    expect(parseDay('00/01/2025')).toBeNull();
    expect(parseDay('2025-12-31')).toBeNull();
    expect(parseDay('45657')).toBe('2024-12-31'); // an Excel serial
  });

  it('reads real times of day and refuses 25:70', () => {
    expect(parseTime('06:05')).toBe(365);
    expect(parseTime('6:05')).toBe(365);
    expect(parseTime('23:59')).toBe(1439);
    expect(parseTime('25:70')).toBeNull();
    expect(parseTime('24:00')).toBeNull();
    expect(parseTime('06:60')).toBeNull();
    expect(parseTime('6h')).toBeNull();
  });

  it('folds headers and choices: case, diacritics and spaces do not matter', () => {
    expect(fold('  Phát  một phần ')).toBe('phat mot phan');
    expect(fold('ĐÃ PHÁT')).toBe('da phat');
  });
});
