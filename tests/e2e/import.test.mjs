// BIM import in the page: a real gbXML export dropped on the page (and another picked with Open) becomes a
// measured-areas project; the facades, the summary and the verdict show at once; a file that is not gbXML
// leaves the project untouched with a plain message. The importer's figures are tested natively
// (core/tests/gbxml.rs); here: the page's wiring, as a user sees it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { launch, openApp, ROOT, ARTIFACTS } from './harness.mjs';

const FIXTURES = path.join(ROOT, 'core/tests/data/gbxml');
let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/** Drops a file onto the page as a user would (a DataTransfer with one File on the app's drop zone). */
async function drop(page, name, bytes) {
  await page.evaluate(({ name, b64 }) => {
    const bin = atob(b64);
    const buf = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) buf[i] = bin.charCodeAt(i);
    const dt = new DataTransfer();
    dt.items.add(new File([buf], name, { type: 'application/xml' }));
    const target = document.querySelector('.app');
    for (const type of ['dragenter', 'dragover', 'drop']) {
      target.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: dt }));
    }
  }, { name, b64: Buffer.from(bytes).toString('base64') });
}

test('a dropped curtain-wall export: facades by orientation, the summary, and the verdict', async () => {
  const app = await openApp(browser);
  const { page } = app;
  try {
    await drop(page, 'ExteriorWindowRatioCW.xml', fs.readFileSync(path.join(FIXTURES, 'ExteriorWindowRatioCW.xml')));
    const summary = page.getByTestId('import-summary');
    await summary.waitFor();
    const text = await summary.innerText();
    assert.match(text, /ExteriorWindowRatioCW\.xml/);
    assert.match(text, /幕墙/, 'curtain walls are named in the summary');
    assert.match(text, /Feet/);
    // Measured areas with the model's four facades, named by orientation; their WWR fields exist.
    assert.equal(await page.getByTestId('geometry-mode').inputValue(), 'areas');
    for (const f of ['N-1', 'E-1', 'S-1', 'W-1']) {
      await page.locator(`#f-facades-${f}-wwr`).waitFor();
    }
    // The north curtain wall's WWR, and the measured volume (feet³ converted: 187.8156… m³), shown to six
    // significant digits; the project keeps the full value.
    assert.equal(await page.locator('#f-facades-N-1-wwr').inputValue(), '0.570488');
    assert.equal(await page.locator('#f-geometry-volume_m3').inputValue(), '187.816');
    // A 70 m² office (乙类) with the model's roof and wall K: the verdict follows at once.
    assert.equal(await page.getByTestId('verdict').getAttribute('data-verdict'), 'fails');
    assert.equal(await page.locator('[data-testid="check-u.roof"]').getAttribute('data-status'), 'fail');
    // The plan view draws the imported facades on the compass.
    for (const f of ['N-1', 'E-1', 'S-1', 'W-1']) {
      assert.equal(await page.locator(`[data-facade="${f}"]`).count(), 1, `plan view draws ${f}`);
    }
    await page.screenshot({ path: path.join(ARTIFACTS, 'import-summary.png'), fullPage: true });
    // Dismissed, the summary stays in the project (saved and shared) but no longer shows.
    await page.getByTestId('import-dismiss').click();
    await summary.waitFor({ state: 'detached' });
    await page.waitForFunction(() => (localStorage.getItem('greencheck/autosave') || '').includes('"dismissed":true'));
  } finally { await app.close(); }
  assert.deepEqual(app.errors, []);
});

test('a Revit export in UTF-16 picked with Open imports too', async () => {
  const app = await openApp(browser);
  const { page } = app;
  try {
    await page.getByTestId('open').setInputFiles(path.join(FIXTURES, 'Small_House.xml'));
    const summary = page.getByTestId('import-summary');
    await summary.waitFor();
    assert.match(await summary.innerText(), /UTF-16/);
    assert.equal(await page.getByTestId('geometry-mode').inputValue(), 'areas');
    assert.ok(await page.locator('[id^=f-facades-][id$=-wwr]').count() >= 2);
    await page.getByTestId('verdict').waitFor();
  } finally { await app.close(); }
});

test('the pointer on Open starts loading the importer; the page alone does not', async () => {
  const app = await openApp(browser);
  const { page } = app;
  try {
    const fetched = () => page.evaluate(() => performance.getEntriesByType('resource').some((e) => e.name.includes('greencheck_import_bg.wasm')));
    await page.locator('#f-name').hover();
    assert.equal(await fetched(), false, 'loaded with the page');
    await page.locator('label[for="open-file"]').hover();
    await page.waitForFunction(() => performance.getEntriesByType('resource').some((e) => e.name.includes('greencheck_import_bg.wasm')));
    await page.evaluate(() => globalThis.greencheck.loadImporter());
  } finally { await app.close(); }
  assert.deepEqual(app.errors, []);
});

test('a file that is not gbXML leaves the project untouched and says so', async () => {
  const app = await openApp(browser);
  const { page } = app;
  try {
    const name = await page.locator('#f-name').inputValue();
    await drop(page, 'drawing.xml', Buffer.from('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"/>'));
    await page.getByTestId('notice').waitFor();
    assert.match(await page.getByTestId('notice').innerText(), /这不是 gbXML 文件/);
    assert.equal(await page.locator('#f-name').inputValue(), name);
    assert.equal(await page.getByTestId('geometry-mode').inputValue(), 'box');
    assert.equal(await page.getByTestId('import-summary').count(), 0);
  } finally { await app.close(); }
});

test('the single file opened from disk imports a model too (the importer inline, decoded on first use)', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  try {
    await page.goto('file://' + path.join(ROOT, 'dist/greencheck.html'));
    await page.getByTestId('verdict').waitFor();
    await drop(page, 'ExteriorWindowRatioCW.xml', fs.readFileSync(path.join(FIXTURES, 'ExteriorWindowRatioCW.xml')));
    await page.getByTestId('import-summary').waitFor();
    await page.locator('#f-facades-S-1-wwr').waitFor();
  } finally { await context.close(); }
  assert.deepEqual(errors, []);
});
