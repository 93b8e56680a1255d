import { slugFromTitle } from './slug';

describe('slugFromTitle', () => {
  it.each([
    ['Đẩy mạnh cải cách hành chính năm 2026', 'day-manh-cai-cach-hanh-chinh-nam-2026'],
    ['UBND xã Hà Kỳ: Hội nghị “Dân vận khéo”!', 'ubnd-xa-ha-ky-hoi-nghi-dan-van-kheo'],
    ['  Thông báo   số 25/TB-UBND  ', 'thong-bao-so-25tb-ubnd'],
    [
      'Tiếp nhận hồ sơ qua Dịch vụ công trực tuyến'.normalize('NFD'),
      'tiep-nhan-ho-so-qua-dich-vu-cong-truc-tuyen',
    ],
    ['!!!', 'bai-viet'],
  ])('%s → %s', (title, slug) => {
    expect(slugFromTitle(title)).toBe(slug);
  });

  it('stays within 100 characters and never ends with a hyphen', () => {
    const slug = slugFromTitle('Cải cách hành chính '.repeat(20));
    expect(slug.length).toBeLessThanOrEqual(100);
    expect(slug).not.toMatch(/-$/);
  });
});
