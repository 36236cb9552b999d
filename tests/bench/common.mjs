// What the browser benchmarks share: Chromium's flags (the e2e harness's, tests/e2e/harness.mjs), its launch,
// the wall-U page every keystroke measure types into, and one core evaluation timed in the same page (the
// denominator of the "work per key ÷ one evaluation" ratio).
import { chromium } from 'playwright-core';

/** Chromium flags of every benchmark. */
export const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-dev-shm-usage',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** Headless Chromium (Debian's, or $CHROMIUM) with ARGS and `extra`. */
export function launch(extra = []) {
  return chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true, args: [...ARGS, ...extra] });
}

/** Opens the page, makes `variants` extra variants (Duplicate) and returns the wall U field, not yet filled. */
export async function openWallField(page, url, variants = 0) {
  await page.goto(url);
  await page.getByTestId('verdict').waitFor();
  for (let i = 0; i < variants; i++) {
    const n = await page.locator('[data-testid^=variant-v]').count();
    await page.getByTestId('variant-duplicate').click();
    await page.locator('[data-testid^=variant-v]').nth(n).waitFor();
  }
  return page.locator('#f-envelope-wall_u');
}

/** One core evaluation in the page (`bench_evaluate`), ms: the median of 15 batches of 20; NaN in a build without it. */
export function evaluationMs(page) {
  return page.evaluate(async () => {
    const m = await import(new URL('./pkg/greencheck.js', location.href).href);
    if (typeof m.bench_evaluate !== 'function') return NaN;
    m.bench_evaluate(20);
    const ts = [];
    for (let i = 0; i < 15; i++) { const t0 = performance.now(); m.bench_evaluate(20); ts.push((performance.now() - t0) / 20); }
    return ts.sort((a, b) => a - b)[7];
  });
}
