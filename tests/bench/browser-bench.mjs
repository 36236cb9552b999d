// Browser benchmark (`make bench`): the built page (dist/) served by scripts/serve.mjs on a free loopback
// port, driven in Debian's Chromium by playwright-core. Measures
//   1. cold load to interactive: navigation start → verdict rendered (fresh context: empty HTTP cache, no SW),
//      on loopback and under DevTools' fast/slow 4G throttling; a repeat visit served by the service worker;
//   2. keystroke → repainted verdict, p50/p95 over 200 keystrokes alternating wall U 0.7 / 0.42 (fails ⇄ complies);
//   3. real key events (DevTools Input.dispatchKeyEvent) from the keydown's timestamp to the verdict painted, with
//      the page's main-thread task time per key against one core evaluation in the same page (`bench_evaluate`)
//      and the components rendered per key (`bench_take_renders`); also with 4 variants and a 4× slower CPU;
//   4. a 10 000-point WWR sweep in wasm (`bench_sweep` in src/bench.rs);
// and prints the gzip size of wasm + JS + CSS (dist/sizes.json). A benchmark, not a test: it reports the goals
// met or missed and exits 0 unless something is broken.
//
// Usage: node tests/bench/browser-bench.mjs [--runs N] [--keys N] [--json FILE] [--dist DIR] [--only keys]
//        (after `make dist`)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from '../../scripts/serve.mjs';
import { evaluationMs, launch, openWallField } from './common.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const arg = (name, dflt) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : dflt;
};
const DIST = path.resolve(arg('--dist', path.join(ROOT, 'dist')));
// `--only keys` runs the keystroke measures only (e.g. against another build's dist/ for a before/after table).
const ONLY = arg('--only', 'all');
const RUNS = Number(arg('--runs', 9));
const KEYS = Number(arg('--keys', 200));
const SWEEP_POINTS = 10_000;
const SWEEP_RUNS = 15;
const JSON_OUT = arg('--json', path.join(ROOT, 'target', 'browser-bench.json'));

// The performance goals, the load goals on network profiles (RAIL) and the size budget as revised (docs/performance.md).
const GOALS = { loadMs: 300, keyP95Ms: 16, realPaintP95Ms: 20, realPaintSlowP95Ms: 50, workRatio: 20, sweepMs: 50, gzipKB: 568, throttledMs: { 'fast 4G': 1000, 'slow 4G + 4× CPU': 5000 }, repeatMs: 2000 };

