// Three projects: unit (no database), integration and e2e (a real PostgreSQL started once per run by
// test/support/global-setup.ts; migrations applied once into a template database; each jest worker
// clones its own database from it).
const transform = {
  '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.test.json', diagnostics: false }],
};
const moduleNameMapper = {
  '^@app/(common|db|queue|units|auth|evidence|articles|portal|media|procedures|speech|sound|audio|broadcast|reports)$':
    '<rootDir>/libs/$1/src',
};
const base = { rootDir: __dirname, transform, moduleNameMapper, testEnvironment: 'node' };

module.exports = {
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
  testTimeout: 60_000,
  projects: [
    { ...base, displayName: 'unit', testMatch: ['<rootDir>/{apps,libs}/**/*.spec.ts'] },
    {
      ...base,
      displayName: 'integration',
      testMatch: ['<rootDir>/{apps,libs,test}/**/*.int-spec.ts'],
      setupFiles: ['<rootDir>/test/support/env.ts'],
    },
    {
      ...base,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/e2e/**/*.e2e-spec.ts'],
      setupFiles: ['<rootDir>/test/support/env.ts'],
    },
  ],
};
