// Browser tests (`npm run test:browser`): the real api serving the built admin app, driven in Debian's
// chromium by playwright-core. Same embedded PostgreSQL setup as `npm test`; one file at a time.
const base = require('./jest.config.js');
const { transform, moduleNameMapper } = base.projects[0];

module.exports = {
  rootDir: __dirname,
  globalSetup: base.globalSetup,
  globalTeardown: base.globalTeardown,
  testTimeout: 120_000,
  transform,
  moduleNameMapper,
  testEnvironment: 'node',
  displayName: 'browser',
  testMatch: ['<rootDir>/test/browser/**/*.browser-spec.ts'],
  setupFiles: ['<rootDir>/test/support/env.ts'],
};
