import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { LocalMediaStorage, withMediaFile } from './media-storage';

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

  it('takes a stream, hashing it on the way, and gives it back as a stream; stat and delete by key', async () => {
    const bytes = Buffer.alloc(3 * 1024 * 1024, 7);
    const stored = await storage.put('audio', Readable.from([bytes.subarray(0, 1000), bytes.subarray(1000)]), 'mp3');
    expect(stored.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(stored.bytes).toBe(bytes.length);
    const chunks: Buffer[] = [];
    for await (const chunk of (await storage.get(stored.key))!) {
      chunks.push(chunk as Buffer);
    }
    expect(Buffer.concat(chunks).equals(bytes)).toBe(true);
    expect(await storage.stat(stored.key)).toEqual({ bytes: bytes.length });
    expect(await storage.get('audio/khong-co.mp3')).toBeUndefined();
    expect(await storage.stat('../../etc/passwd')).toBeUndefined();
    expect(await storage.get('../../etc/passwd')).toBeUndefined();
    await storage.delete(stored.key);
    expect(await storage.stat(stored.key)).toBeUndefined();
    expect(readdirSync(join(root, 'audio'))).toEqual([]);
  });

  it('leaves no partial file when the stream fails midway', async () => {
    const failing = new Readable({
      read() {
        this.push(Buffer.alloc(1024));
        this.destroy(new Error('mất kết nối'));
      },
    });
    await expect(storage.put('uploads', failing, 'mp3')).rejects.toThrow('mất kết nối');
    expect(readdirSync(join(root, 'uploads'))).toEqual([]);
  });

  it('hands a tool the stored file itself (no copy) with withMediaFile', async () => {
    const stored = await storage.put('uploads', Buffer.from('chương trình'), 'mp3');
    expect(await withMediaFile(storage, stored.key, async (path) => readFileSync(path, 'utf8'))).toBe('chương trình');
    expect(await withMediaFile(storage, 'uploads/khong-co.mp3', async () => 'x')).toBeUndefined();
  });
});
