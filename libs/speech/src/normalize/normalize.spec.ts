import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { normalizeForSpeech } from './normalize';

/** The users' own reports (copied from shared/seeds into the repository, so a clean clone has them). */
const SEEDS = join(__dirname, '..', '..', '..', '..', 'test', 'fixtures', 'seeds');

function seedTexts(): string[] {
  return readdirSync(SEEDS)
    .filter((f) => /^\d{3}_.*\.txt$/.test(f))
    .map((f) => readFileSync(join(SEEDS, f), 'utf8'));
}

describe('normalizeForSpeech', () => {
  it('reads the research sample as the prototype did (tts-audio.md §4.4)', () => {
    const sample =
      'Thực hiện Kế hoạch số 25/KH-UBND, ngày 25/12/2020 của UBND phường Phú Thứ về cải cách hành chính ' +
      'Nhà nước năm 2022. Năm 2022 đã đăng 108 bài. Số lượt truy cập trang thông tin điện tử của phường ' +
      'là 6.694 lượt truy cập. Tại bộ phận tiếp nhận trả kết quả: Hướng dẫn TTHC, tuyên truyền trực tiếp ' +
      'cho hơn 3.500 lượt người về thủ tục hành chính. Đài truyền thanh xã đã xây dựng được tổng số 24 bài ' +
      'tuyên truyền về CCHC. Tổng số lượt phát sóng được trên 90 lượt.';
    expect(sample.length).toBe(455);
    const spoken = normalizeForSpeech(sample);
    expect(spoken).toBe(
      'Thực hiện Kế hoạch số hai mươi lăm, ngày hai mươi lăm tháng mười hai năm hai nghìn không trăm hai ' +
        'mươi của Ủy ban nhân dân phường Phú Thứ về cải cách hành chính Nhà nước năm hai nghìn không trăm ' +
        'hai mươi hai. Năm hai nghìn không trăm hai mươi hai đã đăng một trăm linh tám bài. Số lượt truy ' +
        'cập trang thông tin điện tử của phường là sáu nghìn sáu trăm chín mươi tư lượt truy cập. Tại bộ ' +
        'phận tiếp nhận trả kết quả: Hướng dẫn thủ tục hành chính, tuyên truyền trực tiếp cho hơn ba nghìn ' +
        'năm trăm lượt người về thủ tục hành chính. Đài truyền thanh xã đã xây dựng được tổng số hai mươi ' +
        'tư bài tuyên truyền về cải cách hành chính. Tổng số lượt phát sóng được trên chín mươi lượt.',
    );
    expect(spoken.length).toBe(674);
  });

  // Sentences from the five reports in shared/seeds, then the rule classes the reports do not show.
  it.each([
    [
      'UBND phường Phú Thứ đã xây Kế hoạch số 02/KH-UBND ngày 04/01/2022 về việc tuyên truyền cải cách thủ tục hành chính năm 2022',
      'Ủy ban nhân dân phường Phú Thứ đã xây Kế hoạch số hai ngày bốn tháng một năm hai nghìn không trăm hai mươi hai về việc tuyên truyền cải cách thủ tục hành chính năm hai nghìn không trăm hai mươi hai',
    ],
    [
      'Ngày 21/02/2023 UBND xã đã ban hành công văn số 17/CV-UBND về việc chấn chỉnh công tác tiếp nhận, giải quyết TTHC tại UBND xã',
      'Ngày hai mươi mốt tháng hai năm hai nghìn không trăm hai mươi ba Ủy ban nhân dân xã đã ban hành công văn số mười bảy về việc chấn chỉnh công tác tiếp nhận, giải quyết thủ tục hành chính tại Ủy ban nhân dân xã',
    ],
    [
      'Ngày 11/4/2023 UBND xã đã ban hành công văn số 91/CV-UBND Về việc triển khai thanh toán trực tuyến phí, lệ phí trong giải quyết TTHC',
      'Ngày mười một tháng tư năm hai nghìn không trăm hai mươi ba Ủy ban nhân dân xã đã ban hành công văn số chín mươi mốt Về việc triển khai thanh toán trực tuyến phí, lệ phí trong giải quyết thủ tục hành chính',
    ],
    [
      'Ngày 15/6/2023 UBND xã đã ban hành công văn số 142/UBND-NV về việc chấn chỉnh thực hiện nhiệm vụ Cải cách hành chính tháng 5/2023',
      'Ngày mười lăm tháng sáu năm hai nghìn không trăm hai mươi ba Ủy ban nhân dân xã đã ban hành công văn số một trăm bốn mươi hai về việc chấn chỉnh thực hiện nhiệm vụ Cải cách hành chính tháng năm năm hai nghìn không trăm hai mươi ba',
    ],
    [
      'Ngày 27/11/2023 UBND xã đã ban hành công văn số 325/UBND-VP Về việc tăng cường chỉ đạo thực hiện một số nhiệm vụ về cải cách hành chính',
      'Ngày hai mươi bảy tháng mười một năm hai nghìn không trăm hai mươi ba Ủy ban nhân dân xã đã ban hành công văn số ba trăm hai mươi lăm Về việc tăng cường chỉ đạo thực hiện một số nhiệm vụ về cải cách hành chính',
    ],
    [
      'tính đến tháng 12/2023, Đài truyền thanh xã đã xây dựng được tổng số 24 bài tuyên truyền về CCHC. Tổng số lượt phát sóng được trên 90 lượt.',
      'tính đến tháng mười hai năm hai nghìn không trăm hai mươi ba, Đài truyền thanh xã đã xây dựng được tổng số hai mươi tư bài tuyên truyền về cải cách hành chính. Tổng số lượt phát sóng được trên chín mươi lượt.',
    ],
    [
      'Hướng dẫn TTHC, tuyên truyền trực tiếp cho khoảng trên 2500 lượt về thủ tục hành chính.',
      'Hướng dẫn thủ tục hành chính, tuyên truyền trực tiếp cho khoảng trên hai nghìn năm trăm lượt về thủ tục hành chính.',
    ],
    [
      'Đề nghị các cơ quan cấp trên thường xuyên mở các lớp tập huấn, bồi dưỡng về kỹ năng thực hiện công tác tuyên truyền CCHC cho đội ngũ CBCC phụ trách công tác tuyên truyền CCHC;',
      'Đề nghị các cơ quan cấp trên thường xuyên mở các lớp tập huấn, bồi dưỡng về kỹ năng thực hiện công tác tuyên truyền cải cách hành chính cho đội ngũ cán bộ, công chức phụ trách công tác tuyên truyền cải cách hành chính.',
    ],
    [
      'Thông tin tuyên truyền đầy đủ, kịp thời về tình hình, kết quả thực hiện CCHC của ngành trên trang TTĐT;',
      'Thông tin tuyên truyền đầy đủ, kịp thời về tình hình, kết quả thực hiện cải cách hành chính của ngành trên trang thông tin điện tử.',
    ],
    [
      'Thực hiện Kế hoạch số 191/KH-STTTT ngày 26/01/2024 về tuyên truyền thực hiện cải cách hành chính năm 2024 của Sở Thông tin và Truyền thông và Ủy ban nhân dân thành phố; phòng VHTT thành phố Hải Dương.',
      'Thực hiện Kế hoạch số một trăm chín mươi mốt ngày hai mươi sáu tháng một năm hai nghìn không trăm hai mươi tư về tuyên truyền thực hiện cải cách hành chính năm hai nghìn không trăm hai mươi tư của Sở Thông tin và Truyền thông và Ủy ban nhân dân thành phố; phòng Văn hóa Thông tin thành phố Hải Dương.',
    ],
    [
      'Tiếp tục tuyên truyền nội dung Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Chính phủ và Chỉ thị số 23/CT-TTg ngày 02/9/2021 của Thủ tướng Chính phủ về đẩy mạnh thực hiện Chương trình tổng thể CCHC nhà nước giai đoạn 2021-2030',
      'Tiếp tục tuyên truyền nội dung Nghị quyết số bảy mươi sáu ngày mười lăm tháng bảy năm hai nghìn không trăm hai mươi mốt của Chính phủ và Chỉ thị số hai mươi ba ngày hai tháng chín năm hai nghìn không trăm hai mươi mốt của Thủ tướng Chính phủ về đẩy mạnh thực hiện Chương trình tổng thể cải cách hành chính nhà nước giai đoạn hai nghìn không trăm hai mươi mốt đến hai nghìn không trăm ba mươi',
    ],
    [
      'Kế hoạch số 4347/KH-UBND ngày 25 tháng 11 năm 2021 của Ủy ban nhân dân tỉnh về thực hiện cải cách hành chính nhà nước tỉnh Hải Dương giai đoạn 2021- 2025',
      'Kế hoạch số bốn nghìn ba trăm bốn mươi bảy ngày hai mươi lăm tháng mười một năm hai nghìn không trăm hai mươi mốt của Ủy ban nhân dân tỉnh về thực hiện cải cách hành chính nhà nước tỉnh Hải Dương giai đoạn hai nghìn không trăm hai mươi mốt đến hai nghìn không trăm hai mươi lăm',
    ],
    [
      'Kế hoạch số 508/KH-UBND ngày 24/12/2021 về thực hiện cải cách hành chính nhà nước thành phố Hải Dương giai đoạn 2021 – 2025',
      'Kế hoạch số năm trăm linh tám của Ủy ban nhân dân ngày hai mươi tư tháng mười hai năm hai nghìn không trăm hai mươi mốt về thực hiện cải cách hành chính nhà nước thành phố Hải Dương giai đoạn hai nghìn không trăm hai mươi mốt đến hai nghìn không trăm hai mươi lăm',
    ],
    [
      'Ủy ban nhân xã đã xây dựng kế hoạch số 64/KH-UBND ngày 29 tháng 2 năm 2024 của ủy ban nhân dân xã Quyết Thắng',
      'Ủy ban nhân xã đã xây dựng kế hoạch số sáu mươi tư ngày hai mươi chín tháng hai năm hai nghìn không trăm hai mươi tư của ủy ban nhân dân xã Quyết Thắng',
    ],
    [
      'Quyết định số 3396/QĐ – UBND ngày 15 tháng 12 năm 2022 của chủ tịch UBND tỉnh Hải Dương',
      'Quyết định số ba nghìn ba trăm chín mươi sáu ngày mười lăm tháng mười hai năm hai nghìn không trăm hai mươi hai của chủ tịch Ủy ban nhân dân tỉnh Hải Dương',
    ],
    [
      'Tăng cường hiệu quả việc cung cấp và sử dụng dịch vụ công trực tuyến mức độ 4, UBND xã triển khai quyết liệt các giải pháp để thúc đẩy việc giải quyết các Thủ tục hành chính qua DVC mức độ 4.',
      'Tăng cường hiệu quả việc cung cấp và sử dụng dịch vụ công trực tuyến mức độ bốn, Ủy ban nhân dân xã triển khai quyết liệt các giải pháp để thúc đẩy việc giải quyết các Thủ tục hành chính qua dịch vụ công mức độ bốn.',
    ],
    [
      'Tỉnh ủy, Hội đồng nhân dân và UBND tỉnh Hải Dương, HĐND và UBND thành phố Hải Dương.',
      'Tỉnh ủy, Hội đồng nhân dân và Ủy ban nhân dân tỉnh Hải Dương, Hội đồng nhân dân và Ủy ban nhân dân thành phố Hải Dương.',
    ],
    [
      'Thực hiện Kế hoạch số 4757 /KH-UBND ngày 27/12/2021 của UBND thị xã Hương Trà về việc tuyên truyền cải cách hành chính (CCHC) năm 2022',
      'Thực hiện Kế hoạch số bốn nghìn bảy trăm năm mươi bảy ngày hai mươi bảy tháng mười hai năm hai nghìn không trăm hai mươi mốt của Ủy ban nhân dân thị xã Hương Trà về việc tuyên truyền cải cách hành chính năm hai nghìn không trăm hai mươi hai',
    ],
    [
      'Quyết định số 2243/QĐ-UBND ngày 10/9/2021 về ban hành Kế hoạch cải cách hành chính giai đoạn 2021 - 2025, định hướng đến năm 2030',
      'Quyết định số hai nghìn hai trăm bốn mươi ba của Ủy ban nhân dân ngày mười tháng chín năm hai nghìn không trăm hai mươi mốt về ban hành Kế hoạch cải cách hành chính giai đoạn hai nghìn không trăm hai mươi mốt đến hai nghìn không trăm hai mươi lăm, định hướng đến năm hai nghìn không trăm ba mươi',
    ],
    [
      'Quyết định số 1406 /QĐ-UBND ngày 20/10/2021 về việc ban hành Kế hoạch cải cách hành chính',
      'Quyết định số một nghìn bốn trăm linh sáu của Ủy ban nhân dân ngày hai mươi tháng mười năm hai nghìn không trăm hai mươi mốt về việc ban hành Kế hoạch cải cách hành chính',
    ],
    [
      'Nghị quyết Đại hội đại biểu Đảng bộ thị xã Hương Trà lần thứ XIV, nhiệm kỳ 2020 - 2025; Nghị quyết số 09-NQ/TU ngày 23/9/2021 của Thị uỷ Hương Trà',
      'Nghị quyết Đại hội đại biểu Đảng bộ thị xã Hương Trà lần thứ mười bốn, nhiệm kỳ hai nghìn không trăm hai mươi đến hai nghìn không trăm hai mươi lăm; Nghị quyết số chín ngày hai mươi ba tháng chín năm hai nghìn không trăm hai mươi mốt của Thị uỷ Hương Trà',
    ],
    [
      'Kế hoạch số 170/KH-UBND ngày 25/4/2022 của UBND tỉnh về tuyên truyền CCHC tỉnh Thừa Thiên Huế năm 2022',
      'Kế hoạch số một trăm bảy mươi ngày hai mươi lăm tháng tư năm hai nghìn không trăm hai mươi hai của Ủy ban nhân dân tỉnh về tuyên truyền cải cách hành chính tỉnh Thừa Thiên Huế năm hai nghìn không trăm hai mươi hai',
    ],
    [
      'Đẩy mạnh CCHC gắn liền với ứng dụng CNTT và áp dụng ISO nhằm nâng cao hiệu lực, hiệu quả quản lý',
      'Đẩy mạnh cải cách hành chính gắn liền với ứng dụng công nghệ thông tin và áp dụng i xô nhằm nâng cao hiệu lực, hiệu quả quản lý',
    ],
    [
      '+ Số lượng tin, bài được đăng trên cổng thông tin điện tử của thị xã, của phòng: 2',
      'Số lượng tin, bài được đăng trên cổng thông tin điện tử của thị xã, của phòng: hai',
    ],
    ['+ Làm mới 01 cụm pano tuyên truyền CCHC.', 'Làm mới một cụm pano tuyên truyền cải cách hành chính.'],
    ['Số: 297/BC-VHTT', 'Số: hai trăm chín mươi bảy, báo cáo của Văn hóa Thông tin'],
    [
      'Hương Trà, ngày 21 tháng 10 năm 2022',
      'Hương Trà, ngày hai mươi mốt tháng mười năm hai nghìn không trăm hai mươi hai',
    ],
    [
      'Kế hoạch CCHC, kiểm soát TTHC năm 2022 của xã',
      'Kế hoạch cải cách hành chính, kiểm soát thủ tục hành chính năm hai nghìn không trăm hai mươi hai của xã',
    ],
    [
      'Triển khai thực hiện cung cấp dịch vụ công trực tuyến mức độ 3, 4 lên trang thông tin điện tử của xã.',
      'Triển khai thực hiện cung cấp dịch vụ công trực tuyến mức độ ba, bốn lên trang thông tin điện tử của xã.',
    ],
    [
      'Kết quả việc tổ chức tuyên truyền công tác cải cách hành chính đạt 100%, đảm bảo theo đúng kế hoạch.',
      'Kết quả việc tổ chức tuyên truyền công tác cải cách hành chính đạt một trăm phần trăm, đảm bảo theo đúng kế hoạch.',
    ],
    [
      'Trong 09 tháng đầu năm UBND xã đã tiếp tục tổ chức tuyên truyền',
      'Trong chín tháng đầu năm Ủy ban nhân dân xã đã tiếp tục tổ chức tuyên truyền',
    ],
    [
      '(Kèm theo báo cáo số       /BC-UBND ngày     /12/2023 của UBND xã Hà Kỳ)',
      'Kèm theo báo cáo số ngày tháng mười hai năm hai nghìn không trăm hai mươi ba của Ủy ban nhân dân xã Hà Kỳ.',
    ],
    ['- TT Đảng ủy, HĐND xã;', 'Thường trực Đảng ủy, Hội đồng nhân dân xã.'],
    ['- MTTQ, trưởng đoàn thể;', 'Mặt trận Tổ quốc, trưởng đoàn thể.'],
    ['- Sở TTTT (để b/c);', 'Sở Thông tin và Truyền thông, để báo cáo.'],
    ['TM. ỦY BAN NHÂN DÂN', 'Thay mặt ỦY BAN NHÂN DÂN'],
    ['KT. CHỦ TỊCH', 'Ký thay CHỦ TỊCH'],
    [
      'Trang thông tin điện tử của địa phương <http://quyetthang.tphaiduong.haiduong.gov.vn/vi-vn>, trang fanpage FB của xã Quyết Thắng',
      'Trang thông tin điện tử của địa phương quyet thang chấm tê phai duong chấm hai duong chấm gốp chấm vê en, trang phan pết phây búc của xã Quyết Thắng',
    ],
    [
      'Các hình thức tuyên truyền được thực hiện đa dạng qua các nền tảng facebook, zalo, mocha... để đông đảo người dân tiếp cận được thông tin.',
      'Các hình thức tuyên truyền được thực hiện đa dạng qua các nền tảng phây búc, da lô, mocha, để đông đảo người dân tiếp cận được thông tin.',
    ],
    [
      'Cải cách hành chính là nhiệm vụ của cả hệ thống chính trị - xã hội',
      'Cải cách hành chính là nhiệm vụ của cả hệ thống chính trị, xã hội',
    ],
    [
      'Trên đây là báo cáo Kết quả công tác tuyền truyền Cải cách hành chính năm 2023 của Ủy ban nhân dân xã Hà Kỳ./.',
      'Trên đây là báo cáo Kết quả công tác tuyền truyền Cải cách hành chính năm hai nghìn không trăm hai mươi ba của Ủy ban nhân dân xã Hà Kỳ.',
    ],
    [
      'Nghị định 30/2020/NĐ-CP về công tác văn thư',
      'Nghị định ba mươi năm hai nghìn không trăm hai mươi của Chính phủ về công tác văn thư',
    ],
    [
      'Thông tư số 01/2011/TT-BTTTT ngày 04/01/2011',
      'Thông tư số một năm hai nghìn không trăm mười một của Bộ Thông tin và Truyền thông ngày bốn tháng một năm hai nghìn không trăm mười một',
    ],
    [
      'Lịch tiếp công dân vào thứ 4 hằng tuần, từ 7h30 đến 11h00 và chiều thứ 6 từ 13:30 - 17:00.',
      'Lịch tiếp công dân vào thứ tư hằng tuần, từ bảy giờ ba mươi phút đến mười một giờ và chiều thứ sáu từ mười ba giờ ba mươi phút đến mười bảy giờ.',
    ],
    [
      'Đường dây nóng: 0220.3821.234, di động 0912 345 678.',
      'Đường dây nóng: không hai hai không, ba tám hai một, hai ba bốn, di động không chín một hai, ba bốn năm, sáu bảy tám.',
    ],
    [
      'Mọi ý kiến xin gửi về ubndxa.phuthu@haiduong.gov.vn hoặc www.kinhmon.haiduong.gov.vn.',
      'Mọi ý kiến xin gửi về u bê en nờ dê xa chấm phu thu a còng hai duong chấm gốp chấm vê en hoặc kinh mon chấm hai duong chấm gốp chấm vê en.',
    ],
    [
      'Tỷ lệ hồ sơ giải quyết đúng hạn đạt 98,5%, tăng 3-5% so với cùng kỳ.',
      'Tỷ lệ hồ sơ giải quyết đúng hạn đạt chín mươi tám phẩy năm phần trăm, tăng ba đến năm phần trăm so với cùng kỳ.',
    ],
    [
      'Diện tích lúa 1.250,5 ha, năng suất 6,2 tấn/ha; hỗ trợ 50.000đ mỗi hộ.',
      'Diện tích lúa một nghìn hai trăm năm mươi phẩy năm héc ta, năng suất sáu phẩy hai tấn một héc ta; hỗ trợ năm mươi nghìn đồng mỗi hộ.',
    ],
    [
      'Quý IV năm 2023, xã tổ chức Đại hội khóa XV.',
      'Quý bốn năm hai nghìn không trăm hai mươi ba, xã tổ chức Đại hội khóa mười lăm.',
    ],
    [
      'Phí cấp bản sao là 2.000 đồng/bản; dân số xã là 12.345 người.',
      'Phí cấp bản sao là hai nghìn đồng một bản; dân số xã là mười hai nghìn ba trăm bốn mươi lăm người.',
    ],
    [
      'Số hồ sơ tiếp nhận: 1.001 hồ sơ, trong đó 105 hồ sơ trực tuyến.',
      'Số hồ sơ tiếp nhận: một nghìn không trăm linh một hồ sơ, trong đó một trăm linh năm hồ sơ trực tuyến.',
    ],
    [
      'Mã thủ tục 1.004227 được công khai trên Cổng DVC quốc gia.',
      'Mã thủ tục một chấm không không bốn hai hai bảy được công khai trên Cổng dịch vụ công quốc gia.',
    ],
    ['Năng suất lúa đạt 6,2 tấn/ha.', 'Năng suất lúa đạt sáu phẩy hai tấn một héc ta.'],
    [
      'Số điện thoại của bộ phận một cửa là 0905123456.',
      'Số điện thoại của bộ phận một cửa là không chín không năm, một hai ba, bốn năm sáu.',
    ],
    [
      'Giai đoạn 2021-2025, xã phấn đấu 100% TTHC đủ điều kiện được cung cấp DVC trực tuyến toàn trình.',
      'Giai đoạn hai nghìn không trăm hai mươi mốt đến hai nghìn không trăm hai mươi lăm, xã phấn đấu một trăm phần trăm thủ tục hành chính đủ điều kiện được cung cấp dịch vụ công trực tuyến toàn trình.',
    ],
    [
      'Hội nghị bắt đầu lúc 14h, ngày 10.01.2023.',
      'Hội nghị bắt đầu lúc mười bốn giờ, ngày mười tháng một năm hai nghìn không trăm hai mươi ba.',
    ],
    [
      'Phiên họp thứ 7 của HĐND xã khóa XXI diễn ra từ ngày 25-26/12/2023.',
      'Phiên họp thứ bảy của Hội đồng nhân dân xã khóa hai mươi mốt diễn ra từ ngày hai mươi lăm đến hai mươi sáu tháng mười hai năm hai nghìn không trăm hai mươi ba.',
    ],
    [
      'Chương trình hành động về CMCN 4.0 của tỉnh.',
      'Chương trình hành động về cách mạng công nghiệp bốn chấm không của tỉnh.',
    ],
  ])('%s', (input, spoken) => {
    expect(normalizeForSpeech(input)).toBe(spoken);
  });

  // Notices as communes write them: money, times, measures, quarters and roman numerals, law citations,
  // phones, addresses and the administrative abbreviations. Each reading checked by hand; the ones the
  // normalizer already read right before these rules are kept as regressions.
  it.each([
    [
      'UBND xã thông báo: từ ngày 01/7/2024, mức thu lệ phí chứng thực là 10.000 đồng/hồ sơ.',
      'Ủy ban nhân dân xã thông báo: từ ngày một tháng bảy năm hai nghìn không trăm hai mươi tư, mức thu lệ phí chứng thực là mười nghìn đồng một hồ sơ.',
    ],
    [
      'Lệ phí cấp giấy chứng nhận quyền sử dụng đất là 100.000 VNĐ/giấy; hộ nghèo được miễn.',
      'Lệ phí cấp giấy chứng nhận quyền sử dụng đất là một trăm nghìn Việt Nam đồng một giấy; hộ nghèo được miễn.',
    ],
    [
      'Hỗ trợ 1,5 triệu đồng/người cho người có công, tổng kinh phí 450 triệu đồng.',
      'Hỗ trợ một phẩy năm triệu đồng một người cho người có công, tổng kinh phí bốn trăm năm mươi triệu đồng.',
    ],
    [
      'Tổng thu ngân sách xã 6 tháng đầu năm đạt 2.350.000.000 đồng, bằng 58,7% dự toán.',
      'Tổng thu ngân sách xã sáu tháng đầu năm đạt hai tỷ ba trăm năm mươi triệu đồng, bằng năm mươi tám phẩy bảy phần trăm dự toán.',
    ],
    [
      'Giá thóc thu mua 7.500đ/kg, tăng 500 đồng so với vụ trước.',
      'Giá thóc thu mua bảy nghìn năm trăm đồng một ki lô gam, tăng năm trăm đồng so với vụ trước.',
    ],
    [
      'Buổi tiếp công dân định kỳ bắt đầu lúc 7h30 sáng thứ 5 hằng tuần tại trụ sở UBND xã.',
      'Buổi tiếp công dân định kỳ bắt đầu lúc bảy giờ ba mươi phút sáng thứ năm hằng tuần tại trụ sở Ủy ban nhân dân xã.',
    ],
    [
      'Hội nghị khai mạc lúc 14 giờ 00 ngày 20/5/2024 tại Hội trường UBND xã.',
      'Hội nghị khai mạc lúc mười bốn giờ ngày hai mươi tháng năm năm hai nghìn không trăm hai mươi tư tại Hội trường Ủy ban nhân dân xã.',
    ],
    [
      'Bộ phận tiếp nhận và trả kết quả làm việc từ 7h00 - 11h30 và từ 13h30 - 17h00 các ngày trong tuần.',
      'Bộ phận tiếp nhận và trả kết quả làm việc từ bảy giờ đến mười một giờ ba mươi phút và từ mười ba giờ ba mươi phút đến mười bảy giờ các ngày trong tuần.',
    ],
    [
      'Diện tích gieo cấy vụ Xuân đạt 320,5 ha, năng suất ước đạt 65 tạ/ha.',
      'Diện tích gieo cấy vụ Xuân đạt ba trăm hai mươi phẩy năm héc ta, năng suất ước đạt sáu mươi lăm tạ một héc ta.',
    ],
    [
      'Xã đã làm mới 2,5 km đường giao thông nông thôn, mặt đường rộng 3,5 m.',
      'Xã đã làm mới hai phẩy năm ki lô mét đường giao thông nông thôn, mặt đường rộng ba phẩy năm mét.',
    ],
    [
      'Hộ ông Nguyễn Văn An được giao 1.200 m2 đất ở tại thôn Đông.',
      'Hộ ông Nguyễn Văn An được giao một nghìn hai trăm mét vuông đất ở tại thôn Đông.',
    ],
    [
      'Tiêm phòng cho 1.250 con lợn, phun khử trùng 15.000 m2 chuồng trại.',
      'Tiêm phòng cho một nghìn hai trăm năm mươi con lợn, phun khử trùng mười lăm nghìn mét vuông chuồng trại.',
    ],
    [
      'Kho lương thực dự trữ 20 tấn gạo, cấp phát 15 kg gạo/khẩu cho các hộ bị thiệt hại.',
      'Kho lương thực dự trữ hai mươi tấn gạo, cấp phát mười lăm ki lô gam gạo một khẩu cho các hộ bị thiệt hại.',
    ],
    [
      'Xe tải trên 10 tấn không được đi vào đường liên thôn; tốc độ tối đa 30 km/h.',
      'Xe tải trên mười tấn không được đi vào đường liên thôn; tốc độ tối đa ba mươi ki lô mét một giờ.',
    ],
    [
      'Quý III/2024, xã tiếp nhận 1.025 hồ sơ TTHC, giải quyết đúng hạn 100%.',
      'Quý ba năm hai nghìn không trăm hai mươi tư, xã tiếp nhận một nghìn không trăm hai mươi lăm hồ sơ thủ tục hành chính, giải quyết đúng hạn một trăm phần trăm.',
    ],
    [
      'Chương II quy định về trách nhiệm của UBND cấp xã trong công tác CCHC.',
      'Chương hai quy định về trách nhiệm của Ủy ban nhân dân cấp xã trong công tác cải cách hành chính.',
    ],
    [
      'Kết quả thực hiện nhiệm vụ quý 2/2024 và phương hướng quý III.',
      'Kết quả thực hiện nhiệm vụ quý hai năm hai nghìn không trăm hai mươi tư và phương hướng quý ba.',
    ],
    [
      'Căn cứ Luật số 15/2012/QH13 về xử lý vi phạm hành chính.',
      'Căn cứ Luật số mười lăm năm hai nghìn không trăm mười hai của Quốc hội khóa mười ba về xử lý vi phạm hành chính.',
    ],
    [
      'Theo Điều 5 Khoản 2 Luật Cư trú, công dân có trách nhiệm đăng ký thường trú.',
      'Theo Điều năm Khoản hai Luật Cư trú, công dân có trách nhiệm đăng ký thường trú.',
    ],
    [
      'Căn cứ Nghị định số 104/2022/NĐ-CP ngày 21/12/2022 của Chính phủ.',
      'Căn cứ Nghị định số một trăm linh bốn năm hai nghìn không trăm hai mươi hai ngày hai mươi mốt tháng mười hai năm hai nghìn không trăm hai mươi hai của Chính phủ.',
    ],
    [
      'Thực hiện Quyết định số 123/QĐ-UBND ngày 15/3/2024 của Chủ tịch UBND huyện.',
      'Thực hiện Quyết định số một trăm hai mươi ba ngày mười lăm tháng ba năm hai nghìn không trăm hai mươi tư của Chủ tịch Ủy ban nhân dân huyện.',
    ],
    [
      'Thực hiện Kế hoạch số 59/KH-UBND về tuyên truyền chuyển đổi số năm 2024.',
      'Thực hiện Kế hoạch số năm mươi chín của Ủy ban nhân dân về tuyên truyền chuyển đổi số năm hai nghìn không trăm hai mươi tư.',
    ],
    [
      'Triển khai Thông tư 15/2023/TT-BTTTT trên địa bàn xã.',
      'Triển khai Thông tư mười lăm năm hai nghìn không trăm hai mươi ba của Bộ Thông tin và Truyền thông trên địa bàn xã.',
    ],
    [
      'Căn cứ Chỉ thị số 05/CT-UBND ngày 10/02/2024 về tăng cường công tác phòng cháy chữa cháy.',
      'Căn cứ Chỉ thị số năm của Ủy ban nhân dân ngày mười tháng hai năm hai nghìn không trăm hai mươi tư về tăng cường công tác phòng cháy chữa cháy.',
    ],
    [
      'UBND xã ban hành Thông báo số 45/TB-UBND về lịch tiếp công dân tháng 6/2024.',
      'Ủy ban nhân dân xã ban hành Thông báo số bốn mươi lăm về lịch tiếp công dân tháng sáu năm hai nghìn không trăm hai mươi tư.',
    ],
    [
      'HĐND xã khóa XXI tổ chức kỳ họp thứ 7 vào ngày 15/12/2024.',
      'Hội đồng nhân dân xã khóa hai mươi mốt tổ chức kỳ họp thứ bảy vào ngày mười lăm tháng mười hai năm hai nghìn không trăm hai mươi tư.',
    ],
    [
      'Ban Thường trực UBMTTQ xã phối hợp với các đoàn thể vận động nhân dân ủng hộ Quỹ Vì người nghèo.',
      'Ban Thường trực Ủy ban Mặt trận Tổ quốc xã phối hợp với các đoàn thể vận động nhân dân ủng hộ Quỹ Vì người nghèo.',
    ],
    [
      'Đề nghị nhân dân mang theo CCCD gắn chip khi đến làm thủ tục tại bộ phận một cửa.',
      'Đề nghị nhân dân mang theo căn cước công dân gắn chip khi đến làm thủ tục tại bộ phận một cửa.',
    ],
    [
      'Hướng dẫn công dân kích hoạt tài khoản định danh điện tử VNeID mức độ 2.',
      'Hướng dẫn công dân kích hoạt tài khoản định danh điện tử vê en e ai đi mức độ hai.',
    ],
    [
      'Tỷ lệ người dân tham gia BHYT đạt 92,3%, BHXH tự nguyện đạt 12%.',
      'Tỷ lệ người dân tham gia bảo hiểm y tế đạt chín mươi hai phẩy ba phần trăm, bảo hiểm xã hội tự nguyện đạt mười hai phần trăm.',
    ],
    [
      'Trường THCS xã tuyển sinh lớp 6 năm học 2024 - 2025 với 180 chỉ tiêu.',
      'Trường trung học cơ sở xã tuyển sinh lớp sáu năm học hai nghìn không trăm hai mươi tư đến hai nghìn không trăm hai mươi lăm với một trăm tám mươi chỉ tiêu.',
    ],
    [
      'Mọi thông tin xin liên hệ số điện thoại (0220) 3851234 hoặc đường dây nóng 0912.345.678.',
      'Mọi thông tin xin liên hệ số điện thoại không hai hai không, ba tám năm, một hai ba bốn hoặc đường dây nóng không chín một hai, ba bốn năm, sáu bảy tám.',
    ],
    [
      'Công dân có thể gửi phản ánh qua số 0220 385 1234 hoặc 091 234 5678.',
      'Công dân có thể gửi phản ánh qua số không hai hai không, ba tám năm, một hai ba bốn hoặc không chín một, hai ba bốn, năm sáu bảy tám.',
    ],
    [
      'Hồ sơ gửi về địa chỉ thư điện tử vanthu.ubnd@quangninh.gov.vn trước ngày 30/6.',
      'Hồ sơ gửi về địa chỉ thư điện tử van thu chấm u bê en nờ dê a còng quang ninh chấm gốp chấm vê en trước ngày ba mươi tháng sáu.',
    ],
    [
      'BCH Quân sự xã tổ chức huấn luyện dân quân năm 2024 theo kế hoạch.',
      'Ban Chỉ huy Quân sự xã tổ chức huấn luyện dân quân năm hai nghìn không trăm hai mươi tư theo kế hoạch.',
    ],
    [
      'BCH Đoàn xã phát động phong trào thanh niên tình nguyện hè.',
      'Ban chấp hành Đoàn xã phát động phong trào thanh niên tình nguyện hè.',
    ],
    [
      'Trung tâm Phục vụ hành chính công (TTPVHCC) tỉnh tiếp nhận hồ sơ trực tuyến.',
      'Trung tâm Phục vụ hành chính công tỉnh tiếp nhận hồ sơ trực tuyến.',
    ],
    [
      'Đẩy mạnh cải cách hành chính (CCHC) và kiểm soát thủ tục hành chính (TTHC) năm 2024.',
      'Đẩy mạnh cải cách hành chính và kiểm soát thủ tục hành chính năm hai nghìn không trăm hai mươi tư.',
    ],
    [
      'Ủy ban nhân dân (UBND) xã Hà Kỳ thông báo lịch tiếp công dân (Kèm theo phụ lục).',
      'Ủy ban nhân dân xã Hà Kỳ thông báo lịch tiếp công dân, Kèm theo phụ lục.',
    ],
    [
      'Hỗ trợ mỗi học sinh 150.000 đồng/tháng trong 9 tháng học.',
      'Hỗ trợ mỗi học sinh một trăm năm mươi nghìn đồng một tháng trong chín tháng học.',
    ],
    [
      'Xe chở rác thu gom 2 lần/tuần, mức thu 20.000 đồng/hộ/tháng.',
      'Xe chở rác thu gom hai lần một tuần, mức thu hai mươi nghìn đồng một hộ một tháng.',
    ],
    [
      'Lượng khách đến bộ phận một cửa bình quân 40 người/ngày.',
      'Lượng khách đến bộ phận một cửa bình quân bốn mươi người một ngày.',
    ],
    [
      'Chiều dài tuyến kênh là 1.500 m, vốn đầu tư 2,3 tỷ đồng từ nguồn NTM.',
      'Chiều dài tuyến kênh là một nghìn năm trăm mét, vốn đầu tư hai phẩy ba tỷ đồng từ nguồn nông thôn mới.',
    ],
    [
      'CT UBND xã chủ trì cuộc họp, PCT HĐND xã dự.',
      'Chủ tịch Ủy ban nhân dân xã chủ trì cuộc họp, Phó Chủ tịch Hội đồng nhân dân xã dự.',
    ],
    ['Ngày/tháng/năm sinh ghi theo CCCD.', 'Ngày, tháng, năm sinh ghi theo căn cước công dân.'],
    [
      'Ban CHQS xã phối hợp với Công an xã tuần tra; BCH QS xã trực 24/24 giờ.',
      'Ban Chỉ huy Quân sự xã phối hợp với Công an xã tuần tra; Ban Chỉ huy quân sự xã trực hai mươi tư trên hai mươi tư giờ.',
    ],
    [
      'Lực lượng DQTV xã tham gia diễn tập phòng thủ năm 2024.',
      'Lực lượng dân quân tự vệ xã tham gia diễn tập phòng thủ năm hai nghìn không trăm hai mươi tư.',
    ],
    [
      'Giá điện sinh hoạt bậc 1 là 1.806 đồng/kWh chưa gồm thuế.',
      'Giá điện sinh hoạt bậc một là một nghìn tám trăm linh sáu đồng một ki lô oát giờ chưa gồm thuế.',
    ],
    [
      'Hội đồng nhân dân (HĐND) xã thông qua Nghị quyết số 12/NQ-HĐND về dự toán ngân sách.',
      'Hội đồng nhân dân xã thông qua Nghị quyết số mười hai về dự toán ngân sách.',
    ],
    [
      'Liên hệ cán bộ tư pháp qua số (0220)3851234 trong giờ hành chính.',
      'Liên hệ cán bộ tư pháp qua số không hai hai không, ba tám năm, một hai ba bốn trong giờ hành chính.',
    ],
    [
      'Đồng chí Chủ tịch UBMTTQ xã phát biểu tại buổi lễ; MTTQ các thôn tham dự đầy đủ.',
      'Đồng chí Chủ tịch Ủy ban Mặt trận Tổ quốc xã phát biểu tại buổi lễ; Mặt trận Tổ quốc các thôn tham dự đầy đủ.',
    ],
  ])('commune notice: %s', (input, spoken) => {
    expect(normalizeForSpeech(input)).toBe(spoken);
  });

  describe('a term followed by its acronym in parentheses', () => {
    it.each([
      ['cải cách hành chính (CCHC) năm 2024', 'cải cách hành chính năm hai nghìn không trăm hai mươi tư'],
      ['Ủy ban nhân dân (UBND) xã', 'Ủy ban nhân dân xã'],
      ['thủ tục hành chính ( TTHC )', 'thủ tục hành chính'],
      ['Hội đồng nhân dân (HĐND)', 'Hội đồng nhân dân'],
      ['Sở Giáo dục và Đào tạo (GD&ĐT)', 'Sở Giáo dục và Đào tạo'],
      ['Văn hóa, Thể thao và Du lịch (VHTTDL)', 'Văn hóa, Thể thao và Du lịch'],
      ['phát triển kinh tế - xã hội (KT-XH)', 'phát triển kinh tế, xã hội'],
      // Not the words before: the parenthesis is read.
      ['tuyên truyền (CCHC)', 'tuyên truyền, cải cách hành chính.'],
      ['căn cước (CCCD)', 'căn cước, căn cước công dân.'],
      ['thủ tục hành chính (HCTT)', 'thủ tục hành chính, hát xê tê tê.'],
      ['lịch tiếp công dân (Kèm theo phụ lục)', 'lịch tiếp công dân, Kèm theo phụ lục.'],
    ])('%s → %s', (input, spoken) => {
      expect(normalizeForSpeech(input)).toBe(spoken);
    });
  });

  describe('phone numbers', () => {
    it.each([
      ['(0220) 3851234', 'không hai hai không, ba tám năm, một hai ba bốn'],
      ['(0220)3851234', 'không hai hai không, ba tám năm, một hai ba bốn'],
      ['0220.3851234', 'không hai hai không, ba tám năm, một hai ba bốn'],
      ['0220 385 1234', 'không hai hai không, ba tám năm, một hai ba bốn'],
      ['02203851234', 'không hai hai không, ba tám năm, một hai ba bốn'],
      ['024.38512345', 'không hai bốn, ba tám năm một, hai ba bốn năm'],
      ['(+84) 912345678', 'cộng tám bốn, chín một hai, ba bốn năm, sáu bảy tám'],
      ['0912.345.678', 'không chín một hai, ba bốn năm, sáu bảy tám'],
      ['091 234 5678', 'không chín một, hai ba bốn, năm sáu bảy tám'],
      ['0912 34 56 78', 'không chín một hai, ba bốn, năm sáu, bảy tám'],
      ['0220 3 123 456', 'không hai hai không, ba, một hai ba, bốn năm sáu'],
      ['0905-123-456', 'không chín không năm, một hai ba, bốn năm sáu'],
      ['+84 912 345 678', 'cộng tám bốn, chín một hai, ba bốn năm, sáu bảy tám'],
      // Too short or too long for a phone: a code and a quantity, as before.
      ['0123 456', 'không một hai ba bốn trăm năm mươi sáu'],
      ['090512345678', 'không chín không năm một hai ba bốn năm sáu bảy tám'],
      // Inside a dotted run of numbers no phone starts or ends.
      ['1.000.1.000.1.000', 'một nghìn. một nghìn. một nghìn'],
      ['5.0220.3851234', 'năm chấm không hai hai không chấm ba tám năm một hai ba bốn'],
    ])('%s → %s', (input, spoken) => {
      expect(normalizeForSpeech(input)).toBe(spoken);
    });
  });

  describe('rates and counts with "/"', () => {
    it.each([
      ['50.000 đồng/hồ sơ', 'năm mươi nghìn đồng một hồ sơ'],
      ['50.000đ/người', 'năm mươi nghìn đồng một người'],
      ['1,5 triệu đồng/người', 'một phẩy năm triệu đồng một người'],
      ['100.000 VNĐ/giấy', 'một trăm nghìn Việt Nam đồng một giấy'],
      ['60 km/h', 'sáu mươi ki lô mét một giờ'],
      ['120 người/ngày', 'một trăm hai mươi người một ngày'],
      ['2 lần/tuần', 'hai lần một tuần'],
      ['20.000 đồng/hộ/tháng', 'hai mươi nghìn đồng một hộ một tháng'],
      ['giá đồng/kg', 'giá đồng một ki lô gam'],
      ['15/20 thôn', 'mười lăm trên hai mươi thôn'],
      // Not rates: dates, quarters, symbols and abbreviations keep their readings.
      ['ngày 15/3', 'ngày mười lăm tháng ba'],
      ['Quý III/2024', 'Quý ba năm hai nghìn không trăm hai mươi tư'],
      ['số 59/KH-UBND', 'số năm mươi chín, kế hoạch của Ủy ban nhân dân'],
      ['đ/c Hùng, v/v họp', 'đồng chí Hùng, về việc họp'],
      ['Ngày/tháng/năm sinh', 'Ngày, tháng, năm sinh'],
    ])('%s → %s', (input, spoken) => {
      expect(normalizeForSpeech(input)).toBe(spoken);
    });
  });

  describe('document symbols', () => {
    it.each([
      ['Thực hiện 59/KH-UBND', 'Thực hiện kế hoạch số năm mươi chín của Ủy ban nhân dân'],
      ['Kế hoạch số 59/KH-UBND', 'Kế hoạch số năm mươi chín của Ủy ban nhân dân'],
      ['Quyết định số 123/QĐ-UBND', 'Quyết định số một trăm hai mươi ba của Ủy ban nhân dân'],
      ['theo 30/2020/NĐ-CP', 'theo nghị định số ba mươi năm hai nghìn không trăm hai mươi của Chính phủ'],
      [
        'Thông tư 15/2023/TT-BTTTT',
        'Thông tư mười lăm năm hai nghìn không trăm hai mươi ba của Bộ Thông tin và Truyền thông',
      ],
      [
        'theo 01/2021/TTLT-BTC-BNV',
        'theo thông tư liên tịch số một năm hai nghìn không trăm hai mươi mốt của Bộ Tài chính, Bộ Nội vụ',
      ],
      ['Số: 12/TB-XYZ', 'Số: mười hai, thông báo của ích i dài dét'],
      // A letter (công văn) names its issuer first and its drafting office after: the office is not said.
      ['công văn số 142/UBND-NV', 'công văn số một trăm bốn mươi hai của Ủy ban nhân dân'],
      // The issuer the sentence names before or after the symbol is said once.
      ['UBND xã ban hành công văn số 17/CV-UBND', 'Ủy ban nhân dân xã ban hành công văn số mười bảy'],
      [
        'Quyết định số 5/QĐ-UBND ngày 2/1/2024 của Chủ tịch UBND huyện',
        'Quyết định số năm ngày hai tháng một năm hai nghìn không trăm hai mươi tư của Chủ tịch Ủy ban nhân dân huyện',
      ],
      [
        'Nghị quyết số 09-NQ/TU ngày 23/9/2021 của Thị ủy',
        'Nghị quyết số chín ngày hai mươi ba tháng chín năm hai nghìn không trăm hai mươi mốt của Thị ủy',
      ],
      ['Nghị quyết số 09-NQ/TU', 'Nghị quyết số chín của tê u'],
    ])('%s → %s', (input, spoken) => {
      expect(normalizeForSpeech(input)).toBe(spoken);
    });
  });

  describe('e-mail and web addresses', () => {
    it.each([
      ['ubnd@xaphuoc.gov.vn', 'u bê en nờ dê a còng xa phuoc chấm gốp chấm vê en'],
      [
        'nguyen_van.an-92@gmail.com',
        'nguyen gạch dưới van chấm an gạch ngang chín hai a còng gờ meo chấm com',
      ],
      ['ttpvhcc@yahoo.com', 'tê tê pê vê hát xê xê a còng da hu chấm com'],
      ['https://dichvucong.gov.vn/p/home', 'dich vu cong chấm gốp chấm vê en'],
      ['www.so-tttt.gov.vn', 'so gạch ngang tê tê tê tê chấm gốp chấm vê en'],
    ])('%s → %s', (input, spoken) => {
      expect(normalizeForSpeech(input)).toBe(spoken);
    });
  });

  describe('cleanup and structure', () => {
    it('puts decomposed Vietnamese in NFC and drops invisible characters', () => {
      const nfd = 'Ủy ban nhân dân xã'.normalize('NFD');
      expect(nfd).not.toBe(nfd.normalize('NFC'));
      expect(normalizeForSpeech(`${nfd}\u200B tổ\u00ADchức\uFEFF`)).toBe('Ủy ban nhân dân xã tổchức');
    });

    it('drops quotes, markdown marks and stray symbols, keeps the words', () => {
      expect(normalizeForSpeech('##### **Chuyên trang “Cải cách hành chính”** #tin *mới* | ~ ^')).toBe(
        'Chuyên trang Cải cách hành chính tin mới',
      );
      expect(normalizeForSpeech('Ban hành & triển khai')).toBe('Ban hành và triển khai');
    });

    it('collapses spaces and tidies punctuation', () => {
      expect(normalizeForSpeech('  Tuyên   truyền ,  phổ biến ;; kịp thời ,.  ')).toBe(
        'Tuyên truyền, phổ biến; kịp thời.',
      );
    });

    it('turns bullets and headings into sentences, and joins hard-wrapped lines', () => {
      const text = [
        'II. KẾT QUẢ THỰC HIỆN',
        '1. Nội dung, hình thức tuyên truyền',
        'Tuyên truyền những nội dung cơ bản về các chủ trương, chính sách của nhà ',
        '',
        'nước có liên quan đến người dân và doanh nghiệp.',
        'Đẩy mạnh tuyên truyền về thực hiện thủ tục hành chính như:',
        '+ Tuyên truyền các quy định về quyền, nghĩa vụ',
        '- Công bố công khai bộ thủ tục hành chính',
        '• Hướng dẫn thực hiện các dịch vụ công trực tuyến',
        '2.1. Nội dung',
      ].join('\n');
      expect(normalizeForSpeech(text).split('\n')).toEqual([
        'Phần hai. KẾT QUẢ THỰC HIỆN.',
        'Một. Nội dung, hình thức tuyên truyền.',
        'Tuyên truyền những nội dung cơ bản về các chủ trương, chính sách của nhà nước có liên quan đến người dân và doanh nghiệp.',
        'Đẩy mạnh tuyên truyền về thực hiện thủ tục hành chính như:',
        'Tuyên truyền các quy định về quyền, nghĩa vụ.',
        'Công bố công khai bộ thủ tục hành chính.',
        'Hướng dẫn thực hiện các dịch vụ công trực tuyến.',
        'Hai chấm một. Nội dung',
      ]);
    });

    it('reads roman headings up to the report sections and beyond', () => {
      expect(['I. A', 'III. A', 'IV. A', 'IX. A'].map((h) => normalizeForSpeech(h))).toEqual([
        'Phần một. A',
        'Phần ba. A',
        'Phần bốn. A',
        'Phần chín. A',
      ]);
      // Not a roman numeral: left to the acronym rules.
      expect(normalizeForSpeech('IIII. A')).not.toMatch(/Phần/);
      expect(normalizeForSpeech('I - MỤC TIÊU')).toBe('Phần một. MỤC TIÊU');
      // An initial, not section one hundred; an item letter, not a roman number.
      expect(normalizeForSpeech('C. Mác')).toBe('C. Mác');
      expect(normalizeForSpeech('mục C khoản 2')).toBe('mục C khoản hai');
    });
  });

  describe('dates and times', () => {
    it.each([
      ['ngày 04/01/2022', 'ngày bốn tháng một năm hai nghìn không trăm hai mươi hai'],
      ['04/01/2022', 'ngày bốn tháng một năm hai nghìn không trăm hai mươi hai'],
      ['ngày 25-12-2020', 'ngày hai mươi lăm tháng mười hai năm hai nghìn không trăm hai mươi'],
      ['Ngày 1/4/2024', 'Ngày một tháng tư năm hai nghìn không trăm hai mươi tư'],
      ['mùng 5/5', 'mùng năm tháng năm'],
      ['ngày 30/4', 'ngày ba mươi tháng tư'],
      ['từ 15/3 đến 20/3', 'từ ngày mười lăm tháng ba đến ngày hai mươi tháng ba'],
      ['trước 30/6', 'trước ngày ba mươi tháng sáu'],
      ['14 giờ 00', 'mười bốn giờ'],
      ['7 giờ 30', 'bảy giờ ba mươi phút'],
      ['tháng 4', 'tháng tư'],
      ['tháng 13', 'tháng mười ba'],
      ['thứ 2 đến thứ 7', 'thứ hai đến thứ bảy'],
      ['6h30', 'sáu giờ ba mươi phút'],
      ['6g30', 'sáu giờ ba mươi phút'],
      ['7h', 'bảy giờ'],
      ['6h05', 'sáu giờ năm phút'],
      ['17:00', 'mười bảy giờ'],
      ['08:15:30', 'tám giờ mười lăm phút ba mươi giây'],
      // Not a time: the numbers are read as they stand.
      ['25:00', 'hai mươi lăm: không'],
      ['5 ha', 'năm héc ta'],
      ['500g', 'năm trăm gam'],
    ])('%s → %s', (input, spoken) => {
      expect(normalizeForSpeech(input)).toBe(spoken);
    });
  });

  describe('numbers', () => {
    it.each([
      ['6.694', 'sáu nghìn sáu trăm chín mươi tư'],
      ['1.234.567', 'một triệu hai trăm ba mươi tư nghìn năm trăm sáu mươi bảy'],
      ['12,5%', 'mười hai phẩy năm phần trăm'],
      ['3% - 5%', 'ba đến năm phần trăm'],
      ['10 - 15 người', 'mười đến mười lăm người'],
      ['2.000.000.000 đồng', 'hai tỷ đồng'],
      ['CCCD 001234567890', 'căn cước công dân không không một hai ba bốn năm sáu bảy tám chín không'],
      ['COVID-19', 'COVID mười chín'],
    ])('%s → %s', (input, spoken) => {
      expect(normalizeForSpeech(input)).toBe(spoken);
    });

    it('says "lẻ" when the unit prefers it', () => {
      expect(normalizeForSpeech('108 bài', { odd: 'lẻ' })).toBe('một trăm lẻ tám bài');
    });
  });

  describe('abbreviations and the lexicon', () => {
    it('matches acronyms as whole tokens only, and as written', () => {
      expect(normalizeForSpeech('UBNDX và ubnd và UBND')).toBe('UBNDX và ubnd và Ủy ban nhân dân');
    });

    it('finds the longest term whatever its case rule: a word term inside an acronym one', () => {
      expect(normalizeForSpeech('Tp.HCM và TP.HCM, Tp.Hải Dương')).toBe(
        'thành phố Hồ Chí Minh và Thành phố Hồ Chí Minh, thành phố Hải Dương',
      );
    });

    it('reads an abbreviation by the word after it: BCH Quân sự is a Ban Chỉ huy', () => {
      expect(normalizeForSpeech('BCH Quân sự xã, BCH QS xã, BCH Đoàn xã, BCH Đảng bộ')).toBe(
        'Ban Chỉ huy Quân sự xã, Ban Chỉ huy quân sự xã, Ban chấp hành Đoàn xã, Ban chấp hành Đảng bộ',
      );
      expect(normalizeForSpeech('BCH PCTT&TKCN xã')).toBe(
        'Ban Chỉ huy phòng chống thiên tai và tìm kiếm cứu nạn xã',
      );
      expect(normalizeForSpeech('CT UBND xã, PCT HĐND xã, CT xã')).toBe(
        'Chủ tịch Ủy ban nhân dân xã, Phó Chủ tịch Hội đồng nhân dân xã, Chủ tịch xã',
      );
      // Out of context CT and TT are not guessed: they are spelt.
      expect(normalizeForSpeech('CT và TT')).toBe('xê tê và tê tê');
      expect(normalizeForSpeech('TT HĐND, TT Y tế huyện')).toBe(
        'Thường trực Hội đồng nhân dân, Trung tâm Y tế huyện',
      );
    });

    it("lets a unit's own reading of a term replace the built-in one with its contexts", () => {
      const lexicon = [{ term: 'BCH', spoken: 'Ban chỉ huy' }];
      expect(normalizeForSpeech('BCH Đoàn, BCH Quân sự', { lexicon })).toBe(
        'Ban chỉ huy Đoàn, Ban chỉ huy Quân sự',
      );
    });

    it('spells acronyms nobody listed with Vietnamese letter names', () => {
      expect(normalizeForSpeech('Phòng TCKH')).toBe('Phòng tê xê ca hát');
    });

    it('puts the unit lexicon over the built-in one, longest term first', () => {
      const lexicon = [
        { term: 'UBND', spoken: 'U Bê En Đê' },
        { term: 'UBND xã Hà Kỳ', spoken: 'chính quyền xã Hà Kỳ' },
        { term: 'Zalo', spoken: 'da lo' },
      ];
      expect(normalizeForSpeech('UBND xã Hà Kỳ và UBND huyện', { lexicon })).toBe(
        'chính quyền xã Hà Kỳ và U Bê En Đê huyện',
      );
      // A term with lower-case letters matches in any case; the built-in reading is replaced.
      expect(normalizeForSpeech('qua ZALO và zalo', { lexicon })).toBe('qua da lo và da lo');
      expect(normalizeForSpeech('UBND huyện')).toBe('Ủy ban nhân dân huyện');
    });

    it('lets a term hold digits and symbols, and reads the digits of its spoken form', () => {
      const lexicon = [
        { term: 'QL1A', spoken: 'quốc lộ 1A' },
        { term: 'phuthu.gov.vn', spoken: 'trang thông tin điện tử phường Phú Thứ' },
      ];
      expect(normalizeForSpeech('Dọc QL1A, xem tại https://phuthu.gov.vn/tin-tuc.', { lexicon })).toBe(
        'Dọc quốc lộ một A, xem tại trang thông tin điện tử phường Phú Thứ.',
      );
    });
  });

  describe('on whole reports', () => {
    const texts = seedTexts();

    it('finds the five seed reports', () => {
      expect(texts.length).toBe(5);
    });

    it('leaves no digit and no symbol an engine would read out', () => {
      for (const text of texts) {
        const spoken = normalizeForSpeech(text);
        expect(spoken.match(/[\d%@/&#*+=<>|~^_\\[\]{}()"“”-]/g)).toBeNull();
      }
    });

    it('is stable: normalizing spoken text again changes nothing', () => {
      for (const text of texts) {
        const once = normalizeForSpeech(text);
        expect(normalizeForSpeech(once)).toBe(once);
      }
    });
  });
});