function quantile(xs, q) {
  const s = [...xs].sort((a, b) => a - b);
  if (!s.length) return NaN;
  const pos = (s.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return s[lo] + (s[hi] - s[lo]) * (pos - lo);
}
const median = (xs) => quantile(xs, 0.5);
const ms = (x) => (Number.isFinite(x) ? `${x.toFixed(1)} ms` : 'n/a');

function machine(browserVersion) {
  let cpu = 'unknown';
  try {
    cpu = (fs.readFileSync('/proc/cpuinfo', 'utf8').match(/^model name\s*:\s*(.+)$/m) || [])[1] || cpu;
  } catch { /* not Linux */ }
  return {
    nproc: os.availableParallelism?.() ?? os.cpus().length, cpu, memGiB: +(os.totalmem() / 2 ** 30).toFixed(1),
    os: `${os.type()} ${os.release()}`, node: process.version, chromium: browserVersion,
  };
}

/** Installed before any page script: records when the verdict banner first shows a verdict, and the next frame. */
function loadProbe() {
  const mark = () => {
    const v = document.querySelector('[data-testid=verdict]');
    if (!v || !v.dataset.verdict) return;
    window.__bench = { verdictAt: performance.now() };
    mo.disconnect();
    requestAnimationFrame(() => { window.__bench.frameAt = performance.now(); });
  };
  const mo = new MutationObserver(mark);
  mo.observe(document, { subtree: true, childList: true, attributes: true });
}

// Mobile networks as Chrome DevTools' presets apply them (throughput in bytes/s, request latency in ms), with
// Lighthouse's 4× CPU slowdown for the slow profile (lighthouse-core/config/constants.js, mobileSlow4G).
const NETWORKS = {
  'fast 4G': { latency: 60 * 2.75, downloadThroughput: (9 * 1000 * 1000 * 0.9) / 8, uploadThroughput: (1.5 * 1000 * 1000 * 0.9) / 8, cpu: 1 },
  'slow 4G + 4× CPU': { latency: 150 * 3.75, downloadThroughput: (1.6 * 1000 * 1000 * 0.9) / 8, uploadThroughput: (750 * 1000 * 0.9) / 8, cpu: 4 },
};

async function coldLoad(browser, url, { throttle = null, runs = RUNS } = {}) {
  const out = [];
  // One extra first run warms the browser process (not the page: every run has a fresh context and cache).
  for (let i = 0; i <= runs; i++) {
    const context = await browser.newContext({ serviceWorkers: 'block' });
    await context.addInitScript(loadProbe);
    const page = await context.newPage();
    if (throttle) {
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: throttle.latency, downloadThroughput: throttle.downloadThroughput, uploadThroughput: throttle.uploadThroughput });
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle.cpu });
    }
    await page.goto(url, { waitUntil: 'commit' });
    await page.waitForFunction(() => window.__bench?.frameAt !== undefined, undefined, { timeout: 60_000 });
    const r = await page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0];
      const wasm = performance.getEntriesByType('resource').find((e) => e.name.endsWith('.wasm'));
      const transferred = performance.getEntriesByType('resource').reduce((t, e) => t + (e.transferSize || 0), nav?.transferSize || 0);
      const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime;
      return {
        transferred, fcp,
        verdict: window.__bench.verdictAt, frame: window.__bench.frameAt,
        html: nav?.responseEnd, domContentLoaded: nav?.domContentLoadedEventEnd, wasmFetched: wasm?.responseEnd,
      };
    });
    if (i > 0) out.push(r);
    await context.close();
  }
  const pick = (k) => median(out.map((r) => r[k]));
  return {
    runs: out.length, verdictMs: pick('verdict'), frameMs: pick('frame'), minFrameMs: Math.min(...out.map((r) => r.frame)),
    maxFrameMs: Math.max(...out.map((r) => r.frame)), htmlMs: pick('html'), domContentLoadedMs: pick('domContentLoaded'),
    wasmFetchedMs: pick('wasmFetched'), transferredBytes: pick('transferred'), firstPaintMs: pick('fcp'),
  };
}

/**
 * A repeat visit: the first visit installs the service worker (unthrottled), then each run navigates again under
 * `throttle`; the shell comes from the service worker's cache, so the network profile hardly matters.
 */
async function repeatLoad(browser, url, throttle, runs) {
  const context = await browser.newContext();
  await context.addInitScript(loadProbe);
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForFunction(() => navigator.serviceWorker?.controller !== null, undefined, { timeout: 30_000 });
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: throttle.latency, downloadThroughput: throttle.downloadThroughput, uploadThroughput: throttle.uploadThroughput });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle.cpu });
  const out = [];
  for (let i = 0; i <= runs; i++) {
    await page.goto(url, { waitUntil: 'commit' });
    await page.waitForFunction(() => window.__bench?.frameAt !== undefined, undefined, { timeout: 60_000 });
    const r = await page.evaluate(() => ({ frame: window.__bench.frameAt, controlled: navigator.serviceWorker.controller !== null }));
    if (!r.controlled) throw new Error('repeat visit not served by the service worker');
    if (i > 0) out.push(r.frame);
  }
  await context.close();
  return { runs: out.length, frameMs: median(out), minFrameMs: Math.min(...out), maxFrameMs: Math.max(...out) };
}

