// Shared e2e harness: Debian's Chromium driven by playwright-core, and dist/ served on a free loopback port.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startServer } from '../../scripts/serve.mjs';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const DIST = path.join(ROOT, 'dist');
export const ARTIFACTS = path.join(ROOT, 'tests/e2e/artifacts');
fs.mkdirSync(ARTIFACTS, { recursive: true });

const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-dev-shm-usage',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** Launches headless Chromium (the system one: never a downloaded browser). */
export function launch() {
  if (!fs.existsSync(path.join(DIST, 'index.html'))) throw new Error('dist/ is not built: run `make dist` first');
  return chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true, args: ARGS });
}

/** Serves dist/ under `prefix`; returns { server, url }. */
export function serve(prefix = '/') {
  return startServer(DIST, 0, prefix);
}

/** Collects console errors and page errors of a page, for asserting a clean run. */
export function watchErrors(page) {
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  return errors;
}

/** Opens the app in a fresh context (own localStorage); returns { context, page, server, url, errors }. */
export async function openApp(browser, { query = '', prefix = '/', contextOptions = {} } = {}) {
  const { server, url } = await serve(prefix);
  const context = await browser.newContext({ acceptDownloads: true, ...contextOptions });
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(url + query);
  await page.getByTestId('verdict').waitFor();
  const close = async () => { await context.close(); server.close(); };
  return { context, page, server, url, errors, close };
}

/** The verdict code shown. */
export function verdictOf(page) {
  return page.getByTestId('verdict').getAttribute('data-verdict');
}

/** Waits until the verdict banner shows `code`. */
export function waitVerdict(page, code) {
  return page.waitForFunction((c) => document.querySelector('[data-testid=verdict]')?.dataset.verdict === c, code);
}

/** Waits until check `id` has status `status`. */
export function waitCheck(page, id, status) {
  return page.waitForFunction(([i, s]) => document.querySelector(`[data-testid="check-${i}"]`)?.dataset.status === s, [id, status]);
}

/** Waits until the detail cards show the current report (they are drawn one frame after the verdict banner). */
export function waitCards(page) {
  return page.waitForFunction(() => document.querySelector('#results')?.dataset.current === 'true');
}
