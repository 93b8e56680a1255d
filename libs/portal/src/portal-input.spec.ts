import { parseQuery, PortalInputError, stripXmlInvalid } from './portal-input';

describe('parseQuery', () => {
  it('reads only the parameters a page uses, decoded like a form, empty as absent', () => {
    expect(parseQuery('q=c%E1%BA%A3i+c%C3%A1ch&utm=1&trang=&x=%00', ['q', 'trang'])).toEqual({
      q: 'cải cách',
    });
  });

  it.each(['q=a&q=b', 'q=%00', 'q=a%01b', 'q=%E0%A4%A', 'q=%ED%A0%80', 'q=a&q='])(
    'refuses %s with 400',
    (raw) => {
      expect(() => parseQuery(raw, ['q'])).toThrow(PortalInputError);
      try {
        parseQuery(raw, ['q']);
      } catch (error) {
        expect((error as PortalInputError).status).toBe(400);
      }
    },
  );
});

describe('stripXmlInvalid', () => {
  it('drops what XML 1.0 forbids and keeps the rest, astral characters included', () => {
    expect(stripXmlInvalid('a\u0000b\u0001c\u0008\u000B\u001F\td\ne\rf\uFFFE\uFFFF\uD800g😀')).toBe(
      'abc\td\ne\rfg😀',
    );
  });
});
