// Which functions a keystroke's script time goes to: types real keys ('9' / Backspace in wall K, every key
// flips the verdict) into a built page under the DevTools CPU profiler and prints, per key, the self time and
// the inclusive time of the busiest functions. A profiling aid, not a benchmark: the sampler slows the page.
//
// Function names need a build that keeps them (the release dist/ strips them):
//   CARGO_TARGET_DIR=target/profiling CARGO_PROFILE_RELEASE_DEBUG=1 \
//     cargo build --release --target wasm32-unknown-unknown -p greencheck
//   wasm-bindgen --target web --no-typescript --keep-debug --out-dir target/profiling/pkg --out-name greencheck \
//     target/profiling/wasm32-unknown-unknown/release/greencheck.wasm
//   node scripts/assemble-dist.mjs target/profiling/pkg target/profiling/dist pkg-import   (after `make dist`)
//
// Usage: node tests/bench/keystroke-profile.mjs [--dist DIR] [--cpu N] [--variants N] [--keys N] [--top N]
//        [--grep TEXT]   (--grep keeps the inclusive lines whose name contains TEXT)
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from '../../scripts/serve.mjs';
import { launch, openWallField } from './common.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const arg = (name, dflt) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1] : dflt; };
const DIST = path.resolve(arg('--dist', path.join(ROOT, 'target/profiling/dist')));
const CPU = Number(arg('--cpu', 1));
const VARIANTS = Number(arg('--variants', 0));
const KEYS = Number(arg('--keys', 100));
const TOP = Number(arg('--top', 40));
const GREP = arg('--grep', null);

const { server, url } = await startServer(DIST, 0, '/', { gzip: true });
const browser = await launch();
try {
  const context = await browser.newContext();
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  const field = await openWallField(page, url, VARIANTS);
  await field.fill('0.4');
  await field.focus();
  await page.keyboard.press('End');
  // A key is done when the cards show its report (data-current) and a frame has been painted after that.
  const settle = () => page.waitForFunction(() => (document.querySelector('.results')?.dataset.current !== 'false'
    ? new Promise((r) => requestAnimationFrame(() => setTimeout(() => r(true), 0))) : false), undefined, { polling: 'raf' });
  const key = async (i) => { await page.keyboard.press(i % 2 ? 'Backspace' : '9'); await settle(); };
  for (let i = 0; i < 10; i++) await key(i);
  if (CPU > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU });
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
  await cdp.send('Profiler.start');
  for (let i = 0; i < KEYS; i++) await key(i);
  const { profile } = await cdp.send('Profiler.stop');

  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children || []) parent.set(c, n.id);
  const name = (n) => n.callFrame.functionName || `(anonymous ${n.callFrame.url.split('/').pop()})`;
  const self = new Map();
  const incl = new Map();
  profile.samples.forEach((id, i) => {
    const ms = (profile.timeDeltas[i + 1] || 0) / 1000;
    const leaf = name(byId.get(id));
    self.set(leaf, (self.get(leaf) || 0) + ms);
    const seen = new Set();
    for (let at = id; at !== undefined; at = parent.get(at)) {
      const k = name(byId.get(at));
      if (!seen.has(k)) { seen.add(k); incl.set(k, (incl.get(k) || 0) + ms); }
    }
  });
  const skip = new Set(['(idle)', '(program)', '(root)']);
  const list = (m, filter) => [...m].filter(([k]) => !skip.has(k) && filter(k)).sort((a, b) => b[1] - a[1]).slice(0, TOP)
    .map(([k, v]) => `${(v / KEYS).toFixed(3).padStart(8)}  ${k.slice(0, 160)}`).join('\n');
  console.log(`script per key, ms (${KEYS} keys, CPU ×${CPU}, ${VARIANTS + 1} variant(s); ${browser.version()}; ${DIST})`);
  console.log(`(program) ${((self.get('(program)') || 0) / KEYS).toFixed(2)} · (garbage collector) ${((self.get('(garbage collector)') || 0) / KEYS).toFixed(2)}`);
  console.log('\nself time\n' + list(self, () => true));
  console.log('\ninclusive time\n' + list(incl, (k) => !GREP || k.includes(GREP)));
} finally {
  await browser.close();
  server.close();
}
