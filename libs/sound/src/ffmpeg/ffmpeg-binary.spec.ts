import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FfmpegNotFoundError, resolveFfmpeg } from './ffmpeg-binary';

describe('resolveFfmpeg', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ffmpeg-bin-'));
  const executable = (name: string): string => {
    const file = join(dir, name);
    writeFileSync(file, '#!/bin/sh\n');
    chmodSync(file, 0o755);
    return file;
  };
  const staticBin = executable('static-ffmpeg');
  const installerBin = executable('installer-ffmpeg');
  const pathDir = mkdtempSync(join(tmpdir(), 'ffmpeg-path-'));
  writeFileSync(join(pathDir, 'ffmpeg'), '#!/bin/sh\n');
  chmodSync(join(pathDir, 'ffmpeg'), 0o755);

  const packages =
    (found: { static?: string; installer?: string }) =>
    (name: string): unknown =>
      name === 'ffmpeg-static' ? found.static : found.installer ? { path: found.installer } : undefined;

  it('takes FFMPEG_PATH over everything', () => {
    expect(
      resolveFfmpeg({
        ffmpegPath: '/opt/ffmpeg',
        load: packages({ static: staticBin, installer: installerBin }),
      }),
    ).toEqual({ path: '/opt/ffmpeg', source: 'FFMPEG_PATH' });
  });

  it('takes ffmpeg-static when its binary exists', () => {
    expect(resolveFfmpeg({ load: packages({ static: staticBin, installer: installerBin }) })).toEqual({
      path: staticBin,
      source: 'ffmpeg-static',
    });
  });

  it('skips ffmpeg-static installed without its binary (the download failed) for the tarball package', () => {
    expect(
      resolveFfmpeg({ load: packages({ static: join(dir, 'never-downloaded'), installer: installerBin }) }),
    ).toEqual({ path: installerBin, source: '@ffmpeg-installer/ffmpeg' });
  });

  it('falls back to ffmpeg on PATH, then says what to do', () => {
    expect(resolveFfmpeg({ load: packages({}), searchPath: `/nonexistent:${pathDir}` })).toEqual({
      path: join(pathDir, 'ffmpeg'),
      source: 'PATH',
    });
    expect(() => resolveFfmpeg({ load: packages({}), searchPath: '/nonexistent' })).toThrow(
      FfmpegNotFoundError,
    );
    expect(() => resolveFfmpeg({ load: packages({}), searchPath: '/nonexistent' })).toThrow(/FFMPEG_PATH/);
  });

  it('finds the binary of this install (ffmpeg-static cannot download here: @ffmpeg-installer)', () => {
    const found = resolveFfmpeg();
    expect(['ffmpeg-static', '@ffmpeg-installer/ffmpeg']).toContain(found.source);
  });
});
