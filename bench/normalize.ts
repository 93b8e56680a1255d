/**
 * Speech normalization time (issue 13 A6): `POST /speech/normalize` runs on the api's event loop, so the
 * time of one text is the time every other request waits. Texts of several shapes (the hostile ones that
 * were quadratic, and a real radio script) at sizes up to the largest the endpoint accepts
 * (NORMALIZE_TEXT_MAX), each timed as the median of RUNS runs, side by side with what a person would
 * write instead of a normalizer: `text.normalize('NFC').split(/\s+/)`.
 *
 * Columns: the median wall time and the median CPU time of the process (on a shared machine the wall
 * time includes waiting for a core; the CPU time does not), the ratio to the next smaller size (linear:
 * about 2 for twice the text), and the multiple of the baseline's wall time.
 * Run: npm run bench:normalize   (RUNS=7 by default). Target: ≤ 50 ms at the largest size, every shape.
 */
import { loadavg } from 'node:os';
import { NORMALIZE_TEXT_MAX, normalizeForSpeech } from '@app/speech';
import { printFigures } from './support';

const RUNS = Number(process.env.RUNS ?? 7);
const SIZES = [NORMALIZE_TEXT_MAX / 8, NORMALIZE_TEXT_MAX / 4, NORMALIZE_TEXT_MAX / 2, NORMALIZE_TEXT_MAX];

const SCRIPT = [
  'Thực hiện Kế hoạch số 25/KH-UBND ngày 04/01/2022 của UBND xã về chuyển đổi số, ',
  'từ 7h30 - 11h ngày 15/3, Hội trường UBND xã tổ chức tập huấn cho 120 CBCC và 45 hộ dân. ',
  'Tỷ lệ hồ sơ TTHC nộp trực tuyến đạt 98,5%, tăng 3-5% so với năm 2021 - 2025. ',
  'Diện tích lúa 1.250,5 ha, năng suất 6,2 tấn/ha; giá 50.000đ/kg. ',
  'Mọi ý kiến xin gửi về địa chỉ ubnd@xaphuoc.gov.vn hoặc https://dichvucong.gov.vn, ',
  'điện thoại 0905 123 456. Thứ 4 tuần này, lần thứ XIV, BCH Đoàn xã họp... để bàn việc.\n',
  '1. Tuyên truyền về BHYT, BHXH cho người dân.\n- Hướng dẫn cài đặt VNeID.\n',
].join('');

const NOTICE =
  'Đẩy mạnh cải cách hành chính (CCHC) theo 59/KH-UBND, lệ phí 50.000 đồng/hồ sơ, ' +
  'gọi (0220) 3851234 hoặc gửi vanthu.ubnd@quangninh.gov.vn; BCH Quân sự xã trực 24/24. ';

/** Each shape fills `size` characters. The first ones were quadratic before issue 13. */
const SHAPES: Record<string, (size: number) => string> = {
  '"1." repeated (the report)': (n) => '1.'.repeat(n / 2),
  '"1. " repeated (a list)': (n) => '1. '.repeat(Math.floor(n / 3)),
  'one line per item ("1.\\n")': (n) => '1.\n'.repeat(Math.floor(n / 3)),
  'a run of digits': (n) => '7'.repeat(n),
  'dotted digits "1.000."': (n) => '1.000.'.repeat(Math.floor(n / 6)),
  'dots only "....."': (n) => '.'.repeat(n),
  'no spaces "a.b%c-"': (n) => 'a.b%c-'.repeat(Math.floor(n / 6)),
  'abbreviations "UBND, HĐND, TP.HCM v/v "': (n) => 'UBND, HĐND, TP.HCM v/v '.repeat(Math.floor(n / 23)),
  'one word, no spaces': (n) => 'a'.repeat(n),
  'a radio script (dates, codes, numbers)': (n) => SCRIPT.repeat(Math.ceil(n / SCRIPT.length)).slice(0, n),
  // The rules that look around a match (a symbol's issuer, an acronym's words, a rate's amount) and e-mails.
  'symbols, rates, phones, (acronyms), e-mails': (n) =>
    NOTICE.repeat(Math.ceil(n / NOTICE.length)).slice(0, n),
};

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** Median wall and CPU milliseconds of `run` over RUNS runs, after one run to warm up. */
function time(run: () => unknown): { wall: number; cpu: number } {
  run();
  const walls: number[] = [];
  const cpus: number[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    const cpu = process.cpuUsage();
    const start = performance.now();
    run();
    walls.push(performance.now() - start);
    const used = process.cpuUsage(cpu);
    cpus.push((used.user + used.system) / 1000);
  }
  return { wall: median(walls), cpu: median(cpus) };
}

function main(): void {
  console.log(
    `Chuẩn hóa văn bản để đọc: trung vị của ${RUNS} lần, tải máy ${loadavg()[0].toFixed(1)} (${new Date().toISOString()})`,
  );
  const figures: string[][] = [];
  let worst = 0;
  for (const [shape, make] of Object.entries(SHAPES)) {
    let previous: number | null = null;
    for (const size of SIZES) {
      const text = make(size);
      const ours = time(() => normalizeForSpeech(text));
      const baseline = time(() => text.normalize('NFC').split(/\s+/));
      const growth = previous === null ? '' : ` ×${(ours.cpu / Math.max(previous, 0.01)).toFixed(1)}`;
      previous = ours.cpu;
      if (size === NORMALIZE_TEXT_MAX) {
        worst = Math.max(worst, ours.cpu);
      }
      figures.push([
        `${shape}, ${text.length.toLocaleString('vi-VN')} ký tự`,
        `${ours.wall.toFixed(1)} ms (CPU ${ours.cpu.toFixed(1)})${growth}`,
        `NFC+split ${baseline.wall.toFixed(2)} ms, ×${(ours.wall / Math.max(baseline.wall, 0.01)).toFixed(0)}`,
      ]);
    }
  }
  printFigures([['hình dạng, cỡ', 'chuẩn hóa (CPU) ×so với cỡ trước', 'cách làm tay'], ...figures]);
  console.log(
    `Chậm nhất ở ${NORMALIZE_TEXT_MAX.toLocaleString('vi-VN')} ký tự: CPU ${worst.toFixed(1)} ms (mục tiêu ≤ 50 ms)`,
  );
}

main();
