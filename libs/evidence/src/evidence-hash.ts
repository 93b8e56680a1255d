import canonicalize from 'canonicalize';
import { createHash } from 'node:crypto';

/** The hash before a unit's first row. */
export const GENESIS_HASH = '0'.repeat(64);

/** What a row's hash covers: everything but its id, position and the hashes themselves. */
export interface EvidenceContent {
  unitId: string;
  type: string;
  occurredAt: Date;
  recordedAt: Date;
  actorId: string | null;
  method: string;
  subject: { type: string; id: string };
  snapshot: Record<string, unknown>;
  correctsId: string | null;
}

/**
 * The canonical serialization: RFC 8785 JSON (sorted keys, fixed number form, via `canonicalize`), with
 * times as ISO 8601 UTC to the millisecond. A row read back from PostgreSQL serializes to the same text.
 */
export function canonicalContent(content: EvidenceContent): string {
  const text = canonicalize({
    unitId: content.unitId,
    type: content.type,
    occurredAt: content.occurredAt.toISOString(),
    recordedAt: content.recordedAt.toISOString(),
    actorId: content.actorId,
    method: content.method,
    subject: { type: content.subject.type, id: content.subject.id },
    snapshot: content.snapshot,
    correctsId: content.correctsId,
  });
  if (text === undefined) {
    throw new Error('evidence content cannot be serialized');
  }
  return text;
}

/** contentHash = SHA-256(canonical content), hex. */
export function contentHash(canonical: string): string {
  return createHash('sha256').update(canonical, 'utf8').digest('hex');
}

/** hash = SHA-256(prevHash + "\n" + contentHash), hex. The same formula runs in SQL (evidence_link()). */
export function chainHash(prevHash: string, contentHashHex: string): string {
  return createHash('sha256').update(`${prevHash}\n${contentHashHex}`, 'utf8').digest('hex');
}
