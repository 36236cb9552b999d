// Where a keystroke's main-thread time goes: types 30 real keys ('9' / Backspace in wall K) into the built page
// under a DevTools trace and prints the renderer main thread's trace events by total time per key (nested
// events are counted in each of their parents, so the lines do not add up). A profiling aid for the browser
// benchmark (tests/bench/browser-bench.mjs), not a benchmark: tracing itself slows the page.
//
// Usage: node tests/bench/keystroke-trace.mjs [DIST_DIR] [--cpu N] [--out trace.json]   (after `make dist`)
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startServer } from '../../scripts/serve.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const arg = (name, dflt) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1] : dflt; };
const positional = process.argv[2] && !process.argv[2].startsWith('--') ? process.argv[2] : path.join(ROOT, 'dist');
const CPU = Number(arg('--cpu', 1));
const OUT = arg('--out', null);
const KEYS = 30;

const { server, url } = await startServer(positional, 0, '/', { gzip: true });
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic'] });
try {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(url);
  await page.getByTestId('verdict').waitFor();
  const field = page.locator('#f-envelope-wall_u');
  await field.fill('0.4');
  await field.focus();
  await page.keyboard.press('End');
  const cdp = await context.newCDPSession(page);
  if (CPU > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU });
  // Warm-up keys: first renders, JIT tiers.
  for (let i = 0; i < 10; i++) await page.keyboard.press(i % 2 ? 'Backspace' : '9');
  const events = [];
  cdp.on('Tracing.dataCollected', (d) => events.push(...d.value));
  const complete = new Promise((r) => cdp.on('Tracing.tracingComplete', r));
  await cdp.send('Tracing.start', { categories: 'devtools.timeline,disabled-by-default-devtools.timeline,v8.execute,blink', transferMode: 'ReportEvents' });
  for (let i = 0; i < KEYS; i++) {
    await page.keyboard.press(i % 2 ? 'Backspace' : '9');
    // Let the key's frames finish before the next one: the detail cards show the current report, then a frame.
    await page.waitForFunction(() => document.querySelector('.results')?.dataset.current !== 'false');
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  }
  await cdp.send('Tracing.end');
  await complete;
  if (OUT) fs.writeFileSync(OUT, JSON.stringify(events));
  const threads = new Map(events.filter((e) => e.name === 'thread_name').map((e) => [`${e.pid}:${e.tid}`, e.args.name]));
  const sums = new Map();
  for (const e of events) {
    if (e.ph !== 'X' || threads.get(`${e.pid}:${e.tid}`) !== 'CrRendererMain') continue;
    sums.set(e.name, (sums.get(e.name) || 0) + (e.dur || 0) / 1000);
  }
  console.log(`main-thread trace events, ms per key (${KEYS} keys, CPU ×${CPU}):`);
  for (const [name, v] of [...sums].sort((a, b) => b[1] - a[1]).slice(0, 30)) console.log(`${(v / KEYS).toFixed(2).padStart(8)}  ${name}`);
} finally {
  await browser.close();
  server.close();
}
