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
