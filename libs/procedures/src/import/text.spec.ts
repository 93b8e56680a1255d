import {
  fold,
  parseCases,
  parseDate,
  parseDossierItem,
  parseLegalBasis,
  parseMethods,
  parseOnlineLevel,
  parseStatus,
} from './text';

describe('procedure cell parsing', () => {
  it('folds Vietnamese for matching: no accents, đ → d, punctuation to spaces', () => {
    expect(fold('  Phí, lệ phí ')).toBe('phi le phi');
    expect(fold('Đối tượng thực hiện')).toBe('doi tuong thuc hien');
    expect(fold('Mã TTHC'.normalize('NFD'))).toBe('ma tthc');
  });

  it('splits a cell into cases, dropping bullets and numbering', () => {
    expect(
      parseCases(
        'Trường hợp 1: Đúng hạn\n- Tờ khai\n+ Giấy chứng sinh\n\nTrường hợp 2: Quá hạn:\n1. Tờ khai\n2) Văn bản cam đoan',
      ),
    ).toEqual([
      { case: 'Trường hợp 1: Đúng hạn', items: ['Tờ khai', 'Giấy chứng sinh'] },
      { case: 'Trường hợp 2: Quá hạn', items: ['Tờ khai', 'Văn bản cam đoan'] },
    ]);
    expect(parseCases('Bước 1: Nộp hồ sơ\r\nBước 2: Nhận kết quả')).toEqual([
      { case: null, items: ['Bước 1: Nộp hồ sơ', 'Bước 2: Nhận kết quả'] },
    ]);
    expect(parseCases('  \n ')).toEqual([]);
    // Steps that merely start with "Th…" are steps, not cases; "TH2:" is a case.
    expect(parseCases('Thẩm định hồ sơ\nThông báo kết quả\nTH2: Nộp trực tuyến\n- Điền tờ khai')).toEqual([
      { case: null, items: ['Thẩm định hồ sơ', 'Thông báo kết quả'] },
      { case: 'TH2: Nộp trực tuyến', items: ['Điền tờ khai'] },
    ]);
  });

  it('reads original and copy counts out of a dossier line', () => {
    expect(parseDossierItem('Tờ khai đăng ký khai sinh (bản chính: 01, bản sao: 0)')).toEqual({
      name: 'Tờ khai đăng ký khai sinh',
      form: null,
      originals: 1,
      copies: 0,
    });
    expect(parseDossierItem('Giấy chứng sinh')).toEqual({
      name: 'Giấy chứng sinh',
      form: null,
      originals: null,
      copies: null,
    });
  });

  it('reads a method as channel and description', () => {
    expect(parseMethods('- Trực tiếp: tại Bộ phận Một cửa\nQua dịch vụ bưu chính')).toEqual([
      { channel: 'Trực tiếp', timeLimit: '', fees: '', description: 'tại Bộ phận Một cửa' },
      { channel: 'Qua dịch vụ bưu chính', timeLimit: '', fees: '', description: '' },
    ]);
  });

  it('finds the number and date of a legal document, and no date that does not exist', () => {
    expect(
      parseLegalBasis(
        'Nghị định số 123/2015/NĐ-CP ngày 15/11/2015 của Chính phủ\nThông tư 04/2020/TT-BTP ngày 30/02/2020',
      ),
    ).toEqual([
      {
        number: '123/2015/NĐ-CP',
        title: 'Nghị định số 123/2015/NĐ-CP ngày 15/11/2015 của Chính phủ',
        issuedOn: '2015-11-15',
        issuer: '',
      },
      {
        number: '04/2020/TT-BTP',
        title: 'Thông tư 04/2020/TT-BTP ngày 30/02/2020',
        issuedOn: null,
        issuer: '',
      },
    ]);
  });

  it.each([
    ['25/12/2024', '2024-12-25'],
    ['5/1/2024', '2024-01-05'],
    ['05-01-2024', '2024-01-05'],
    ['05.01.2024', '2024-01-05'],
    ['2024-01-05', '2024-01-05'],
    ['29/02/2024', '2024-02-29'],
    ['29/02/2023', undefined],
    ['31/04/2024', undefined],
    ['13/13/2024', undefined],
    ['tháng 5/2024', undefined],
    ['2024', undefined],
  ])('reads the date %p as %p', (text, expected) => {
    expect(parseDate(text)).toBe(expected);
  });

  it('reads online levels and statuses as officials write them', () => {
    expect(['Toàn trình', 'DVC toàn trình', 'Mức độ 4', 'full'].map(parseOnlineLevel)).toEqual([
      'full',
      'full',
      'full',
      'full',
    ]);
    expect(['Một phần', 'mức độ 3', ''].map(parseOnlineLevel)).toEqual(['partial', 'partial', 'none']);
    expect(parseOnlineLevel('cao')).toBeUndefined();
    expect(['Còn hiệu lực', 'Sửa đổi, bổ sung', 'Bị thay thế', 'Bãi bỏ', ''].map(parseStatus)).toEqual([
      'active',
      'amended',
      'replaced',
      'abolished',
      'active',
    ]);
    expect(parseStatus('Tạm dừng')).toBeUndefined();
  });
});
