/** Real-browser test support: the built web app, the real server on a fresh database, Debian's chromium. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, vi } from 'vitest';
import { chromium, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { buildApp, WEB_DIST, type App } from '../../src/server/app.ts';
import { loadConfig } from '../../src/server/config.ts';
import { freshDatabase, type TestDatabase } from '../../src/server/testing/databases.ts';
import {
  FIXTURE_PASSWORD,
  fixtureCampaign,
  standardFixture,
  type StandardFixture,
} from '../../src/server/testing/fixture.ts';

const root = path.resolve(import.meta.dirname, '../..');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : fs.statSync(p).mtimeMs);
  }
  return newest;
}

const isFresh = (index: string, sources: number) => fs.existsSync(index) && fs.statSync(index).mtimeMs >= sources;

/**
 * Builds the web app when dist/web is missing or older than its sources. Browser test files run in
 * parallel, so one of them builds under a lock directory while the others wait for it (a build empties
 * dist/web first; a second build at the same time would pull files from under a running page).
 */
export async function ensureWebBuilt(): Promise<void> {
  const index = path.join(WEB_DIST, 'index.html');
  const sources = Math.max(newestMtime(path.join(root, 'src/web')), newestMtime(path.join(root, 'src/shared')));
  const lock = path.join(root, 'dist', '.web-build.lock');
  fs.mkdirSync(path.dirname(lock), { recursive: true });
  for (;;) {
    if (isFresh(index, sources)) return;
    try {
      fs.mkdirSync(lock);
    } catch {
      // Another run is building; a lock left by a crashed run is taken over after two minutes.
      if (Date.now() - (fs.statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now()) > 120_000)
        fs.rmSync(lock, { recursive: true, force: true });
      await new Promise((r) => setTimeout(r, 250));
      continue;
    }
    try {
      if (!isFresh(index, sources)) {
        const { build } = await import('vite');
        await build({ configFile: path.join(root, 'vite.config.ts'), logLevel: 'warn' });
      }
    } finally {
      fs.rmSync(lock, { recursive: true, force: true });
    }
  }
}

export interface BrowserRun {
  app: App;
  fx: StandardFixture;
  /** The running campaign at the root unit. */
  campaignId: number;
  baseUrl: string;
  context: BrowserContext;
  page: Page;
  close: () => Promise<void>;
}

/** A phone's viewport (an ordinary 6.1" phone in portrait), for the layouts people open from a group chat. */
export const PHONE = { width: 390, height: 844 } as const;

export interface BrowserRunOptions {
  viewport?: { width: number; height: number };
}

