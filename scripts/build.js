#!/usr/bin/env node
// `npm run build`: TypeScript to dist/ (incremental), aliases rewritten, and compiled files whose source
// is gone removed: entities and migrations are found by glob, so a stale file there would still run.
'use strict';
const { existsSync, readdirSync, rmSync, statSync } = require('node:fs');
const { join, relative } = require('node:path');
const { spawnSync } = require('node:child_process');

const root = join(__dirname, '..');
const dist = join(root, 'dist');

function removeOrphans(dir) {
  if (!existsSync(dir)) {
    return;
  }
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) {
      removeOrphans(path);
    } else if (/\.js(\.map)?$/.test(entry)) {
      const source = join(root, relative(dist, path)).replace(/\.js(\.map)?$/, '.ts');
      if (!existsSync(source)) {
        rmSync(path);
      }
    }
  }
}

for (const [cmd, args] of [
  ['tsc', ['-p', 'tsconfig.build.json']],
  ['tsc-alias', ['-p', 'tsconfig.build.json']],
]) {
  const result = spawnSync(join(root, 'node_modules', '.bin', cmd), args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    process.exit(result.status ?? 1);
  }
}
removeOrphans(dist);
