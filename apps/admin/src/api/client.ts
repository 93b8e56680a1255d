import createClient, { type Middleware } from 'openapi-fetch';
import type { components, operations, paths } from './schema';

export type Schemas = components['schemas'];
export type Operations = operations;
export type Unit = Schemas['UnitResponse'];
export type User = Schemas['UserResponse'];
/** The signed-in person, with what they may do where (GET /users/me, and the login's `user`). */
export type Me = Schemas['MeResponse'];
export type Membership = Schemas['MembershipDto'];
export type Role = Membership['role'];
// Codes the api names, plus NETWORK_ERROR and INTERNAL_ERROR made here.
export type ApiErrorBody = Omit<Schemas['ErrorResponse'], 'code'> & { code: string };

/** An error answered by the api, in its one shape (design.md §6). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: ApiErrorBody,
  ) {
    super(body.message);
  }
}

interface AuthHooks {
  token: () => string | null;
  /** Called when the api refuses the token: expired, revoked, or the account was disabled. */
  onUnauthorized: (code: string) => void;
}

let hooks: AuthHooks = { token: () => null, onUnauthorized: () => undefined };

/** The session wires itself in here once; the client stays a plain module that any page imports. */
export function setAuthHooks(next: AuthHooks): void {
  hooks = next;
}

const auth: Middleware = {
  onRequest({ request }) {
    const token = hooks.token();
    if (token) {
      request.headers.set('authorization', `Bearer ${token}`);
    }
    return request;
  },
  async onResponse({ request, response }) {
    const hadToken = request.headers.has('authorization');
    if (hadToken && (response.status === 401 || response.status === 403)) {
      const body = (await response
        .clone()
        .json()
        .catch(() => null)) as ApiErrorBody | null;
      if (response.status === 401 || body?.code === 'ACCOUNT_DISABLED') {
        hooks.onUnauthorized(body?.code ?? 'UNAUTHORIZED');
      }
    }
    return response;
  },
};

export const api = createClient<paths>({ baseUrl: '/' });
api.use(auth);

function asApiError(error: unknown, response: Response): ApiError {
  if (error && typeof error === 'object' && 'message' in error && 'code' in error) {
    return new ApiError(response.status, error as ApiErrorBody);
  }
  return new ApiError(response.status, {
    statusCode: response.status,
    code: 'INTERNAL_ERROR',
    message:
      response.status >= 500
        ? 'Máy chủ đang gặp sự cố, vui lòng thử lại sau ít phút.'
        : `Yêu cầu không thành công (mã ${response.status}).`,
  });
}

/**
 * Unwraps an openapi-fetch result: the data, or an ApiError that pages show under fields or as a notice.
 * A network failure becomes an ApiError too, so every page handles one kind of error.
 */
export async function call<T>(
  request: Promise<{ data?: T; error?: unknown; response: Response }>,
): Promise<T> {
  let result: { data?: T; error?: unknown; response: Response };
  try {
    result = await request;
  } catch {
    throw new ApiError(0, {
      statusCode: 0,
      code: 'NETWORK_ERROR',
      message: 'Không kết nối được máy chủ. Kiểm tra mạng rồi thử lại.',
    });
  }
  if (result.error !== undefined || !result.response.ok) {
    throw asApiError(result.error, result.response);
  }
  return result.data as T;
}

/**
 * A request the typed client does not make (files to download): the same bearer token, the same end of
 * the session on a 401, and the api's error as an ApiError.
 */
export async function authorizedFetch(url: string, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  const token = hooks.token();
  if (token) {
    headers.set('authorization', `Bearer ${token}`);
  }
  let response: Response;
  try {
    response = await fetch(url, { ...init, headers });
  } catch {
    throw new ApiError(0, {
      statusCode: 0,
      code: 'NETWORK_ERROR',
      message: 'Không kết nối được máy chủ. Kiểm tra mạng rồi thử lại.',
    });
  }
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as unknown;
    if (token && response.status === 401) {
      hooks.onUnauthorized((body as ApiErrorBody | null)?.code ?? 'UNAUTHORIZED');
    }
    throw asApiError(body, response);
  }
  return response;
}

/** The file name the api gives (Content-Disposition, RFC 6266 filename* first), else the fallback. */
function fileNameOf(response: Response, fallback: string): string {
  const header = response.headers.get('content-disposition') ?? '';
  const star = /filename\*=(?:UTF-8'')?([^;]+)/i.exec(header)?.[1];
  if (star) {
    try {
      return decodeURIComponent(star.trim().replace(/^"|"$/g, ''));
    } catch {
      // fall through to the plain name
    }
  }
  return /filename="?([^";]+)"?/i.exec(header)?.[1] ?? fallback;
}

/** Saves a blob as a file the way a link to a download would. */
export function saveBlob(blob: Blob, fileName: string): void {
  const href = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = href;
  link.download = fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
}

/** Downloads an authenticated file (an export, a template): fetch with the token → blob → save. */
export async function downloadFile(url: string, fallbackName: string): Promise<string> {
  const response = await authorizedFetch(url);
  const name = fileNameOf(response, fallbackName);
  saveBlob(await response.blob(), name);
  return name;
}
