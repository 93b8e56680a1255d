/** Parsers of what ffmpeg prints on stderr: ebur128's summary, the progress line, the input dump. */

export interface Ebur128Summary {
  integratedLufs: number;
  lra: number;
  /** dBTP with peak=true, dBFS with peak=sample; undefined when no peak mode was asked. */
  peak?: number;
}

/** The "Summary:" block of the ebur128 filter. */
export function parseEbur128(stderr: string): Ebur128Summary {
  const at = stderr.lastIndexOf('Summary:');
  if (at < 0) {
    throw new Error('ebur128 printed no summary');
  }
  const summary = stderr.slice(at);
  const value = (re: RegExp): number | undefined => {
    const match = re.exec(summary);
    return match ? Number(match[1]) : undefined;
  };
  const integratedLufs = value(/I:\s+(-?[\d.]+|-inf)\s+LUFS/);
  const lra = value(/LRA:\s+(-?[\d.]+)\s+LU/);
  if (integratedLufs === undefined || lra === undefined) {
    throw new Error('ebur128 summary without I or LRA');
  }
  return { integratedLufs, lra, peak: value(/Peak:\s+(-?[\d.]+|-inf)\s+dBFS/) };
}

/** "HH:MM:SS.ss" → seconds. */
export function timestampSeconds(value: string): number {
  const [h, m, s] = value.split(':');
  return Number(h) * 3600 + Number(m) * 60 + Number(s);
}

/** The last `time=` of ffmpeg's progress line: how much was really decoded. */
export function decodedSeconds(stderr: string): number | undefined {
  const all = [...stderr.matchAll(/time=\s*(\d+:\d{2}:\d{2}(?:\.\d+)?)/g)];
  return all.length ? timestampSeconds(all[all.length - 1][1]) : undefined;
}

export interface InputDump {
  /** ffmpeg's demuxer name, found from the content: "mp3", "wav", "mov,mp4,m4a,3gp,3g2,mj2". */
  formatName: string;
  /** From the header: "Duration: 00:01:02.50"; undefined when ffmpeg says N/A. */
  headerSeconds?: number;
  bitrateKbps?: number;
  audio?: { codec: string; sampleRate: number; channels: number; bitrateKbps?: number };
  hasVideo: boolean;
}

const CHANNELS: Record<string, number> = { mono: 1, stereo: 2, '2.1': 3, quad: 4, '5.1': 6, '5.1(side)': 6 };

/** What ffmpeg says about input #0 before it processes it. */
export function parseInputDump(stderr: string): InputDump | undefined {
  const input = /Input #0, (.+?), from /.exec(stderr);
  if (!input) {
    return undefined;
  }
  const section = stderr.slice(input.index).split(/\n(?:Output #0|Stream mapping:)/)[0];
  const duration = /Duration: (\d+:\d{2}:\d{2}(?:\.\d+)?|N\/A)(?:.*?bitrate: (\d+) kb\/s)?/.exec(section);
  const audio =
    /Stream #0:\d+(?:\[[^\]]*\])?(?:\([^)]*\))?: Audio: ([^\s,]+)[^,\n]*, (\d+) Hz, ([^,\n]+), [^,\n]+(?:, (\d+) kb\/s)?/.exec(
      section,
    );
  const layout = audio?.[3].trim() ?? '';
  return {
    formatName: input[1],
    headerSeconds: duration && duration[1] !== 'N/A' ? timestampSeconds(duration[1]) : undefined,
    bitrateKbps: duration?.[2] ? Number(duration[2]) : undefined,
    audio: audio
      ? {
          codec: audio[1],
          sampleRate: Number(audio[2]),
          channels: CHANNELS[layout] ?? (Number(/^(\d+) channels/.exec(layout)?.[1]) || 0),
          bitrateKbps: audio[4] ? Number(audio[4]) : undefined,
        }
      : undefined,
    hasVideo: /Stream #0:\d+.*: Video: /.test(section),
  };
}
