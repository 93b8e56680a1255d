// What each build target reads and the stamp it leaves; shared by build.js and ensure-build.js.
'use strict';
const { join } = require('node:path');

const root = join(__dirname, '..');

module.exports = {
  root,
  targets: {
    server: {
      stamp: join(root, 'dist', '.build-stamp'),
      sources: [
        'apps',
        'libs',
        'migrations',
        'bench',
        'tsconfig.json',
        'tsconfig.build.json',
        'package-lock.json',
      ],
      skip: ['node_modules', 'dist', 'admin'],
      message: 'Đang biên dịch máy chủ (lần đầu hoặc sau khi mã thay đổi)…\n',
    },
    admin: {
      stamp: join(root, 'dist', '.admin-stamp'),
      sources: ['apps/admin', 'package-lock.json'],
      skip: ['node_modules', 'dist'],
      message: 'Đang biên dịch giao diện quản trị (lần đầu hoặc sau khi mã thay đổi)…\n',
    },
  },
};