/**
 * In the page: for each keystroke, wait for a fresh task, stamp t0, set the wall U text and dispatch an `input`
 * event (what a keystroke does); a MutationObserver stamps when the banner shows the expected verdict (DOM
 * updated), then the next requestAnimationFrame (the frame that paints it) and a task posted from that frame (after
 * its paint).
 */
function keystrokeLoop({ keys, warmup }) {
  const input = document.getElementById('f-envelope-wall_u');
  const banner = () => document.querySelector('[data-testid=verdict]');
  const nextTask = () => new Promise((r) => { const c = new MessageChannel(); c.port1.onmessage = () => r(); c.port2.postMessage(0); });
  const one = (text, expect) => new Promise((resolve, reject) => {
    const t = {};
    const check = () => {
      if (banner()?.dataset.verdict !== expect || t.dom !== undefined) return;
      t.dom = performance.now();
      mo.disconnect();
      requestAnimationFrame(() => {
        t.frame = performance.now();
        const c = new MessageChannel();
        c.port1.onmessage = () => { t.painted = performance.now(); resolve(t); };
        c.port2.postMessage(0);
      });
    };
    const mo = new MutationObserver(check);
    mo.observe(document.querySelector('.results') || document.body, { subtree: true, childList: true, attributes: true, characterData: true });
    setTimeout(() => reject(new Error(`verdict ${expect} not shown for ${text}`)), 5000);
    t.t0 = performance.now();
    input.value = text;
    input.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: text.slice(-1) }));
    check(); // a synchronous render is seen here (the observer's callback would only run at the microtask checkpoint)
  });
  return (async () => {
    const rows = [];
    for (let i = 0; i < warmup + keys; i++) {
      await nextTask();
      const [text, expect] = i % 2 === 0 ? ['0.7', 'fails'] : ['0.42', 'complies'];
      const t = await one(text, expect);
      if (i >= warmup) rows.push({ dom: t.dom - t.t0, frame: t.frame - t.t0, painted: t.painted - t.t0 });
    }
    return rows;
  })();
}

async function keystrokes(browser, url, { cpu = 1 } = {}) {
  const context = await browser.newContext();
  const page = await context.newPage();
  if (cpu > 1) await (await context.newCDPSession(page)).send('Emulation.setCPUThrottlingRate', { rate: cpu });
  await page.goto(url);
  await page.getByTestId('verdict').waitFor();
  if (await page.getByTestId('verdict').getAttribute('data-verdict') !== 'complies') throw new Error('template should comply');
  await page.locator('#f-envelope-wall_u').focus();
  const rows = await page.evaluate(keystrokeLoop, { keys: KEYS, warmup: 20 });
  await context.close();
  const stat = (k) => ({ p50: quantile(rows.map((r) => r[k]), 0.5), p95: quantile(rows.map((r) => r[k]), 0.95), max: Math.max(...rows.map((r) => r[k])) });
  return { keys: rows.length, dom: stat('dom'), frame: stat('frame'), painted: stat('painted') };
}

/**
 * Real key events (DevTools `Input.dispatchKeyEvent`, as a keyboard sends them) into the wall U field, which holds
 * "0.4": typing "9" makes it 0.49 (over the limit) and Backspace makes it 0.4 again (complies), so every key
 * flips the verdict. Each key is timed in the page from its `keydown` event's `timeStamp` to (a) the banner showing the
 * expected verdict, (b) the next animation frame and (c) a task posted from that frame, i.e. after its paint.
 * Over the whole loop the page's main-thread task time (`Performance.getMetrics` TaskDuration) and the components
 * rendered (`bench_take_renders`) are divided by the number of keys; in the same page `bench_evaluate` times one
 * core evaluation, which gives the ratio the issue asks for. `variants` extra schemes are made first (Duplicate).
 */
