// Robustness and security of the page. Each kind of bad input typed into a few fields (message next to
// the field, the report unchanged and marked stale, recovery when fixed); unambiguous input accepted (full-width
// digits, "35%" for ratios, surrounding spaces); user text rendered as text; no cookies; no foreign requests;
// corrupt or full localStorage; oversized and invalid share links. Input rules: docs/robustness.md.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, serve, watchErrors } from './harness.mjs';

let browser;
let srv;
before(async () => { browser = await launch(); srv = await serve(); });
after(async () => { await browser?.close(); srv?.server.close(); });

/** A fresh context (own localStorage) on the app; `init` runs before any page script. */
async function open({ init, initArg, hash = '', contextOptions = {} } = {}) {
  const context = await browser.newContext(contextOptions);
  // The report's fingerprint as page functions (an init script is not subject to the page's CSP, which forbids
  // evaluating strings), so conditions on it are plain functions.
  await context.addInitScript({ content: `window.__fingerprint = ${FINGERPRINT}; window.__cardsCurrent = ${CARDS_CURRENT};` });
  if (init) await context.addInitScript(init, initArg);
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(srv.url + hash);
  await page.getByTestId('verdict').waitFor();
  return { context, page, errors, close: () => context.close() };
}

/** Everything the report shows, as one comparable string (the stale note aside). Runs in the page. */
const FINGERPRINT = () => {
  const v = document.querySelector('[data-testid=verdict]');
  const rows = [...document.querySelectorAll('[data-testid^="check-"]')]
    .map((r) => `${r.dataset.testid}|${r.dataset.status}|${r.innerText.replace(/\s+/g, ' ').trim()}`);
  const data = ['saving-rate', 'star-level', 'pv-kwp'].map((t) => {
    const e = document.querySelector(`[data-testid="${t}"]`);
    return e ? `${t}|${e.dataset.value ?? ''}|${e.dataset.level ?? ''}|${e.innerText.trim()}` : `${t}|absent`;
  });
  return JSON.stringify({ verdict: v?.dataset.verdict, rows, data });
};

/** The detail cards are drawn a frame after the verdict: true once they show the current report. */
const CARDS_CURRENT = () => document.querySelector('.results')?.dataset.current !== 'false';

async function fingerprint(page) {
  await page.waitForFunction(CARDS_CURRENT, undefined, { timeout: 5000 });
  return page.evaluate(FINGERPRINT);
}

/**
 * Waits (bounded) for a condition in the page, then re-checks it in Node so a failure reads as an assertion with
 * the actual state rather than a bare timeout.
 */
async function settle(page, fn, arg, describeState) {
  try {
    await page.waitForFunction(fn, arg, { timeout: 5000 });
  } catch (e) {
    assert.fail(`condition not reached (${e.message.split("\n")[0]}); state: ${await describeState()}`);
  }
}

async function fieldState(page, id) {
  return page.evaluate((i) => {
    const el = document.getElementById(i);
    const err = document.getElementById(`${i}-err`);
    const v = document.querySelector('[data-testid=verdict]');
    return {
      value: el?.value, invalid: el?.getAttribute('aria-invalid'), message: err?.textContent ?? null,
      verdict: v?.dataset.verdict, stale: v?.dataset.stale,
    };
  }, id);
}

/** Waits until field `id` shows a message (and is marked invalid); returns the message text. */
async function waitRejected(page, id) {
  await settle(page, (i) => (document.getElementById(`${i}-err`)?.textContent.trim() ?? '') !== ''
    && document.getElementById(i)?.getAttribute('aria-invalid') === 'true', id,
  async () => JSON.stringify(await fieldState(page, id)));
  return (await page.locator(`#${id}-err`).textContent()).trim();
}

/** Waits until field `id` is accepted (no message, not invalid) and the report is not stale. */
async function waitAccepted(page, id) {
  await settle(page, (i) => document.getElementById(`${i}-err`)?.textContent.trim() === ''
    && document.getElementById(i)?.getAttribute('aria-invalid') === 'false'
    && document.querySelector('[data-testid=verdict]')?.dataset.stale === 'false', id,
  async () => JSON.stringify(await fieldState(page, id)));
}

