import { attachmentDisposition, checkDownloadName, DOWNLOAD_NAME_MAX } from './download-name';

const MP3 = `/media/audio/${'a'.repeat(64)}.mp3`;

describe('?download= names', () => {
  it.each([
    'hop-dan-ve-duong-lien-thon-02-12-2026.mp3',
    'Họp dân về đường liên thôn (02-12-2026).MP3',
    'ban_tin.2026.mp3',
  ])('takes %p', (name) => {
    expect(checkDownloadName(name, MP3)).toEqual({ name: name.normalize('NFC') });
  });

  it.each([
    ['a quote', 'a".mp3'],
    ['a header break', 'a\r\nx: y.mp3'],
    ['a slash', '../a.mp3'],
    ['a backslash', 'a\\b.mp3'],
    ['a semicolon', 'a;b.mp3'],
    ['a percent sign', 'a%22.mp3'],
    ['a leading dot', '.a.mp3'],
    ['a leading space', ' a.mp3'],
    ['a trailing space', 'a.mp3 '],
    ['another extension', 'a.html'],
    ['the extension alone', '.mp3'],
    ['nothing', ''],
    ['too long', `${'a'.repeat(DOWNLOAD_NAME_MAX - 3)}.mp3`],
    ['not a string', ['a.mp3', 'b.mp3']],
  ])('refuses %s', (_, name) => {
    const checked = checkDownloadName(name, MP3);
    expect(checked.name).toBeUndefined();
    expect(checked.error).toContain('kết thúc bằng .mp3');
  });

  it('writes an ASCII fallback and the UTF-8 name (RFC 6266 / 8187)', () => {
    expect(attachmentDisposition('Đường (thôn 2).mp3')).toBe(
      `attachment; filename="Duong (thon 2).mp3"; filename*=UTF-8''%C4%90%C6%B0%E1%BB%9Dng%20%28th%C3%B4n%202%29.mp3`,
    );
  });
});
