import { randomBytes } from 'node:crypto';
import type { TestApi } from './api';

const suffix = (): string => randomBytes(4).toString('hex');

/** A unit made through the API, with unique code and slug. */
export async function createUnit(
  api: TestApi,
  token: string,
  fields: Partial<{ name: string; kind: string; parentId: string; settings: Record<string, unknown> }> = {},
): Promise<{ id: string; code: string; slug: string; name: string; parentId: string | null }> {
  const s = suffix();
  const res = await api.request('POST', '/api/v1/units', {
    token,
    body: {
      code: `U${s}`,
      name: fields.name ?? `UBND xã Thử ${s}`,
      kind: fields.kind ?? 'commune',
      slug: `xa-${s}`,
      ...fields,
    },
  });
  if (res.status !== 201) {
    throw new Error(`createUnit: ${res.status} ${JSON.stringify(res.body)}`);
  }
  return res.body;
}

/** A user made through the API; returns it with its password. */
export async function createUser(
  api: TestApi,
  token: string,
  memberships: { unitId: string; role: string }[],
): Promise<{ id: string; username: string; password: string }> {
  const username = `nguoidung.${suffix()}`;
  const password = `mat-khau-${suffix()}`;
  const res = await api.request('POST', '/api/v1/users', {
    token,
    body: { username, password, fullName: 'Nguyễn Văn Thử', memberships },
  });
  if (res.status !== 201) {
    throw new Error(`createUser: ${res.status} ${JSON.stringify(res.body)}`);
  }
  return { id: res.body.id, username, password };
}

/** The token of a new user holding one role in one unit. */
export async function memberToken(
  api: TestApi,
  adminToken: string,
  unitId: string,
  role: string,
): Promise<string> {
  const user = await createUser(api, adminToken, [{ unitId, role }]);
  return api.login(user.username, user.password);
}
