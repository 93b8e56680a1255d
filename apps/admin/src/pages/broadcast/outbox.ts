import { api, ApiError, call } from '../../api/client';
import type { AiringInput } from './broadcast-api';

// Airing records the console made wait here until the api has them. Each record is written to
// localStorage (which survives a closed tab, a reload, a power cut) under its own key before the first
// attempt to send it, and removed only after the api answered 201 or 200. Its Idempotency-Key is made once,
// when it is written, so sending it again after a lost answer gives back the same airing, never a second.
// One key per record (no shared array): two console tabs never overwrite each other's records.

const PREFIX = 'xa-portal.airing-outbox.';

export interface OutboxRecord {
  /** The Idempotency-Key, made once for this airing. */
  key: string;
  body: AiringInput;
  /** The plan item it is about (to show its local state). */
  itemId: string | null;
  createdAt: number;
  /** The api refused it (4xx other than 401): kept to be looked at, not sent again by itself. */
  refused?: string;
}

/** A UUID from the browser (crypto.randomUUID needs https; a station PC may be on plain http). */
export function newKey(): string {
  if (typeof crypto.randomUUID === 'function') {
    return crypto.randomUUID();
  }
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

function storageKey(userId: string, record: OutboxRecord): string {
  return `${PREFIX}${userId}.${String(record.createdAt).padStart(15, '0')}.${record.key}`;
}

/** The person's waiting records, oldest first. */
export function outboxRecords(userId: string): OutboxRecord[] {
  const mine = `${PREFIX}${userId}.`;
  const keys: string[] = [];
  for (let n = 0; n < localStorage.length; n += 1) {
    const key = localStorage.key(n);
    if (key?.startsWith(mine)) {
      keys.push(key);
    }
  }
  return keys
    .sort()
    .flatMap((key) => {
      try {
        return [JSON.parse(localStorage.getItem(key) ?? 'null') as OutboxRecord];
      } catch {
        return [];
      }
    })
    .filter((r): r is OutboxRecord => !!r && typeof r.key === 'string');
}

/** Keeps a new airing record; it is on disk when this returns. */
export function enqueueAiring(userId: string, body: AiringInput, itemId: string | null): OutboxRecord {
  const record: OutboxRecord = { key: newKey(), body, itemId, createdAt: Date.now() };
  localStorage.setItem(storageKey(userId, record), JSON.stringify(record));
  notify();
  return record;
}

export function dropRecord(userId: string, record: OutboxRecord): void {
  localStorage.removeItem(storageKey(userId, record));
  notify();
}

function markRefused(userId: string, record: OutboxRecord, message: string): void {
  localStorage.setItem(storageKey(userId, record), JSON.stringify({ ...record, refused: message }));
  notify();
}

/** Sends the record back to be tried again (after the person fixed what was refused). */
export function retryRecord(userId: string, record: OutboxRecord): void {
  const { refused: _refused, ...rest } = record;
  localStorage.setItem(storageKey(userId, record), JSON.stringify(rest));
  notify();
}

const listeners = new Set<() => void>();
function notify(): void {
  listeners.forEach((l) => l());
}
/** Called whenever the outbox changes (in this tab; other tabs through the storage event). */
export function onOutboxChange(listener: () => void): () => void {
  listeners.add(listener);
  const onStorage = (e: StorageEvent): void => {
    if (!e.key || e.key.startsWith(PREFIX)) {
      listener();
    }
  };
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', onStorage);
  };
}

export interface FlushResult {
  sent: number;
  /** The network (or the server) failed: the rest waits for the next attempt. */
  offline: boolean;
}

let running: Promise<FlushResult> | null = null;

/**
 * Sends the waiting records in order, one at a time. A network failure or a 5xx stops the run (the rest
 * waits, in order); a 401 stops it too (the session ends, the records stay for the next login); any other
 * refusal is kept aside with its message and the run goes on.
 */
export function flushOutbox(userId: string): Promise<FlushResult> {
  if (running) {
    return running;
  }
  const run = sendWaiting(userId);
  running = run;
  // Cleared after the run settles (not inside it: a run with nothing to send ends before it is stored).
  const clear = (): void => {
    if (running === run) {
      running = null;
    }
  };
  run.then(clear, clear);
  return run;
}

async function sendWaiting(userId: string): Promise<FlushResult> {
  let sent = 0;
  for (const record of outboxRecords(userId)) {
    if (record.refused) {
      continue;
    }
    try {
      await call(
        api.POST('/api/v1/airings', {
          params: { header: { 'Idempotency-Key': record.key } },
          body: record.body,
        }),
      );
      dropRecord(userId, record);
      sent += 1;
    } catch (error) {
      if (!(error instanceof ApiError) || error.status === 0 || error.status >= 500) {
        return { sent, offline: true };
      }
      if (error.status === 401) {
        return { sent, offline: false };
      }
      const details = error.body.details?.map((d) => d.message).join('; ');
      markRefused(userId, record, details || error.body.message);
    }
  }
  return { sent, offline: false };
}
