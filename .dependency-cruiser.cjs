// The module map of ARCHITECTURE.md §1, enforced (`npm run lint`): each lib
// imports only the libs on its line; apps only compose; nothing imports an app; no cycles. A lib that is
// not listed here may import nothing but common, so a new lib is added to this map (and to §1) first.
'use strict';

/** lib → the libs it may import (besides itself). Keep in the order and wording of ARCHITECTURE.md §1. */
const MAP = {
  reports: ['evidence', 'units', 'db', 'common'],
  broadcast: ['audio', 'speech', 'sound', 'articles', 'media', 'evidence', 'units', 'queue', 'db', 'common'],
  portal: ['db', 'common', 'units'],
  audio: ['speech', 'sound', 'articles', 'media', 'evidence', 'units', 'queue', 'db', 'common'],
  sound: ['common', 'media', 'units'],
  speech: ['sound', 'units', 'common'],
  articles: ['sound', 'media', 'evidence', 'units', 'queue', 'db', 'common'],
  media: ['units', 'common'],
  procedures: ['media', 'evidence', 'units', 'queue', 'db', 'common'],
  auth: ['units', 'queue', 'db', 'common'],
  evidence: ['units', 'queue', 'common'],
  units: ['db', 'common'],
  queue: ['common'],
  db: ['common'],
  common: [],
};

/** A lib's own folder, whatever the file (specs included: a spec is held to its lib's map too). */
const lib = (name) => `^libs/${name}/`;
const only = (names) => `^libs/(${names.join('|')})/`;

module.exports = {
  forbidden: [
    ...Object.entries(MAP).map(([name, allowed]) => ({
      name: `${name}-imports`,
      comment: `libs/${name} may import only ${allowed.length ? allowed.join(', ') : 'no other lib'} (ARCHITECTURE.md §1)`,
      severity: 'error',
      from: { path: lib(name) },
      to: { path: '^libs/', pathNot: only([name, ...allowed]) },
    })),
    {
      name: 'unlisted-lib-imports',
      comment:
        'a lib missing from the map in .dependency-cruiser.cjs may import only common: add it to the map',
      severity: 'error',
      from: { path: '^libs/([^/]+)/', pathNot: only(Object.keys(MAP)) },
      to: { path: '^libs/', pathNot: '^libs/(common|$1)/' },
    },
    {
      name: 'launcher-imports',
      comment: 'apps/launcher may import only common and db (it starts PostgreSQL and the processes)',
      severity: 'error',
      from: { path: '^apps/launcher/' },
      to: { path: '^libs/', pathNot: only(['common', 'db']) },
    },
    {
      name: 'admin-over-http-only',
      comment:
        'apps/admin talks to the api over HTTP only, typed from its OpenAPI document; the one exception is ' +
        'libs/common/src/csv.ts, a helper with no imports, so that a CSV the browser writes is quoted as the api quotes',
      severity: 'error',
      from: { path: '^apps/admin/' },
      to: { path: '^(libs|apps/(api|worker|launcher))/', pathNot: '^libs/common/src/csv\\.ts$' },
    },
    {
      name: 'no-lib-imports-an-app',
      comment: 'apps only compose: a lib never imports one',
      severity: 'error',
      from: { path: '^libs/' },
      to: { path: '^apps/' },
    },
    {
      name: 'no-app-imports-another',
      comment: 'each app is a process of its own; what two apps share lives in a lib',
      severity: 'error',
      from: { path: '^apps/([^/]+)/' },
      to: { path: '^apps/', pathNot: '^apps/$1/' },
    },
    {
      name: 'no-cycles-between-libs',
      comment: 'the graph of libs has no cycles (common ← db ← units ← …)',
      severity: 'error',
      from: { path: '^libs/([^/]+)/' },
      to: { path: '^libs/', pathNot: '^libs/$1/', circular: true },
    },
  ],
  options: {
    includeOnly: '^(apps|libs)/',
    exclude: { path: '(^|/)(node_modules|dist)/' },
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.mts', '.js', '.mjs', '.cjs', '.json'],
    },
    cache: false,
  },
};
