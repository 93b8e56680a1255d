import { setPriority } from 'node:os';
import { parentPort } from 'node:worker_threads';
import { DomainException } from '@app/common';
import { readAndCheck } from './check';
import type { ImportFile } from './parse';

// The thread that reads and checks import files (reader.ts starts it): parsing a sheet of thousands of
// rows and validating each is seconds of CPU that must not hold the api's event loop.

export interface ThreadRequest {
  id: number;
  file: ImportFile;
}

export type ThreadReply =
  | { id: number; ok: true; result: Awaited<ReturnType<typeof readAndCheck>> }
  | {
      id: number;
      ok: false;
      domain: { code: DomainException['code']; message: string; details?: DomainException['details'] };
    }
  | { id: number; ok: false; domain: null; message: string };

// On Linux the nice value is per thread: this thread yields the CPU to the event loop of its process
// (and to everything else) on a busy machine, so the api keeps answering while a file is read.
try {
  setPriority(19);
} catch {
  // not allowed here (some containers): the thread still runs, at normal priority
}

let turn: Promise<void> = Promise.resolve();

parentPort?.on('message', (request: ThreadRequest) => {
  // One file at a time: two at once would only double the memory for the same CPU.
  turn = turn.then(async () => {
    let reply: ThreadReply;
    try {
      reply = { id: request.id, ok: true, result: await readAndCheck(request.file) };
    } catch (error) {
      reply =
        error instanceof DomainException
          ? {
              id: request.id,
              ok: false,
              domain: { code: error.code, message: error.message, details: error.details },
            }
          : { id: request.id, ok: false, domain: null, message: (error as Error)?.stack ?? String(error) };
    }
    parentPort?.postMessage(reply);
  });
});
