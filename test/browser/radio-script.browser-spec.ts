/// <reference lib="dom" />
import { randomBytes } from 'node:crypto';
import { browserStage } from '../support/admin-stage';
import { screenshot, unnamedControls } from '../support/browser';
import { createUnit, createUser, publishArticle } from '../support/factories';

// A radio operator hears a wrong reading of a published article, corrects the words the radio says from the
// article page (Thử đọc shows what the engine will say), gives a reason, and asks for new audio; the
// history shows who did it and why. Operators edit the lexicon; others are told who may.

const stage = browserStage();
const { url, signIn } = stage;
const suffix = (): string => randomBytes(4).toString('hex');

/** Someone with one role in the unit, with a name of their own (the history shows it). */
async function person(unitId: string, role: string, fullName: string) {
  const username = `nguoi.${suffix()}`;
  const password = `mat-khau-${suffix()}`;
  const res = await stage.api.request('POST', '/api/v1/users', {
    token: stage.adminToken,
    body: { username, password, fullName, memberships: [{ unitId, role }] },
  });
  expect(res.status).toBe(201);
  return { id: res.body.id as string, username, password };
}

describe('Correcting the radio script in a browser', () => {
  it('an operator corrects the spoken text of a published article, tries it, gives a reason, asks for new audio', async () => {
    const unit = await createUnit(stage.api, stage.adminToken, { name: 'UBND xã Nà Sliến' });
    const operator = await person(unit.id, 'operator', 'Phạm Văn Truyền Thanh');
    const article = await publishArticle(stage.api, stage.adminToken, unit.id, {
      title: 'Họp dân về đường liên thôn',
      bodyHtml: '<p>Bà con thôn Nà Sliến họp lúc 7h30 ngày 5/12.</p>',
    });
    const before = (
      await stage.api.request('GET', `/api/v1/articles/${article.id}`, { token: stage.adminToken })
    ).body;

    const { page, close } = await signIn(operator.username, operator.password);
    await page.goto(url(`/tin-bai/${article.id}`));
    await page.locator('.ant-tag', { hasText: 'Đã đăng' }).waitFor();
    // The operator may do nothing else with the article: only this button, from allowedActions.
    expect(await page.getByRole('button', { name: 'Gỡ bài' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Sửa lời đọc cho đài' }).click();
    const dialog = page.getByRole('dialog', { name: 'Sửa lời đọc cho đài' });
    const script = dialog.getByLabel('Lời đọc cho đài');
    expect(await script.inputValue()).toBe('Bà con thôn Nà Sliến họp lúc 7h30 ngày 5/12.');
    await script.fill('Bà con thôn Nà Sờ Liến họp lúc 7h30 ngày 5/12.');
    await dialog.getByRole('button', { name: 'Thử đọc' }).click();
    const said = dialog.locator('.spoken-preview');
    await said.waitFor();
    expect(await said.innerText()).toContain('Nà Sờ Liến họp lúc bảy giờ ba mươi phút');
    expect(await unnamedControls(page)).toEqual([]);
    await screenshot(page, 'sua-loi-doc-cho-dai');

    // Without a reason the form says so, and nothing is sent.
    await dialog.getByRole('button', { name: 'Lưu lời đọc' }).click();
    await dialog.getByText('Hãy nhập lý do sửa').waitFor();
    expect(
      (await stage.api.request('GET', `/api/v1/articles/${article.id}`, { token: stage.adminToken })).body
        .version,
    ).toBe(before.version);

    await dialog.getByLabel('Lý do').fill('Máy đọc sai tên thôn');
    await dialog.getByRole('button', { name: 'Lưu lời đọc' }).click();
    const done = page.getByRole('status').filter({ hasText: 'Đã sửa lời đọc cho đài' });
    await done.waitFor();
    expect(await done.innerText()).toContain(`phiên bản ${before.version + 1}`);
    await screenshot(page, 'sua-loi-doc-xong');

    const after = (
      await stage.api.request('GET', `/api/v1/articles/${article.id}`, { token: stage.adminToken })
    ).body;
    expect(after).toMatchObject({
      status: 'published',
      radioScript: 'Bà con thôn Nà Sờ Liến họp lúc 7h30 ngày 5/12.',
      bodyHtml: before.bodyHtml,
      version: before.version + 1,
    });
    // The form below shows the corrected script.
    expect(await page.getByLabel('Lời đọc trên đài').inputValue()).toBe(after.radioScript);

    // New audio, asked for from the message: queued with the corrected words.
    await done.getByRole('button', { name: 'Tạo lại âm thanh' }).click();
    await done.getByText('Đã gửi yêu cầu tạo âm thanh').waitFor();
    const audio = await stage.api.request(
      'GET',
      `/api/v1/audio?unitId=${unit.id}&articleId=${article.id}&page=1&pageSize=10`,
      { token: stage.adminToken },
    );
    expect(audio.body.items).toHaveLength(1);
    expect(audio.body.items[0].normalizedText).toContain('Nà Sờ Liến');

    // The history: who and why.
    await page.getByRole('button', { name: 'Lịch sử sửa đổi' }).click();
    const history = page.getByRole('dialog', { name: 'Lịch sử sửa đổi' });
    const entry = history.locator('.ant-list-item', {
      hasText: `Phiên bản ${before.version + 1}: Sửa lời đọc cho đài`,
    });
    await entry.waitFor();
    expect(await entry.innerText()).toContain('Phạm Văn Truyền Thanh');
    expect(await entry.innerText()).toContain('Lý do: Máy đọc sai tên thôn');
    const compared = history.locator('section[aria-label="So sánh"]');
    expect(await compared.innerText()).toContain('Lời đọc trên đài');
    expect((await compared.locator('ins').allInnerTexts()).join(' ')).toContain('Sờ');
    await screenshot(page, 'sua-loi-doc-lich-su');
    await close();
  });

  it('an operator edits the lexicon; a reporter reads it and is told who may edit it', async () => {
    const unit = await createUnit(stage.api, stage.adminToken);
    const operator = await createUser(stage.api, stage.adminToken, [{ unitId: unit.id, role: 'operator' }]);
    const reporter = await createUser(stage.api, stage.adminToken, [{ unitId: unit.id, role: 'reporter' }]);

    const op = await signIn(operator.username, operator.password);
    await op.page.getByRole('menuitem', { name: 'Từ điển cách đọc' }).click();
    await op.page.getByRole('button', { name: 'Thêm dòng' }).click();
    await op.page.getByLabel('Từ trong bài 1').fill('Nà Sliến');
    await op.page.getByLabel('Cách đọc 1').fill('Nà Sờ Liến');
    await op.page.getByRole('button', { name: 'Lưu từ điển' }).click();
    await op.page.getByText('Đã lưu từ điển (1 mục)').waitFor();
    expect(await op.page.getByText('Chỉ quản trị đơn vị').count()).toBe(0);
    await op.close();

    const rep = await signIn(reporter.username, reporter.password);
    await rep.page.getByRole('menuitem', { name: 'Từ điển cách đọc' }).click();
    await rep.page
      .getByText('Chỉ quản trị đơn vị, biên tập viên và người vận hành đài được sửa từ điển cách đọc')
      .waitFor();
    expect(await rep.page.getByLabel('Từ trong bài 1').inputValue()).toBe('Nà Sliến');
    expect(await rep.page.getByLabel('Từ trong bài 1').isDisabled()).toBe(true);
    expect(await rep.page.getByRole('button', { name: 'Lưu từ điển' }).count()).toBe(0);
    await screenshot(rep.page, 'tu-dien-chi-xem');
    await rep.close();
  });
});