/** Waits until the report equals `expected` (a fingerprint). */
async function waitReport(page, expected) {
  await settle(page, (e) => window.__cardsCurrent() && window.__fingerprint() === e, expected,
    async () => `report differs:\n${await fingerprint(page)}\nexpected:\n${expected}`);
}

// Fields under test: the default template's value, a valid different value (to prove recovery really re-drives the
// report), the bad inputs (text → what the message must contain, if anything specific), and the accepted variants
// (text → the canonical text it must be equivalent to).
const FIELDS = [
  {
    name: 'wall U', id: 'f-envelope-wall_u', original: '0.42', other: '0.5',
    rejected: [
      ['-'], ['-0.42'], ['0', 'zero U-value is meaningless'], ['NaN'], ['1e999'], ['99999', 'huge'],
      ['0,35', 'comma decimal', /0\.35/], ['35%', '% not allowed for a U-value'], ['abc'],
    ],
    accepted: [[' 0.35 ', '0.35'], ['\u30000.35', '0.35'], ['０.３５', '0.35']],
  },
  {
    name: 'south facade WWR', id: 'f-facades-A-wwr', original: '0.45', other: '0.55',
    rejected: [
      ['-'], ['-0.1'], ['NaN'], ['1e999'], ['1.5', 'over 1'], ['99999', 'huge'], ['35', 'looks like a percent'],
      ['0,35', 'comma decimal', /0\.35/], ['0，35', 'full-width comma', /0\.35/],
    ],
    accepted: [
      ['０.３５', '0.35'], ['０．３５', '0.35'], ['35%', '0.35'], ['35 %', '0.35'], ['35％', '0.35'],
      [' 0.35 ', '0.35'], ['0', '0'],
    ],
  },
  {
    name: 'storeys', id: 'f-storeys', original: '18', other: '3',
    rejected: [
      ['', 'required'], ['   ', 'blank'], ['-'], ['-3'], ['0', 'zero storeys'], ['NaN'], ['1e999'],
      ['100000', 'huge'], ['18.5', 'not whole'], ['1,8', 'comma', /1\.8/],
    ],
    accepted: [[' 12 ', '12'], ['１２', '12'], ['12.0', '12']],
  },
  {
    name: 'length', id: 'f-geometry-length_m', original: '60', other: '30',
    rejected: [
      ['', 'required'], ['-'], ['-60'], ['0', 'zero length'], ['NaN'], ['1e999'], ['1000000', 'huge'],
      ['60,5', 'comma decimal', /60\.5/], ['60%', '% not allowed for a length'],
    ],
    accepted: [[' 45 ', '45'], ['４５', '45'], ['45.0', '45']],
  },
];

/** Waits until the report differs from `previous` and field `id` is accepted; returns the new fingerprint. */
async function waitNewReport(page, id, previous) {
  await waitAccepted(page, id);
  await settle(page, (p) => window.__cardsCurrent() && window.__fingerprint() !== p, previous,
    async () => 'the report did not change');
  return fingerprint(page);
}

for (const f of FIELDS) {
  describe(`bad input in ${f.name} (#${f.id})`, () => {
    // One page per field, to keep the file fast; every case starts by restoring a known report and waiting for it.
    let app;
    let reportOriginal;
    let reportOther;
    before(async () => {
      app = await open();
      reportOriginal = await fingerprint(app.page);
      await app.page.locator(`#${f.id}`).fill(f.other);
      reportOther = await waitNewReport(app.page, f.id, reportOriginal);
    });
    after(async () => { await app?.close(); });

    for (const [text, why, mustMatch] of f.rejected) {
      test(`rejects ${JSON.stringify(text)}${why ? ` (${why})` : ''}: message, report unchanged and stale, recovers`, async () => {
        const { page } = app;
        const field = page.locator(`#${f.id}`);
        // The last valid input is `other` (not the template's value), so "unchanged" means "the last valid input".
        await field.fill(f.other);
        await waitAccepted(page, f.id);
        await waitReport(page, reportOther);
        await field.fill(text);
        const message = await waitRejected(page, f.id);
        if (mustMatch) assert.match(message, mustMatch, `the message should suggest the intended value: ${message}`);
        assert.equal(await page.getByTestId('verdict').getAttribute('data-stale'), 'true', 'report marked stale');
        assert.equal(await fingerprint(page), reportOther, 'the last valid value keeps driving the report');
        assert.equal(await field.inputValue(), text, 'what the user typed is kept');
        // Fixing the field clears the message and the stale mark, and the report follows the new value.
        await field.fill(f.original);
        await waitAccepted(page, f.id);
        await waitReport(page, reportOriginal);
        assert.deepEqual(app.errors, []);
      });
    }

    for (const [text, canonical] of f.accepted) {
      test(`accepts ${JSON.stringify(text)} as ${canonical}`, async () => {
        const { page } = app;
        const field = page.locator(`#${f.id}`);
        await field.fill(f.original);
        await waitReport(page, reportOriginal);
        await field.fill(canonical);
        const expected = await waitNewReport(page, f.id, reportOriginal);
        await field.fill(f.original);
        await waitReport(page, reportOriginal);
        await field.fill(text);
        await waitAccepted(page, f.id);
        await waitReport(page, expected);
        assert.deepEqual(app.errors, []);
      });
    }
  });
}

