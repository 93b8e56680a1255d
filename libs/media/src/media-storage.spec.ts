import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LocalMediaStorage } from './media-storage';

describe('LocalMediaStorage', () => {
  let root: string;
  let storage: LocalMediaStorage;

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'xa-media-'));
    storage = new LocalMediaStorage(root);
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('names a file by the SHA-256 of its content and stores the same content once', async () => {
    const bytes = Buffer.from('bản tin phát thanh');
    const first = await storage.put('audio', bytes, 'mp3');
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    expect(first).toEqual({
      key: `audio/${sha256}.mp3`,
      url: `/media/audio/${sha256}.mp3`,
      sha256,
      bytes: bytes.length,
      created: true,
    });
    expect(readFileSync(join(root, first.key)).equals(bytes)).toBe(true);
    const second = await storage.put('audio', bytes, 'mp3');
    expect(second).toEqual({ ...first, created: false });
    // No partial file is left beside it.
    expect(readdirSync(join(root, 'audio'))).toEqual([`${first.sha256}.mp3`]);
  });

  it('gives different content different names', async () => {
    const a = await storage.put('images', Buffer.from('a'), 'png');
    const b = await storage.put('images', Buffer.from('b'), 'png');
    expect(a.key).not.toBe(b.key);
  });

  it('refuses folder and extension names that could leave the media folder', async () => {
    await expect(storage.put('../etc', Buffer.from('x'), 'png')).rejects.toThrow(/Invalid media folder/);
    await expect(storage.put('images', Buffer.from('x'), 'png/../../x')).rejects.toThrow(/Invalid media folder/);
  });

  it('finds a stored file’s local path, and nothing outside the media folder', async () => {
    const stored = await storage.put('images', Buffer.from('ảnh'), 'jpg');
    expect(await storage.localPath(stored.key)).toBe(join(root, stored.key));
    expect(await storage.localPath('images/khong-co.jpg')).toBeUndefined();
    expect(await storage.localPath('../../etc/passwd')).toBeUndefined();
  });
});
