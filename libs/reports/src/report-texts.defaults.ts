import type { ReportSections } from './report-text.entity';

// What a report writer starts from the first year, in the words of the communes' own reports (seeds 000,
// 001, 004); every number is left to the statistics the report fills in. A department's report speaks of
// the department ("Phòng"), a People's Committee's of its specialised units.

export function defaultSections(kind: string, year: number): ReportSections {
  const department = kind === 'department' || kind === 'other';
  const who = department ? 'Lãnh đạo phòng' : 'Ủy ban nhân dân';
  return {
    direction: [
      `${who} ban hành Kế hoạch tuyên truyền cải cách hành chính năm ${year}, xác định rõ trách nhiệm, đối tượng và nội dung tuyên truyền.`,
      department
        ? 'Chỉ đạo bộ phận chuyên môn thực hiện định hướng tuyên truyền hằng tháng, cổ động trực quan tại trụ sở cơ quan.'
        : 'Chỉ đạo các bộ phận chuyên môn, các ban ngành, đoàn thể đẩy mạnh tuyên truyền cải cách hành chính đến cán bộ, đảng viên và Nhân dân.',
      'Chỉ đạo đẩy mạnh tuyên truyền việc thực hiện cơ chế một cửa, một cửa liên thông và dịch vụ công trực tuyến.',
    ].join('\n'),
    forms: [
      'Tuyên truyền các chủ trương, chính sách của Đảng, pháp luật của Nhà nước về cải cách hành chính có liên quan đến người dân và doanh nghiệp.',
      'Công khai bộ thủ tục hành chính thuộc thẩm quyền giải quyết; hướng dẫn cách thực hiện thủ tục hành chính và dịch vụ công trực tuyến.',
      'Tuyên truyền trên Trang thông tin điện tử, hệ thống truyền thanh, tại bộ phận tiếp nhận và trả kết quả, lồng ghép trong các hội nghị, cuộc họp.',
    ].join('\n'),
    otherResults: '',
    assessment: [
      'Công tác tuyên truyền cải cách hành chính nhận được sự quan tâm chỉ đạo của cấp ủy, chính quyền và sự phối hợp của cán bộ, công chức.',
      'Tuy nhiên, số lượng và chất lượng một số tin bài tuyên truyền chưa cao; cần đa dạng hơn hình thức tuyên truyền.',
    ].join('\n'),
    proposals:
      'Đề nghị cấp trên tiếp tục mở các lớp tập huấn, bồi dưỡng kỹ năng tuyên truyền, viết tin bài cho cán bộ, công chức phụ trách công tác tuyên truyền cải cách hành chính.',
    nextYear: [
      `Tiếp tục đẩy mạnh tuyên truyền cải cách hành chính năm ${year + 1} trên Trang thông tin điện tử và hệ thống truyền thanh.`,
      'Công khai kịp thời thủ tục hành chính mới, sửa đổi, bổ sung; hướng dẫn người dân sử dụng dịch vụ công trực tuyến.',
    ].join('\n'),
  };
}

const LEVEL: Record<string, string> = {
  commune: 'xã',
  ward: 'phường',
  special_zone: 'đặc khu',
  province: 'tỉnh',
};

export function defaultRecipients(kind: string): string[] {
  const level = LEVEL[kind];
  return level
    ? [`Thường trực Đảng ủy, HĐND ${level};`, `Lãnh đạo UBND ${level};`, 'Lưu: VT.']
    : ['Phòng Nội vụ;', 'Lưu: VT.'];
}