test('typing a bad value character by character never leaves the page in a broken state', async () => {
  const app = await open();
  const { page } = app;
  try {
    const valid = await fingerprint(page);
    const wall = page.locator('#f-envelope-wall_u');
    // Select the old text and type over it: "0", "0,", "0,3", "0,35" — every prefix is rejected (0 is not a
    // valid U-value), so the report of 0.42 must stay, stale, throughout.
    await wall.selectText();
    await wall.pressSequentially('0,35');
    await page.waitForFunction(() => document.querySelector('#f-envelope-wall_u').value === '0,35');
    assert.match(await waitRejected(page, 'f-envelope-wall_u'), /0\.35/);
    assert.equal(await page.getByTestId('verdict').getAttribute('data-stale'), 'true');
    assert.equal(await fingerprint(page), valid);
    await wall.fill('0.35');
    await waitAccepted(page, 'f-envelope-wall_u');
    assert.notEqual(await fingerprint(page), valid);
    assert.deepEqual(app.errors, []);
  } finally { await app.close(); }
});

test('an empty optional field (wall U) means "not given": verdict incomplete, not an error', async () => {
  // docs/robustness.md: an empty optional field is "not given" (the core reports it missing).
  const app = await open();
  const { page } = app;
  try {
    await page.locator('#f-envelope-wall_u').fill('');
    await waitAccepted(page, 'f-envelope-wall_u');
    await page.waitForFunction(() => document.querySelector('[data-testid=verdict]').dataset.verdict === 'incomplete');
    await page.locator('#f-envelope-wall_u').fill('0.42');
    await page.waitForFunction(() => document.querySelector('[data-testid=verdict]').dataset.verdict === 'complies');
    assert.deepEqual(app.errors, []);
  } finally { await app.close(); }
});

test('two invalid fields: stale until both are fixed', async () => {
  const app = await open();
  const { page } = app;
  try {
    const valid = await fingerprint(page);
    await page.locator('#f-envelope-wall_u').fill('abc');
    await waitRejected(page, 'f-envelope-wall_u');
    await page.locator('#f-storeys').fill('-1');
    await waitRejected(page, 'f-storeys');
    await page.locator('#f-envelope-wall_u').fill('0.42');
    await settle(page, () => document.getElementById('f-envelope-wall_u-err').textContent === '', undefined, async () => 'wall U still rejected');
    assert.equal(await page.getByTestId('verdict').getAttribute('data-stale'), 'true', 'storeys is still invalid');
    assert.equal(await fingerprint(page), valid);
    await page.locator('#f-storeys').fill('18');
    await waitAccepted(page, 'f-storeys');
    await waitReport(page, valid);
  } finally { await app.close(); }
});

// ---- Security and privacy ----

const XSS = '<img src=x onerror=alert(1)>';

