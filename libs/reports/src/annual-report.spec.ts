import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { reportDocx } from './annual-report.docx';
import { buildReportModel, reportText, type ReportInput } from './annual-report.model';
import type { SummaryResponse } from './reports.dto';
import { defaultRecipients, defaultSections } from './report-texts.defaults';

// The annual report for a commune (seed 001, Hà Kỳ 2023), a ward (seed 000, Phú Thứ 2022) and a town
// department (seed 004, Phòng Văn hóa và Thông tin thị xã Hương Trà 2022): its text against a golden file
// a person has read, and the .docx read back from its XML. UPDATE_GOLDEN=1 rewrites the golden files.

function summary(overrides: {
  portal?: Partial<SummaryResponse['portal']>;
  radio?: Partial<SummaryResponse['radio']>;
  activities?: Partial<SummaryResponse['activities']>;
}): SummaryResponse {
  return {
    unitId: 'u',
    unitName: 'x',
    unitKind: 'commune',
    from: '2023-01-01',
    to: '2023-12-31',
    includeChildren: false,
    portal: {
      articlesPublished: 0,
      cchcArticlesPublished: 0,
      articlesUnpublished: 0,
      byCategory: [],
      proceduresPublished: 0,
      visits: 0,
      ...overrides.portal,
    },
    radio: {
      piecesProduced: 0,
      cchcPiecesProduced: 0,
      airings: 0,
      cchcAirings: 0,
      airedMinutes: 0,
      relayAirings: 0,
      relayMinutes: 0,
      emergencyAirings: 0,
      emergencyMinutes: 0,
      partialAirings: 0,
      missedAirings: 0,
      ...overrides.radio,
    },
    activities: {
      conference: 0,
      one_stop_guidance: 0,
      banner: 0,
      leaflet: 0,
      other: 0,
      ...overrides.activities,
    },
  };
}

const COMMUNE: ReportInput = {
  year: 2023,
  unit: {
    name: 'UBND xã Hà Kỳ',
    kind: 'commune',
    settings: { signerTitle: 'Phó Chủ tịch', signerName: 'Vũ Văn Khanh', documentSuffix: 'BC-UBND' },
  },
  parent: null,
  summary: summary({
    portal: {
      articlesPublished: 72,
      cchcArticlesPublished: 55,
      byCategory: [
        { categoryId: 'a', name: 'Cải cách hành chính', count: 40 },
        { categoryId: 'b', name: 'Tin thủ tục hành chính', count: 15 },
        { categoryId: 'c', name: 'Tin hoạt động', count: 17 },
      ],
      proceduresPublished: 112,
      visits: 6694,
    },
    radio: {
      piecesProduced: 30,
      cchcPiecesProduced: 24,
      airings: 93,
      cchcAirings: 90,
      airedMinutes: 465,
      relayAirings: 250,
      relayMinutes: 7500,
      partialAirings: 2,
    },
    activities: { conference: 1, one_stop_guidance: 2500, banner: 3 },
  }),
  plans: [
    {
      id: 'p',
      unitId: 'u',
      year: 2023,
      number: '59/KH-UBND',
      issuedOn: '2022-12-31',
      title: 'Tuyên truyền cải cách hành chính năm 2023',
      createdAt: new Date(0),
      updatedAt: new Date(0),
      tasks: [
        {
          content: 'Duy trì và nâng cao chất lượng chuyên mục CCHC trên đài truyền thanh xã',
          metric: 'radio.cchcAirings',
          metricLabel: 'Lượt phát sóng tin bài cải cách hành chính',
          target: 90,
          actual: 90,
          achieved: true,
          evaluation: 'Đạt',
        },
        {
          content: 'Đăng các bài viết, thông tin hoạt động CCHC trên Cổng thông tin xã',
          metric: 'portal.cchcArticlesPublished',
          metricLabel: 'Tin bài tuyên truyền cải cách hành chính',
          target: 60,
          actual: 55,
          achieved: false,
          evaluation: 'Chưa đạt',
        },
      ],
    },
  ],
  sections: defaultSections('commune', 2023),
  recipients: defaultRecipients('commune'),
  overrides: [
    { figure: 'activities.one_stop_guidance', value: 2600, note: 'Cộng 100 lượt hướng dẫn qua điện thoại.' },
  ],
  issuedOn: '2023-12-22',
};

const WARD: ReportInput = {
  ...COMMUNE,
  year: 2022,
  unit: { name: 'UBND phường Phú Thứ', kind: 'ward', settings: { signerName: 'Nguyễn Văn Thành' } },
  summary: summary({ portal: { articlesPublished: 108, cchcArticlesPublished: 20, visits: 6694 } }),
  plans: [],
  sections: defaultSections('ward', 2022),
  recipients: defaultRecipients('ward'),
  overrides: [],
  issuedOn: '2022-12-15',
  number: '215',
};

const DEPARTMENT: ReportInput = {
  year: 2022,
  unit: {
    name: 'Phòng Văn hóa và Thông tin',
    kind: 'department',
    settings: { signerTitle: 'Trưởng phòng', signerName: 'Nguyễn Văn Duật', documentSuffix: 'BC-VHTT' },
  },
  parent: { name: 'UBND thị xã Hương Trà' },
  summary: summary({ portal: { articlesPublished: 2, cchcArticlesPublished: 2 }, activities: { banner: 1 } }),
  plans: [],
  sections: defaultSections('department', 2022),
  recipients: ['Phòng Nội vụ thị xã;', 'Lưu: VT.'],
  overrides: [],
  issuedOn: '2022-10-21',
  number: '297',
};

