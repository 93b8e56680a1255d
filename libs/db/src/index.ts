export { dataSourceOptions } from './data-source';
export { runMigrationsLocked } from './migrate';
export { DbModule } from './db.module';
export { EmbeddedPostgresServer, freePort } from './embedded-postgres.server';
export type { EmbeddedPostgresOptions } from './embedded-postgres.server';
export { isUniqueViolation } from './pg-errors';
export { notifyPortalChanged, PORTAL_CHANGED } from './portal-changes';
