// What each result card costs a keystroke: types real keys ('9' / Backspace in wall K, every key flips the
// verdict) into the built page with one card hidden (`display: none`, injected as a style sheet), with every
// card hidden, and with nothing hidden, and prints the page's main-thread task time per key (DevTools
// `Performance.getMetrics`: TaskDuration, ScriptDuration, RecalcStyleDuration, LayoutDuration) for each, with
// one core evaluation timed in the same page and the ratio of the two. The
// configurations run in turn, `--rounds` times, and each line gives the median over the rounds, so a drift of
// the machine touches them all alike. A profiling aid for tests/bench/browser-bench.mjs, not a test.
//
// "All cards hidden" is the floor that no work on the cards can go below: the key's own handling, the
// form, the verdict banner and the two frames per key (verdict first, cards a frame later).
//
// `--css TEXT` adds a style sheet in every configuration, to try a rendering change before making it.
//
// Usage: node tests/bench/card-cost.mjs [--dist DIR] [--keys N] [--rounds N] [--css TEXT] [--only NAME,NAME]
//        (after `make dist`)
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from '../../scripts/serve.mjs';
import { evaluationMs, launch, openWallField } from './common.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const arg = (name, dflt) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1] : dflt; };
const DIST = path.resolve(arg('--dist', path.join(ROOT, 'dist')));
const KEYS = Number(arg('--keys', 60));
const ROUNDS = Number(arg('--rounds', 3));
const CSS = arg('--css', '');
const ONLY = arg('--only', null)?.split(',');
// `null`: no key at all — the same loop of probes and waits alone, i.e. what the measurement itself costs.
const CONFIGS = [
  ['no key (the probes alone)', null],
  ['nothing hidden', ''],
  ['energy', '.results .card.energy'],
  ['tier ladder', '.results .card.ladder'],
  ['clause table', '.results .card.checks'],
  ['sensitivity', '.results .card.sensitivity'],
  ['star', '.results .card.star'],
  ['PV', '.results .card.pv'],
  ['plan', '.results .card.plan-card'],
  ['every card', '.results .card'],
  ['every card and the verdict', '.results, .mini-verdict'],
  ['all but the typed field', '.results, .mini-verdict, header, nav, .toolbar, .variant-bar, .inputs .section:not(:has(#f-envelope-wall_u)), .inputs .field:not(:has(#f-envelope-wall_u))'],
];

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };

async function run(browser, url, hide) {
  // The page's CSP admits its own style sheets only; the injected one is the measurement's, not the page's.
  const context = await browser.newContext({ bypassCSP: true });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  const field = await openWallField(page, url);
  const sheet = (hide ? `${hide} { display: none !important; }\n` : '') + CSS;
  if (sheet) await page.addStyleTag({ content: sheet });
  await field.fill('0.4');
  await field.focus();
  await page.keyboard.press('End');
  // A key is done when the cards show its report (data-current) and a frame has been painted after that.
  const settle = () => page.evaluate(() => new Promise((resolve) => {
    const poll = () => {
      if (document.querySelector('.results')?.dataset.current === 'false') return requestAnimationFrame(poll);
      requestAnimationFrame(() => setTimeout(resolve, 0));
    };
    requestAnimationFrame(poll);
  }));
  const key = async (i) => {
    if (hide !== null) await page.keyboard.press(i % 2 ? 'Backspace' : '9');
    await settle();
  };
  for (let i = 0; i < 10; i++) await key(i);
  await cdp.send('Performance.enable');
  const metrics = async () => Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
  const before = await metrics();
  for (let i = 0; i < KEYS; i++) await key(i);
  const after = await metrics();
  // One core evaluation in the same page (`bench_evaluate`, as the browser benchmark: median of 15 batches of
  // 20), for the ratio the keystroke goal is stated in.
  const evalMs = await evaluationMs(page);
  await context.close();
  const perKey = (k) => ((after[k] - before[k]) * 1000) / KEYS;
  const task = perKey('TaskDuration');
  return { task, script: perKey('ScriptDuration'), style: perKey('RecalcStyleDuration'), layout: perKey('LayoutDuration'), evalMs, ratio: task / evalMs };
}

const { server, url } = await startServer(DIST, 0, '/', { gzip: true });
const browser = await launch();
try {
  const configs = CONFIGS.filter(([name]) => !ONLY || ONLY.includes(name));
  const rows = new Map(configs.map(([name]) => [name, []]));
  // Each round starts at another configuration, so none is always the first after a pause.
  for (let r = 0; r < ROUNDS; r++) {
    for (let i = 0; i < configs.length; i++) {
      const [name, hide] = configs[(i + r) % configs.length];
      rows.get(name).push(await run(browser, url, hide));
    }
  }
  console.log(`main-thread work per key, ms (median of ${ROUNDS} rounds of ${KEYS} keys; ${browser.version()})${CSS ? `; with ${CSS}` : ''}`);
  console.log('| hidden | task | script | style | layout | one evaluation | task ÷ evaluation |\n|---|---:|---:|---:|---:|---:|---:|');
  for (const [name, rs] of rows) {
    const m = (k, d = 1) => median(rs.map((x) => x[k])).toFixed(d);
    console.log(`| ${name} | ${m('task')} | ${m('script')} | ${m('style')} | ${m('layout')} | ${m('evalMs', 3)} | ${m('ratio')}× |`);
  }
} finally {
  await browser.close();
  server.close();
}
