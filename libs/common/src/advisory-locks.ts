import type { EntityManager } from 'typeorm';

/**
 * Every PostgreSQL advisory lock of the product, in one place, so that no two uses share a key by accident.
 *
 * Locks on the whole database: one bigint key each, above the int4 range so that no keyed lock below can
 * ever equal one.
 */
export const GLOBAL_LOCKS = {
  /** Replicas booting together apply each migration once (session lock, libs/db migrate.ts). */
  migrations: 7_402_115_001,
  /** The first administrator is created once (transaction lock, libs/auth). */
  bootstrapAdmin: 7_402_115_002,
  /** pg-boss queues are created and updated one replica at a time (session lock, libs/queue). */
  queueSetup: 7_402_115_003,
} as const;

/**
 * Locks on one thing (an article, a unit): the key is `hashtext('<prefix>:' || id)`, an int4, taken for the
 * length of a transaction with `lockKeyed`.
 */
export const KEYED_LOCKS = {
  /** One audio request or production per article at a time (libs/audio). */
  audioArticle: 'audio.article',
  /** One replacement of a unit's speech lexicon at a time (libs/speech). */
  lexiconReplace: 'lexicon.replace',
  /** One procedure import of a unit written at a time (libs/procedures). */
  proceduresImport: 'procedures.import',
} as const;

/**
 * A unit's evidence chain: the two-int key (this class, hashtext(unit id)), taken by the SQL function that
 * appends evidence (migrations Foundation and EvidenceOrdinal, which cannot import this).
 */
export const EVIDENCE_CHAIN_LOCK_CLASS = 7_402_115;

/** Takes the keyed lock `lock` on `id` until the end of the manager's transaction. */
export async function lockKeyed(
  manager: EntityManager,
  lock: keyof typeof KEYED_LOCKS,
  id: string,
): Promise<void> {
  await manager.query(`SELECT pg_advisory_xact_lock(hashtext($1 || ':' || $2))`, [KEYED_LOCKS[lock], id]);
}
