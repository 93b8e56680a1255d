import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApiApp } from '../../apps/api/src/create-app';
import { freshDatabaseUrl, workerDatabaseUrl } from './database';

export const ADMIN_PASSWORD = 'mat-khau-quan-tri';

export interface TestApi {
  app: NestFastifyApplication;
  baseUrl: string;
  request(
    method: string,
    path: string,
    options?: { token?: string; body?: unknown; raw?: string; headers?: Record<string, string> },
  ): Promise<TestResponse>;
  /** A multipart/form-data upload, as a browser's form sends it. */
  upload(
    path: string,
    options: {
      token?: string;
      file?: { name: string; type?: string; bytes: Buffer };
      field?: string;
      fields?: Record<string, string>;
      /** POST unless told (PUT replaces a unit's file). */
      method?: 'POST' | 'PUT';
    },
  ): Promise<TestResponse>;
  login(username: string, password: string): Promise<string>;
  adminToken(): Promise<string>;
  close(): Promise<void>;
}

export interface TestResponse {
  status: number;
  headers: Headers;
  body: any;
}

/** Boots the real api (same module, same Fastify setup as production) on a free port and talks HTTP to it. */
export async function startApi(env: Record<string, string> = {}): Promise<TestApi> {
  process.env.DATABASE_URL = env.DATABASE_URL ?? (await workerDatabaseUrl());
  process.env.DATA_DIR = mkdtempSync(join(tmpdir(), 'xa-portal-data-'));
  process.env.MEDIA_DIR = join(process.env.DATA_DIR, 'media');
  const saved: Record<string, string | undefined> = {};
  for (const [key, value] of Object.entries(env)) {
    saved[key] = process.env[key];
    process.env[key] = value;
  }
  const app = await createApiApp();
  await app.listen({ port: 0, host: '127.0.0.1' });
  for (const [key, value] of Object.entries(saved)) {
    if (value === undefined) {
      delete process.env[key];
    } else {
      process.env[key] = value;
    }
  }
  const address = app.getHttpServer().address();
  const baseUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;

  const respond = async (response: Response): Promise<TestResponse> => {
    const text = await response.text();
    let body: unknown = text;
    if ((response.headers.get('content-type') ?? '').includes('json') && text) {
      body = JSON.parse(text);
    }
    return { status: response.status, headers: response.headers, body };
  };

  const upload: TestApi['upload'] = async (path, options) => {
    const form = new FormData();
    for (const [name, value] of Object.entries(options.fields ?? {})) {
      form.append(name, value);
    }
    if (options.file) {
      const { name, type, bytes } = options.file;
      form.append(
        options.field ?? 'file',
        new Blob([new Uint8Array(bytes)], { type: type ?? 'application/octet-stream' }),
        name,
      );
    }
    const headers: Record<string, string> = options.token ? { authorization: `Bearer ${options.token}` } : {};
    return respond(
      await fetch(`${baseUrl}${path}`, { method: options.method ?? 'POST', headers, body: form }),
    );
  };

  const request: TestApi['request'] = async (method, path, options = {}) => {
    const headers: Record<string, string> = { ...(options.headers ?? {}) };
    if (options.token) {
      headers.authorization = `Bearer ${options.token}`;
    }
    let payload: string | undefined;
    if (options.raw !== undefined) {
      payload = options.raw;
      headers['content-type'] ??= 'application/json';
    } else if (options.body !== undefined) {
      payload = JSON.stringify(options.body);
      headers['content-type'] = 'application/json';
    }
    return respond(await fetch(`${baseUrl}${path}`, { method, headers, body: payload }));
  };

  const login = async (username: string, password: string): Promise<string> => {
    const res = await request('POST', '/api/v1/auth/login', { body: { username, password } });
    if (res.status !== 200) {
      throw new Error(`login ${username} failed: ${res.status} ${JSON.stringify(res.body)}`);
    }
    return res.body.accessToken as string;
  };

  return {
    app,
    baseUrl,
    request,
    upload,
    login,
    adminToken: () => login('admin', ADMIN_PASSWORD),
    close: () => app.close(),
  };
}

/**
 * The api on an empty database of its own with no BOOTSTRAP_ADMIN_PASSWORD, as a first `npm start` runs:
 * `admin` gets a generated password (and must change it), read here from the framed box the api prints.
 */
export async function startApiWithGeneratedAdmin(): Promise<{ api: TestApi; password: string }> {
  let printed = '';
  const write = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    printed += chunk.toString();
    return true;
  });
  let api: TestApi;
  try {
    api = await startApi({
      DATABASE_URL: await freshDatabaseUrl('first_password'),
      BOOTSTRAP_ADMIN_PASSWORD: '',
    });
  } finally {
    write.mockRestore();
  }
  const password = /Mật khẩu: (\S+)/.exec(printed)?.[1];
  if (!password) {
    await api.close();
    throw new Error(`no generated password printed: ${printed}`);
  }
  return { api, password };
}
