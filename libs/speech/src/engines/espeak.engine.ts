import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { checkSpeakingRate, SynthesisRequest, SynthesisResult, TtsEngine, TtsError } from './tts-engine';
import { parseWav } from '@app/sound';

/** The Vietnamese voices of eSpeak NG (`--voices=vi`). */
export const ESPEAK_VOICES = ['vi', 'vi-vn-x-central', 'vi-vn-x-south'] as const;
export type EspeakVoice = (typeof ESPEAK_VOICES)[number];

/** Words per minute at speakingRate 1: slower than espeak's 175, for outdoor loudspeakers. */
export const ESPEAK_BASE_WPM = 150;
const MIN_WPM = 80; // espeak's own minimum
const MAX_WPM = 450;

export interface EspeakEngineOptions {
  /** Used when a request names no espeak voice (a Google voice name, for instance). */
  defaultVoice?: EspeakVoice;
  /** A synthesis taking longer than this kills the worker. */
  timeoutMs?: number;
}

/** speakingRate (1 = normal) → espeak `-s` words per minute. */
export function espeakWordsPerMinute(speakingRate: number): number {
  return Math.min(MAX_WPM, Math.max(MIN_WPM, Math.round(ESPEAK_BASE_WPM * speakingRate)));
}

// The npm `espeak-ng` build is an ES module (it uses import.meta.url) and is the espeak CLI compiled to
// WASM: each instance runs main() once. It runs in a worker thread because (1) this project's CommonJS
// (and jest's module system) cannot import it, while a worker is plain Node, and (2) the synthesis is
// synchronous WASM work that would otherwise block the event loop. The 18 MB module is compiled once
// per worker and instantiated per utterance (saves about half a second each).
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { readFileSync } = require('node:fs');
const ready = (async () => {
  const { default: ESpeakNg } = await import(workerData.moduleUrl);
  const wasm = await WebAssembly.compile(readFileSync(workerData.wasmPath));
  return { ESpeakNg, wasm };
})();
let queue = Promise.resolve();
parentPort.on('message', (job) => {
  queue = queue.then(async () => {
    try {
      const { ESpeakNg, wasm } = await ready;
      const errors = [];
      const instance = await ESpeakNg({
        instantiateWasm(imports, receive) {
          WebAssembly.instantiate(wasm, imports).then((i) => receive(i, wasm));
          return {};
        },
        preRun: [(m) => m.FS.writeFile('/in.txt', job.text)],
        arguments: job.args,
        print() {},
        printErr(line) { errors.push(line); },
      });
      let wav;
      try { wav = instance.FS.readFile('/out.wav'); } catch { wav = undefined; }
      if (!wav || wav.length <= 44) {
        parentPort.postMessage({ id: job.id, error: 'espeak-ng produced no audio: ' + errors.join(' | ') });
      } else {
        parentPort.postMessage({ id: job.id, wav }, [wav.buffer]);
      }
    } catch (err) {
      parentPort.postMessage({ id: job.id, error: String((err && err.stack) || err) });
    }
  });
});
`;

interface Pending {
  resolve: (wav: Buffer) => void;
  reject: (err: Error) => void;
  timer: NodeJS.Timeout;
}

/** Offline Vietnamese speech with eSpeak NG (npm `espeak-ng`, WASM; no network, no native build). */
export class EspeakEngine implements TtsEngine {
  readonly name = 'espeak' as const;
  private readonly defaultVoice: EspeakVoice;
  private readonly timeoutMs: number;
  private worker: Worker | undefined;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;

  constructor(options: EspeakEngineOptions = {}) {
    this.defaultVoice = options.defaultVoice ?? 'vi';
    this.timeoutMs = options.timeoutMs ?? 60_000;
  }

  /** The voice an espeak request will use: the requested one when espeak has it, else the default. */
  voiceFor(requested: string | undefined): EspeakVoice {
    const wanted = requested?.toLowerCase();
    return ESPEAK_VOICES.find((v) => v === wanted) ?? this.defaultVoice;
  }

  async synthesize(request: SynthesisRequest): Promise<SynthesisResult> {
    const speakingRate = checkSpeakingRate(request.speakingRate);
    const text = request.text.normalize('NFC').trim();
    if (text === '') {
      throw new TtsError('Không có nội dung để đọc', 'invalid-request', false);
    }
    const voice = this.voiceFor(request.voice);
    // Text through a file, not argv: a leading "-" (a bullet) would be read as an option.
    const args = [
      '-v',
      voice,
      '-s',
      String(espeakWordsPerMinute(speakingRate)),
      '-f',
      '/in.txt',
      '-w',
      '/out.wav',
    ];
    const wav = await this.run(text, args);
    try {
      parseWav(wav);
    } catch (err) {
      throw new TtsError(`eSpeak NG trả về âm thanh hỏng: ${(err as Error).message}`, 'bad-response', false);
    }
    return { wav, engine: 'espeak', voice, speakingRate, requests: 1 };
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    this.failAll(new TtsError('eSpeak NG đã dừng', 'engine-failed', false));
    await worker?.terminate();
  }

  private run(text: string, args: string[]): Promise<Buffer> {
    const worker = this.ensureWorker();
    const id = this.nextId++;
    return new Promise<Buffer>((resolve, reject) => {
      const timer = setTimeout(() => {
        // A hung WASM call cannot be interrupted: drop the worker, the next call starts a new one.
        this.failAll(new TtsError(`eSpeak NG không xong sau ${this.timeoutMs} ms`, 'timeout', false));
        if (this.worker === worker) {
          this.worker = undefined;
        }
        void worker.terminate();
      }, this.timeoutMs);
      this.pending.set(id, { resolve, reject, timer });
      worker.ref(); // keep the process alive while work is pending
      worker.postMessage({ id, text, args });
    });
  }

  private ensureWorker(): Worker {
    if (this.worker) {
      return this.worker;
    }
    const modulePath = require.resolve('espeak-ng');
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: {
        moduleUrl: pathToFileURL(modulePath).href,
        wasmPath: join(dirname(modulePath), 'espeak-ng.wasm'),
      },
    });
    worker.unref(); // an idle engine does not keep the process alive
    worker.on('message', (message: { id: number; wav?: Uint8Array; error?: string }) => {
      const job = this.pending.get(message.id);
      if (!job) {
        return;
      }
      this.pending.delete(message.id);
      clearTimeout(job.timer);
      if (this.pending.size === 0) {
        worker.unref();
      }
      if (message.wav) {
        job.resolve(Buffer.from(message.wav.buffer, message.wav.byteOffset, message.wav.byteLength));
      } else {
        job.reject(new TtsError(`eSpeak NG lỗi: ${message.error ?? 'không rõ'}`, 'engine-failed', false));
      }
    });
    worker.on('error', (err) => {
      if (this.worker === worker) {
        this.worker = undefined;
      }
      this.failAll(new TtsError(`eSpeak NG lỗi: ${err.message}`, 'engine-failed', false));
    });
    worker.on('exit', () => {
      if (this.worker === worker) {
        this.worker = undefined;
      }
    });
    this.worker = worker;
    return worker;
  }

  private failAll(err: TtsError): void {
    for (const job of this.pending.values()) {
      clearTimeout(job.timer);
      job.reject(err);
    }
    this.pending.clear();
  }
}
