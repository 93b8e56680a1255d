/// <reference lib="dom" />
import { browserStage } from '../support/admin-stage';
import { newPage, openPortalMenu, PHONE, screenshot } from '../support/browser';
import { createUnit, publishArticle } from '../support/factories';

// The thủ tục hành chính pages as a citizen uses them on a PC and on a cheap phone, JavaScript off:
// the list, its search and filters (plain GET forms), and a procedure's page.
describe('Public portal procedures in a browser', () => {
  const stage = browserStage();

  async function publish(unitId: string, fields: Record<string, unknown>): Promise<void> {
    const created = await stage.api.request('POST', `/api/v1/units/${unitId}/procedures`, {
      token: stage.adminToken,
      body: { level: 'Cấp xã', onlineLevel: 'none', ...fields },
    });
    expect(created.status).toBe(201);
    const published = await stage.api.request('POST', `/api/v1/procedures/${created.body.id}/publish`, {
      token: stage.adminToken,
    });
    expect(published.status).toBe(200);
  }

  it('finds a procedure by search and filters and reads it, without JavaScript, on a PC and at 360 px', async () => {
    const unit = await createUnit(stage.api, stage.adminToken, { name: 'UBND xã Tân Hòa' });
    await publish(unit.id, {
      code: '1.001193',
      name: 'Thủ tục đăng ký khai sinh',
      field: 'Hộ tịch',
      agency: 'Ủy ban nhân dân cấp xã',
      applicants: 'Công dân Việt Nam; người nước ngoài thường trú tại Việt Nam',
      steps: [
        {
          case: 'Đăng ký khai sinh đúng hạn',
          items: [
            'Người có yêu cầu nộp tờ khai và giấy tờ theo quy định tại Bộ phận Một cửa của Ủy ban nhân dân xã',
            'Công chức tư pháp - hộ tịch kiểm tra, ghi vào Sổ hộ tịch và trình Chủ tịch ký Giấy khai sinh',
          ],
        },
        { case: 'Trẻ bị bỏ rơi', items: ['Lập biên bản xác nhận', 'Niêm yết tại trụ sở 07 ngày'] },
      ],
      methods: [
        { channel: 'Trực tiếp', timeLimit: 'Ngay trong ngày', fees: 'Miễn lệ phí', description: '' },
        {
          channel: 'Trực tuyến',
          timeLimit: 'Ngay trong ngày',
          fees: 'Miễn lệ phí',
          description: 'Nộp trên Cổng Dịch vụ công quốc gia',
        },
      ],
      dossier: [
        {
          case: 'Đăng ký khai sinh đúng hạn',
          items: [
            { name: 'Tờ khai đăng ký khai sinh theo mẫu', form: 'Mẫu TK-01', originals: 1, copies: 0 },
            { name: 'Giấy chứng sinh', form: null, originals: 1, copies: null },
          ],
        },
        {
          case: 'Trẻ bị bỏ rơi',
          items: [{ name: 'Biên bản xác nhận việc trẻ bị bỏ rơi', form: null, originals: 1, copies: null }],
        },
      ],
      dossierCount: '01 bộ',
      timeLimit:
        'Ngay trong ngày làm việc; trường hợp nhận hồ sơ sau 15 giờ thì trả kết quả trong ngày làm việc tiếp theo',
      fees: 'Miễn lệ phí',
      result: 'Giấy khai sinh (bản chính)',
      legalBasis: [
        { number: '60/2014/QH13', title: 'Luật Hộ tịch', issuedOn: '2014-11-20', issuer: 'Quốc hội' },
        {
          number: '123/2015/NĐ-CP',
          title: 'Nghị định quy định chi tiết một số điều và biện pháp thi hành Luật Hộ tịch',
          issuedOn: '2015-11-15',
          issuer: 'Chính phủ',
        },
      ],
      receivingAddress: 'Bộ phận Một cửa, UBND xã Tân Hòa',
      onlineLevel: 'full',
      onlineUrl:
        'https://dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html?ma_thu_tuc=1.001193.000.00.00.H12',
      decisionNumber: '1234/QĐ-UBND',
      decisionDate: '2024-03-15',
      decisionIssuer: 'UBND tỉnh Hải Dương',
    });
    await publish(unit.id, { code: '1.000894', name: 'Thủ tục đăng ký kết hôn', field: 'Hộ tịch' });
    await publish(unit.id, {
      code: '2.000815',
      name: 'Thủ tục chứng thực bản sao từ bản chính giấy tờ, văn bản do cơ quan có thẩm quyền cấp',
      field: 'Chứng thực',
      onlineLevel: 'partial',
      onlineUrl: 'https://dichvucong.gov.vn/nop?ma=2.000815',
    });

    // News about procedures: listed on the catalogue, which is the menu's one "Thủ tục hành chính".
    const newsTitle = 'Từ ngày 01/7, đăng ký khai sinh trực tuyến được miễn lệ phí';
    await publishArticle(stage.api, stage.adminToken, unit.id, {
      title: newsTitle,
      summary: 'Người dân nộp hồ sơ trên Cổng Dịch vụ công quốc gia, nhận kết quả tại xã.',
      categorySlug: 'thu-tuc-hanh-chinh',
    });

    for (const [name, options] of [
      ['pc', { viewport: { width: 1280, height: 800 }, javaScriptEnabled: false }],
      ['dien-thoai', { ...PHONE, javaScriptEnabled: false }],
    ] as const) {
      const { context, page } = await newPage(stage.browser, options);
      const width = () => page.evaluate(() => document.documentElement.scrollWidth);
      await page.goto(`${stage.api.baseUrl}/site/${unit.slug}/`);
      await openPortalMenu(page);
      const menuLinks = await page.getByRole('navigation').getByRole('link').allInnerTexts();
      expect(menuLinks.filter((label) => /thủ tục/i.test(label))).toEqual(['Thủ tục hành chính']);
      await page
        .getByRole('navigation')
        .getByRole('link', { name: 'Thủ tục hành chính', exact: true })
        .click();
      await page.waitForURL(`${stage.api.baseUrl}/site/${unit.slug}/thu-tuc-hanh-chinh`);
      expect(await page.title()).toBe('Thủ tục hành chính — UBND xã Tân Hòa');
      const news = page.getByRole('region', { name: 'Tin thủ tục hành chính' });
      expect(await news.getByRole('link').allInnerTexts()).toEqual([
        newsTitle,
        'Xem tất cả tin thủ tục hành chính',
      ]);
      if (name === 'pc') {
        await screenshot(page, 'portal-thu-tuc-hanh-chinh');
      }
      expect(await page.locator('section.tthc h2').allInnerTexts()).toEqual([
        'Lĩnh vực',
        'Chứng thực (1 thủ tục)',
        'Hộ tịch (2 thủ tục)',
      ]);
      expect(await width()).toBe(options.viewport.width);
      await screenshot(page, `cong-thong-tin-thu-tuc-${name}`);

      // The search, typed without accents, through the form: no script runs, the browser submits it.
      await page.getByLabel('Tên hoặc mã thủ tục').fill('dang ky');
      await page.getByLabel('Lĩnh vực').selectOption('Hộ tịch');
      await page.getByLabel('Dịch vụ công trực tuyến').selectOption('toan-trinh');
      await page.getByRole('button', { name: 'Tìm thủ tục' }).click();
      await page.waitForURL(/\?q=dang\+ky&linh-vuc=H%E1%BB%99\+t%E1%BB%8Bch&muc-do=toan-trinh$/);
      expect(await page.locator('section.tthc li a').allInnerTexts()).toEqual(['Thủ tục đăng ký khai sinh']);
      expect(await page.getByRole('status').innerText()).toContain('1 thủ tục phù hợp với “dang ky”');
      // The form keeps what was chosen.
      expect(await page.getByLabel('Tên hoặc mã thủ tục').inputValue()).toBe('dang ky');
      expect(await page.getByLabel('Lĩnh vực').inputValue()).toBe('Hộ tịch');
      expect(await page.getByLabel('Dịch vụ công trực tuyến').inputValue()).toBe('toan-trinh');
      expect(await width()).toBe(options.viewport.width);

      await page.getByRole('link', { name: 'Thủ tục đăng ký khai sinh' }).click();
      await page.waitForURL(`${stage.api.baseUrl}/site/${unit.slug}/thu-tuc-hanh-chinh/1.001193`);
      expect(await page.locator('h1').innerText()).toBe('Thủ tục đăng ký khai sinh');
      expect(await page.locator('article h3').allInnerTexts()).toEqual([
        'Trường hợp: Đăng ký khai sinh đúng hạn',
        'Trường hợp: Trẻ bị bỏ rơi',
        'Trường hợp: Đăng ký khai sinh đúng hạn',
        'Trường hợp: Trẻ bị bỏ rơi',
      ]);
      expect(await page.getByRole('link', { name: 'Nộp hồ sơ trực tuyến' }).getAttribute('href')).toBe(
        'https://dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html?ma_thu_tuc=1.001193.000.00.00.H12',
      );
      expect(
        await page
          .getByRole('link', { name: 'Tra cứu trên Cổng Dịch vụ công quốc gia' })
          .getAttribute('href'),
      ).toBe('https://dichvucong.gov.vn/p/home/dvc-tim-kiem-thu-tuc.html?key=1.001193');
      expect(await page.locator('article').innerText()).toContain(
        'Quyết định số 1234/QĐ-UBND ngày 15/03/2024 của UBND tỉnh Hải Dương',
      );
      expect(await width()).toBe(options.viewport.width);
      await screenshot(page, `cong-thong-tin-thu-tuc-chi-tiet-${name}`);

      await page.getByRole('link', { name: 'Bản in' }).click();
      await page.waitForURL(`${stage.api.baseUrl}/site/${unit.slug}/thu-tuc-hanh-chinh/1.001193/in`);
      expect(await page.locator('nav').count()).toBe(0);
      expect(await page.locator('h1').innerText()).toBe('Thủ tục đăng ký khai sinh');
      expect(await width()).toBe(options.viewport.width);
      await context.close();
    }
  });
});