async function realKeys(browser, url, { cpu = 1, variants = 0, keys = KEYS, warmup = 20 } = {}) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  const field = await openWallField(page, url, variants);
  // The verdicts the two texts give (0.49 exceeds the wall limit; whether that fails or asks for the trade-off
  // depends on the build), read once, so each key waits for the one it must show.
  const verdictOf = async (text) => {
    await field.fill(text);
    await page.waitForFunction((v) => document.querySelector('#f-envelope-wall_u').value === v && !document.querySelector('[data-testid=verdict]')?.classList.contains('stale'), text);
    await page.waitForFunction(() => new Promise((r) => requestAnimationFrame(() => r(true))));
    return page.evaluate(() => document.querySelector('[data-testid=verdict]')?.dataset.verdict);
  };
  const withNine = await verdictOf('0.49');
  const without = await verdictOf('0.4');
  if (withNine === without) throw new Error(`wall K 0.49 and 0.4 give the same verdict (${without}): the benchmark needs a flip`);
  await field.focus();
  await page.keyboard.press('End');
  await page.evaluate(() => {
    const banner = () => document.querySelector('[data-testid=verdict]');
    const st = { rows: [], waiters: [], expect: null, key: null };
    window.__keys = st;
    document.addEventListener('keydown', (e) => {
      if (!st.expect) return;
      const t = { t0: e.timeStamp, expect: st.expect };
      st.expect = null;
      // "After paint": a user-blocking task posted from the frame's animation callback runs as soon as that
      // frame's style, layout, paint and commit are done, ahead of ordinary queued tasks (such as the detail
      // cards' deferred render), so it marks the verdict's paint, not the work queued behind it.
      const afterPaint = (cb) => requestAnimationFrame(() => {
        const frame = performance.now();
        if (globalThis.scheduler?.postTask) scheduler.postTask(() => cb(frame), { priority: 'user-blocking' });
        else { const c = new MessageChannel(); c.port1.onmessage = () => cb(frame); c.port2.postMessage(0); }
      });
      const results = () => document.querySelector('.results');
      const done = () => {
        st.rows.push({ dom: t.dom - t.t0, frame: t.frame - t.t0, painted: t.painted - t.t0, cards: t.cards - t.t0 });
        st.waiters.splice(0).forEach((w) => w());
      };
      // The detail cards: a build that draws them a frame after the verdict marks the results column
      // data-current="true" when they show the current report; then their frame is awaited the same way.
      const cards = () => {
        if (results()?.dataset.current !== 'false') {
          afterPaint(() => { t.cards = performance.now(); done(); });
          return;
        }
        const co = new MutationObserver(() => {
          if (results()?.dataset.current === 'false') return;
          co.disconnect();
          afterPaint(() => { t.cards = performance.now(); done(); });
        });
        co.observe(results(), { attributes: true, attributeFilter: ['data-current'] });
      };
      const check = () => {
        if (banner()?.dataset.verdict !== t.expect || t.dom !== undefined) return;
        t.dom = performance.now();
        mo.disconnect();
        afterPaint((frame) => {
          t.frame = frame;
          t.painted = performance.now();
          cards();
        });
      };
      const mo = new MutationObserver(check);
      mo.observe(document.querySelector('.results') || document.body, { subtree: true, childList: true, attributes: true, characterData: true });
    }, { capture: true });
    // A key whose verdict never shows fails the run after 10 s instead of hanging it.
    window.__keyDone = (n) => new Promise((r, reject) => {
      if (st.rows.length >= n) return r();
      const timer = setTimeout(() => reject(new Error(`key ${n}: the expected verdict was not shown`)), 10_000);
      st.waiters.push(() => { if (st.rows.length >= n) { clearTimeout(timer); r(); } });
    });
  });
  const press = async (i) => {
    const add = i % 2 === 0;
    await page.evaluate((e) => { window.__keys.expect = e; }, add ? withNine : without);
    await page.keyboard.press(add ? '9' : 'Backspace');
    await page.evaluate((n) => window.__keyDone(n), i + 1);
  };
  if (cpu > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpu });
  await cdp.send('Performance.enable');
  for (let i = 0; i < warmup; i++) await press(i);
  const hasRenders = await page.evaluate(async () => { const m = await import(new URL('./pkg/greencheck.js', location.href).href); if (typeof m.bench_take_renders !== 'function') return false; m.bench_take_renders(); return true; });
  const task = async () => Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
  const before = await task();
  for (let i = warmup; i < warmup + keys; i++) await press(i);
  const after = await task();
  const renders = hasRenders ? await page.evaluate(async () => (await import(new URL('./pkg/greencheck.js', location.href).href)).bench_take_renders()) : null;
  // One core evaluation in the same page and CPU profile (median of 15 batches of 20).
  const evalMs = await evaluationMs(page);
  const rows = (await page.evaluate(() => window.__keys.rows)).slice(warmup);
  await context.close();
  const stat = (k) => ({ p50: quantile(rows.map((r) => r[k]), 0.5), p95: quantile(rows.map((r) => r[k]), 0.95), max: Math.max(...rows.map((r) => r[k])) });
  const perKey = (k) => ((after[k] - before[k]) * 1000) / rows.length;
  const rendersPerKey = renders === null ? null : renders.split(',').filter(Boolean).reduce((t, kv) => t + Number(kv.split('=')[1]), 0) / rows.length;
  const byComponent = renders === null ? null : Object.fromEntries(renders.split(',').filter(Boolean).map((kv) => { const [k, v] = kv.split('='); return [k, Number(v) / rows.length]; }));
  const taskMs = perKey('TaskDuration');
  return {
    cpu, variants, keys: rows.length, dom: stat('dom'), frame: stat('frame'), painted: stat('painted'), cards: stat('cards'),
    mainThreadMsPerKey: taskMs, scriptMsPerKey: perKey('ScriptDuration'), layoutMsPerKey: perKey('LayoutDuration'), styleMsPerKey: perKey('RecalcStyleDuration'),
    evalMs, ratio: taskMs / evalMs, rendersPerKey, byComponent,
  };
}

