import type { NextWordReading } from './dictionary';

/**
 * Built-in abbreviations of Vietnamese administrative writing and how a radio announcer says them.
 * Gathered from the communes' reports (shared/seeds) and the research notes (tts-audio.md §4.3); a unit's
 * own lexicon is added on top and wins on the same term.
 *
 * A term without lower-case letters (an acronym, "UBND") matches only as written; any other term
 * ("b/c", "TTg") matches in any case. Ambiguous acronyms (CP, CT, KH, TB, TT, TU) are left out on
 * purpose: inside document codes the code rule handles them, elsewhere a unit can add its own reading.
 */
export const BUILTIN_ABBREVIATIONS: Readonly<Record<string, string>> = {
  // Government bodies and the Front
  UBND: 'Ủy ban nhân dân',
  HĐND: 'Hội đồng nhân dân',
  MTTQ: 'Mặt trận Tổ quốc',
  MTTQVN: 'Mặt trận Tổ quốc Việt Nam',
  UBMTTQ: 'Ủy ban Mặt trận Tổ quốc',
  UBMTTQVN: 'Ủy ban Mặt trận Tổ quốc Việt Nam',
  UBKT: 'Ủy ban kiểm tra',
  BCH: 'Ban chấp hành',
  BCHQS: 'Ban Chỉ huy Quân sự',
  CHQS: 'Chỉ huy Quân sự',
  QS: 'quân sự',
  DQTV: 'dân quân tự vệ',
  BTV: 'Ban thường vụ',
  BCĐ: 'Ban chỉ đạo',
  BQL: 'Ban quản lý',
  TW: 'Trung ương',
  VP: 'Văn phòng',
  'TT Đảng ủy': 'Thường trực Đảng ủy',
  'TT HĐND': 'Thường trực Hội đồng nhân dân',
  VT: 'văn thư',
  NV: 'Nội vụ',
  TP: 'thành phố',
  'TP.': 'thành phố',
  'Tp.': 'thành phố',
  'TP.HCM': 'Thành phố Hồ Chí Minh',
  'TP HCM': 'Thành phố Hồ Chí Minh',
  TPHCM: 'Thành phố Hồ Chí Minh',
  HCM: 'Hồ Chí Minh',
  TTg: 'Thủ tướng',
  TDP: 'tổ dân phố',
  KDC: 'khu dân cư',
  HTX: 'hợp tác xã',
  // Ministries and departments
  BTTTT: 'Bộ Thông tin và Truyền thông',
  STTTT: 'Sở Thông tin và Truyền thông',
  TTTT: 'Thông tin và Truyền thông',
  VHTT: 'Văn hóa Thông tin',
  'VH TT': 'Văn hóa Thông tin',
  'VH-TT': 'Văn hóa Thông tin',
  VHTTDL: 'Văn hóa, Thể thao và Du lịch',
  'VHTT&DL': 'Văn hóa, Thể thao và Du lịch',
  LĐTBXH: 'Lao động, Thương binh và Xã hội',
  'LĐ-TB&XH': 'Lao động, Thương binh và Xã hội',
  TNMT: 'Tài nguyên và Môi trường',
  'TN&MT': 'Tài nguyên và Môi trường',
  GDĐT: 'Giáo dục và Đào tạo',
  'GD&ĐT': 'Giáo dục và Đào tạo',
  NNPTNT: 'Nông nghiệp và Phát triển nông thôn',
  'NN&PTNT': 'Nông nghiệp và Phát triển nông thôn',
  KHCN: 'Khoa học và Công nghệ',
  'KH&CN': 'Khoa học và Công nghệ',
  // Documents
  QĐ: 'quyết định',
  NĐ: 'nghị định',
  NQ: 'nghị quyết',
  'NĐ-CP': 'nghị định của Chính phủ',
  'NQ-CP': 'nghị quyết của Chính phủ',
  'QĐ-TTg': 'quyết định của Thủ tướng Chính phủ',
  'CT-TTg': 'chỉ thị của Thủ tướng Chính phủ',
  'TT-BTTTT': 'thông tư của Bộ Thông tin và Truyền thông',
  VBQPPL: 'văn bản quy phạm pháp luật',
  STT: 'số thứ tự',
  'b/c': 'báo cáo',
  'v/v': 'về việc',
  'đ/c': 'đồng chí',
  'TM.': 'Thay mặt',
  'KT.': 'Ký thay',
  'TL.': 'Thừa lệnh',
  'TUQ.': 'Thừa ủy quyền',
  // Administrative reform and public service
  CCHC: 'cải cách hành chính',
  TTHC: 'thủ tục hành chính',
  // A frequent typing slip for TTHC (seed 001 has it).
  THHC: 'thủ tục hành chính',
  KSTTHC: 'kiểm soát thủ tục hành chính',
  CBCC: 'cán bộ, công chức',
  CBCCVC: 'cán bộ, công chức, viên chức',
  CCVC: 'công chức, viên chức',
  DVC: 'dịch vụ công',
  DVCTT: 'dịch vụ công trực tuyến',
  TTĐT: 'thông tin điện tử',
  CTTĐT: 'cổng thông tin điện tử',
  CNTT: 'công nghệ thông tin',
  CĐS: 'chuyển đổi số',
  CMCN: 'cách mạng công nghiệp',
  CSDL: 'cơ sở dữ liệu',
  PAKN: 'phản ánh, kiến nghị',
  PBGDPL: 'phổ biến, giáo dục pháp luật',
  NTM: 'nông thôn mới',
  'KT-XH': 'kinh tế, xã hội',
  ANTT: 'an ninh trật tự',
  'QP-AN': 'quốc phòng, an ninh',
  ANQP: 'an ninh quốc phòng',
  PCCC: 'phòng cháy chữa cháy',
  PCTT: 'phòng chống thiên tai',
  TKCN: 'tìm kiếm cứu nạn',
  'PCTT&TKCN': 'phòng chống thiên tai và tìm kiếm cứu nạn',
  ATGT: 'an toàn giao thông',
  ATTP: 'an toàn thực phẩm',
  // Citizens' papers and insurance
  CCCD: 'căn cước công dân',
  CMND: 'chứng minh nhân dân',
  VNeID: 'vê en e ai đi',
  GCNQSDĐ: 'giấy chứng nhận quyền sử dụng đất',
  QSDĐ: 'quyền sử dụng đất',
  BHYT: 'bảo hiểm y tế',
  BHXH: 'bảo hiểm xã hội',
  BHTN: 'bảo hiểm thất nghiệp',
  THCS: 'trung học cơ sở',
  THPT: 'trung học phổ thông',
  // Money and foreign words common in the reports
  VNĐ: 'Việt Nam đồng',
  VND: 'Việt Nam đồng',
  ISO: 'i xô',
  FB: 'phây búc',
  Facebook: 'phây búc',
  Zalo: 'da lô',
  fanpage: 'phan pết',
};

