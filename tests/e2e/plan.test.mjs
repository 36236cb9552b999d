// The Hebi plan scorecard on the page: each building target with its place in the plan, the target and this
// project's value; a target that needs a fact says which and links to its field; answering it decides the row.
// The scorecard's arithmetic is tested natively (core/tests/plan.rs); here: what a designer sees and does.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openApp } from './harness.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('the plan scorecard: the 83 % row from the estimate, a star row that needs an input until it is given', async () => {
  const app = await openApp(browser);
  const { page } = app;
  try {
    const card = page.getByTestId('plan-card');
    await card.scrollIntoViewIfNeeded();
    // The residential template: the 83 % energy-saving row is decided by the estimate.
    const p01 = page.getByTestId('plan-P01');
    assert.match(await p01.textContent(), /83/);
    assert.ok(['meets', 'does_not_meet'].includes(await p01.getAttribute('data-status')));
    // Switch to the office template: the two-star row for government-invested buildings needs that fact.
    await page.getByTestId('template').selectOption('office');
    await page.waitForFunction(() => document.querySelector('#f-name').value === '办公楼');
    const p04 = page.getByTestId('plan-P04');
    await page.waitForFunction(() => document.querySelector('[data-testid=plan-P04]')?.dataset.status === 'needs_input');
    const link = p04.locator('a[href="#f-plan-government_invested"]');
    assert.equal(await link.count(), 1, 'links to the field it needs');
    // Answer it: not government-invested → the row no longer needs input.
    await page.evaluate(() => document.querySelectorAll('details').forEach((d) => { d.open = true; }));
    await page.locator('#f-plan-government_invested').selectOption('false');
    await page.waitForFunction(() => document.querySelector('[data-testid=plan-P04]')?.dataset.status !== 'needs_input');
    // A value out of its range is refused next to the field; the scorecard stays.
    await page.locator('#f-plan-assembly_ratio').fill('1.5');
    await page.waitForFunction(() => document.querySelector('#f-plan-assembly_ratio-err')?.textContent.trim() !== '');
    assert.equal(await page.getByTestId('plan-card').count(), 1);
  } finally { await app.close(); }
});
