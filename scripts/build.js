#!/usr/bin/env node
// `npm run build [-- server|admin]`: both when no target is named.
// server: TypeScript to dist/ (incremental), aliases rewritten, and compiled files whose source is gone
//   removed (entities and migrations are found by glob, so a stale file there would still run).
// admin: the Vite build of apps/admin into dist/admin, with .br and .gz copies of text assets that the
//   api serves to browsers that accept them.
'use strict';
const {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} = require('node:fs');
const { join, relative } = require('node:path');
const { spawnSync } = require('node:child_process');
const zlib = require('node:zlib');

const { root, targets } = require('./build-targets');
const dist = join(root, 'dist');
const bin = (name) => join(root, 'node_modules', '.bin', name);

function run(cmd, args) {
  const result = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    process.exit(result.status ?? 1);
  }
}

function removeOrphans(dir) {
  if (!existsSync(dir)) {
    return;
  }
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (path === join(dist, 'admin')) {
      continue;
    }
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

function compressAll(dir) {
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) {
      compressAll(path);
    } else if (/\.(js|css|html|svg|json)$/.test(entry) && statSync(path).size > 1024) {
      const data = readFileSync(path);
      writeFileSync(`${path}.gz`, zlib.gzipSync(data, { level: 9 }));
      writeFileSync(
        `${path}.br`,
        zlib.brotliCompressSync(data, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }),
      );
    }
  }
}

const builders = {
  server() {
    run(bin('tsc'), ['-p', 'tsconfig.build.json']);
    run(bin('tsc-alias'), ['-p', 'tsconfig.build.json']);
    removeOrphans(dist);
  },
  admin() {
    run(bin('vite'), ['build', '--config', 'apps/admin/vite.config.mts', '--logLevel', 'warn']);
    compressAll(join(dist, 'admin'));
  },
};

const wanted = process.argv[2] ? [process.argv[2]] : Object.keys(builders);
for (const name of wanted) {
  if (!builders[name]) {
    process.stderr.write(`Không biết đích biên dịch "${name}" (server | admin)\n`);
    process.exit(2);
  }
  // The stamp marks the start of the build, so a file saved while it ran still counts as newer.
  const started = new Date();
  builders[name]();
  mkdirSync(dist, { recursive: true });
  writeFileSync(targets[name].stamp, started.toISOString());
  utimesSync(targets[name].stamp, started, started);
}
