import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';

export interface SharedSecret {
  value: string;
  /** `created`: this process made it (from the seed, or new); `found`: another process had. */
  origin: 'created' | 'found';
}

/**
 * The secret of this name kept in the database, created on first use: every replica on one database gets
 * the same value. Replicas booting together race on the primary key, and the loser reads the winner's
 * row (`ON CONFLICT DO NOTHING`, then read), so there is one value without any lock held.
 * `seed` is the value to keep when there is none yet (a key an earlier version kept in DATA_DIR, so the
 * tokens it signed stay valid); otherwise `bytes` random bytes are made.
 */
export async function sharedSecret(
  dataSource: DataSource,
  name: string,
  options: { seed?: string; bytes?: number } = {},
): Promise<SharedSecret> {
  const candidate = options.seed ?? randomBytes(options.bytes ?? 48).toString('base64url');
  const inserted: unknown[] = await dataSource.query(
    'INSERT INTO app_secrets (name, value) VALUES ($1, $2) ON CONFLICT (name) DO NOTHING RETURNING name',
    [name, candidate],
  );
  if (inserted.length > 0) {
    return { value: candidate, origin: 'created' };
  }
  const rows: { value: string }[] = await dataSource.query('SELECT value FROM app_secrets WHERE name = $1', [
    name,
  ]);
  return { value: rows[0].value, origin: 'found' };
}
