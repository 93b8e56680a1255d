import type { Me } from '../api/client';

// The session as the browser keeps it. Plain code, no React: the login screen reads and writes it before
// the rest of the app has loaded, and the app's SessionProvider reads the same key.

export const STORAGE_KEY = 'xa-portal.session';

export interface StoredSession {
  accessToken: string;
  expiresAt: string;
  user: Me;
}

export const EXPIRED =
  'Phiên đăng nhập đã hết hạn. Vui lòng đăng nhập lại; nội dung bạn đang nhập dở được giữ lại.';

export function readStored(): StoredSession | null {
  try {
    const raw = localStorage.getItem(STORAGE_KEY);
    return raw ? (JSON.parse(raw) as StoredSession) : null;
  } catch {
    return null;
  }
}

export function writeStored(next: StoredSession | null): void {
  if (next) {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(next));
  } else {
    localStorage.removeItem(STORAGE_KEY);
  }
}

export function isExpired(stored: StoredSession): boolean {
  return Date.parse(stored.expiresAt) <= Date.now();
}
