import type { ChildProcess } from 'node:child_process';
import { cpus } from 'node:os';
import ffmpeg from 'fluent-ffmpeg';
import { FfmpegBinary, resolveFfmpeg } from './ffmpeg-binary';
import { Limiter } from './limiter';

export type FfmpegCommand = ffmpeg.FfmpegCommand;

export class FfmpegError extends Error {
  constructor(
    message: string,
    /** The end of ffmpeg's own output, where it says what went wrong. */
    readonly stderr: string,
  ) {
    super(message);
    this.name = 'FfmpegError';
  }
}

export interface FfmpegRunnerOptions {
  binary?: FfmpegBinary;
  /** FFMPEG_PATH; ignored when `binary` is given. */
  ffmpegPath?: string;
  /** ffmpeg processes at once in this process (FFMPEG_CONCURRENCY). */
  concurrency?: number;
  /** A run longer than this is killed. */
  timeoutSeconds?: number;
}

/** One per CPU pair: each ffmpeg here is single-threaded audio work, and the api and worker share the box. */
export function defaultFfmpegConcurrency(): number {
  return Math.max(1, Math.floor(cpus().length / 2));
}

/**
 * Runs ffmpeg commands built with fluent-ffmpeg on one binary, at most `concurrency` at a time.
 * Every ffmpeg process of the speech lib goes through here, so the bound holds for the whole process
 * when the runner is shared (see `sharedFfmpegRunner`).
 */
export class FfmpegRunner {
  readonly binary: FfmpegBinary;
  readonly limiter: Limiter;
  private readonly timeoutSeconds: number;

  constructor(options: FfmpegRunnerOptions = {}) {
    this.binary = options.binary ?? resolveFfmpeg({ ffmpegPath: options.ffmpegPath });
    this.limiter = new Limiter(options.concurrency ?? defaultFfmpegConcurrency());
    this.timeoutSeconds = options.timeoutSeconds ?? 600;
  }

  /** A new command on this runner's binary; all of ffmpeg's output lines are kept (the reports come last). */
  command(): FfmpegCommand {
    const command = ffmpeg({ stdoutLines: 0, timeout: this.timeoutSeconds }).setFfmpegPath(this.binary.path);
    inOwnProcessGroup(command);
    return command;
  }

  /** Runs the command when a slot is free; resolves with ffmpeg's stderr (where filters print reports). */
  run(command: FfmpegCommand, what: string): Promise<string> {
    return this.limiter.run(
      () =>
        new Promise<string>((resolve, reject) => {
          command
            .on('end', (_stdout: string | null, stderr: string | null) => resolve(stderr ?? ''))
            .on('error', (err: Error, _stdout: string | null, stderr: string | null) => {
              const tail = (stderr ?? '').trim().split('\n').slice(-8).join('\n');
              reject(new FfmpegError(`ffmpeg lỗi khi ${what}: ${err.message}`, tail));
            })
            .run();
        }),
    );
  }
}

type Spawner = (args: string[], options: object, ...callbacks: unknown[]) => void;

/** ffmpeg processes of this process still running; ended when the process exits (see below). */
const live = new Set<ChildProcess>();
let exitHooked = false;

/**
 * ffmpeg in a process group of its own, so that a SIGTERM or Ctrl-C sent to the worker's group (a terminal,
 * `kill -- -pgid`) reaches only the worker, which finishes its jobs before it exits, instead of ffmpeg
 * ending mid-file ("received signal 15"). Being in another group, it would outlive a worker that exits
 * while it runs, so it is killed on the worker's exit. fluent-ffmpeg has no option for this; its one
 * spawning method takes the spawn options, so this command's copy adds `detached`.
 */
function inOwnProcessGroup(command: FfmpegCommand): void {
  const target = command as unknown as { _spawnFfmpeg: Spawner };
  const spawnFfmpeg = target._spawnFfmpeg;
  target._spawnFfmpeg = function (this: unknown, args, options, processCb, endCb) {
    // Only the run of a command passes both callbacks (a capability query passes its end callback alone).
    if (typeof options !== 'object' || options === null || typeof endCb !== 'function') {
      return spawnFfmpeg.call(this, args, options, processCb, endCb);
    }
    const started = (child: ChildProcess, ...rest: unknown[]): unknown => {
      if (!exitHooked) {
        exitHooked = true;
        process.on('exit', () => live.forEach((running) => running.kill('SIGKILL')));
      }
      live.add(child);
      child.once('exit', () => live.delete(child));
      return (processCb as (...a: unknown[]) => unknown)(child, ...rest);
    };
    return spawnFfmpeg.call(this, args, { ...options, detached: true }, started, endCb);
  };
}

let shared: FfmpegRunner | undefined;

/**
 * The process-wide runner, so that the bound holds across every user of ffmpeg in the process. The worker
 * creates it from AppConfig first: `sharedFfmpegRunner({ ffmpegPath: config.ffmpegPath, concurrency:
 * config.ffmpegConcurrency })`; later calls without options get the same one. Asking again for another
 * binary or bound is a wiring mistake and throws rather than being silently ignored.
 */
export function sharedFfmpegRunner(
  options?: Pick<FfmpegRunnerOptions, 'ffmpegPath' | 'concurrency'>,
): FfmpegRunner {
  if (!shared) {
    shared = new FfmpegRunner(options);
    return shared;
  }
  const differs =
    (options?.ffmpegPath !== undefined && options.ffmpegPath !== shared.binary.path) ||
    (options?.concurrency !== undefined && options.concurrency !== shared.limiter.concurrency);
  if (differs) {
    throw new Error(
      `the shared ffmpeg runner already uses ${shared.binary.path} with concurrency ${shared.limiter.concurrency}`,
    );
  }
  return shared;
}
