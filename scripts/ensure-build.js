#!/usr/bin/env node
// Builds what is older than its sources, so that `npm ci && npm start` works on a fresh clone and a warm
// start costs only this check (a few milliseconds). `node scripts/ensure-build.js [server|admin]`;
// both when no target is named.
'use strict';
const { readdirSync, statSync } = require('node:fs');
const { join } = require('node:path');
const { spawnSync } = require('node:child_process');

const { root, targets } = require('./build-targets');

function newest(path, skip) {
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
    if (!skip.includes(entry)) {
      max = Math.max(max, newest(join(path, entry), skip));
    }
  }
  return max;
}

function mtime(path) {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return 0;
  }
}

const wanted = process.argv[2] ? [process.argv[2]] : Object.keys(targets);
for (const name of wanted) {
  const target = targets[name];
  if (!target) {
    process.stderr.write(`Không biết đích biên dịch "${name}" (server | admin)\n`);
    process.exit(2);
  }
  const latest = Math.max(...target.sources.map((s) => newest(join(root, s), target.skip)));
  if (latest > mtime(target.stamp)) {
    process.stderr.write(target.message);
    const result = spawnSync(process.execPath, [join(__dirname, 'build.js'), name], {
      cwd: root,
      stdio: 'inherit',
    });
    if (result.status !== 0) {
      process.exit(result.status ?? 1);
    }
  }
}