async function sweep(browser, url) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(url);
  await page.getByTestId('verdict').waitFor();
  const r = await page.evaluate(async ({ points, runs }) => {
    // The module app.js already initialised: the same instance, so bench_sweep is ready.
    const m = await import(new URL('./pkg/greencheck.js', location.href).href);
    if (typeof m.bench_sweep !== 'function') throw new Error('bench_sweep is not exported: build with src/bench.rs');
    const computed = m.bench_sweep(points); // warm-up (JIT tiers, allocator)
    const times = [];
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      const n = m.bench_sweep(points);
      times.push(performance.now() - t0);
      if (n !== points) throw new Error(`bench_sweep computed ${n} of ${points} points`);
    }
    return { computed, times };
  }, { points: SWEEP_POINTS, runs: SWEEP_RUNS });
  await context.close();
  return { points: SWEEP_POINTS, computed: r.computed, runs: r.times.length, median: median(r.times), min: Math.min(...r.times), max: Math.max(...r.times) };
}

async function main() {
  if (!fs.existsSync(path.join(DIST, 'index.html'))) throw new Error('dist/ is not built: run `make dist` first');
  const sizesFile = path.join(DIST, 'sizes.json');
  const sizes = fs.existsSync(sizesFile) ? JSON.parse(fs.readFileSync(sizesFile, 'utf8')) : { gzip_bytes: NaN, raw_bytes: NaN };
  // gzip on, as a production server: the throttled load then transfers what a user would download.
  const { server, url } = await startServer(DIST, 0, '/', { gzip: true });
  const results = { date: new Date().toISOString(), url };
  try {
    // Default frame scheduling (60 Hz begin-frames, as a user's screen) for load and sweep and the main
    // keystroke figure; a second browser without the frame-rate limit isolates the page's own work per keystroke.
    const browser = await launch();
    results.machine = machine(browser.version());
    if (ONLY === 'all') {
      results.load = await coldLoad(browser, url);
      results.loadThrottled = {};
      for (const [name, profile] of Object.entries(NETWORKS)) {
        results.loadThrottled[name] = { profile, ...(await coldLoad(browser, url, { throttle: profile, runs: Math.min(RUNS, 5) })) };
      }
      results.repeatSlow = await repeatLoad(browser, url, NETWORKS['slow 4G + 4× CPU'], Math.min(RUNS, 5));
    }
    results.keystroke = await keystrokes(browser, url);
    results.keystrokeSlowCpu = await keystrokes(browser, url, { cpu: 4 });
    results.realKeys = await realKeys(browser, url);
    results.realKeysSlowCpu = await realKeys(browser, url, { cpu: 4 });
    const hasVariants = await (async () => {
      const c = await browser.newContext(); const pg = await c.newPage(); await pg.goto(url); await pg.getByTestId('verdict').waitFor();
      const n = await pg.getByTestId('variant-duplicate').count(); await c.close(); return n > 0;
    })();
    if (hasVariants) {
      results.realKeys4 = await realKeys(browser, url, { variants: 3 });
      results.realKeys4SlowCpu = await realKeys(browser, url, { variants: 3, cpu: 4 });
    }
    if (ONLY === 'all') results.sweep = await sweep(browser, url);
    await browser.close();
    const fast = await launch(['--disable-frame-rate-limit', '--disable-gpu-vsync']);
    results.keystrokeUnthrottled = await keystrokes(fast, url);
    await fast.close();
  } finally { server.close(); }
  results.gzip = { bytes: sizes.gzip_bytes, rawBytes: sizes.raw_bytes };

  const m = results.machine;
  const { load, loadThrottled, repeatSlow, keystroke: k, keystrokeSlowCpu: k4, keystrokeUnthrottled: ku, sweep: s } = results;
  const ok = (v, goal) => (v <= goal ? 'yes' : 'NO');
  const gzipKB = results.gzip.bytes / 1024;
  const real = (name, r, goal) => (r ? [
    [`${name}: key event → verdict painted (after paint), p50 / p95`, `${ms(r.painted.p50)} / ${ms(r.painted.p95)}`, `p95 ≤ ${goal} ms`, ok(r.painted.p95, goal),
      `${r.keys} real keys ('9' / Backspace in wall K, every key flips the verdict), from the keydown's timeStamp; next frame p50 / p95 ${ms(r.frame.p50)} / ${ms(r.frame.p95)}; verdict in DOM ${ms(r.dom.p50)} / ${ms(r.dom.p95)}; max ${ms(r.painted.max)}; every card painted p50 / p95 ${ms(r.cards.p50)} / ${ms(r.cards.p95)}`],
    [`${name}: main-thread work per key ÷ one core evaluation`, `${r.ratio.toFixed(1)}×`, `≤ ${GOALS.workRatio}×`, ok(r.ratio, GOALS.workRatio),
      `task time ${ms(r.mainThreadMsPerKey)} per key (script ${ms(r.scriptMsPerKey)}, style ${ms(r.styleMsPerKey)}, layout ${ms(r.layoutMsPerKey)}); bench_evaluate ${r.evalMs.toFixed(3)} ms in the same page; components rendered per key ${r.rendersPerKey === null ? 'n/a' : r.rendersPerKey.toFixed(1)}`],
  ] : []);
  const rows = [
    ...(load ? [['cold load → verdict rendered (next frame), median', ms(load.frameMs), `≤ ${GOALS.loadMs} ms`, ok(load.frameMs, GOALS.loadMs),
      `${load.runs} runs, range ${ms(load.minFrameMs)}–${ms(load.maxFrameMs)}; verdict in DOM ${ms(load.verdictMs)}, DOMContentLoaded ${ms(load.domContentLoadedMs)}, wasm fetched ${ms(load.wasmFetchedMs)}`]] : []),
    ...Object.entries(loadThrottled || {}).map(([name, t]) => [`cold load, ${name} (DevTools throttling), median`, ms(t.frameMs), `≤ ${GOALS.throttledMs[name]} ms`, ok(t.frameMs, GOALS.throttledMs[name]),
      `${t.runs} runs, range ${ms(t.minFrameMs)}–${ms(t.maxFrameMs)}; first paint ("loading") ${ms(t.firstPaintMs)}; wasm fetched ${ms(t.wasmFetchedMs)}; ${(t.transferredBytes / 1024).toFixed(1)} KB transferred (gzip)`]),
    ...(repeatSlow ? [['repeat visit, slow 4G + 4× CPU (service worker cache), median', ms(repeatSlow.frameMs), `≤ ${GOALS.repeatMs} ms`, ok(repeatSlow.frameMs, GOALS.repeatMs), `${repeatSlow.runs} runs, range ${ms(repeatSlow.minFrameMs)}–${ms(repeatSlow.maxFrameMs)}`]] : []),
    ...real('real keys', results.realKeys, GOALS.realPaintP95Ms),
    ...real('real keys, 4× slower CPU', results.realKeysSlowCpu, GOALS.realPaintSlowP95Ms),
    ...real('real keys, 4 variants', results.realKeys4, GOALS.realPaintP95Ms),
    ...real('real keys, 4 variants, 4× slower CPU', results.realKeys4SlowCpu, GOALS.realPaintSlowP95Ms),
    ['synthetic input events → next frame, p50', ms(k.frame.p50), '', '', `${k.keys} keystrokes, 60 Hz frames`],
    ['synthetic input events → next frame, p95', ms(k.frame.p95), `≤ ${GOALS.keyP95Ms} ms`, ok(k.frame.p95, GOALS.keyP95Ms), `max ${ms(k.frame.max)}; after paint p95 ${ms(k.painted.p95)}`],
    ['synthetic → next frame, 4× slower CPU, p50 / p95', `${ms(k4.frame.p50)} / ${ms(k4.frame.p95)}`, '', '', `verdict in DOM p50 / p95 ${ms(k4.dom.p50)} / ${ms(k4.dom.p95)}; after paint p95 ${ms(k4.painted.p95)}`],
    ['synthetic → verdict in DOM, p50 / p95', `${ms(k.dom.p50)} / ${ms(k.dom.p95)}`, '', '', 'evaluation + render, no frame wait'],
    ['synthetic → next frame, unthrottled, p50 / p95', `${ms(ku.frame.p50)} / ${ms(ku.frame.p95)}`, '', '', '--disable-frame-rate-limit: the page\'s own work incl. style/layout'],
    ...(s ? [[`sweep ${s.points} points in wasm, median`, ms(s.median), `≤ ${GOALS.sweepMs} ms`, ok(s.median, GOALS.sweepMs), `${s.runs} runs, min ${ms(s.min)}, max ${ms(s.max)}`]] : []),
    ['gzip wasm + JS + CSS', `${gzipKB.toFixed(1)} KB`, `≤ ${GOALS.gzipKB} KB`, ok(gzipKB, GOALS.gzipKB), `raw ${(results.gzip.rawBytes / 1024).toFixed(1)} KB (dist/sizes.json)`],
  ];
  console.log(`\ngreencheck browser benchmark — ${results.date}`);
  console.log(`machine: ${m.nproc} × ${m.cpu}, ${m.memGiB} GiB, ${m.os}; Chromium ${m.chromium} (headless); Node ${m.node}\n`);
  console.log('| measure | value | goal | met | notes |\n|---|---|---|---|---|');
  for (const r of rows) console.log(`| ${r.join(' | ')} |`);
  fs.mkdirSync(path.dirname(JSON_OUT), { recursive: true });
  fs.writeFileSync(JSON_OUT, JSON.stringify(results, null, 2));
  console.log(`\n(raw figures: ${path.relative(ROOT, JSON_OUT)})`);
}

main().catch((e) => { console.error(e); process.exit(1); });
