// Bureau summary page benchmark: N project files (default 1000, from `greencheck gen-portfolio`) picked at once
// on the 汇总 view of the built page; times the read from the file pick to the summary complete (every row and the
// city indicators shown), and how responsive the page stays meanwhile: the longest main-thread task and the
// longest gap between animation frames while reading (Long Tasks API; rAF timestamps). A benchmark, not a test.
//
// Usage: node tests/bench/portfolio-bench.mjs [--files N] [--runs R]   (after `make dist`; builds the CLI if needed)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startServer } from '../../scripts/serve.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const arg = (name, dflt) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1] : dflt; };
const FILES = Number(arg('--files', 1000));
const RUNS = Number(arg('--runs', 3));
const quantile = (xs, q) => { const s = [...xs].sort((a, b) => a - b); const p = (s.length - 1) * q; const lo = Math.floor(p); return s[lo] + (s[Math.ceil(p)] - s[lo]) * (p - lo); };

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gc-portfolio-'));
execFileSync('cargo', ['run', '-q', '--release', '-p', 'greencheck-core', '--bin', 'greencheck', '--', 'gen-portfolio', dir, String(FILES), '--seed', '1'], { cwd: ROOT, stdio: 'inherit' });
const walk = (d) => fs.readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(d, e.name)) : [path.join(d, e.name)]));
const paths = walk(dir).filter((p) => p.endsWith('.json'));

const { server, url } = await startServer(path.join(ROOT, 'dist'), 0, '/', { gzip: true });
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic'] });
const out = [];
try {
  for (let run = 0; run < RUNS; run++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(url);
    await page.getByTestId('verdict').waitFor();
    await page.getByTestId('view-portfolio').click();
    await page.getByTestId('portfolio').waitFor();
    await page.evaluate(() => {
      const w = { longest: 0, tasks: 0, gap: 0, last: null, on: true };
      window.__pb = w;
      new PerformanceObserver((l) => { for (const e of l.getEntries()) { w.tasks += 1; w.longest = Math.max(w.longest, e.duration); } }).observe({ type: 'longtask' });
      const frame = (t) => { if (w.last !== null) w.gap = Math.max(w.gap, t - w.last); w.last = t; if (w.on) requestAnimationFrame(frame); };
      requestAnimationFrame(frame);
    });
    const t0 = Date.now();
    await page.locator('#portfolio-files').setInputFiles(paths);
    await page.waitForFunction((n) => {
      const p = document.querySelector('[data-testid=portfolio-progress]');
      return p && Number(p.dataset.done) === n && document.querySelectorAll('[data-testid=portfolio-row]').length > 0
        && document.querySelector('[data-testid^=city-C]');
    }, paths.length, { timeout: 600_000 });
    const ms = Date.now() - t0;
    const r = await page.evaluate(() => { window.__pb.on = false; return { ...window.__pb, rows: document.querySelectorAll('[data-testid=portfolio-row]').length }; });
    out.push({ ms, ...r });
    console.log(`run ${run + 1}: ${paths.length} files in ${ms} ms; ${r.rows} rows shown; longest task ${r.longest.toFixed(0)} ms (${r.tasks} tasks ≥ 50 ms); longest gap between frames ${r.gap.toFixed(0)} ms`);
    await context.close();
  }
} finally {
  await browser.close();
  server.close();
  fs.rmSync(dir, { recursive: true, force: true });
}
const times = out.map((r) => r.ms);
console.log(`\n${paths.length} files, ${RUNS} runs: median ${quantile(times, 0.5).toFixed(0)} ms, max ${Math.max(...times)} ms (goal ≤ 5000 ms); longest task max ${Math.max(...out.map((r) => r.longest)).toFixed(0)} ms; longest frame gap max ${Math.max(...out.map((r) => r.gap)).toFixed(0)} ms`);
console.log(`machine: ${os.cpus().length} × ${os.cpus()[0]?.model}; Chromium ${browser.version()}`);
