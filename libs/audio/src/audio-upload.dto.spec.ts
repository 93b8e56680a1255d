import { parseProductionTime, validateUploadFields } from './audio-upload.dto';
import { roundSpeakingRate } from './limits';

describe('upload fields', () => {
  const now = new Date('2026-06-01T00:00:00Z');

  it('takes a day as the start of that Vietnamese day, and a time with its offset', () => {
    expect(parseProductionTime('2024-02-29', now)).toEqual(new Date('2024-02-28T17:00:00Z'));
    expect(parseProductionTime('2023-05-20T07:00:00+07:00', now)).toEqual(new Date('2023-05-20T00:00:00Z'));
    expect(parseProductionTime('2023-05-20T07:00Z', now)).toEqual(new Date('2023-05-20T07:00:00Z'));
    expect(parseProductionTime('2000-01-01', now)).toEqual(new Date('1999-12-31T17:00:00Z'));
  });

  it.each([
    ['2024-02-30', 'ngày có thật'],
    ['2023-02-29', 'ngày có thật'],
    ['2024-04-31T08:00:00+07:00', 'ngày có thật'],
    ['2024-05-20T24:00:00+07:00', 'ngày có thật'],
    ['2024-05-20T07:60:00Z', 'ngày có thật'],
    ['2024-05-20T07:00:00', 'ngày có thật'],
    ['20/05/2024', 'ngày có thật'],
    ['0001-01-01', 'trước năm 2000'],
    ['1999-12-31T23:59:59+07:00', 'trước năm 2000'],
    ['2026-06-01T00:02:00Z', 'tương lai'],
  ])('refuses %s (%s), never rolling it over', (value, why) => {
    const result = parseProductionTime(value, now);
    expect(typeof result).toBe('string');
    expect(result).toContain(why);
  });

  it('names each wrong field in Vietnamese; blank optional fields are absent', async () => {
    await expect(
      validateUploadFields({ title: ' ', articleId: 'x', producedAt: '2024-02-30' }),
    ).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      details: expect.arrayContaining([
        expect.objectContaining({ field: 'title' }),
        expect.objectContaining({ field: 'articleId' }),
        { field: 'producedAt', message: expect.stringContaining('Thời điểm sản xuất (producedAt)') },
      ]),
    });
    await expect(
      validateUploadFields({ title: ' Bản tin ', articleId: '', categoryId: '', producedAt: '', other: 'x' }),
    ).resolves.toEqual({ title: 'Bản tin', articleId: null, categoryId: null, producedAt: null });
  });

  it('keeps speaking rates in steps of 0.05', () => {
    expect([1, 1.0000001, 1.0000002, 1.01, 1.3, 1.37, 0.5, 2].map(roundSpeakingRate)).toEqual([
      1, 1, 1, 1, 1.3, 1.35, 0.5, 2,
    ]);
  });
});
