/// <reference lib="dom" />
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lavfiFile } from '../support/lavfi';
import { adminStageWithWorker } from '../support/admin-stage';
import { DESKTOP, PHONE, unnamedControls } from '../support/browser';
import { createUnit, createUser } from '../support/factories';

// The Âm thanh screens as people use them: speech for an approved article spoken by a real worker, the
// lexicon with its Thử đọc preview, and uploaded programmes. Each test makes its own unit and people.

const stage = adminStageWithWorker();
const { url, signIn } = stage;

/** A WAV of a sine tone, made by ffmpeg's own source (lavfi). */
function tone(name: string, hz: number, seconds: number): string {
  return lavfiFile(join(mkdtempSync(join(tmpdir(), 'audio-spec-')), name), { hz, seconds });
}

async function team(name: string) {
  const unit = await createUnit(stage.api, stage.adminToken, { name });
  const editor = await createUser(stage.api, stage.adminToken, [{ unitId: unit.id, role: 'editor' }]);
  const approver = await createUser(stage.api, stage.adminToken, [{ unitId: unit.id, role: 'approver' }]);
  return {
    unit,
    editor,
    approver,
    editorToken: await stage.api.login(editor.username, editor.password),
    approverToken: await stage.api.login(approver.username, approver.password),
  };
}

