import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, call, setAuthHooks, type Me, type Role } from '../api/client';
import { clearDrafts, putAsideDrafts } from '../lib/drafts';
import { EXPIRED, isExpired, readStored, STORAGE_KEY, writeStored, type StoredSession } from './stored';

const UNIT_KEY = 'xa-portal.unit';

export interface Session {
  user: Me;
  /** The unit the person works in now (unit switcher). */
  unitId: string | null;
  /** Their roles in that unit, to show (decisions use `can`). A system administrator holds every role. */
  roles: Role[];
  isSystemAdmin: boolean;
  /**
   * Whether the api says the person may do `action` (e.g. "articles.create") in the current unit, or in
   * `unitId`. The rules live in the api (`GET /users/me` → permissions); the app keeps no role lists.
   */
  can: (action: string, unitId?: string | null) => boolean;
}

interface SessionContextValue {
  session: Session | null;
  /** Why the last session ended, shown on the login screen. */
  notice: string | null;
  login: (username: string, password: string) => Promise<void>;
  logout: () => void;
  switchUnit: (unitId: string) => void;
}

const SessionContext = createContext<SessionContextValue | null>(null);

const DISABLED = 'Tài khoản của bạn đã bị khóa. Hãy liên hệ quản trị đơn vị.';
const REVOKED =
  'Phiên đăng nhập không còn hiệu lực (mật khẩu vừa được đổi, hoặc tài khoản bị khóa). Vui lòng đăng nhập lại; nội dung bạn đang nhập dở được giữ lại.';

// Wired at load, not in an effect: the first requests of a reloaded page (sent from the pages' own
// effects, which run before the provider's) already carry the token.
let endSession: (code: string) => void = () => undefined;
setAuthHooks({
  token: () => {
    const stored = readStored();
    return stored && !isExpired(stored) ? stored.accessToken : null;
  },
  onUnauthorized: (code) => endSession(code),
});

function unitKey(userId: string): string {
  return `${UNIT_KEY}.${userId}`;
}

function defaultUnit(user: Me): string | null {
  const saved = localStorage.getItem(unitKey(user.id));
  if (saved && (user.isSystemAdmin || user.memberships.some((m) => m.unitId === saved))) {
    return saved;
  }
  return user.memberships[0]?.unitId ?? null;
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const [stored, setStored] = useState<StoredSession | null>(() => {
    const found = readStored();
    return found && !isExpired(found) ? found : null;
  });
  const [notice, setNotice] = useState<string | null>(() => {
    const found = readStored();
    return found && isExpired(found) ? EXPIRED : null;
  });
  const [unitId, setUnitId] = useState<string | null>(() => (stored ? defaultUnit(stored.user) : null));

  const save = useCallback((next: StoredSession | null) => {
    writeStored(next);
    setStored(next);
  }, []);

  const end = useCallback(
    (reason: string) => {
      putAsideDrafts();
      setNotice(reason);
      save(null);
    },
    [save],
  );

  useEffect(() => {
    endSession = (code) =>
      end(code === 'TOKEN_EXPIRED' ? EXPIRED : code === 'ACCOUNT_DISABLED' ? DISABLED : REVOKED);
  }, [end]);

  // The session ends on time even when the page sits idle.
  useEffect(() => {
    if (!stored) {
      return;
    }
    const left = Date.parse(stored.expiresAt) - Date.now();
    const timer = setTimeout(() => end(EXPIRED), Math.min(Math.max(left, 0), 2 ** 31 - 1));
    return () => clearTimeout(timer);
  }, [stored, end]);

  // Logging in or out in another tab does the same here.
  useEffect(() => {
    const onStorage = (event: StorageEvent): void => {
      if (event.key === STORAGE_KEY) {
        const next = readStored();
        setStored(next && !isExpired(next) ? next : null);
        if (next) {
          setUnitId(defaultUnit(next.user));
        }
      }
    };
    window.addEventListener('storage', onStorage);
    return () => window.removeEventListener('storage', onStorage);
  }, []);

  const login = useCallback(
    async (username: string, password: string) => {
      const result = await call(api.POST('/api/v1/auth/login', { body: { username, password } }));
      const next = { accessToken: result.accessToken, expiresAt: result.expiresAt, user: result.user };
      setNotice(null);
      setUnitId(defaultUnit(result.user));
      save(next);
    },
    [save],
  );

  const logout = useCallback(() => {
    clearDrafts();
    setNotice(null);
    save(null);
  }, [save]);

  const switchUnit = useCallback(
    (id: string) => {
      if (stored) {
        localStorage.setItem(unitKey(stored.user.id), id);
      }
      setUnitId(id);
    },
    [stored],
  );

  // Roles may have changed since the token was issued: read them again once per page load.
  useEffect(() => {
    if (!readStored()) {
      return;
    }
    call(api.GET('/api/v1/users/me'))
      .then((user) => {
        const current = readStored();
        if (current) {
          save({ ...current, user });
        }
      })
      .catch(() => undefined);
  }, [save]);

  const session = useMemo<Session | null>(() => {
    if (!stored) {
      return null;
    }
    const { user } = stored;
    const roles = user.isSystemAdmin
      ? (['admin', 'editor', 'approver', 'operator', 'reporter'] as Role[])
      : user.memberships.filter((m) => m.unitId === unitId).map((m) => m.role);
    // A session stored by an older app has no permissions until /users/me answers (read at each load).
    const everywhere = new Set(user.actionsEverywhere ?? []);
    const byUnit = new Map((user.permissions ?? []).map((p) => [p.unitId, new Set(p.actions)]));
    return {
      user,
      unitId,
      roles,
      isSystemAdmin: user.isSystemAdmin,
      can: (action: string, unit: string | null = unitId) =>
        everywhere.has(action) || (unit !== null && (byUnit.get(unit)?.has(action) ?? false)),
    };
  }, [stored, unitId]);

  const value = useMemo(
    () => ({ session, notice, login, logout, switchUnit }),
    [session, notice, login, logout, switchUnit],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSessionContext(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) {
    throw new Error('useSessionContext outside SessionProvider');
  }
  return value;
}

/** The signed-in person; only inside pages behind the login. */
export function useSession(): Session {
  const { session } = useSessionContext();
  if (!session) {
    throw new Error('useSession without a session');
  }
  return session;
}