test('the project name renders as text: no element, no script, no dialog (also after reload)', async () => {
  const app = await open();
  const { page, context } = app;
  const dialogs = [];
  page.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss().catch(() => {}); });
  const requested = [];
  context.on('request', (r) => requested.push(r.url()));
  try {
    await page.locator('#f-name').fill(XSS);
    // The name is shown in the print header (and the share/save names): wait until it is rendered.
    await settle(page, (x) => document.querySelector('.print-header')?.textContent.includes(x), XSS,
      async () => page.evaluate(() => document.querySelector('.print-header')?.textContent));
    const check = async () => {
      assert.equal(await page.locator('img').count(), 0, 'no <img> element was created');
      assert.equal(await page.evaluate(() => document.querySelectorAll('[onerror]').length), 0);
      assert.equal(await page.locator('#f-name').inputValue(), XSS);
    };
    await check();
    // Reload: the name comes back from the autosave and is still text.
    await page.reload();
    await page.getByTestId('verdict').waitFor();
    await page.waitForFunction((x) => document.querySelector('#f-name')?.value === x, XSS);
    await settle(page, (x) => document.querySelector('.print-header')?.textContent.includes(x), XSS, async () => 'name not rendered');
    await check();
    // English UI too (other strings interpolate the name in other places).
    await page.getByTestId('lang').click();
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    await check();
    assert.deepEqual(dialogs, [], 'no dialog opened');
    assert.ok(!requested.some((u) => /\/x$/.test(new URL(u).pathname)), 'the img src was never requested');
    assert.deepEqual(app.errors, []);
  } finally { await app.close(); }
});

test('a session of typing sets no cookies and requests nothing from any other host', async () => {
  const context = await browser.newContext();
  const origin = new URL(srv.url).origin;
  const foreign = [];
  const after = [];
  let loaded = false;
  context.on('request', (r) => {
    const u = new URL(r.url());
    if (!['data:', 'blob:'].includes(u.protocol) && u.origin !== origin) foreign.push(r.url());
    if (loaded && !['data:', 'blob:'].includes(u.protocol)) after.push(r.url());
  });
  const page = await context.newPage();
  const errors = watchErrors(page);
  try {
    await page.goto(srv.url);
    await page.getByTestId('verdict').waitFor();
    await page.evaluate(() => navigator.serviceWorker.ready);
    await page.waitForLoadState('networkidle');
    loaded = true;
    for (const [id, v] of [['#f-name', 'Test 楼'], ['#f-geometry-length_m', '48'], ['#f-storeys', '11'],
      ['#f-facades-A-wwr', '0.5'], ['#f-envelope-wall_u', '0.6'], ['#f-envelope-window_u', '2.4'],
      ['#f-pv-installable_roof_area_m2', '300'], ['#f-envelope-roof_u', 'x']]) {
      await page.locator(id).fill('');
      await page.locator(id).pressSequentially(v);
    }
    await page.getByTestId('template').selectOption('office');
    await page.getByTestId('lang').click();
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    await page.getByTestId('share').click();
    await page.getByTestId('share-url').waitFor();
    await page.waitForLoadState('networkidle');
    assert.deepEqual(foreign, [], 'no request to another host');
    assert.deepEqual(after, [], 'no request at all after load while typing');
    assert.deepEqual(await context.cookies(), [], 'no cookies');
    assert.equal(await page.evaluate(() => document.cookie), '');
    assert.deepEqual(errors, []);
  } finally { await context.close(); }
});

// ---- Storage ----

for (const [label, garbage] of [
  ['garbage text', '}{not json at all \u0000\uFFFF'],
  ['JSON of the wrong shape', '{"format":"greencheck-autosave/1","project":{"format":"greencheck/1","storeys":"many"}}'],
  ['a newer format', '{"format":"greencheck-autosave/9","project":{}}'],
]) {
  test(`a corrupt autosave (${label}): the app starts, says so, and keeps a backup copy`, async () => {
    const app = await open({
      init: (g) => {
        // Only before the first load of this context (a reload must see what the app wrote).
        if (!sessionStorage.getItem('seeded')) {
          sessionStorage.setItem('seeded', '1');
          localStorage.setItem('greencheck/autosave', g);
        }
      },
      initArg: garbage,
    });
    const { page } = app;
    try {
      await page.getByTestId('notice').waitFor();
      assert.notEqual((await page.getByTestId('notice').innerText()).trim(), '');
      assert.equal(await page.evaluate(() => localStorage.getItem('greencheck/unreadable-backup')), garbage);
      assert.equal(await page.getByTestId('verdict').getAttribute('data-verdict'), 'complies', 'the default template');
      assert.equal(await page.locator('#f-name').inputValue(), '1号住宅楼');
      // The app works and autosaves again; the backup survives the next autosave and a reload.
      await page.locator('#f-envelope-wall_u').fill('0.5');
      await page.waitForFunction(() => document.querySelector('[data-testid=verdict]').dataset.verdict === 'tradeoff');
      await page.reload();
      await page.getByTestId('verdict').waitFor();
      await page.waitForFunction(() => document.querySelector('#f-envelope-wall_u').value === '0.5');
      assert.equal(await page.evaluate(() => localStorage.getItem('greencheck/unreadable-backup')), garbage);
      assert.deepEqual(app.errors, []);
    } finally { await app.close(); }
  });
}

