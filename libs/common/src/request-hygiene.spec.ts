import { DomainException } from './errors';
import { cleanInput } from './request-hygiene';

function refusal(value: unknown): DomainException {
  try {
    cleanInput(value);
  } catch (error) {
    expect(error).toBeInstanceOf(DomainException);
    return error as DomainException;
  }
  throw new Error('expected a refusal');
}

describe('cleanInput', () => {
  it('refuses NUL and lone surrogates at any depth, naming every field path', () => {
    const error = refusal({
      title: 'a\u0000b',
      steps: [{ name: 'ok' }, { name: 'x\ud800y' }],
      tags: ['ổn', '\udc00'],
      settings: { nested: { deep: ['\u0000'] } },
    });
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.status).toBe(400);
    expect(error.details?.map((d) => d.field)).toEqual([
      'title',
      'steps.1.name',
      'tags.1',
      'settings.nested.deep.0',
    ]);
    expect(error.details?.[0].message).toBe('Tiêu đề (title) không được chứa ký tự NUL (\\u0000)');
    expect(error.details?.[1].message).toMatch(/UTF-16/);
  });

  it('keeps well-formed text: a surrogate pair (emoji), Vietnamese, tab, line feed, carriage return', () => {
    const text = 'Xã Hà Kỳ 😀\tcột\r\ndòng';
    expect(cleanInput({ title: text, list: [text] })).toEqual({ title: text, list: [text] });
  });

  it('removes XML-invalid control characters (C0 but tab/LF/CR, U+FFFE, U+FFFF) instead of refusing', () => {
    expect(
      cleanInput({ title: 'Tin\u0001 \u0008mới\u000b\u000c\u001f\ufffe\uffff', n: 3, b: true, z: null }),
    ).toEqual({
      title: 'Tin mới',
      n: 3,
      b: true,
      z: null,
    });
    expect(cleanInput(['\u0002a', { x: ['\u001bb'] }])).toEqual(['a', { x: ['b'] }]);
    expect(cleanInput('\u0003top')).toBe('top');
  });

  it('names a field whose key itself carries NUL', () => {
    expect(refusal({ 'a\u0000': 1 }).details?.[0].field).toBe('a\u0000');
  });

  it('refuses absurd nesting before walking it', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 10_000; i += 1) {
      deep = [deep];
    }
    expect(refusal({ inner: deep }).message).toMatch(/lồng nhau quá sâu/);
  });

  it('bounds the number of details of a body full of bad strings', () => {
    const error = refusal(Array.from({ length: 1000 }, () => '\u0000'));
    expect(error.details).toHaveLength(20);
  });
});