/** Starts everything for one scenario: server on a loopback port, SQLite fixture data, a headless chromium. */
export async function startBrowserRun(options: BrowserRunOptions = {}): Promise<BrowserRun> {
  await ensureWebBuilt();
  const tdb: TestDatabase = await freshDatabase('sqlite');
  const fx = await standardFixture(tdb.db);
  const campaignId = await fixtureCampaign(tdb.db, fx.units.root.id);
  const app = await buildApp({ db: tdb.db, config: { ...loadConfig({}), databaseUrl: tdb.url } });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'tz-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    headless: true,
    locale: 'zh-CN',
    viewport: options.viewport ?? { width: 1440, height: 900 },
    isMobile: options.viewport ? options.viewport.width < 768 : false,
    hasTouch: options.viewport ? options.viewport.width < 768 : false,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const page = context.pages()[0] ?? (await context.newPage());
  page.setDefaultTimeout(15_000);
  return {
    app,
    fx,
    campaignId,
    baseUrl: `http://127.0.0.1:${port}`,
    context,
    page,
    close: async () => {
      await context.close();
      await app.close();
      await tdb.drop();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Signs in through the login page. */
export async function loginAs(run: BrowserRun, username: string): Promise<void> {
  await run.page.goto(`${run.baseUrl}/login`);
  await run.page.getByLabel('用户名').fill(username);
  await run.page.getByLabel('密码').fill(FIXTURE_PASSWORD);
  await run.page.getByRole('button', { name: '登录' }).click();
  // The first page after signing in loads the app's chunks: on a busy machine that takes a while.
  await run.page.getByText('退出').waitFor({ timeout: 60_000 });
}

/** Signs out through the header button. */
export async function logout(run: BrowserRun): Promise<void> {
  // A fresh page load closes any open drawer (its mask covers the header).
  await run.page.goto(`${run.baseUrl}/`);
  await run.page.getByRole('button', { name: '退出' }).click();
  await run.page.getByRole('button', { name: '登录' }).waitFor();
}

/**
 * A browser scenario: `describe` with the server, fixture and chromium started before its tests and closed
 * after them. `run()` is the running scenario (valid inside the tests).
 *
 *   describeBrowser('browser: …', (run) => {
 *     it('…', async () => { await loginAs(run(), 'officer'); … }, 120_000);
 *   });
 */
export function describeBrowser(name: string, body: (run: () => BrowserRun) => void, options: BrowserRunOptions = {}) {
  describe(name, () => {
    let current: BrowserRun | undefined;
    beforeAll(async () => {
      current = await startBrowserRun(options);
    }, 180_000);
    afterAll(async () => {
      await current?.close();
    });
    // A failed scenario leaves a screenshot of where it stopped.
    afterEach(async (ctx) => {
      if (ctx.task.result?.state !== 'fail' || !current) return;
      const file = path.join(
        os.tmpdir(),
        `e2e-failure-${ctx.task.name.slice(0, 40).replace(/[^\w\u4e00-\u9fff]+/g, '-')}.png`,
      );
      await current.page.screenshot({ path: file }).catch(() => undefined);
      console.error(`screenshot of the failure: ${file}`);
    });
    body(() => {
      if (!current) throw new Error('the browser run has not started');
      return current;
    });
  });
}

/** A JSON answer, loosely typed: tests read the fields they check. */
export type Json = Record<string, any>;

/** Calls the API from inside the page, so it runs with the signed-in user's session. */
export async function callApi(
  page: Page,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; body: Json }> {
  return page.evaluate(
    async ({ method, path, body }) => {
      const res = await fetch(`/api/v1${path}`, {
        method,
        headers: body === undefined ? {} : { 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await res.text();
      return { status: res.status, body: text ? JSON.parse(text) : null };
    },
    { method, path, body },
  );
}

/** callApi that fails the test unless the answer is a success. */
export async function okApi(page: Page, method: string, path: string, body?: unknown): Promise<Json> {
  const res = await callApi(page, method, path, body);
  expect(res.status, `${method} ${path}: ${JSON.stringify(res.body)}`).toBeLessThan(300);
  return res.body;
}

/**
 * Opens the select (or tree select) of the form item labelled `label` inside `scope` and picks the option
 * named exactly `option`. Only the open dropdown counts: Ant Design keeps closed dropdowns in the page, so
 * an option of an earlier select would otherwise match first.
 */
export async function pickOption(page: Page, scope: Locator, label: string, option: string): Promise<void> {
  const item = scope.locator('.ant-form-item', { hasText: label }).first();
  // On a busy machine a click can land while the dropdown is still opening (or its options still loading):
  // the pick counts only once the select shows it, and is tried again otherwise.
  await vi.waitFor(
    async () => {
      await item.locator('.ant-select').click();
      await page
        .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)')
        .locator(`.ant-select-item-option[title="${option}"], .ant-select-tree-node-content-wrapper[title="${option}"]`)
        .filter({ visible: true })
        .first()
        .click({ timeout: 5_000 });
      await expect
        .poll(async () => (await item.locator('.ant-select').first().textContent()) ?? '', { timeout: 3_000 })
        .toContain(option);
    },
    { timeout: 30_000, interval: 500 },
  );
  // The dropdown closes before the next step, so its closing animation cannot move what comes next.
  await page
    .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)')
    .first()
    .waitFor({ state: 'hidden' })
    .catch(() => undefined);
}

/**
 * Opens a page from the menu and waits until that page is on screen: the previous page stays up while the
 * new one's code loads, so acting right after the click would act on the old page.
 */
export async function openMenu(page: Page, label: string): Promise<void> {
  await page.getByRole('menuitem', { name: label }).click();
  await page.locator(`[data-page="${label}"]`).waitFor();
}

/** Presses the OK button of the open confirmation dialog (its label is the move's name, not 确定). */
export async function confirmDialog(page: Page): Promise<void> {
  const open = page.locator('.ant-modal-confirm:visible');
  await open.first().waitFor();
  // A click while the dialog is still zooming in can miss it: done once the dialog has gone, else pressed again.
  await vi.waitFor(
    async () => {
      if (await open.count()) await open.last().locator('.ant-btn-primary').click({ timeout: 3_000 });
      await expect.poll(() => open.count(), { timeout: 3_000 }).toBe(0);
    },
    { timeout: 30_000, interval: 500 },
  );
}

/**
 * Chooses a file in the upload box inside `scope` and waits until its upload has finished: the file's name
 * shows as soon as it is picked, but a form submitted while it is still uploading refuses (还有文件正在上传),
 * which on a busy machine made scenarios wait for a row that was never saved.
 */
export async function attachFile(
  scope: Locator,
  file: { name: string; mimeType: string; buffer: Buffer },
): Promise<void> {
  await scope.locator('input[type=file]').setInputFiles(file);
  const item = scope.locator('.ant-upload-list-item', { hasText: file.name });
  await expect.poll(() => item.count()).toBe(1);
  await expect
    .poll(async () => {
      const cls = (await item.getAttribute('class')) ?? '';
      if (cls.includes('ant-upload-list-item-error')) throw new Error(`“${file.name}”上传失败`);
      return cls.includes('ant-upload-list-item-uploading');
    })
    .toBe(false);
}