test('full or failing localStorage: the app starts, works, and says autosave is paused', async () => {
  const app = await open({
    init: () => {
      const quota = () => { throw new DOMException('quota exceeded', 'QuotaExceededError'); };
      Storage.prototype.setItem = quota;
    },
  });
  const { page } = app;
  try {
    await page.locator('#f-envelope-wall_u').fill('0.7');
    await page.waitForFunction(() => document.querySelector('[data-testid=verdict]').dataset.verdict === 'fails');
    await page.getByTestId('notice').waitFor();
    assert.notEqual((await page.getByTestId('notice').innerText()).trim(), '');
    assert.deepEqual(app.errors, []);
  } finally { await app.close(); }
});

// ---- Share links ----

/** Local work (wall U 0.5, name changed), autosaved; returns its fingerprint and autosave text. */
async function localWork(page) {
  await page.locator('#f-name').fill('本机项目');
  await page.locator('#f-envelope-wall_u').fill('0.5');
  await page.waitForFunction(() => document.querySelector('[data-testid=verdict]').dataset.verdict === 'tradeoff');
  await page.waitForFunction(() => (localStorage.getItem('greencheck/autosave') || '').includes('本机项目'));
  return { report: await fingerprint(page), saved: await page.evaluate(() => localStorage.getItem('greencheck/autosave')) };
}

const BAD_LINKS = [
  ['oversized', `p=${'A'.repeat(70_000)}`],
  ['oversized, valid characters', `p=${'hY9Bb8Iw'.repeat(9_000)}`],
  ['not base64url', 'p=%%%not*base64'],
  ['base64 of garbage', 'p=Z2FyYmFnZSBnYXJiYWdl'],
  ['empty', 'p='],
];

for (const [label, frag] of BAD_LINKS) {
  test(`a share link that is ${label}: a notice, nothing changed (pasted into an open tab)`, async () => {
    const app = await open();
    const { page } = app;
    try {
      const before = await localWork(page);
      await page.evaluate((h) => { location.hash = h; }, frag);
      await page.getByTestId('notice').waitFor();
      assert.notEqual((await page.getByTestId('notice').innerText()).trim(), '');
      assert.equal(await page.locator('#f-name').inputValue(), '本机项目');
      assert.equal(await page.locator('#f-envelope-wall_u').inputValue(), '0.5');
      assert.equal(await fingerprint(page), before.report);
      assert.equal(await page.evaluate(() => localStorage.getItem('greencheck/autosave')), before.saved, 'autosave untouched');
      assert.deepEqual(app.errors, []);
    } finally { await app.close(); }
  });
}

test('an oversized share link opened in a new tab: a notice, the default project, no error', async () => {
  const app = await open({ hash: `#p=${'A'.repeat(70_000)}` });
  const { page } = app;
  try {
    await page.getByTestId('notice').waitFor();
    assert.notEqual((await page.getByTestId('notice').innerText()).trim(), '');
    assert.equal(await page.locator('#f-name').inputValue(), '1号住宅楼');
    assert.equal(await page.getByTestId('verdict').getAttribute('data-verdict'), 'complies');
    assert.equal(await page.evaluate(() => location.hash), '', 'the fragment is cleared so a reload does not retry it');
    assert.deepEqual(app.errors, []);
  } finally { await app.close(); }
});
