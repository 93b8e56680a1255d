import { bodyText, sanitizeBody } from './sanitize';

describe('sanitizeBody', () => {
  it('keeps what pasting from Word should keep, and drops Word’s markup', () => {
    const word =
      '<p class="MsoNormal" style="margin:0cm;mso-line-height-rule:exactly"><b><span lang="VI">Đậm</span></b> ' +
      '<i>nghiêng</i> <u>gạch</u><o:p></o:p></p>' +
      '<!--[if gte mso 9]><xml><w:WordDocument></w:WordDocument></xml><![endif]-->' +
      '<h1 style="color:red">Tiêu đề</h1><ol start="3"><li>Một</li></ol>' +
      '<table class="MsoTableGrid" border="1"><tr><td colspan="2" style="width:10cm">Ô</td></tr></table>' +
      '<a href="https://dichvucong.gov.vn" target="_blank" onclick="x()">DVC</a>';
    expect(sanitizeBody(word)).toBe(
      '<p><b>Đậm</b> <i>nghiêng</i> <u>gạch</u></p><h2>Tiêu đề</h2><ol start="3"><li>Một</li></ol>' +
        '<table><tr><td colspan="2">Ô</td></tr></table>' +
        '<a href="https://dichvucong.gov.vn" rel="noopener noreferrer">DVC</a>',
    );
  });

  it.each([
    ['<script>alert(1)</script><p>ok</p>', '<p>ok</p>'],
    ['<img src="x" onerror="alert(1)">', '<img src="x" />'],
    ['<a href="javascript:alert(1)">x</a>', '<a rel="noopener noreferrer">x</a>'],
    ['<a href="&#106;avascript:alert(1)">x</a>', '<a rel="noopener noreferrer">x</a>'],
    ['<p style="background:url(javascript:alert(1))">x</p>', '<p>x</p>'],
    ['<iframe src="https://evil.example"></iframe><p>y</p>', '<p>y</p>'],
    ['<img src="data:image/svg+xml;base64,PHN2Zz4=">', '<img />'],
  ])('neutralises %s', (input, expected) => {
    expect(sanitizeBody(input)).toBe(expected);
  });

  it('keeps text alignment on paragraphs and headings, and nothing else of a style', () => {
    expect(
      sanitizeBody(
        '<p style="text-align: center; font-size: 14pt; mso-line-height-rule: exactly"><b>KẾ HOẠCH</b></p>' +
          '<h1 style="text-align:right;color:red">Tiêu đề</h1><h3 style="text-align: justify">Mục</h3>' +
          '<p style="text-align: left">Trái</p><p style="text-align: expression(alert(1))">Lạ</p>' +
          '<li style="text-align: center">Mục</li><span style="text-align: center">Chữ</span>',
      ),
    ).toBe(
      '<p style="text-align:center"><b>KẾ HOẠCH</b></p><h2 style="text-align:right">Tiêu đề</h2>' +
        '<h3 style="text-align:justify">Mục</h3><p>Trái</p><p>Lạ</p><li>Mục</li>Chữ',
    );
  });

  it('keeps nested lists pasted from Word, with the start and kind of their numbering', () => {
    const lists =
      '<ol start="2" type="a"><li><p>Hai</p><ul><li><p>Ý</p><ol type="i"><li><p>Sâu</p></li></ol></li></ul></li></ol>';
    expect(sanitizeBody(lists)).toBe(lists);
    expect(sanitizeBody('<ol type="disc" start="3"><li>Ba</li></ol>')).toBe('<ol start="3"><li>Ba</li></ol>');
  });

  it('stores Vietnamese in NFC whatever form it was typed in', () => {
    const decomposed = '<p>Cải cách</p>'.normalize('NFD');
    expect(sanitizeBody(decomposed)).toBe('<p>Cải cách</p>'.normalize('NFC'));
  });
});

describe('bodyText', () => {
  it('gives the spoken text: paragraphs and list items on their own lines, entities decoded, no links', () => {
    expect(
      bodyText(
        '<h2>Thông báo</h2><p>Họp &amp; bàn</p><ul><li>Một</li><li>Hai</li></ul><p><a href="https://x.vn">tại đây</a></p>',
      ),
    ).toBe('Thông báo\n\nHọp & bàn\n\n * Một\n * Hai\n\ntại đây');
  });
});
