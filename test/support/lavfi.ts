import { execFileSync } from 'node:child_process';
import { resolveFfmpeg } from '../../libs/sound/src/ffmpeg';

/**
 * A file made by ffmpeg's own sources (lavfi), written to `path`: by default a sine tone of `hz` for
 * `seconds`; `args` go before the output (codec, channels, …); the output's kind follows its extension.
 * Tests use it instead of checked-in audio, so every file's length and content are known.
 */
export function lavfiFile(
  path: string,
  source: { hz: number; seconds: number } | { filter: string; seconds: number },
  args: string[] = [],
): string {
  const input = 'filter' in source ? source.filter : `sine=frequency=${source.hz}:duration=${source.seconds}`;
  execFileSync(resolveFfmpeg().path, [
    '-v',
    'error',
    '-y',
    '-f',
    'lavfi',
    '-i',
    input,
    '-t',
    String(source.seconds),
    ...args,
    path,
  ]);
  return path;
}
