import { execFileSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

/** Where the ffmpeg binary came from, in the order design.md §3 tries them. */
export type FfmpegSource = 'FFMPEG_PATH' | 'ffmpeg-static' | '@ffmpeg-installer/ffmpeg' | 'PATH';

export interface FfmpegBinary {
  path: string;
  source: FfmpegSource;
}

export class FfmpegNotFoundError extends Error {
  constructor() {
    super(
      'Không tìm thấy ffmpeg: đặt FFMPEG_PATH, hoặc cài gói @ffmpeg-installer/ffmpeg (npm ci), hoặc cài ffmpeg vào PATH',
    );
    this.name = 'FfmpegNotFoundError';
  }
}

export interface ResolveFfmpegOptions {
  /** FFMPEG_PATH from the configuration; wins over everything when set. */
  ffmpegPath?: string;
  /** Loads an npm package; replaced in tests. Returns undefined when it is not installed. */
  load?: (name: 'ffmpeg-static' | '@ffmpeg-installer/ffmpeg') => unknown;
  /** PATH to search last. */
  searchPath?: string;
}

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function defaultLoad(name: string): unknown {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return require(name) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * Finds the ffmpeg binary: FFMPEG_PATH, else `ffmpeg-static` when its install could download the binary
 * (its package can be present with no file: the download failed or its install script did not run),
 * else the binary shipped inside the `@ffmpeg-installer/ffmpeg` tarball, else `ffmpeg` on PATH.
 */
export function resolveFfmpeg(options: ResolveFfmpegOptions = {}): FfmpegBinary {
  if (options.ffmpegPath) {
    // An explicit choice is not second-guessed: a wrong path fails loudly when ffmpeg first runs.
    return { path: options.ffmpegPath, source: 'FFMPEG_PATH' };
  }
  const load = options.load ?? defaultLoad;
  const fromStatic = load('ffmpeg-static');
  if (typeof fromStatic === 'string' && isExecutable(fromStatic)) {
    return { path: fromStatic, source: 'ffmpeg-static' };
  }
  const installer = load('@ffmpeg-installer/ffmpeg') as { path?: unknown } | undefined;
  if (installer && typeof installer.path === 'string' && isExecutable(installer.path)) {
    return { path: installer.path, source: '@ffmpeg-installer/ffmpeg' };
  }
  for (const dir of (options.searchPath ?? process.env.PATH ?? '').split(delimiter)) {
    if (dir && isExecutable(join(dir, 'ffmpeg'))) {
      return { path: join(dir, 'ffmpeg'), source: 'PATH' };
    }
  }
  throw new FfmpegNotFoundError();
}

/** The first line of `ffmpeg -version`, for logs and the bench. */
export function ffmpegVersion(path: string): string {
  return execFileSync(path, ['-hide_banner', '-version'], { encoding: 'utf8' }).split('\n')[0];
}