describe('Audio (Âm thanh) in a browser', () => {
  it('an approver speaks an approved article: the state, the player and the words the engine said', async () => {
    const { unit, approver, editorToken, approverToken } = await team('UBND xã Yên Hòa');
    const created = await stage.api.request('POST', '/api/v1/articles', {
      token: editorToken,
      body: {
        unitId: unit.id,
        title: 'Họp dân về đường liên thôn',
        bodyHtml: '<p>UBND xã mời bà con dự họp về đường liên thôn.</p>',
        categoryIds: [],
      },
    });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    expect(
      (await stage.api.request('POST', `/api/v1/articles/${id}/submit`, { token: editorToken })).status,
    ).toBe(200);
    expect(
      (await stage.api.request('POST', `/api/v1/articles/${id}/approve`, { token: approverToken })).status,
    ).toBe(200);

    const { page, close } = await signIn(approver.username, approver.password);
    await page.goto(url(`/tin-bai/${id}`));
    // The voices come from the engine (GET /audio/voices), named by accent: choose eSpeak's southern voice.
    await page.getByLabel('Giọng đọc').click();
    const choices = page.locator(
      '.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option',
    );
    await choices.first().waitFor();
    expect(await choices.allInnerTexts()).toEqual([
      'Mặc định — Giọng miền Bắc',
      'Giọng miền Bắc',
      'Giọng miền Trung',
      'Giọng miền Nam',
    ]);
    await choices.filter({ hasText: 'Giọng miền Nam' }).click();
    await page.getByRole('button', { name: 'Tạo âm thanh' }).click();
    const details = page.locator('[data-audio-id]');
    await details.locator('.ant-tag', { hasText: 'Sẵn sàng' }).waitFor({ timeout: 60_000 });
    await details.locator('audio[controls]').waitFor();
    const src = await details.locator('audio').getAttribute('src');
    expect(src).toMatch(/^\/media\/audio\/[0-9a-f]{64}\.mp3$/);
    expect(await details.locator('.normalized-text').innerText()).toContain('Ủy ban nhân dân');
    expect(await details.locator('.normalized-text').innerText()).not.toContain('UBND');
    // The measures in the staff's words; the engineering figures wait behind "Chi tiết kỹ thuật".
    const said = await details.innerText();
    expect(said).toMatch(/Thời lượng\s*\d+ giây/);
    expect(said).toMatch(/Độ to\s*đạt chuẩn/);
    expect(said).toMatch(/Giọng đọc\s*máy \(ngoại tuyến\), giọng miền Nam/);
    for (const jargon of ['LUFS', 'dBTP', 'eSpeak', 'vi-vn-x-south']) {
      expect({ jargon, shown: said.includes(jargon) }).toEqual({ jargon, shown: false });
    }
    await details.getByRole('button', { name: 'Chi tiết kỹ thuật' }).click();
    const technical = details.locator('.technical-details');
    await technical.getByText(/\d+ byte/).waitFor();
    const figures = await technical.innerText();
    expect(figures).toMatch(/-1[4-7],\d LUFS \(mục tiêu -16,0 LUFS\)/);
    expect(figures).toMatch(/-\d+,\d dBTP/);
    expect(figures).toContain('espeak');
    expect(figures).toContain('vi-vn-x-south');
    expect(figures).toContain(/([0-9a-f]{64})\.mp3/.exec(src ?? '')?.[1]);

    // "Tải về" saves the MP3 under the title and the day.
    const name = /-\d{2}-\d{2}-\d{4}\.mp3$/;
    const link = details.getByRole('link', { name: 'Tải về' });
    expect(await link.getAttribute('download')).toMatch(
      new RegExp(`^hop-dan-ve-duong-lien-thon${name.source}`),
    );
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toMatch(new RegExp(`^hop-dan-ve-duong-lien-thon${name.source}`));
    await download.cancel();

    // After a reload the article's audio is still there whole: a real player and the words it said.
    await page.reload();
    const again = page.locator(`[data-audio-id]`);
    await again.locator('audio[controls]').waitFor();
    expect((await again.locator('audio').boundingBox())?.width).toBeGreaterThan(200);
    await again.locator('.normalized-text').waitFor();
    expect(await again.locator('.normalized-text').innerText()).toContain('Ủy ban nhân dân');
    expect(await again.getByRole('button', { name: 'Lời máy đọc' }).getAttribute('aria-expanded')).toBe(
      'true',
    );
    expect(await again.innerText()).not.toContain('LUFS');
    expect(await again.getByRole('link', { name: 'Tải về' }).count()).toBe(1);
    expect(await unnamedControls(page)).toEqual([]);

    // A second reading: the new one shown whole, the first listed under it with its own working player.
    await page.getByRole('button', { name: 'Tạo âm thanh' }).click();
    await page.getByText('Âm thanh đã tạo trước đó').waitFor({ timeout: 60_000 });
    const players = page.locator('[data-audio-id] audio[controls]');
    await page.waitForFunction(
      () => document.querySelectorAll('[data-audio-id] audio[controls]').length === 2,
      null,
      {
        timeout: 60_000,
      },
    );
    for (const box of [await players.nth(0).boundingBox(), await players.nth(1).boundingBox()]) {
      expect(box?.width).toBeGreaterThan(200);
    }
    expect(await page.getByRole('link', { name: 'Tải về' }).count()).toBe(2);
    await close();
  });

  it('an editor saves a lexicon entry and Thử đọc says it', async () => {
    const { unit, editor, editorToken } = await team('UBND xã Thạch Hòa');
    const { page, close } = await signIn(editor.username, editor.password);
    await page.getByRole('menuitem', { name: 'Từ điển cách đọc' }).click();
    await page.getByRole('button', { name: 'Thêm dòng' }).click();
    await page.getByLabel('Từ trong bài 1').fill('HTX');
    await page.getByLabel('Cách đọc 1').fill('hợp tác xã');
    await page.getByRole('button', { name: 'Lưu từ điển' }).click();
    await page.getByText('Đã lưu từ điển (1 mục)').waitFor();
    const saved = await stage.api.request('GET', `/api/v1/units/${unit.id}/lexicon`, { token: editorToken });
    expect(saved.body).toEqual([{ term: 'HTX', spoken: 'hợp tác xã' }]);

    await page.getByLabel('Câu cần thử').fill('HTX Thạch Hòa họp');
    await page.getByRole('button', { name: 'Thử đọc' }).click();
    await page.locator('.spoken-preview').waitFor();
    expect(await page.locator('.spoken-preview').innerText()).toContain('hợp tác xã');
    expect(await unnamedControls(page)).toEqual([]);
    await close();
  });

  it('an upload of a small WAV becomes ready; a text file named .mp3 is refused under the file field', async () => {
    const { editor } = await team('UBND xã Phú Cát');
    const wav = tone('chuong-trinh.wav', 440, 2);
    const { page, close } = await signIn(editor.username, editor.password);
    await page.getByRole('menuitem', { name: 'Tải chương trình lên' }).click();
    await page.getByLabel('Tên chương trình').waitFor();
    expect(await unnamedControls(page)).toEqual([]);

    await page.locator('input[type=file]').setInputFiles({
      name: 'khong-phai-am-thanh.mp3',
      mimeType: 'audio/mpeg',
      buffer: Buffer.from('đây là một tệp văn bản, không phải âm thanh\n'.repeat(50), 'utf8'),
    });
    await page.getByLabel('Tên chương trình').fill('Tệp hỏng');
    await page.getByRole('button', { name: 'Tải lên' }).click();
    const fileError = page
      .locator('.ant-form-item', { hasText: 'Tệp âm thanh' })
      .locator('.ant-form-item-explain-error');
    await fileError.waitFor();
    expect((await fileError.innerText()).length).toBeGreaterThan(0);

    await page.locator('input[type=file]').setInputFiles(wav);
    await page.getByLabel('Tên chương trình').fill('Chương trình thử');
    await page.getByRole('button', { name: 'Tải lên' }).click();
    const details = page.locator('[data-audio-id]');
    await details.locator('.ant-tag', { hasText: 'Sẵn sàng' }).waitFor({ timeout: 60_000 });
    await details.locator('audio[controls]').waitFor();
    expect(await details.innerText()).toMatch(/Thời lượng\s*[23] giây/);
    expect(await details.innerText()).toMatch(/Nguồn\s*tệp tải lên/);
    expect(await details.getByRole('link', { name: 'Tải về' }).getAttribute('download')).toMatch(
      /^chuong-trinh-thu-\d{2}-\d{2}-\d{4}\.mp3$/,
    );

    await page.goto(url('/am-thanh'));
    const row = page.locator('.ant-table-tbody tr', { hasText: 'Chương trình thử' });
    await row.locator('audio[controls]').waitFor();
    expect(await row.innerText()).toContain('Sẵn sàng');
    expect(await row.innerText()).toMatch(/[23] giây/);
    expect(await row.getByRole('link', { name: 'Tải về' }).count()).toBe(1);
    expect(await unnamedControls(page)).toEqual([]);
    await close();

    // At 1366 px (a common office laptop) and on a phone the player is on screen, with a real width.
    for (const [screen, viewport, options] of [
      ['1366 px', { width: 1366, height: 768 }, DESKTOP],
      ['phone', PHONE.viewport, PHONE],
    ] as const) {
      const other = await signIn(editor.username, editor.password, { ...options, viewport });
      await other.page.goto(url('/am-thanh'));
      const item = other.page.locator('[data-audio-row]', { hasText: 'Chương trình thử' });
      const player = item.locator('audio[controls]');
      await player.waitFor();
      await player.scrollIntoViewIfNeeded();
      const box = await player.boundingBox();
      expect({ screen, width: (box?.width ?? 0) > 200 }).toEqual({ screen, width: true });
      expect({
        screen,
        inside: (box?.x ?? -1) >= 0 && (box?.x ?? 0) + (box?.width ?? 0) <= viewport.width,
      }).toEqual({
        screen,
        inside: true,
      });
      expect(await item.getByRole('link', { name: 'Tải về' }).isVisible()).toBe(true);
      // Nothing pushes the page, or the table, sideways.
      const sideways = await other.page.evaluate(() =>
        [document.documentElement, ...Array.from(document.querySelectorAll('.ant-table-content'))].some(
          (e) => e.scrollWidth > e.clientWidth,
        ),
      );
      expect({ screen, sideways }).toEqual({ screen, sideways: false });
      await other.close();
    }
  });

  it('an operator hears the default jingles, puts the unit’s own intro in, drops the outro; an editor only listens', async () => {
    const { unit, editor } = await team('UBND xã Tân Lập');
    const operator = await createUser(stage.api, stage.adminToken, [{ unitId: unit.id, role: 'operator' }]);
    const tune = tone('nhac-hieu-xa.wav', 660, 3);
    const { page, close } = await signIn(operator.username, operator.password);
    await page.getByRole('menuitem', { name: 'Nhạc hiệu' }).click();
    const intro = page.locator('[data-jingle=intro]');
    const outro = page.locator('[data-jingle=outro]');
    await intro.getByText('Mặc định (tự tạo)').waitFor();
    expect(await intro.locator('audio').getAttribute('src')).toMatch(/^\/media\/jingles\/[0-9a-f]{64}\.wav$/);
    expect(await outro.getByRole('status').innerText()).toContain('Mặc định (tự tạo)');
    expect(await outro.getByRole('link', { name: 'Tải về' }).getAttribute('download')).toBe(
      'nhac-ket-thuc-mac-dinh.wav',
    );
    expect(await unnamedControls(page)).toEqual([]);

    // Text named .mp3: refused, said on the card, nothing changed.
    await intro.locator('input[type=file]').setInputFiles({
      name: 'gia.mp3',
      mimeType: 'audio/mpeg',
      buffer: Buffer.from('không phải âm thanh\n'.repeat(50), 'utf8'),
    });
    await intro.getByText('Không lưu được nhạc mở đầu').waitFor();
    expect(await intro.getByRole('status').innerText()).toContain('Mặc định (tự tạo)');

    await intro.locator('input[type=file]').setInputFiles(tune);
    await intro.getByText('Tệp của đơn vị').waitFor();
    expect(await intro.innerText()).toContain('nhac-hieu-xa.wav');
    expect(await intro.innerText()).toMatch(/Thời lượng\s*3 giây/);
    expect(await intro.getByRole('link', { name: 'Tải về' }).getAttribute('download')).toMatch(
      /^nhac-mo-dau-\d{2}-\d{2}-\d{4}\.wav$/,
    );
    expect(await intro.locator('audio').getAttribute('src')).toMatch(/^\/media\/jingles\/[0-9a-f]{64}\.wav$/);
    await outro.getByRole('button', { name: 'Không dùng' }).click();
    await outro.getByRole('status').getByText('Không dùng').waitFor();
    expect(await outro.locator('audio').count()).toBe(0);
    const saved = await stage.api.request('GET', `/api/v1/units/${unit.id}/audio-jingles`, {
      token: stage.adminToken,
    });
    expect([saved.body.intro.source, saved.body.outro.source]).toEqual(['custom', 'none']);
    await close();

    const asEditor = await signIn(editor.username, editor.password);
    await asEditor.page.getByRole('menuitem', { name: 'Nhạc hiệu' }).click();
    await asEditor.page.locator('[data-jingle=intro]').getByText('Tệp của đơn vị').waitFor();
    expect(await asEditor.page.getByRole('button', { name: 'Không dùng' }).count()).toBe(0);
    await asEditor.page.getByText('Chỉ người vận hành đài và quản trị đơn vị được thay nhạc hiệu').waitFor();
    await asEditor.close();
  });
  it('a file over the limit sent by the browser gets the 413 and its Vietnamese message, never a reset', async () => {
    const { unit, editor, editorToken } = await team('UBND xã Hòa Bình');
    const operator = await createUser(stage.api, stage.adminToken, [{ unitId: unit.id, role: 'operator' }]);
    const operatorToken = await stage.api.login(operator.username, operator.password);
    const { page, close } = await signIn(editor.username, editor.password);
    // The browser's own fetch, as the admin app sends a form: 12 MB to the jingle upload (10 MB at most),
    // by the operator (read, then refused for its size) and by an editor (refused before it is read).
    const send = (token: string) =>
      page.evaluate(
        async ({ path, token }) => {
          const form = new FormData();
          form.set('file', new Blob([new Uint8Array(12 * 1024 * 1024)], { type: 'audio/wav' }), 'lon.wav');
          try {
            const res = await fetch(path, {
              method: 'PUT',
              headers: { authorization: `Bearer ${token}` },
              body: form,
            });
            return { status: res.status, body: await res.text() };
          } catch (error) {
            return { status: 0, body: String(error) };
          }
        },
        { path: `/api/v1/units/${unit.id}/audio-jingles/intro`, token },
      );
    for (let i = 0; i < 3; i++) {
      const tooLarge = await send(operatorToken);
      expect({ try: i, status: tooLarge.status }).toEqual({ try: i, status: 413 });
      expect(JSON.parse(tooLarge.body).message).toBe('Tệp lớn hơn giới hạn 10 MB');
      const refused = await send(editorToken);
      expect({ try: i, status: refused.status }).toEqual({ try: i, status: 403 });
    }
    await close();
  });
});
