import { extname, join, resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import { ProceduresException } from '../procedures.exception';
import type { CheckedFile } from './check';
import type { ThreadReply, ThreadRequest } from './import-thread';
import type { ImportFile } from './parse';

/** The reading thread's heap: a 10 MB XLSX of 10,000 rows needs a few hundred MB at most. */
const THREAD_HEAP_MB = 768;
/** An idle thread is let go (it holds the heap of the last file read). */
const IDLE_MS = 30_000;

// The product runs compiled JavaScript (dist/); jest runs the TypeScript sources. The thread's entry is
// the file next to this one with the same extension; from sources, a small bootstrap compiles each .ts
// it requires with TypeScript's own transpiler and resolves the `@app/*` aliases (a dev-only path).
const ENTRY = join(__dirname, `import-thread${extname(__filename)}`);
const FROM_SOURCES = extname(__filename) === '.ts';

function sourceBootstrap(entry: string): string {
  const root = resolve(__dirname, '../../../..');
  return `
const fs = require('node:fs');
const path = require('node:path');
const Module = require('node:module');
const root = ${JSON.stringify(root)};
const requireHere = Module.createRequire(path.join(root, 'package.json'));
const ts = requireHere('typescript');
const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  const alias = /^@app\\/([a-z-]+)$/.exec(request);
  return resolveFilename.call(this, alias ? path.join(root, 'libs', alias[1], 'src') : request, ...rest);
};
const options = {
  module: ts.ModuleKind.CommonJS,
  target: ts.ScriptTarget.ES2022,
  experimentalDecorators: true,
  emitDecoratorMetadata: true,
  useDefineForClassFields: false,
  esModuleInterop: true,
};
require.extensions['.ts'] = (module, filename) => {
  const source = fs.readFileSync(filename, 'utf8');
  module._compile(ts.transpileModule(source, { compilerOptions: options, fileName: filename }).outputText, filename);
};
requireHere(${JSON.stringify(entry)});
`;
}

interface Pending {
  resolve: (file: CheckedFile) => void;
  reject: (error: unknown) => void;
  /** The rows received so far (they come in parts; see import-thread.ts). */
  rows: CheckedFile['rows'];
}

let thread: Worker | undefined;
let nextId = 1;
let idle: NodeJS.Timeout | undefined;
const pending = new Map<number, Pending>();

function start(): Worker {
  const worker = FROM_SOURCES
    ? new Worker(sourceBootstrap(ENTRY), {
        eval: true,
        resourceLimits: { maxOldGenerationSizeMb: THREAD_HEAP_MB },
      })
    : new Worker(ENTRY, { resourceLimits: { maxOldGenerationSizeMb: THREAD_HEAP_MB } });
  worker.unref(); // never what keeps a process (or a test run) alive
  worker.on('message', (reply: ThreadReply) => {
    const waiting = pending.get(reply.id);
    if ('part' in reply) {
      waiting?.rows.push(...reply.part);
      // Asked for the next part only now: each arrives in its own turn of the event loop.
      const ack: ThreadRequest = { id: reply.id, ack: true };
      worker.postMessage(ack);
      return;
    }
    pending.delete(reply.id);
    if (!waiting) {
      return;
    }
    if (reply.ok) {
      waiting.resolve({ ...reply.result, rows: waiting.rows });
    } else if (reply.domain) {
      const { code, message, details } = reply.domain;
      waiting.reject(new ProceduresException(code, message, details));
    } else {
      waiting.reject(new Error(`Đọc tệp nhập thủ tục lỗi: ${reply.message}`));
    }
    scheduleIdle();
  });
  const fail = (error: unknown) => {
    if (thread === worker) {
      thread = undefined;
    }
    // Out of memory in the thread is this file's fault, not the product's: the api lives on.
    const tooBig = (error as { code?: string })?.code === 'ERR_WORKER_OUT_OF_MEMORY';
    for (const [id, waiting] of pending) {
      pending.delete(id);
      waiting.reject(
        tooBig
          ? ProceduresException.file('Tệp quá lớn hoặc quá phức tạp để đọc; hãy chia thành nhiều tệp nhỏ hơn')
          : error,
      );
    }
  };
  worker.on('error', fail);
  worker.on('exit', (code) => fail(new Error(`Luồng đọc tệp nhập thủ tục đã dừng (mã ${code})`)));
  return worker;
}

function scheduleIdle(): void {
  clearTimeout(idle);
  if (pending.size === 0) {
    idle = setTimeout(() => void stopImportReader(), IDLE_MS);
    idle.unref();
  }
}

/**
 * Reads and checks an import file in a worker thread (all of an import that needs no database), so the
 * event loop keeps answering meanwhile. A file-level problem rejects with ProceduresException (4xx).
 */
export function readImportFile(file: ImportFile): Promise<CheckedFile> {
  clearTimeout(idle);
  thread ??= start();
  const id = nextId++;
  const request: ThreadRequest = { id, file: { bytes: file.bytes, filename: file.filename } };
  return new Promise<CheckedFile>((resolvePromise, reject) => {
    pending.set(id, { resolve: resolvePromise, reject, rows: [] });
    thread!.postMessage(request);
  });
}

/** Lets the thread go (idle, or the module closing). */
export async function stopImportReader(): Promise<void> {
  const worker = thread;
  thread = undefined;
  clearTimeout(idle);
  if (worker) {
    await worker.terminate();
  }
}
