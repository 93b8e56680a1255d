import { setPriority } from 'node:os';
import { parentPort } from 'node:worker_threads';
import { DomainException } from '@app/common';
import { readAndCheck, type CheckedFile, type CheckedRow } from './check';
import type { ImportFile } from './parse';

// The thread that reads and checks import files (reader.ts starts it): parsing a sheet of thousands of
// rows and validating each is seconds of CPU that must not hold the api's event loop.

export type ThreadRequest = { id: number; file: ImportFile } | { id: number; ack: true };

/** Rows per message: each message is copied in on the event loop, so it is kept short (about 10 ms). */
export const ROWS_PER_MESSAGE = 250;

export type ThreadReply =
  | { id: number; part: CheckedRow[] }
  | { id: number; ok: true; result: CheckedFile }
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
/** The acknowledgement the rows of the file being answered wait for. */
let acked: (() => void) | undefined;

parentPort?.on('message', (request: ThreadRequest) => {
  if ('ack' in request) {
    acked?.();
    return;
  }
  // One file at a time: two at once would only double the memory for the same CPU.
  turn = turn.then(async () => {
    let reply: ThreadReply;
    try {
      const { rows, ...rest } = await readAndCheck(request.file);
      // The rows go a part at a time, each after the last was taken in: copying thousands of rows in one
      // message held the receiving event loop for 70 ms and more.
      for (let i = 0; i < rows.length; i += ROWS_PER_MESSAGE) {
        const taken = new Promise<void>((resolve) => (acked = resolve));
        parentPort?.postMessage({ id: request.id, part: rows.slice(i, i + ROWS_PER_MESSAGE) });
        await taken;
      }
      reply = { id: request.id, ok: true, result: { ...rest, rows: [] } };
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
