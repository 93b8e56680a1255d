import {
  formatCases,
  formatDossier,
  formatLegalBasis,
  neutralizeFormula,
  restoreNeutralized,
} from './format';
import { parseCases, parseDossier, parseLegalBasis } from './text';

describe('procedure cells written for a sheet', () => {
  it('writes cases and items so the import reads back the same lists', () => {
    const steps = [
      { case: 'Trường hợp 1: Đúng hạn', items: ['Nộp tờ khai', 'Thẩm định hồ sơ'] },
      { case: 'Trường hợp 2: Quá hạn', items: ['Nộp văn bản cam đoan'] },
    ];
    expect(formatCases(steps)).toBe(
      'Trường hợp 1: Đúng hạn\n• Nộp tờ khai\n• Thẩm định hồ sơ\nTrường hợp 2: Quá hạn\n• Nộp văn bản cam đoan',
    );
    expect(parseCases(formatCases(steps))).toEqual(steps);
    const single = [{ case: null, items: ['Bước 1: Nộp hồ sơ', 'Bước 2: Nhận kết quả'] }];
    expect(parseCases(formatCases(single))).toEqual(single);
  });

  it('writes dossier counts the way the import reads them', () => {
    const dossier = [
      {
        case: null,
        items: [
          { name: 'Tờ khai đăng ký khai sinh', form: null, originals: 1, copies: 0 },
          { name: 'Giấy chứng sinh', form: null, originals: 1, copies: null },
          { name: 'Sổ hộ khẩu', form: null, originals: null, copies: null },
        ],
      },
    ];
    expect(formatDossier(dossier)).toContain('Tờ khai đăng ký khai sinh (bản chính: 01, bản sao: 00)');
    expect(parseDossier(formatDossier(dossier))).toEqual(dossier);
  });

  it('adds to a legal document title only what the import cannot read out of it', () => {
    const docs = parseLegalBasis('Luật Hôn nhân và gia đình số 52/2014/QH13 ngày 19/6/2014');
    expect(formatLegalBasis(docs)).toBe('Luật Hôn nhân và gia đình số 52/2014/QH13 ngày 19/6/2014');
    expect(
      formatLegalBasis([
        {
          number: '23/2015/NĐ-CP',
          title: 'Nghị định về chứng thực',
          issuedOn: '2015-02-16',
          issuer: 'Chính phủ',
        },
      ]),
    ).toBe('Nghị định về chứng thực số 23/2015/NĐ-CP ngày 16/02/2015 Chính phủ');
  });

  it('makes formula-looking cells inert and takes the apostrophe off again on import', () => {
    for (const hostile of ['=1+1', '+84 912', '-2', '@SUM(A1)', '\t=1', '\r=1']) {
      expect(neutralizeFormula(hostile)).toBe(`'${hostile}`);
      expect(restoreNeutralized(neutralizeFormula(hostile))).toBe(hostile);
    }
    for (const plain of ['Hộ tịch', '1.001193', "'quoted", '', 'a=b']) {
      expect(neutralizeFormula(plain)).toBe(plain);
      expect(restoreNeutralized(plain)).toBe(plain);
    }
  });
});
