import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { PortalCache } from '../../libs/portal/src';
import { startApi, TestApi } from '../support/api';
import { pdfDocument } from '../support/documents';
import { createUnit, publishArticle } from '../support/factories';

// The public portal's thủ tục hành chính pages, as a citizen's browser and a search engine see them.
describe('Public portal: thủ tục hành chính (e2e)', () => {
  const PUBLIC_URL = 'https://cong.example.vn';
  let api: TestApi;
  let admin: string;

  beforeAll(async () => {
    // Absolute links come from here (or a unit's mapped host), never from the request.
    api = await startApi({ PUBLIC_URL });
    admin = await api.adminToken();
  });
  afterAll(async () => {
    await api.close();
  });

  const page = (path: string) =>
    fetch(`${api.baseUrl}${path}`, {
      headers: { 'user-agent': 'Mozilla/5.0 (Linux; Android 12) Chrome/120 Mobile' },
    });
  const html = async (path: string): Promise<string> => {
    const res = await page(path);
    expect({ path, status: res.status }).toEqual({ path, status: 200 });
    return res.text();
  };

  function procedure(fields: Record<string, unknown> = {}): Record<string, unknown> {
    return {
      code: '1.001193',
      name: 'Đăng ký khai sinh',
      field: 'Hộ tịch',
      level: 'Cấp xã',
      onlineLevel: 'none',
      ...fields,
    };
  }

  /** Creates a procedure through the API and, unless told otherwise, publishes it. */
  async function create(
    unitId: string,
    fields: Record<string, unknown> = {},
    publish = true,
  ): Promise<{ id: string; code: string; version: number }> {
    const res = await api.request('POST', `/api/v1/units/${unitId}/procedures`, {
      token: admin,
      body: procedure(fields),
    });
    expect({ status: res.status, body: res.body }).toMatchObject({ status: 201 });
    if (!publish) {
      return res.body;
    }
    const published = await api.request('POST', `/api/v1/procedures/${res.body.id}/publish`, {
      token: admin,
    });
    expect(published.status).toBe(200);
    return published.body;
  }

  /** The page again and again until `check` holds (a change reaches the cache by NOTIFY, asynchronously). */
  async function until(path: string, check: (body: string, status: number) => boolean): Promise<string> {
    let body = '';
    for (let i = 0; i < 40; i += 1) {
      const res = await page(path);
      body = await res.text();
      if (check(body, res.status)) {
        return body;
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return body;
  }

  /**
   * Whether the page ends up in the cache. A page rendered while a change is being heard (the NOTIFY of
   * the publication just made arrives asynchronously) is rightly not kept, so it may take a view or two.
   */
  async function cached(path: string): Promise<boolean> {
    const cache = api.app.get(PortalCache);
    for (let i = 0; i < 40 && !cache.pageAt('127.0.0.1', `${path}`); i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      await (await page(path)).text();
    }
    return cache.pageAt('127.0.0.1', `${path}`) !== undefined;
  }

  /** The procedure names listed under each field heading, in page order. */
  function grouped(body: string): Record<string, string[]> {
    const out: Record<string, string[]> = {};
    const main = body.slice(body.indexOf('<section class="tthc">'));
    for (const part of main.split('<h2>').slice(1)) {
      const heading = /^([^<]*) <span class="meta">\((\d+) thủ tục\)<\/span><\/h2>/.exec(part);
      if (!heading) {
        continue;
      }
      out[`${heading[1]} (${heading[2]})`] = [...part.matchAll(/<li><a href="[^"]+">([^<]+)<\/a>/g)].map(
        (m) => m[1],
      );
    }
    return out;
  }

  it('lists the published procedures grouped by field with counts, linked from the menu, and caches the plain list', async () => {
    const unit = await createUnit(api, admin, { name: 'UBND xã Tân Lập' });
    await create(unit.id, { code: '1.001193', name: 'Đăng ký khai sinh', field: 'Hộ tịch' });
    await create(unit.id, { code: '1.000894', name: 'Đăng ký kết hôn', field: 'Hộ tịch' });
    await create(unit.id, { code: '2.000815', name: 'Chứng thực bản sao từ bản chính', field: 'Chứng thực' });
    await create(unit.id, { code: '1.004227', name: 'Thủ tục chưa đăng', field: 'Đất đai' }, false);

    const path = `/site/${unit.slug}/thu-tuc-hanh-chinh`;
    const res = await page(path);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("script-src 'none'");
    const body = await res.text();
    expect(body).toContain('<title>Thủ tục hành chính — UBND xã Tân Lập</title>');
    expect(body).toContain('3 thủ tục hành chính đang áp dụng tại UBND xã Tân Lập.');
    expect(grouped(body)).toEqual({
      'Chứng thực (1)': ['Chứng thực bản sao từ bản chính'],
      'Hộ tịch (2)': ['Đăng ký kết hôn', 'Đăng ký khai sinh'],
    });
    expect(body).toContain(`<a href="/site/${unit.slug}/thu-tuc-hanh-chinh/1.001193">Đăng ký khai sinh</a>`);
    // The field list links each field's filter, with its count.
    expect(body).toContain(
      `<li><a href="/site/${unit.slug}/thu-tuc-hanh-chinh?linh-vuc=H%E1%BB%99+t%E1%BB%8Bch">Hộ tịch</a> (2)</li>`,
    );
    expect(body).not.toContain('Thủ tục chưa đăng');
    expect(body).not.toContain('Đất đai');
    expect(body).not.toMatch(/<script/i);

    // The menu of every page has the link.
    const home = await html(`/site/${unit.slug}/`);
    expect(home).toContain(`<a href="/site/${unit.slug}/thu-tuc-hanh-chinh">Thủ tục hành chính</a>`);

    const cache = api.app.get(PortalCache);
    expect(await cached(path)).toBe(true);
    await html(`${path}?q=khai+sinh`);
    await html(`${path}?linh-vuc=${encodeURIComponent('Hộ tịch')}`);
    await html(`${path}?muc-do=toan-trinh`);
    expect(cache.pageAt('127.0.0.1', `${path}?q=khai+sinh`)).toBeUndefined();
    expect(cache.pageAt('127.0.0.1', `${path}?linh-vuc=${encodeURIComponent('Hộ tịch')}`)).toBeUndefined();
    expect(cache.pageAt('127.0.0.1', `${path}?muc-do=toan-trinh`)).toBeUndefined();

    const empty = await createUnit(api, admin);
    expect(await html(`/site/${empty.slug}/thu-tuc-hanh-chinh`)).toContain(
      'Đơn vị chưa đăng thủ tục hành chính nào.',
    );
  });

  it('searches without accents, by the exact national code, and only within the unit', async () => {
    const unit = await createUnit(api, admin);
    const other = await createUnit(api, admin);
    await create(unit.id, { code: '1.001193', name: 'Đăng ký khai sinh', field: 'Hộ tịch' });
    await create(unit.id, { code: '1.000894', name: 'Đăng ký kết hôn', field: 'Hộ tịch' });
    await create(unit.id, { code: '2.000815', name: 'Chứng thực chữ ký', field: 'Chứng thực' });
    await create(other.id, { code: '1.003583', name: 'Khai sinh ở xã khác', field: 'Hộ tịch' });
    const search = (q: string) => html(`/site/${unit.slug}/thu-tuc-hanh-chinh?q=${encodeURIComponent(q)}`);

    const byField = await search('ho tich');
    expect(byField).toContain('2 thủ tục phù hợp với “ho tich”');
    expect(grouped(byField)).toEqual({ 'Hộ tịch (2)': ['Đăng ký kết hôn', 'Đăng ký khai sinh'] });
    expect(byField).not.toContain('xã khác');

    expect(grouped(await search('KHAI SINH'))).toEqual({ 'Hộ tịch (1)': ['Đăng ký khai sinh'] });
    expect(grouped(await search('chứng thực'))).toEqual({ 'Chứng thực (1)': ['Chứng thực chữ ký'] });
    const byCode = await search('2.000815');
    expect(grouped(byCode)).toEqual({ 'Chứng thực (1)': ['Chứng thực chữ ký'] });
    // The search box keeps what was typed.
    expect(byCode).toContain('name="q" value="2.000815"');

    const none = await search('giấy phép xây dựng');
    expect(none).toContain('0 thủ tục phù hợp');
    expect(none).toContain('Không tìm thấy thủ tục phù hợp.');
    expect(grouped(none)).toEqual({});
    // Another unit's code is not found here.
    expect(grouped(await search('1.003583'))).toEqual({});
  });

  it('filters by field and by online service level with plain GET form controls, alone or with a search', async () => {
    const unit = await createUnit(api, admin);
    await create(unit.id, {
      code: '1.001193',
      name: 'Đăng ký khai sinh',
      field: 'Hộ tịch',
      onlineLevel: 'full',
      onlineUrl: 'https://dichvucong.gov.vn/nop-ho-so?ma=1.001193',
    });
    await create(unit.id, {
      code: '1.000894',
      name: 'Đăng ký kết hôn',
      field: 'Hộ tịch',
      onlineLevel: 'partial',
      onlineUrl: 'https://dichvucong.gov.vn/nop-ho-so?ma=1.000894',
    });
    await create(unit.id, { code: '2.000815', name: 'Chứng thực chữ ký', field: 'Chứng thực' });
    await create(unit.id, {
      code: '1.004227',
      name: 'Đăng ký khai sinh có yếu tố nước ngoài',
      field: 'Hộ tịch quốc tế',
      onlineLevel: 'full',
      onlineUrl: 'https://dichvucong.gov.vn/nop-ho-so?ma=1.004227',
    });
    const list = (query: string) => html(`/site/${unit.slug}/thu-tuc-hanh-chinh?${query}`);

    const plain = await list('');
    // One GET form with a search box and two selects; nothing needs JavaScript.
    const form = /<form class="filters" action="([^"]+)" method="get" role="search">([\s\S]*?)<\/form>/.exec(
      plain,
    );
    expect(form?.[1]).toBe(`/site/${unit.slug}/thu-tuc-hanh-chinh`);
    const names = [...(form?.[2] ?? '').matchAll(/<(input|select)[^>]* name="([^"]+)"/g)].map(
      (m) => `${m[1]}:${m[2]}`,
    );
    expect(names).toEqual(['input:q', 'select:linh-vuc', 'select:muc-do']);
    const options = (name: string, body: string) =>
      [
        ...(new RegExp(`<select name="${name}">(.*?)</select>`).exec(body)?.[1] ?? '').matchAll(
          /<option value="([^"]*)"( selected)?>([^<]*)<\/option>/g,
        ),
      ].map((m) => `${m[1]}=${m[3]}${m[2] ? ' *' : ''}`);
    expect(options('linh-vuc', plain)).toEqual([
      '=Tất cả lĩnh vực *',
      'Chứng thực=Chứng thực',
      'Hộ tịch=Hộ tịch',
      'Hộ tịch quốc tế=Hộ tịch quốc tế',
    ]);
    expect(options('muc-do', plain)).toEqual([
      '=Tất cả mức độ *',
      'toan-trinh=Toàn trình',
      'mot-phan=Một phần',
      'khong=Không',
    ]);

    // The field is matched exactly: "Hộ tịch" is not "Hộ tịch quốc tế".
    const field = await list(`linh-vuc=${encodeURIComponent('Hộ tịch')}`);
    expect(grouped(field)).toEqual({ 'Hộ tịch (2)': ['Đăng ký kết hôn', 'Đăng ký khai sinh'] });
    expect(options('linh-vuc', field)).toContain('Hộ tịch=Hộ tịch *');

    const full = await list('muc-do=toan-trinh');
    expect(grouped(full)).toEqual({
      'Hộ tịch (1)': ['Đăng ký khai sinh'],
      'Hộ tịch quốc tế (1)': ['Đăng ký khai sinh có yếu tố nước ngoài'],
    });
    expect(options('muc-do', full)).toContain('toan-trinh=Toàn trình *');
    // The field filter still offers every field while another filter narrows the list.
    expect(options('linh-vuc', full)).toHaveLength(4);
    expect(grouped(await list('muc-do=mot-phan'))).toEqual({ 'Hộ tịch (1)': ['Đăng ký kết hôn'] });
    expect(grouped(await list('muc-do=khong'))).toEqual({ 'Chứng thực (1)': ['Chứng thực chữ ký'] });

    // Together, as the form sends them, including empty choices.
    const both = await list(`q=khai+sinh&linh-vuc=${encodeURIComponent('Hộ tịch')}&muc-do=toan-trinh`);
    expect(grouped(both)).toEqual({ 'Hộ tịch (1)': ['Đăng ký khai sinh'] });
    expect(both).toContain('1 thủ tục phù hợp với “khai sinh” · lĩnh vực Hộ tịch');
    expect(grouped(await list('q=&linh-vuc=&muc-do='))).toEqual(grouped(plain));
    // An unknown level is ignored rather than failing; a repeated parameter is a 400 page (issue 13).
    expect(grouped(await list('muc-do=abc'))).toEqual(grouped(plain));
    const repeated = await page(`/site/${unit.slug}/thu-tuc-hanh-chinh?muc-do=mot-phan&muc-do=khong`);
    expect(repeated.status).toBe(400);
    expect(await repeated.text()).toContain('Yêu cầu không hợp lệ');
    expect(grouped(await list(`linh-vuc=${encodeURIComponent('Không có')}`))).toEqual({});
  });

  it('shows every component of a procedure with several cases, its online service and the national portal', async () => {
    const unit = await createUnit(api, admin, { name: 'UBND xã Hồng Phong' });
    await create(unit.id, {
      code: '1.001193',
      name: 'Thủ tục đăng ký khai sinh',
      field: 'Hộ tịch',
      level: 'Cấp xã',
      agency: 'Ủy ban nhân dân cấp xã',
      applicants: 'Công dân Việt Nam',
      steps: [
        { case: 'Đăng ký đúng hạn', items: ['Nộp tờ khai tại Bộ phận Một cửa', 'Nhận Giấy khai sinh'] },
        { case: 'Trẻ bị bỏ rơi', items: ['Lập biên bản xác nhận', 'Niêm yết 07 ngày'] },
      ],
      methods: [
        {
          channel: 'Trực tiếp',
          timeLimit: 'Ngay trong ngày',
          fees: 'Miễn lệ phí',
          description: 'Tại Bộ phận Một cửa',
        },
        { channel: 'Trực tuyến', timeLimit: '01 ngày làm việc', fees: '8.000 đồng', description: '' },
      ],
      dossier: [
        {
          case: 'Đăng ký đúng hạn',
          items: [
            { name: 'Tờ khai đăng ký khai sinh', form: 'Mẫu TK-01', originals: 1, copies: 0 },
            { name: 'Giấy chứng sinh', form: null, originals: 1, copies: 2 },
          ],
        },
        {
          case: 'Trẻ bị bỏ rơi',
          items: [{ name: 'Biên bản xác nhận việc trẻ bị bỏ rơi', form: null, originals: 1, copies: null }],
        },
      ],
      dossierCount: '01 bộ',
      timeLimit: 'Ngay trong ngày làm việc',
      fees: 'Miễn lệ phí đăng ký đúng hạn',
      forms: 'Tờ khai đăng ký khai sinh (Thông tư 04/2020/TT-BTP)',
      result: 'Giấy khai sinh (bản chính)',
      conditions: 'Không',
      legalBasis: [
        { number: '60/2014/QH13', title: 'Luật Hộ tịch', issuedOn: '2014-11-20', issuer: 'Quốc hội' },
        {
          number: '123/2015/NĐ-CP',
          title: 'Nghị định quy định chi tiết Luật Hộ tịch',
          issuedOn: '2015-11-15',
          issuer: 'Chính phủ',
        },
      ],
      receivingAddress: 'Bộ phận Một cửa, UBND xã Hồng Phong, thôn Đông',
      onlineLevel: 'full',
      onlineUrl: 'https://dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html?ma_thu_tuc=1',
      decisionNumber: '1234/QĐ-UBND',
      decisionDate: '2024-03-15',
      decisionIssuer: 'UBND tỉnh Hải Dương',
    });
    const body = await html(`/site/${unit.slug}/thu-tuc-hanh-chinh/1.001193`);
    expect(body).toContain('<title>Thủ tục đăng ký khai sinh — UBND xã Hồng Phong</title>');
    expect(body).toContain('<h1>Thủ tục đăng ký khai sinh</h1>');
    const terms = Object.fromEntries(
      [...body.matchAll(/<dt>([^<]+)<\/dt><dd>(.*?)<\/dd>/g)].map((m) => [m[1], m[2]]),
    );
    expect(terms).toEqual({
      'Mã thủ tục': '1.001193',
      'Lĩnh vực': 'Hộ tịch',
      'Cấp thực hiện': 'Cấp xã',
      'Cơ quan thực hiện': 'Ủy ban nhân dân cấp xã',
      'Đối tượng thực hiện': 'Công dân Việt Nam',
      'Mức độ dịch vụ công trực tuyến':
        'Dịch vụ công trực tuyến toàn trình — <a href="https://dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html?ma_thu_tuc=1" rel="noopener noreferrer">Nộp hồ sơ trực tuyến</a>',
      // Every method has its own: the general value applies to none, so the top points to the methods.
      'Thời hạn giải quyết': 'Tùy cách thực hiện: xem mục <a href="#cach-thuc">Cách thức thực hiện</a>.',
      'Phí, lệ phí': 'Tùy cách thực hiện: xem mục <a href="#cach-thuc">Cách thức thực hiện</a>.',
    });
    const section = (title: string) => {
      const start = body.search(new RegExp(`<h2( id="[a-z-]+")?>${title}</h2>`));
      expect({ title, found: start >= 0 }).toEqual({ title, found: true });
      return body.slice(start, body.indexOf('<h2', start + 4));
    };
    expect(section('Trình tự thực hiện')).toBe(
      '<h2>Trình tự thực hiện</h2><h3>Trường hợp: Đăng ký đúng hạn</h3><ol><li>Nộp tờ khai tại Bộ phận Một cửa</li>' +
        '<li>Nhận Giấy khai sinh</li></ol><h3>Trường hợp: Trẻ bị bỏ rơi</h3><ol><li>Lập biên bản xác nhận</li>' +
        '<li>Niêm yết 07 ngày</li></ol>\n',
    );
    expect(section('Cách thức thực hiện')).toBe(
      '<h2 id="cach-thuc">Cách thức thực hiện</h2><ul><li><strong>Trực tiếp</strong><br>Thời hạn giải quyết: Ngay trong ngày' +
        '<br>Phí, lệ phí: Miễn lệ phí<br>Tại Bộ phận Một cửa</li><li><strong>Trực tuyến</strong><br>Thời hạn giải quyết: ' +
        '01 ngày làm việc<br>Phí, lệ phí: 8.000 đồng</li></ul>\n',
    );
    expect(section('Thành phần hồ sơ')).toBe(
      '<h2>Thành phần hồ sơ</h2><h3>Trường hợp: Đăng ký đúng hạn</h3><ul><li>Tờ khai đăng ký khai sinh' +
        '<br><span class="meta">Mẫu: Mẫu TK-01</span><br><span class="meta">Bản chính: 1 · Bản sao: 0</span></li>' +
        '<li>Giấy chứng sinh<br><span class="meta">Bản chính: 1 · Bản sao: 2</span></li></ul>' +
        '<h3>Trường hợp: Trẻ bị bỏ rơi</h3><ul><li>Biên bản xác nhận việc trẻ bị bỏ rơi<br><span class="meta">' +
        'Bản chính: 1</span></li></ul><p>Số lượng hồ sơ: 01 bộ</p>\n',
    );
    expect(section('Mẫu đơn, tờ khai')).toContain('Tờ khai đăng ký khai sinh (Thông tư 04/2020/TT-BTP)');
    expect(section('Kết quả thực hiện')).toContain('Giấy khai sinh (bản chính)');
    expect(section('Yêu cầu, điều kiện')).toContain('<p>Không</p>');
    expect(section('Căn cứ pháp lý')).toBe(
      '<h2>Căn cứ pháp lý</h2><ul><li><strong>60/2014/QH13</strong>: Luật Hộ tịch <span class="meta">' +
        '(ngày 20/11/2014 của Quốc hội)</span></li><li><strong>123/2015/NĐ-CP</strong>: Nghị định quy định chi tiết ' +
        'Luật Hộ tịch <span class="meta">(ngày 15/11/2015 của Chính phủ)</span></li></ul>\n',
    );
    expect(section('Địa chỉ tiếp nhận hồ sơ')).toContain('Bộ phận Một cửa, UBND xã Hồng Phong, thôn Đông');
    expect(section('Quyết định công bố')).toContain(
      '<p>Quyết định số 1234/QĐ-UBND ngày 15/03/2024 của UBND tỉnh Hải Dương</p>',
    );
    expect(body).toContain(
      '<a href="https://dichvucong.gov.vn/p/home/dvc-tim-kiem-thu-tuc.html?key=1.001193" rel="noopener noreferrer">' +
        'Tra cứu trên Cổng Dịch vụ công quốc gia</a>',
    );
    expect(body).toContain(`<a href="/site/${unit.slug}/thu-tuc-hanh-chinh/1.001193/in">Bản in</a>`);
    expect(body).toMatch(/Đăng trên trang: <time datetime="[^"]+">\d{2}\/\d{2}\/\d{4}<\/time>/);
    expect(body).not.toContain('Thủ tục đã được sửa đổi, bổ sung');
    expect(body).not.toMatch(/<script/i);
  });

  it('has one "Thủ tục hành chính" in the menu: the catalogue, which lists the latest news about procedures', async () => {
    const unit = await createUnit(api, admin, { name: 'UBND xã Một Cửa' });
    await create(unit.id, { code: '1.001193', name: 'Đăng ký khai sinh', field: 'Hộ tịch' });
    const titles = ['Tin 1', 'Tin 2', 'Tin 3', 'Tin 4', 'Tin 5', 'Tin 6'].map((t) => `${t} về thủ tục`);
    for (const title of titles) {
      await publishArticle(api, admin, unit.id, { title, categorySlug: 'thu-tuc-hanh-chinh' });
    }
    await publishArticle(api, admin, unit.id, { title: 'Tin cải cách', categorySlug: 'cai-cach-hanh-chinh' });

    const home = await html(`/site/${unit.slug}/`);
    const menu = home.slice(
      home.indexOf('<ul class="wide">'),
      home.indexOf('</ul>', home.indexOf('<ul class="wide">')),
    );
    const links = [...menu.matchAll(/<a href="([^"]+)">([^<]+)<\/a>/g)].map((m) => [m[1], m[2]]);
    expect(links.filter(([, label]) => /thủ tục/i.test(label))).toEqual([
      [`/site/${unit.slug}/thu-tuc-hanh-chinh`, 'Thủ tục hành chính'],
    ]);
    expect(home).not.toContain('Tra cứu thủ tục');
    expect(links.map(([href]) => href)).not.toContain(`/site/${unit.slug}/chuyen-muc/thu-tuc-hanh-chinh`);
    // The other categories stay in the menu.
    expect(links).toContainEqual([
      `/site/${unit.slug}/chuyen-muc/cai-cach-hanh-chinh`,
      'Cải cách hành chính',
    ]);

    // The catalogue: the five latest news about procedures, then a link to all of them.
    const catalogue = await html(`/site/${unit.slug}/thu-tuc-hanh-chinh`);
    const news = catalogue.slice(
      catalogue.indexOf('<section class="news"'),
      catalogue.indexOf('<section class="tthc">'),
    );
    expect(news).toContain('<h2 id="tin-tthc">Tin thủ tục hành chính</h2>');
    expect([...news.matchAll(/<li><a href="[^"]+">([^<]+)<\/a>/g)].map((m) => m[1])).toEqual(
      [...titles].reverse().slice(0, 5),
    );
    expect(news).toContain(
      `<a href="/site/${unit.slug}/chuyen-muc/thu-tuc-hanh-chinh">Xem tất cả tin thủ tục hành chính</a>`,
    );
    expect(catalogue).not.toContain('Tin cải cách');
    expect(catalogue).toContain(
      `<a href="/site/${unit.slug}/thu-tuc-hanh-chinh/1.001193">Đăng ký khai sinh</a>`,
    );
    // Someone searching sees the procedures only.
    expect(await html(`/site/${unit.slug}/thu-tuc-hanh-chinh?q=khai+sinh`)).not.toContain(
      'Tin thủ tục hành chính',
    );

    // The category's own page keeps its address, lists all six, and leads back to the catalogue.
    const category = await html(`/site/${unit.slug}/chuyen-muc/thu-tuc-hanh-chinh`);
    expect(category).toContain('<h1>Tin thủ tục hành chính</h1>');
    expect(category).toContain(
      `<a href="/site/${unit.slug}/thu-tuc-hanh-chinh">Thủ tục hành chính</a> › Tin thủ tục hành chính`,
    );
    for (const title of titles) {
      expect(category).toContain(title);
    }

    // A unit with no such news shows no empty box.
    const quiet = await createUnit(api, admin);
    await create(quiet.id, { code: '1.001193' });
    expect(await html(`/site/${quiet.slug}/thu-tuc-hanh-chinh`)).not.toContain('class="news"');
  });

  it('lets citizens download a dossier item’s form files, and shows each method the time limit and fees the form says', async () => {
    const unit = await createUnit(api, admin, { name: 'UBND xã Tải Mẫu' });
    const pdf = pdfDocument('To khai dang ky khai sinh');
    const uploaded = await api.upload(`/api/v1/units/${unit.id}/files`, {
      token: admin,
      file: { name: 'to-khai.pdf', bytes: pdf },
    });
    expect(uploaded.status).toBe(201);
    const name = 'Tờ khai đăng ký khai sinh (mẫu TK-01).pdf';
    await create(unit.id, {
      code: '1.001193',
      name: 'Thủ tục đăng ký khai sinh',
      timeLimit: 'Ngay trong ngày làm việc',
      fees: 'Miễn lệ phí',
      methods: [
        { channel: 'Trực tiếp', timeLimit: '', fees: '', description: '' },
        { channel: 'Trực tuyến', timeLimit: '', fees: '', description: '' },
      ],
      dossier: [
        {
          case: null,
          items: [
            {
              name: 'Tờ khai đăng ký khai sinh',
              form: 'Mẫu TK-01',
              originals: 1,
              copies: 0,
              forms: [{ url: uploaded.body.url, name }],
            },
            { name: 'Giấy chứng sinh', form: null, originals: 1, copies: 0 },
          ],
        },
      ],
    });
    const path = `/site/${unit.slug}/thu-tuc-hanh-chinh/1.001193`;
    const body = await html(path);
    const href = `${uploaded.body.url}?download=${encodeURIComponent(name)}`;
    expect(body).toContain(
      `<ul class="forms" aria-label="Tải mẫu đơn, tờ khai: Tờ khai đăng ký khai sinh"><li>Tải mẫu: <a href="${href}">${name}</a> (PDF, 1 KB)</li></ul>`,
    );
    expect(body.match(/class="forms"/g)).toHaveLength(1);
    // The general time limit and fees: once at the top, and for each method that gives none of its own.
    expect(body).toContain('<dt>Thời hạn giải quyết</dt><dd>Ngay trong ngày làm việc</dd>');
    expect(body).toContain('<dt>Phí, lệ phí</dt><dd>Miễn lệ phí</dd>');
    expect(body).toContain(
      '<li><strong>Trực tiếp</strong><br>Thời hạn giải quyết: Ngay trong ngày làm việc<br>Phí, lệ phí: Miễn lệ phí</li>' +
        '<li><strong>Trực tuyến</strong><br>Thời hạn giải quyết: Ngay trong ngày làm việc<br>Phí, lệ phí: Miễn lệ phí</li>',
    );

    // The link downloads the very file, under its name (RFC 6266), from the portal's own address.
    const file = await fetch(`${api.baseUrl}${href}`);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('application/pdf');
    expect(file.headers.get('content-disposition')).toBe(
      `attachment; filename="To khai dang ky khai sinh (mau TK-01).pdf"; filename*=UTF-8''${encodeURIComponent(name).replace(/[()]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`,
    );
    expect(Buffer.from(await file.arrayBuffer()).equals(pdf)).toBe(true);
    // The print view has no links to follow.
    expect(await html(`${path}/in`)).not.toContain('?download=');

    // One method with its own time limit: the top points to the methods, the other keeps the general one.
    const current = (
      await api.request('GET', `/api/v1/units/${unit.id}/procedures?q=1.001193`, { token: admin })
    ).body.items[0];
    const changed = await api.request('PATCH', `/api/v1/procedures/${current.id}`, {
      token: admin,
      body: {
        version: current.version,
        methods: [
          { channel: 'Trực tiếp', timeLimit: '', fees: '', description: '' },
          { channel: 'Trực tuyến', timeLimit: '04 giờ làm việc', fees: '', description: '' },
        ],
      },
    });
    expect(changed.status).toBe(200);
    const after = await until(path, (b) => b.includes('04 giờ làm việc'));
    expect(after).toContain(
      '<dt>Thời hạn giải quyết</dt><dd>Tùy cách thực hiện: xem mục <a href="#cach-thuc">Cách thức thực hiện</a>.</dd>',
    );
    expect(after).toContain('<dt>Phí, lệ phí</dt><dd>Miễn lệ phí</dd>');
    expect(after).toContain(
      '<li><strong>Trực tiếp</strong><br>Thời hạn giải quyết: Ngay trong ngày làm việc<br>Phí, lệ phí: Miễn lệ phí</li>' +
        '<li><strong>Trực tuyến</strong><br>Thời hạn giải quyết: 04 giờ làm việc<br>Phí, lệ phí: Miễn lệ phí</li>',
    );
  });

  it('notes an amended procedure, and says so plainly when components are missing', async () => {
    const unit = await createUnit(api, admin);
    await create(unit.id, {
      code: '1.000656',
      name: 'Thủ tục xác nhận tình trạng hôn nhân',
      status: 'amended',
      decisionNumber: '88/QĐ-UBND',
      decisionDate: '2025-07-01',
      decisionIssuer: 'UBND tỉnh Hưng Yên',
    });
    const body = await html(`/site/${unit.slug}/thu-tuc-hanh-chinh/1.000656`);
    expect(body).toContain(
      '<p class="note" role="note"><strong>Thủ tục đã được sửa đổi, bổ sung.</strong> Nội dung dưới đây là nội dung ' +
        'đang áp dụng, công bố tại Quyết định số 88/QĐ-UBND ngày 01/07/2025 của UBND tỉnh Hưng Yên.</p>',
    );
    expect(body).toContain('<h2>Trình tự thực hiện</h2><p>Chưa cập nhật.</p>');
    expect(body).toContain('<dt>Mức độ dịch vụ công trực tuyến</dt><dd>Chưa có dịch vụ công trực tuyến</dd>');
    expect(body).toContain('<dt>Phí, lệ phí</dt><dd>Không quy định.</dd>');
  });

  it('answers a 404 for unknown, unpublished, abolished and replaced procedures, and lists none of them', async () => {
    const unit = await createUnit(api, admin);
    const other = await createUnit(api, admin);
    await create(unit.id, { code: '1.000001', name: 'Thủ tục đang áp dụng' });
    await create(unit.id, { code: '1.000002', name: 'Thủ tục chưa đăng' }, false);
    const abolished = await create(unit.id, { code: '1.000003', name: 'Thủ tục bị bãi bỏ' });
    const replaced = await create(unit.id, { code: '1.000004', name: 'Thủ tục bị thay thế' });
    await create(other.id, { code: '1.000005', name: 'Thủ tục của xã khác' });
    const base = `/site/${unit.slug}/thu-tuc-hanh-chinh`;
    // Seen once while public, so that the cached pages must be dropped.
    expect(await html(`${base}/1.000003`)).toContain('Thủ tục bị bãi bỏ');
    expect(await html(`${base}/1.000004`)).toContain('Thủ tục bị thay thế');
    expect(grouped(await html(`${base}?muc-do=khong`))).toEqual({
      'Hộ tịch (3)': ['Thủ tục bị bãi bỏ', 'Thủ tục bị thay thế', 'Thủ tục đang áp dụng'],
    });

    const gone = await api.request('POST', `/api/v1/procedures/${abolished.id}/abolish`, {
      token: admin,
      body: { reason: 'Bãi bỏ theo Quyết định số 9/QĐ-UBND' },
    });
    expect(gone.status).toBe(200);
    const newer = await create(unit.id, { code: '1.000006', name: 'Thủ tục thay thế mới' });
    const swap = await api.request('PATCH', `/api/v1/procedures/${replaced.id}`, {
      token: admin,
      body: { version: replaced.version, status: 'replaced', replacedById: newer.id },
    });
    expect(swap.status).toBe(200);

    for (const code of ['1.000002', '1.000003', '1.000004', '1.000005', '9.999999']) {
      for (const path of [`${base}/${code}`, `${base}/${code}/in`]) {
        const body = await until(path, (_body, status) => status === 404);
        const res = await page(path);
        expect({ path, status: res.status }).toEqual({ path, status: 404 });
        expect(body).toContain('Không tìm thấy trang');
      }
    }
    const list = await until(base, (body) => !body.includes('Thủ tục bị bãi bỏ'));
    expect(grouped(list)).toEqual({ 'Hộ tịch (2)': ['Thủ tục đang áp dụng', 'Thủ tục thay thế mới'] });
    expect(grouped(await html(`${base}?q=thu+tuc`))).toEqual({
      'Hộ tịch (2)': ['Thủ tục đang áp dụng', 'Thủ tục thay thế mới'],
    });
    expect(grouped(await html(`${base}?muc-do=khong`))).toEqual({
      'Hộ tịch (2)': ['Thủ tục đang áp dụng', 'Thủ tục thay thế mới'],
    });
    expect((await page(`${base}?trang=2`)).status).toBe(404);
  });

  it('escapes every value: characters of HTML in any component stay text', async () => {
    const unit = await createUnit(api, admin, { name: 'UBND xã "Thử" & <Chữ>' });
    // Tags are refused on input; what passes (quotes, ampersands, brackets that make no tag) is escaped.
    await create(unit.id, {
      code: '1.000777',
      name: 'Thủ tục "đặc biệt" & <chữ> thử',
      field: 'Lĩnh vực <đặc> & "lạ"',
      agency: "Cơ quan 'A' & <bé>",
      timeLimit: 'x < 5 > 3 ngày',
      fees: '"10.000" & <đồng>',
      steps: [{ case: 'Trường hợp <một> & "hai"', items: ['Bước <đầu> & "cuối"'] }],
      dossier: [
        { case: null, items: [{ name: 'Giấy <tờ> & "đơn"', form: '<mẫu> 1', originals: 1, copies: 1 }] },
      ],
      legalBasis: [{ number: '1/<số>', title: 'Luật "A" & <Bê>', issuedOn: null, issuer: '<Quốc hội>' }],
      onlineLevel: 'partial',
      onlineUrl: 'https://dichvucong.gov.vn/nop?ma=1.000777&loai=2',
    });
    const detail = await html(`/site/${unit.slug}/thu-tuc-hanh-chinh/1.000777`);
    const list = await html(`/site/${unit.slug}/thu-tuc-hanh-chinh`);
    const print = await html(`/site/${unit.slug}/thu-tuc-hanh-chinh/1.000777/in`);
    for (const body of [detail, print]) {
      expect(body).toContain('<h1>Thủ tục &quot;đặc biệt&quot; &amp; &lt;chữ&gt; thử</h1>');
      expect(body).toContain('Cơ quan &#39;A&#39; &amp; &lt;bé&gt;');
      expect(body).toContain('x &lt; 5 &gt; 3 ngày');
      expect(body).toContain('&quot;10.000&quot; &amp; &lt;đồng&gt;');
      expect(body).toContain('Bước &lt;đầu&gt; &amp; &quot;cuối&quot;');
      expect(body).toContain('Giấy &lt;tờ&gt; &amp; &quot;đơn&quot;');
      expect(body).toContain('Mẫu: &lt;mẫu&gt; 1');
      expect(body).toContain('<strong>1/&lt;số&gt;</strong>: Luật &quot;A&quot; &amp; &lt;Bê&gt;');
      expect(body).not.toMatch(/<(chữ|bé|đồng|đầu|tờ|mẫu|số|Bê|Quốc hội|một|đặc)>/);
    }
    expect(detail).toContain('Trường hợp: Trường hợp &lt;một&gt; &amp; &quot;hai&quot;');
    expect(detail).toContain('href="https://dichvucong.gov.vn/nop?ma=1.000777&amp;loai=2"');
    expect(detail).toContain(
      '<title>Thủ tục &quot;đặc biệt&quot; &amp; &lt;chữ&gt; thử — UBND xã &quot;Thử&quot;',
    );
    expect(list).toContain('>Thủ tục &quot;đặc biệt&quot; &amp; &lt;chữ&gt; thử</a>');
    expect(list).toContain(
      '<h2>Lĩnh vực &lt;đặc&gt; &amp; &quot;lạ&quot; <span class="meta">(1 thủ tục)</span></h2>',
    );
    expect(list).toContain('<option value="Lĩnh vực &lt;đặc&gt; &amp; &quot;lạ&quot;">');
    expect(list).not.toMatch(/<(chữ|đặc)>/);
    // What was typed into the search box comes back escaped too.
    const typed = await html(
      `/site/${unit.slug}/thu-tuc-hanh-chinh?q=${encodeURIComponent('"><script>alert(1)</script>')}`,
    );
    expect(typed).toContain('value="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"');
    expect(typed).not.toMatch(/<script/i);
  });

  it('shows a change to a published procedure on pages already cached, list and detail', async () => {
    const unit = await createUnit(api, admin);
    const created = await create(unit.id, { code: '1.000100', name: 'Thủ tục cũ', fees: 'Miễn phí' });
    const detail = `/site/${unit.slug}/thu-tuc-hanh-chinh/1.000100`;
    const list = `/site/${unit.slug}/thu-tuc-hanh-chinh`;
    expect(await html(detail)).toContain('<dd>Miễn phí</dd>');
    expect(await html(list)).toContain('Thủ tục cũ');
    expect(await cached(detail)).toBe(true);
    expect(await cached(list)).toBe(true);

    const changed = await api.request('PATCH', `/api/v1/procedures/${created.id}`, {
      token: admin,
      body: { version: created.version, name: 'Thủ tục mới', fees: '20.000 đồng' },
    });
    expect(changed.status).toBe(200);
    expect(await until(detail, (body) => body.includes('20.000 đồng'))).toContain('<dd>20.000 đồng</dd>');
    const after = await until(list, (body) => body.includes('Thủ tục mới'));
    expect(grouped(after)).toEqual({ 'Hộ tịch (1)': ['Thủ tục mới'] });

    // A search page is not cached, but the field list it offers is kept until the unit changes.
    const search = `${list}?q=thu+tuc`;
    expect(await html(search)).not.toContain('<option value="Chứng thực">');
    // A newly published procedure joins a list already cached, and its field the search's choices.
    await create(unit.id, { code: '1.000101', name: 'Thủ tục vừa đăng', field: 'Chứng thực' });
    expect(await until(search, (body) => body.includes('<option value="Chứng thực">'))).toContain(
      '<option value="Chứng thực">Chứng thực</option>',
    );
    const joined = await until(list, (body) => body.includes('Thủ tục vừa đăng'));
    expect(grouped(joined)).toEqual({
      'Chứng thực (1)': ['Thủ tục vừa đăng'],
      'Hộ tịch (1)': ['Thủ tục mới'],
    });
    expect(grouped(await html(`${list}?linh-vuc=${encodeURIComponent('Chứng thực')}`))).toEqual({
      'Chứng thực (1)': ['Thủ tục vừa đăng'],
    });
  });

  it('prints a procedure alone, without menu or links, and never indexed', async () => {
    const unit = await createUnit(api, admin, { name: 'UBND xã In Ấn' });
    await create(unit.id, {
      code: '1.000200',
      name: 'Thủ tục cần in',
      steps: [{ case: null, items: ['Nộp hồ sơ', 'Nhận kết quả'] }],
      legalBasis: [
        { number: '60/2014/QH13', title: 'Luật Hộ tịch', issuedOn: '2014-11-20', issuer: 'Quốc hội' },
      ],
    });
    const print = await html(`/site/${unit.slug}/thu-tuc-hanh-chinh/1.000200/in`);
    expect(print).toContain('<title>Thủ tục cần in — UBND xã In Ấn</title>');
    expect(print).toContain('<meta name="robots" content="noindex">');
    expect(print).toContain('<p class="meta">UBND xã In Ấn · Thủ tục hành chính</p>');
    expect(print).toContain('<h2>Trình tự thực hiện</h2><ol><li>Nộp hồ sơ</li><li>Nhận kết quả</li></ol>');
    expect(print).toContain('(ngày 20/11/2014 của Quốc hội)');
    expect(print).not.toContain('<nav');
    expect(print).not.toContain('<footer');
    expect(print).not.toContain('Bản in');
    expect(print).not.toContain('<a ');
    expect(print).not.toMatch(/<script/i);
  });

  it('serves the same pages at the root of a unit’s own host name', async () => {
    const unit = await createUnit(api, admin);
    const host = `tthc-${unit.slug}.example.vn`;
    const mapped = await api.request('PATCH', `/api/v1/units/${unit.id}`, {
      token: admin,
      body: { settings: { portalHost: host } },
    });
    expect(mapped.status).toBe(200);
    await create(unit.id, { code: '1.000300', name: 'Thủ tục trên tên miền riêng' });
    const fastify = api.app.getHttpAdapter().getInstance();
    const get = (url: string) =>
      fastify.inject({ method: 'GET', url, headers: { host, 'user-agent': 'Mozilla/5.0' } });
    let list = await get('/thu-tuc-hanh-chinh');
    for (let i = 0; i < 40 && !list.body.includes('Thủ tục trên tên miền riêng'); i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      list = await get('/thu-tuc-hanh-chinh');
    }
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain('<a href="/thu-tuc-hanh-chinh/1.000300">Thủ tục trên tên miền riêng</a>');
    expect(list.body).toContain('<form class="filters" action="/thu-tuc-hanh-chinh" method="get"');
    expect(list.body).not.toContain('/site/');
    const search = await get('/thu-tuc-hanh-chinh?q=ten+mien');
    expect(search.body).toContain('1 thủ tục phù hợp');
    const detail = await get('/thu-tuc-hanh-chinh/1.000300');
    expect(detail.statusCode).toBe(200);
    expect(detail.body).toContain(
      `<meta property="og:url" content="https://${host}/thu-tuc-hanh-chinh/1.000300">`,
    );
    expect(detail.body).toContain('<a href="/thu-tuc-hanh-chinh/1.000300/in">Bản in</a>');
    expect((await get('/thu-tuc-hanh-chinh/1.000300/in')).statusCode).toBe(200);
    expect((await get('/thu-tuc-hanh-chinh/9.999999')).statusCode).toBe(404);
  });

  it('names the published procedures in the sitemap', async () => {
    const unit = await createUnit(api, admin);
    await create(unit.id, { code: '1.000401', name: 'Thủ tục A', field: 'Hộ tịch' });
    await create(unit.id, { code: '1.000402', name: 'Thủ tục B', field: 'Chứng thực' });
    await create(unit.id, { code: '1.000403', name: 'Thủ tục chưa đăng' }, false);
    const text = await html(`/site/${unit.slug}/sitemap.xml`);
    expect(XMLValidator.validate(text)).toBe(true);
    const urls = [new XMLParser().parse(text).urlset.url].flat().map((u: { loc: string }) => u.loc);
    const site = `${PUBLIC_URL}/site/${unit.slug}`;
    expect(urls).toEqual([
      `${site}/`,
      `${site}/thu-tuc-hanh-chinh`,
      `${site}/thu-tuc-hanh-chinh/1.000402`,
      `${site}/thu-tuc-hanh-chinh/1.000401`,
    ]);
  });
});