function golden(name: string, text: string): string {
  const path = join(__dirname, 'golden', `${name}.txt`);
  if (process.env.UPDATE_GOLDEN === '1') {
    writeFileSync(path, text);
  }
  return readFileSync(path, 'utf8');
}

describe('the annual report', () => {
  it.each([
    ['commune', COMMUNE],
    ['ward', WARD],
    ['department', DEPARTMENT],
  ])('reads as the golden text for a %s', (name, input) => {
    const text = reportText(buildReportModel(input));
    expect(text).toBe(golden(`annual-report-${name}`, text));
  });

  it('fills the heading, numbers, plan and signature of a commune from its data', () => {
    const model = buildReportModel(COMMUNE);
    expect(model.issuer).toEqual(['ỦY BAN NHÂN DÂN', 'XÃ HÀ KỲ']);
    expect(model.number).toBe('Số:       /BC-UBND');
    expect(model.placeAndDate).toBe('Hà Kỳ, ngày 22 tháng 12 năm 2023');
    expect(model.signer).toEqual({
      lines: ['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH'],
      name: 'Vũ Văn Khanh',
    });
    const text = model.body.map((b) => b.text).join('\n');
    expect(text).toContain(
      'Thực hiện Kế hoạch số 59/KH-UBND ngày 31/12/2022 của UBND xã Hà Kỳ về tuyên truyền',
    );
    expect(text).toContain('đã đăng tải 72 tin bài, trong đó 55 tin bài tuyên truyền về cải cách hành chính');
    expect(text).toContain('Số lượt truy cập trang thông tin điện tử là 6.694 lượt');
    expect(text).toContain('Tổng số lượt phát sóng là 93 lượt với thời lượng 7,8 giờ');
    expect(text).toContain('tiếp âm 250 lượt');
    // A number changed by hand is marked and explained, with what was counted.
    expect(text).toContain('2.600 (*) lượt người');
    expect(text).toContain('hệ thống đếm được 2.500. Lý do: Cộng 100 lượt hướng dẫn qua điện thoại.');
    expect(model.annex.rows).toEqual([
      [
        '1',
        COMMUNE.plans[0].tasks[0].content,
        'Lượt phát sóng tin bài cải cách hành chính: 90 (chỉ tiêu 90)',
        'Đạt',
      ],
      [
        '2',
        COMMUNE.plans[0].tasks[1].content,
        'Tin bài tuyên truyền cải cách hành chính: 55 (chỉ tiêu 60)',
        'Chưa đạt',
      ],
    ]);
  });

  it("reads as a department's report: the town above it, its own suffix and signer", () => {
    const model = buildReportModel(DEPARTMENT);
    expect(model.issuer).toEqual(['UBND THỊ XÃ HƯƠNG TRÀ', 'PHÒNG VĂN HÓA VÀ THÔNG TIN']);
    expect(model.number).toBe('Số: 297/BC-VHTT');
    expect(model.placeAndDate).toBe('Hương Trà, ngày 21 tháng 10 năm 2022');
    expect(model.signer).toEqual({ lines: ['TRƯỞNG PHÒNG'], name: 'Nguyễn Văn Duật' });
    expect(reportText(model)).not.toContain('ỦY BAN NHÂN DÂN\n');
  });

  it('writes an A4 .docx in Times New Roman with the margins, headings, figures and the annex table', async () => {
    const bytes = await reportDocx(buildReportModel(COMMUNE), { creator: 'UBND xã Hà Kỳ', title: 'Báo cáo' });
    const zip = await JSZip.loadAsync(bytes);
    const xml = await zip.file('word/document.xml')!.async('string');
    const text = xml.replace(/<[^>]+>/g, '');
    for (const expected of [
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'Số:       /BC-UBND',
      'BÁO CÁO',
      'Kết quả công tác tuyên truyền cải cách hành chính năm 2023',
      'I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH',
      'II. KẾT QUẢ THỰC HIỆN',
      'III. ĐÁNH GIÁ CHUNG',
      'IV. ĐỀ XUẤT, KIẾN NGHỊ',
      'V. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2024',
      'đã đăng tải 72 tin bài',
      'Nơi nhận:',
      'KT. CHỦ TỊCH',
      'ĐÁNH GIÁ MỨC ĐỘ THỰC HIỆN CÁC NHIỆM VỤ',
      'Sản phẩm/kết quả',
      'Chưa đạt',
    ]) {
      expect(text).toContain(expected);
    }
    // A4 (11906 × 16838 twips), margins top/bottom 20 mm (1134), left 30 mm (1701), right 15 mm (850).
    const section = xml.slice(xml.lastIndexOf('<w:sectPr'));
    expect(section).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(section).toMatch(/w:top="1134"[^>]*w:right="850"[^>]*w:bottom="1134"[^>]*w:left="1701"/);
    expect(section).toContain('<w:titlePg/>');
    expect(xml.includes('w:ascii="Times New Roman"')).toBe(true);
    // The annex table has four columns and a row per task, after a page break.
    expect(xml.includes('<w:pageBreakBefore/>')).toBe(true);
    const annex = xml.slice(xml.lastIndexOf('<w:tbl>'));
    expect(annex.match(/<w:tr[ >]/g)).toHaveLength(3);
    // Page numbers: a header with the PAGE field, not on the first page.
    const headers = Object.keys(zip.files).filter((f) => /^word\/header\d+\.xml$/.test(f));
    const contents = await Promise.all(headers.map((f) => zip.file(f)!.async('string')));
    expect(contents.some((c) => c.includes('PAGE'))).toBe(true);
  });
});