/** The offices a commune's chairman-type titles go with: "CT UBND xã", "PCT HĐND", "CT xã". */
const BODIES = ['UBND', 'HĐND', 'UBMTTQ', 'MTTQ', 'Ủy ban', 'Uỷ ban', 'Hội đồng', 'xã', 'phường', 'thị trấn'];

/**
 * Abbreviations whose reading depends on the word after them (the first that names it wins; outside
 * them the reading above, or none: then the acronym is left to the other rules). BCH is the Party's or
 * a union's Ban chấp hành, but the commune's military and disaster command is a Ban Chỉ huy; CT, PCT
 * and TT are too ambiguous alone (chỉ thị, thông tư) to read without the office they name.
 */
export const BUILTIN_NEXT_WORD_READINGS: Readonly<Record<string, readonly NextWordReading[]>> = {
  BCH: [
    {
      next: ['Quân sự', 'QS', 'PCTT', 'PCTT&TKCN', 'Phòng chống thiên tai', 'Phòng thủ', 'PCLB'],
      spoken: 'Ban Chỉ huy',
    },
  ],
  CT: [{ next: BODIES, spoken: 'Chủ tịch' }],
  PCT: [{ next: BODIES, spoken: 'Phó Chủ tịch' }],
  TT: [
    { next: ['Đảng ủy', 'Đảng uỷ', 'HĐND', 'Hội đồng', 'UBMTTQ'], spoken: 'Thường trực' },
    { next: ['Y tế', 'VHTT', 'Văn hóa', 'Văn hoá', 'PVHCC', 'Phục vụ', 'GDNN', 'GDTX'], spoken: 'Trung tâm' },
  ],
};
