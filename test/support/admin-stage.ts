import type { INestApplicationContext } from '@nestjs/common';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { createWorker } from '../../apps/worker/src/create-worker';
import { startApi, TestApi } from './api';
import { DESKTOP, launchBrowser, signInToAdmin } from './browser';

/** The api and the system administrator's token: what every stage has. */
export interface ApiStage {
  api: TestApi;
  /** The system administrator's token, for setting up units and people through the API. */
  adminToken: string;
}

/** An api stage with a worker consuming its jobs on the same database. */
export interface WorkerStage extends ApiStage {
  worker: INestApplicationContext;
}

/** An api stage with a browser. */
export interface BrowserStage extends ApiStage {
  browser: Browser;
  /** An admin-app address: `url('/am-thanh')`. */
  url(path: string): string;
  /** A new browser context signed in as this person, on the home screen. */
  signIn(
    username: string,
    password: string,
    options?: BrowserContextOptions,
  ): Promise<{ page: Page; close: () => Promise<void> }>;
}

/** The api, a worker consuming its jobs on the same database, and a browser: what admin-screen specs drive. */
export type AdminStage = WorkerStage & BrowserStage;

/**
 * Starts the api (then a worker and a browser when asked) and signs the administrator in before the tests of
 * the describe block it is called in, and stops them after them (registers beforeAll/afterAll there).
 */
function stage<S extends ApiStage>(parts: { worker: boolean; browser: boolean }): S {
  const started = {
    url: (path: string) => `${started.api.baseUrl}/admin${path}`,
    signIn: (username: string, password: string, options: BrowserContextOptions = DESKTOP) =>
      signInToAdmin(started.browser, started.api.baseUrl, username, password, options),
  } as AdminStage;
  beforeAll(async () => {
    started.api = await startApi();
    if (parts.worker) {
      started.worker = await createWorker();
    }
    if (parts.browser) {
      started.browser = await launchBrowser();
    }
    started.adminToken = await started.api.adminToken();
  });
  afterAll(async () => {
    await started.browser?.close();
    await started.worker?.close();
    await started.api?.close();
  });
  return started as unknown as S;
}

/** The api with a worker running its jobs (registers beforeAll/afterAll). */
export function workerStage(): WorkerStage {
  return stage({ worker: true, browser: false });
}

/** The api with a browser to drive its pages (registers beforeAll/afterAll). */
export function browserStage(): BrowserStage {
  return stage({ worker: false, browser: true });
}

/** Starts the stage before the spec's tests and stops it after them (registers beforeAll/afterAll). */
export function adminStageWithWorker(): AdminStage {
  return stage({ worker: true, browser: true });
}
