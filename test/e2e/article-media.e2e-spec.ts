import { imageSize } from 'image-size';
import { startApi, TestApi } from '../support/api';
import { docxDocument, pdfDocument } from '../support/documents';
import { expectError } from '../support/expectations';
import { createUnit, memberToken } from '../support/factories';
import { pngImage } from '../support/images';

// An article's featured image (thumbnails in the portal's lists, Open Graph) and the documents listed under it.
describe('Featured image and attachments of articles (e2e)', () => {
  const PUBLIC_URL = 'https://cong.example.vn';
  let api: TestApi;
  let admin: string;

  beforeAll(async () => {
    api = await startApi({ PUBLIC_URL });
    admin = await api.adminToken();
  });
  afterAll(async () => {
    await api.close();
  });

  async function upload(unitId: string, kind: 'images' | 'files', name: string, bytes: Buffer) {
    const res = await api.upload(`/api/v1/units/${unitId}/${kind}`, { token: admin, file: { name, bytes } });
    expect(res.status).toBe(201);
    return res.body as { url: string; name: string; bytes: number };
  }

  async function categoryId(unitId: string): Promise<string> {
    return (await api.request('GET', `/api/v1/units/${unitId}/categories`, { token: admin })).body[0].id;
  }

  it('keeps them, makes a small thumbnail, and shows them on the portal: list, page, Open Graph, downloads', async () => {
    const unit = await createUnit(api, admin);
    const editor = await memberToken(api, admin, unit.id, 'editor');
    const image = await upload(unit.id, 'images', 'hoi-nghi.png', pngImage(1600, 900, [20, 90, 160]));
    const plan = await upload(unit.id, 'files', 'Kế hoạch CCHC 2026.pdf', pdfDocument());
    const decision = await upload(unit.id, 'files', 'Quyết định 12.docx', await docxDocument());

    const created = await api.request('POST', '/api/v1/articles', {
      token: editor,
      body: {
        unitId: unit.id,
        title: 'Hội nghị triển khai kế hoạch CCHC',
        bodyHtml: '<p>Nội dung</p>',
        categoryIds: [await categoryId(unit.id)],
        featuredImage: { url: image.url, alt: 'Toàn cảnh hội nghị' },
        attachments: [
          { url: plan.url, name: plan.name },
          { url: decision.url, name: decision.name },
        ],
      },
    });
    expect(created.status).toBe(201);
    const article = created.body;
    expect(article.featuredImage).toMatchObject({ url: image.url, alt: 'Toàn cảnh hội nghị' });
    expect(article.attachments).toEqual([
      {
        url: plan.url,
        name: 'Kế hoạch CCHC 2026.pdf',
        bytes: plan.bytes,
        downloadUrl: `${plan.url}?download=${encodeURIComponent('Kế hoạch CCHC 2026.pdf')}`,
      },
      expect.objectContaining({ url: decision.url, name: 'Quyết định 12.docx', bytes: decision.bytes }),
    ]);

    // The thumbnail is a real, much smaller JPEG, 480 px wide, with the image's proportions.
    const thumbnailUrl: string = article.featuredImage.thumbnailUrl;
    expect(thumbnailUrl).toMatch(/^\/media\/thumbs\/[0-9a-f]{64}\.jpg$/);
    const thumbnail = Buffer.from(await (await fetch(`${api.baseUrl}${thumbnailUrl}`)).arrayBuffer());
    expect(imageSize(thumbnail)).toMatchObject({ type: 'jpg', width: 480, height: 270 });

    for (const step of ['submit', 'approve', 'publish']) {
      const token = step === 'submit' ? editor : admin;
      expect(
        (await api.request('POST', `/api/v1/articles/${article.id}/${step}`, { token, body: {} })).status,
      ).toBe(200);
    }

    const home = await (await fetch(`${api.baseUrl}/site/${unit.slug}/`)).text();
    expect(home).toContain(
      `<li class="thumb"><img src="${thumbnailUrl}" alt="" width="120" height="80" loading="lazy">`,
    );

    const page = await (await fetch(`${api.baseUrl}/site/${unit.slug}/bai-viet/${article.slug}`)).text();
    expect(page).toContain(`<meta property="og:image" content="${PUBLIC_URL}${image.url}">`);
    expect(page).toContain(`<img class="featured" src="${image.url}" alt="Toàn cảnh hội nghị">`);
    expect(page).toContain('<h2 id="tep-dinh-kem">Tệp đính kèm</h2>');
    const link =
      /<a href="([^"]+)" download>Kế hoạch CCHC 2026\.pdf<\/a> <span class="meta">\(PDF, (\d+) KB\)<\/span>/.exec(
        page,
      );
    expect(link).not.toBeNull();
    const download = await fetch(`${api.baseUrl}${link![1].replace(/&amp;/g, '&')}`);
    expect(download.status).toBe(200);
    expect(download.headers.get('content-disposition')).toContain(
      `filename*=UTF-8''${encodeURIComponent('Kế hoạch CCHC 2026.pdf')}`,
    );
    expect(page).toMatch(/Quyết định 12\.docx<\/a> <span class="meta">\(Word, \d+ KB\)/);
  });

  it('changes and removes them; the same image again keeps its thumbnail', async () => {
    const unit = await createUnit(api, admin);
    const image = await upload(unit.id, 'images', 'a.png', pngImage(300, 200));
    const other = await upload(unit.id, 'images', 'b.png', pngImage(300, 200, [0, 200, 0]));
    const created = await api.request('POST', '/api/v1/articles', {
      token: admin,
      body: {
        unitId: unit.id,
        title: 'Bài có ảnh',
        bodyHtml: '<p>x</p>',
        categoryIds: [],
        featuredImage: { url: image.url },
      },
    });
    expect(created.status).toBe(201);
    // Smaller than a thumbnail: kept at its size.
    const first = created.body.featuredImage.thumbnailUrl;
    const thumbnail = Buffer.from(await (await fetch(`${api.baseUrl}${first}`)).arrayBuffer());
    expect(imageSize(thumbnail)).toMatchObject({ width: 300, height: 200 });

    const same = await api.request('PATCH', `/api/v1/articles/${created.body.id}`, {
      token: admin,
      body: { version: 1, featuredImage: { url: image.url, alt: 'Mô tả mới' } },
    });
    expect(same.body.featuredImage).toEqual({ url: image.url, alt: 'Mô tả mới', thumbnailUrl: first });
    const changed = await api.request('PATCH', `/api/v1/articles/${created.body.id}`, {
      token: admin,
      body: { version: 2, featuredImage: { url: other.url } },
    });
    expect(changed.body.featuredImage.thumbnailUrl).not.toBe(first);
    const removed = await api.request('PATCH', `/api/v1/articles/${created.body.id}`, {
      token: admin,
      body: { version: 3, featuredImage: null, attachments: [] },
    });
    expect(removed.status).toBe(200);
    expect(removed.body).toMatchObject({ featuredImage: null, attachments: [] });
  });

  it('refuses what was not uploaded, or is not what it says, naming the field, and keeps nothing', async () => {
    const unit = await createUnit(api, admin);
    const pdf = await upload(unit.id, 'files', 'ke-hoach.pdf', pdfDocument());
    const category = await categoryId(unit.id);
    const base = { unitId: unit.id, title: 'Bài lỗi tệp', bodyHtml: '<p>x</p>', categoryIds: [category] };
    const missing = `/media/files/${'a'.repeat(64)}.pdf`;
    const cases: [Record<string, unknown>, string][] = [
      [{ featuredImage: { url: 'https://example.com/a.jpg' } }, 'featuredImage.url'],
      [{ featuredImage: { url: pdf.url } }, 'featuredImage.url'],
      [{ featuredImage: { url: `/media/images/${'b'.repeat(64)}.png` } }, 'featuredImage.url'],
      [{ attachments: [{ url: '/media/files/../../etc/passwd', name: 'a.pdf' }] }, 'attachments.0.url'],
      [{ attachments: [{ url: missing, name: 'a.pdf' }] }, 'attachments.0.url'],
      [{ attachments: [{ url: pdf.url, name: 'ke-hoach.exe' }] }, 'attachments.0.name'],
      [{ attachments: [{ url: pdf.url, name: 'a"b.pdf' }] }, 'attachments.0.name'],
      [
        {
          attachments: [
            { url: pdf.url, name: 'a.pdf' },
            { url: pdf.url, name: 'b.pdf' },
          ],
        },
        'attachments.1.url',
      ],
      [{ attachments: 'ke-hoach.pdf' }, 'attachments'],
    ];
    for (const [fields, field] of cases) {
      const res = await api.request('POST', '/api/v1/articles', {
        token: admin,
        body: { ...base, ...fields },
      });
      expectError(res, 400, 'VALIDATION_FAILED', field);
    }
    const list = await api.request('GET', `/api/v1/articles?unitId=${unit.id}`, { token: admin });
    expect(list.body.total).toBe(0);
  });
});
