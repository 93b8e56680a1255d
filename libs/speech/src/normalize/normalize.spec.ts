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
