import createClient, { type Middleware } from 'openapi-fetch';
import type { components, operations, paths } from './schema';

export type Schemas = components['schemas'];
export type Operations = operations;
export type Unit = Schemas['UnitResponse'];
export type User = Schemas['UserResponse'];
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
