// The day's audio kept on this computer (IndexedDB, which plain-http station PCs have too; the Cache API
// needs https), so a plan keeps playing when the network drops. Files are keyed by their /media URL, which
// names the content (sha256), so a stored file never goes stale.

const DB_NAME = 'xa-portal-console';
const STORE = 'audio';
/** Files not needed today are forgotten after this long. */
const KEEP_MS = 3 * 86_400_000;

interface StoredAudio {
  url: string;
  blob: Blob;
  savedAt: number;
}

let opening: Promise<IDBDatabase | null> | null = null;

function openDb(): Promise<IDBDatabase | null> {
  opening ??= new Promise((resolve) => {
    if (typeof indexedDB === 'undefined') {
      resolve(null);
      return;
    }
    const request = indexedDB.open(DB_NAME, 1);
    request.onupgradeneeded = () => {
      request.result.createObjectStore(STORE, { keyPath: 'url' });
    };
    request.onsuccess = () => resolve(request.result);
    // Private windows and full disks: the files stay in memory only.
    request.onerror = () => resolve(null);
    request.onblocked = () => resolve(null);
  });
  return opening;
}

function done<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('IndexedDB'));
  });
}

async function storedBlob(url: string): Promise<Blob | null> {
  const db = await openDb();
  if (!db) {
    return null;
  }
  try {
    const found = (await done(db.transaction(STORE).objectStore(STORE).get(url))) as StoredAudio | undefined;
    return found?.blob ?? null;
  } catch {
    return null;
  }
}

async function store(url: string, blob: Blob): Promise<void> {
  const db = await openDb();
  if (!db) {
    return;
  }
  try {
    await done(
      db
        .transaction(STORE, 'readwrite')
        .objectStore(STORE)
        .put({ url, blob, savedAt: Date.now() } satisfies StoredAudio),
    );
  } catch {
    // Out of space: played from memory this time.
  }
}

/** Forgets stored files not in `keep` and older than a few days. */
export async function pruneAudio(keep: Set<string>): Promise<void> {
  const db = await openDb();
  if (!db) {
    return;
  }
  try {
    const all = (await done(db.transaction(STORE).objectStore(STORE).getAll())) as StoredAudio[];
    const old = all.filter((a) => !keep.has(a.url) && a.savedAt < Date.now() - KEEP_MS);
    if (old.length > 0) {
      const objects = db.transaction(STORE, 'readwrite').objectStore(STORE);
      await Promise.all(old.map((a) => done(objects.delete(a.url))));
    }
  } catch {
    // Nothing to gain from failing here.
  }
}

/** The file of `url` from this computer, else downloaded now and kept; null when neither works. */
export async function localAudio(url: string): Promise<Blob | null> {
  const kept = await storedBlob(url);
  if (kept) {
    return kept;
  }
  try {
    const response = await fetch(url);
    if (!response.ok) {
      return null;
    }
    const blob = await response.blob();
    await store(url, blob);
    return blob;
  } catch {
    return null;
  }
}
