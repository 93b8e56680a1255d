import { mountLogin, LoginRefused } from './login/login-form';
import {
  EXPIRED,
  isExpired,
  readStored,
  STORAGE_KEY,
  writeStored,
  type StoredSession,
} from './session/stored';

// The entry: a few kilobytes that decide what the first screen is. Without a session it is the plain login
// form, shown at once; the app (Ant Design, router, react-query, pages: app.tsx and its chunks) is fetched
// while the person types and started after the login. With a session the app starts straight away.

const BASE = '/admin';
const LOGIN_PATH = `${BASE}/dang-nhap`;
const NETWORK_ERROR = 'Không kết nối được máy chủ. Kiểm tra mạng rồi thử lại.';
const LOAD_FAILED = 'Không tải được trang quản trị. Kiểm tra mạng rồi tải lại trang.';

const root = document.getElementById('root')!;
let app: Promise<typeof import('./app')> | null = null;
const loadApp = (): Promise<typeof import('./app')> => (app ??= import('./app'));
let started = false;

/** Fetches the app and its first screen without starting it; a failure is left for startApp to tell. */
function fetchAhead(): void {
  loadApp().then(
    (loaded) => loaded.preloadFirstScreen(),
    () => (app = null),
  );
}

function startApp(): void {
  if (started) {
    return;
  }
  started = true;
  loadApp().then(
    ({ startApp: start }) => start(root),
    () => {
      // A chunk that cannot be fetched (network, or a new version replaced the files): say so, plainly.
      started = false;
      app = null;
      const message = document.createElement('p');
      message.className = 'login-error';
      message.style.margin = '24px';
      message.setAttribute('role', 'alert');
      message.textContent = LOAD_FAILED;
      root.replaceChildren(message);
    },
  );
}

async function login(username: string, password: string): Promise<void> {
  // The app downloads while the api checks the password (if it did not arrive while the person typed).
  fetchAhead();
  let response: Response;
  try {
    response = await fetch('/api/v1/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password }),
    });
  } catch {
    throw new LoginRefused(NETWORK_ERROR);
  }
  const body = (await response.json().catch(() => null)) as
    (StoredSession & Pick<LoginRefused, 'message' | 'details'>) | null;
  if (!response.ok || !body) {
    throw new LoginRefused(
      body?.message ??
        (response.status >= 500
          ? 'Máy chủ đang gặp sự cố, vui lòng thử lại sau ít phút.'
          : `Yêu cầu không thành công (mã ${response.status}).`),
      body?.details,
    );
  }
  writeStored({ accessToken: body.accessToken, expiresAt: body.expiresAt, user: body.user });
  startApp();
}

/** Without a session every address shows the login, which comes back to that address afterwards. */
function showLogin(notice: string | null): void {
  if (location.pathname !== LOGIN_PATH) {
    const next = `${location.pathname.slice(BASE.length) || '/'}${location.search}`;
    history.replaceState(
      null,
      '',
      next === '/' ? LOGIN_PATH : `${LOGIN_PATH}?next=${encodeURIComponent(next)}`,
    );
  }
  mountLogin(root, { notice, submit: login });
  // Logging in in another tab does the same here.
  window.addEventListener('storage', (event) => {
    const stored = event.key === STORAGE_KEY ? readStored() : null;
    if (stored && !isExpired(stored)) {
      startApp();
    }
  });
  // Fetch the app while the person types, once the login screen has what it needs.
  const ahead = (): void => {
    if ('requestIdleCallback' in window) {
      window.requestIdleCallback(fetchAhead);
    } else {
      setTimeout(fetchAhead, 200);
    }
  };
  if (document.readyState === 'complete') {
    ahead();
  } else {
    window.addEventListener('load', ahead, { once: true });
  }
}

const stored = readStored();
if (stored && !isExpired(stored)) {
  startApp();
} else {
  showLogin(stored ? EXPIRED : null);
}
