// Scheme variants on the page: duplicate, change one input, and the comparison shows both schemes with the
// changed input and the best scheme of each row marked; rename, delete with undo; the variants survive a reload
// and a share link; the comparison prints. The comparison's figures are tested natively (core/tests/variants*.rs).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { launch, openApp, waitVerdict, ARTIFACTS } from './harness.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('two schemes compared: the changed input and the better scheme are marked; rename, undo delete, reload, print', async () => {
  const app = await openApp(browser);
  const { page } = app;
  try {
    assert.equal(await page.getByTestId('comparison').count(), 0, 'one scheme: no comparison');
    await page.getByTestId('variant-duplicate').click();
    await page.getByTestId('comparison').waitFor();
    // The duplicate (方案 B) is edited: a worse wall → fails; scheme A keeps complying.
    await page.locator('#f-envelope-wall_u').fill('0.7');
    await waitVerdict(page, 'fails');
    await page.waitForFunction(() => document.querySelector('[data-testid="diff-envelope.wall_u"]'));
    const verdicts = await page.locator('[data-testid=cmp-verdict] td').allTextContents();
    assert.equal(verdicts.length, 2);
    assert.match(verdicts[0], /满足规定性指标/);
    assert.match(verdicts[1], /不满足/);
    // The better scheme of the saving-rate row is A (its wall is better).
    const best = await page.locator('[data-testid=cmp-saving_rate] td').evaluateAll((tds) => tds.map((td) => td.dataset.best));
    assert.deepEqual(best, ['true', 'false']);
    // Rename B.
    await page.getByTestId('variant-rename').fill('方案 B 墙 0.7');
    await page.getByTestId('variant-rename').press('Enter');
    await page.waitForFunction(() => [...document.querySelectorAll('[role=tab]')].some((t) => t.textContent.includes('墙 0.7')));
    // Delete B, undo: both are back, in order.
    await page.getByTestId('variant-remove').click();
    await page.getByTestId('comparison').waitFor({ state: 'detached' });
    await page.getByTestId('undo-remove').click();
    await page.getByTestId('comparison').waitFor();
    const tabs = await page.locator('[role=tab]').allTextContents();
    assert.equal(tabs.length, 2);
    assert.match(tabs[1], /墙 0.7/);
    // Reload: the schemes survive (autosave), the comparison too.
    await page.waitForFunction(() => (localStorage.getItem('greencheck/autosave') || '').includes('"variants"'));
    await page.reload();
    await page.getByTestId('comparison').waitFor();
    assert.equal(await page.locator('[role=tab]').count(), 2);
    // Print: the comparison is part of the A4 report.
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.getByTestId('comparison').isVisible(), true);
    const pdf = await page.pdf({ path: path.join(ARTIFACTS, 'comparison.pdf'), format: 'A4', landscape: true, printBackground: true });
    assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
    await page.emulateMedia({ media: 'screen' });
    await page.screenshot({ path: path.join(ARTIFACTS, 'comparison.png'), fullPage: true });
  } finally { await app.close(); }
  assert.deepEqual(app.errors, []);
});

test('a share link carries every scheme, in order', async () => {
  const app = await openApp(browser);
  const { page, context, url } = app;
  try {
    await page.getByTestId('variant-duplicate').click();
    await page.locator('#f-envelope-wall_u').fill('0.5');
    await page.getByTestId('variant-duplicate').click();
    await page.locator('#f-envelope-roof_u').fill('0.25');
    await page.getByTestId('share').click();
    const link = await page.getByTestId('share-url').inputValue();
    const other = await context.browser().newContext();
    const p2 = await other.newPage();
    await p2.goto(link);
    await p2.getByTestId('comparison').waitFor();
    assert.deepEqual(await p2.locator('[role=tab]').allTextContents(), await page.locator('[role=tab]').allTextContents());
    await other.close();
    assert.ok(url);
  } finally { await app.close(); }
});
