/**
 * Cost of cleaning every JSON body at the edge (libs/common request-hygiene: NUL and lone surrogates
 * refused, XML-invalid controls removed), against what one would write instead: a JSON.parse reviver
 * doing the same checks during the parse. Bodies shaped like the api's largest (an article of ~1 MiB,
 * and a procedure with many nested steps), parsed the way Fastify does (secure-json-parse).
 * Run: node scripts/ensure-build.js server && node dist/bench/request-hygiene.js
 */
import { performance } from 'node:perf_hooks';
import sjson from 'secure-json-parse';
import { cleanInput } from '@app/common';

const RUNS = Number(process.env.RUNS ?? 200);

function article(bytes: number): string {
  const paragraph = '<p>Ủy ban nhân dân xã thông báo lịch tiếp công dân, thủ tục hành chính một cửa.</p>';
  return JSON.stringify({
    unitId: '2d1b5f0e-3c53-4a55-9d0f-7f0b8f6a1e11',
    title: 'Tin hoạt động của xã',
    bodyHtml: paragraph.repeat(Math.ceil(bytes / Buffer.byteLength(paragraph))),
    categoryIds: ['2d1b5f0e-3c53-4a55-9d0f-7f0b8f6a1e11'],
    tags: Array.from({ length: 50 }, (_, i) => `từ khóa ${i}`),
  });
}

function procedure(): string {
  const items = Array.from({ length: 40 }, (_, i) => `Bước ${i}: nộp hồ sơ tại Bộ phận Một cửa`);
  return JSON.stringify({
    code: '1.001193',
    name: 'Thủ tục đăng ký khai sinh',
    steps: Array.from({ length: 50 }, (_, i) => ({ case: `Trường hợp ${i}`, items })),
    dossier: Array.from({ length: 50 }, (_, i) => ({
      case: `Trường hợp ${i}`,
      items: Array.from({ length: 20 }, (__, j) => ({ name: `Giấy tờ ${j}`, originals: 1, copies: 0 })),
    })),
  });
}

// eslint-disable-next-line no-control-regex
const XML_INVALID = /[\u0001-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;
const reviver = (_key: string, value: unknown): unknown => {
  if (typeof value !== 'string') {
    return value;
  }
  if (value.includes('\u0000') || !(value as unknown as { isWellFormed(): boolean }).isWellFormed()) {
    throw new Error('refused');
  }
  return value.replace(XML_INVALID, '');
};

function median(fn: () => unknown): number {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

for (const [name, text] of [
  ['article ~1 MiB', article(1024 * 1024)],
  ['article ~10 KiB', article(10 * 1024)],
  [`procedure (${Math.round(procedure().length / 1024)} KiB, ~3,000 strings)`, procedure()],
] as const) {
  const parse = median(() => sjson.parse(text));
  const cleaned = median(() => cleanInput(sjson.parse(text)));
  const revived = median(() => sjson.parse(text, reviver));
  console.log(
    `${name.padEnd(44)} parse ${parse.toFixed(3)} ms · parse + cleanInput ${cleaned.toFixed(3)} ms ` +
      `(+${(cleaned - parse).toFixed(3)}) · parse with a reviver ${revived.toFixed(3)} ms`,
  );
}
