export const TEMPLATE_DATABASE = 'test_template';

/** URL of a database on the run's PostgreSQL. */
export function databaseUrl(name: string): string {
  const admin = process.env.TEST_PG_ADMIN_URL;
  if (!admin) {
    throw new Error('TEST_PG_ADMIN_URL is not set: run the tests with jest (global setup starts PostgreSQL)');
  }
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return url.toString();
}
