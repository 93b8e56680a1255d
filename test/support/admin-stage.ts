import type { INestApplicationContext } from '@nestjs/common';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { createWorker } from '../../apps/worker/src/create-worker';
import { startApi, TestApi } from './api';
import { DESKTOP, launchBrowser, signInToAdmin } from './browser';

/** The api, a worker consuming its jobs on the same database, and a browser: what admin-screen specs drive. */
export interface AdminStage {
  api: TestApi;
  worker: INestApplicationContext;
  browser: Browser;
  /** The system administrator's token, for setting up units and people through the API. */
  adminToken: string;
  /** An admin-app address: `url('/am-thanh')`. */
  url(path: string): string;
  /** A new browser context signed in as this person, on the home screen. */
  signIn(
    username: string,
    password: string,
    options?: BrowserContextOptions,
  ): Promise<{ page: Page; close: () => Promise<void> }>;
}

/** Starts the stage before the spec's tests and stops it after them (registers beforeAll/afterAll). */
export function adminStageWithWorker(): AdminStage {
  const stage = {
    url: (path: string) => `${stage.api.baseUrl}/admin${path}`,
    signIn: (username: string, password: string, options: BrowserContextOptions = DESKTOP) =>
      signInToAdmin(stage.browser, stage.api.baseUrl, username, password, options),
  } as AdminStage;
  beforeAll(async () => {
    stage.api = await startApi();
    stage.worker = await createWorker();
    stage.browser = await launchBrowser();
    stage.adminToken = await stage.api.adminToken();
  });
  afterAll(async () => {
    await stage.browser?.close();
    await stage.worker?.close();
    await stage.api?.close();
  });
  return stage;
}
