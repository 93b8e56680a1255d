/**
 * Upload memory (issue 13, A14): on the product as `npm start` runs it (embedded PostgreSQL, api, worker),
 * a programme of about 100 MB (a WAV, the largest upload accepted) is sent to `POST /units/:id/audio`
 * while the api's resident memory (VmRSS of its process, read from /proc every 20 ms) is watched.
 * Prints the api's RSS before, its peak during the upload and the growth (target: within +30 MB), and
 * how long the upload took; side by side, the same file sent to what a person would write instead: a bare
 * Fastify server whose @fastify/multipart handler pipes the file to disk. Linux only (/proc).
 * Run: npm run bench:upload-memory   (MB=99, WARM_MB=10 by default)
 */
import { spawn } from 'node:child_process';
import { closeSync, mkdtempSync, openAsBlob, openSync, readdirSync, readFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '@app/db';
import { launch, printFigures, signedInAdmin, stopAndRemove } from './support';

const MB = Number(process.env.MB ?? 99);
const WARM_MB = Number(process.env.WARM_MB ?? 10);
const PASSWORD = 'mat-khau-do-bo-nho';

/** A mono 44.1 kHz 16-bit WAV of `bytes` bytes: a quiet tone, so the upload is a real programme. */
function writeWav(path: string, bytes: number): void {
  const samples = Math.floor((bytes - 44) / 2);
  const header = Buffer.alloc(44);
  header.write('RIFF', 0);
  header.writeUInt32LE(36 + samples * 2, 4);
  header.write('WAVEfmt ', 8);
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20); // PCM
  header.writeUInt16LE(1, 22); // mono
  header.writeUInt32LE(44100, 24);
  header.writeUInt32LE(44100 * 2, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36);
  header.writeUInt32LE(samples * 2, 40);
  const fd = openSync(path, 'w');
  try {
    writeSync(fd, header);
    const second = Buffer.alloc(44100 * 2);
    for (let i = 0; i < 44100; i++) {
      second.writeInt16LE(Math.round(3000 * Math.sin((2 * Math.PI * 440 * i) / 44100)), i * 2);
    }
    for (let left = samples * 2; left > 0; left -= second.length) {
      writeSync(fd, second, 0, Math.min(left, second.length));
    }
  } finally {
    closeSync(fd);
  }
}

/** The api process the launcher started: a child of it whose command line runs apps/api. */
function apiPid(launcherPid: number): number {
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) {
      continue;
    }
    try {
      const ppid = Number(readFileSync(`/proc/${entry}/stat`, 'utf8').split(') ')[1].split(' ')[1]);
      const cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8');
      if (ppid === launcherPid && cmdline.includes('apps/api/src/main.js')) {
        return Number(entry);
      }
    } catch {
      // the process ended meanwhile
    }
  }
  throw new Error('api process not found');
}

function rssMb(pid: number): number {
  const kb = Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]);
  return kb / 1024;
}

/**
 * The baseline: a bare Fastify + @fastify/multipart server in its own process that streams the file to a
 * temporary file and answers, nothing else. Resolves with its port and pid once it listens.
 */
function bareServer(dir: string): Promise<{ port: number; pid: number; stop: () => void }> {
  const script = `
const { createWriteStream } = require('node:fs');
const { pipeline } = require('node:stream/promises');
const app = require('fastify')();
app.register(require('@fastify/multipart'), { limits: { fileSize: 200 * 1024 * 1024 } });
app.post('/up', async (request) => {
  for await (const part of request.parts()) {
    if (part.type === 'file') await pipeline(part.file, createWriteStream(${JSON.stringify(join(dir, 'bare.wav'))}));
  }
  return { ok: true };
});
app.listen({ port: 0, host: '127.0.0.1' }).then(() => console.log('PORT ' + app.server.address().port));
`;
  const child = spawn(process.execPath, ['-e', script], { cwd: join(__dirname, '..', '..'), stdio: 'pipe' });
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.stdout.on('data', (chunk: Buffer) => {
      const port = /PORT (\d+)/.exec(chunk.toString())?.[1];
      if (port) {
        resolve({ port: Number(port), pid: child.pid!, stop: () => child.kill() });
      }
    });
  });
}

/** Uploads `path` while `pid`'s resident memory is watched: its growth (MB) and the time taken (ms). */
async function watched(pid: number, send: () => Promise<Response>): Promise<{ growth: number; ms: number }> {
  const before = rssMb(pid);
  let peak = before;
  const watch = setInterval(() => (peak = Math.max(peak, rssMb(pid))), 20);
  const started = performance.now();
  const res = await send();
  const ms = performance.now() - started;
  clearInterval(watch);
  peak = Math.max(peak, rssMb(pid));
  if (res.status >= 300) {
    throw new Error(`upload: ${res.status} ${await res.text()}`);
  }
  return { growth: peak - before, ms };
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'xa-portal-bench-upload-'));
  const port = await freePort();
  const run = launch(dataDir, port, { BOOTSTRAP_ADMIN_PASSWORD: PASSWORD });
  try {
    const { base, token, call } = await signedInAdmin(port, PASSWORD);
    const unit = await call<{ id: string }>('POST', '/units', {
      code: 'BENCHUP',
      name: 'UBND xã Đo Bộ Nhớ',
      kind: 'commune',
      slug: 'do-bo-nho',
    });
    const file = join(dataDir, 'chuong-trinh.wav');
    writeWav(file, MB * 1024 * 1024);
    const pid = apiPid(run.child.pid!);

    // One upload first (WARM_MB, 10 by default), so what a running api has anyway is not counted: the
    // code loaded once, and the garbage-collector headroom any upload's buffers make it take (about
    // +35 MB on the first one, the same for 30 MB as for 99 MB). WARM_MB=0.2 shows that first-time cost.
    const small = join(dataDir, 'nho.wav');
    writeWav(small, Math.round(WARM_MB * 1024 * 1024));
    const form = async (path: string, title: string): Promise<FormData> => {
      const body = new FormData();
      body.set('title', title);
      body.set('file', await openAsBlob(path, { type: 'audio/wav' }), 'chuong-trinh.wav');
      return body;
    };
    const upload = async (path: string, title: string): Promise<Response> =>
      fetch(`${base}/units/${unit.id}/audio`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}` },
        body: await form(path, title),
      });
    const warm = await upload(small, 'Khởi động');
    if (warm.status !== 202) {
      throw new Error(`warm-up upload: ${warm.status} ${await warm.text()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 2000));
    const product = await watched(pid, () => upload(file, 'Chương trình 100 MB'));

    // The same file, the same warm-up, to the bare server.
    const bare = await bareServer(dataDir);
    try {
      const send = async (path: string): Promise<Response> =>
        fetch(`http://127.0.0.1:${bare.port}/up`, { method: 'POST', body: await form(path, 'x') });
      await send(small);
      await new Promise((resolve) => setTimeout(resolve, 2000));
      const baseline = await watched(bare.pid, () => send(file));
      printFigures([
        [
          `api: resident memory growth, uploading ${MB} MB`,
          `+${product.growth.toFixed(1)} MB`,
          'within +30 MB',
        ],
        [`bare Fastify + multipart to disk: the same`, `+${baseline.growth.toFixed(1)} MB`, ''],
        [`api: upload of ${MB} MB (sent, probed, stored, queued)`, `${(product.ms / 1000).toFixed(2)} s`, ''],
        [`bare Fastify + multipart to disk: the same`, `${(baseline.ms / 1000).toFixed(2)} s`, ''],
      ]);
    } finally {
      bare.stop();
    }
  } finally {
    await stopAndRemove(run, dataDir);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
