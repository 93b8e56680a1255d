#!/usr/bin/env node
// Builds dist/ when a source file is newer than the last build, so that `npm ci && npm start` works on a
// fresh clone and a warm start costs only this check (a few milliseconds).
'use strict';
const { readdirSync, statSync, writeFileSync, mkdirSync } = require('node:fs');
const { join } = require('node:path');
const { spawnSync } = require('node:child_process');

const root = join(__dirname, '..');
const stamp = join(root, 'dist', '.build-stamp');
const sources = [
  'apps',
  'libs',
  'migrations',
  'bench',
  'tsconfig.json',
  'tsconfig.build.json',
  'package-lock.json',
];

function newest(path) {
  let stat;
  try {
    stat = statSync(path);
  } catch {
    return 0;
  }
  if (!stat.isDirectory()) {
    return stat.mtimeMs;
  }
  let max = stat.mtimeMs;
  for (const entry of readdirSync(path)) {
    if (entry === 'node_modules' || entry === 'dist' || entry === 'admin') {
      continue;
    }
    max = Math.max(max, newest(join(path, entry)));
  }
  return max;
}

const built = (() => {
  try {
    return statSync(stamp).mtimeMs;
  } catch {
    return 0;
  }
})();
const latest = Math.max(...sources.map((s) => newest(join(root, s))));
if (latest > built) {
  process.stderr.write('Đang biên dịch mã nguồn (lần đầu hoặc sau khi mã thay đổi)…\n');
  const result = spawnSync('npm', ['run', '--silent', 'build'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    process.exit(result.status ?? 1);
  }
  mkdirSync(join(root, 'dist'), { recursive: true });
  writeFileSync(stamp, new Date().toISOString());
}
