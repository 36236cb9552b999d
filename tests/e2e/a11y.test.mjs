// Accessibility: axe-core reports no serious or critical violation, in Chinese and English, at desktop
// (1280 px) and phone (360 px) widths; nothing overflows horizontally at 360 px; every input and select has an
// accessible name. axe is injected with bypassCSP (the page's CSP rightly blocks injected scripts).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { launch, serve, watchErrors, ROOT, ARTIFACTS } from './harness.mjs';

const AXE = path.join(ROOT, 'node_modules/axe-core/axe.min.js');

let browser;
let srv;
before(async () => { browser = await launch(); srv = await serve(); });
after(async () => { await browser?.close(); srv?.server.close(); });

/** The app in `lang` at `width` px, with every folded section opened (so their controls are checked too). */
async function open(lang, width) {
  const context = await browser.newContext({ bypassCSP: true, viewport: { width, height: 800 } });
  await context.addInitScript((l) => localStorage.setItem('greencheck/lang', l), lang);
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(srv.url);
  await page.getByTestId('verdict').waitFor();
  await page.waitForFunction((l) => document.documentElement.lang.startsWith(l), lang);
  await page.evaluate(() => document.querySelectorAll('details').forEach((d) => { d.open = true; }));
  return { context, page, errors, close: () => context.close() };
}

function describeViolations(violations) {
  return violations.map((v) => `${v.impact} ${v.id}: ${v.help}\n${v.nodes.slice(0, 8)
    .map((n) => `    ${n.target.join(' ')} — ${n.failureSummary.replace(/\s+/g, ' ')}`).join('\n')}${v.nodes.length > 8 ? `\n    … ${v.nodes.length - 8} more` : ''}`)
    .join('\n');
}

for (const lang of ['zh', 'en']) {
  for (const width of [1280, 360]) {
    test(`axe: no serious or critical violation (${lang}, ${width} px)`, async () => {
      const app = await open(lang, width);
      const { page } = app;
      try {
        // A state with a failing check and an invalid field, so suggestion buttons and messages are checked too.
        await page.locator('#f-envelope-wall_u').fill('0.7');
        await page.waitForFunction(() => document.querySelector('[data-testid=verdict]').dataset.verdict === 'fails');
        await page.locator('#f-storeys').fill('x');
        await page.waitForFunction(() => document.getElementById('f-storeys-err').textContent.trim() !== '');
        await page.addScriptTag({ path: AXE });
        const result = await page.evaluate(() => window.axe.run(document, {
          resultTypes: ['violations'],
          runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
        }));
        const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
        await page.screenshot({ path: path.join(ARTIFACTS, `a11y-${lang}-${width}.png`), fullPage: true });
        assert.deepEqual(bad.map((v) => v.id), [], `axe violations:\n${describeViolations(bad)}`);
        assert.deepEqual(app.errors, []);
      } finally { await app.close(); }
    });
  }

  test(`no horizontal overflow at 360 px (${lang})`, async () => {
    const app = await open(lang, 360);
    const { page } = app;
    try {
      const { scrollWidth, wide } = await page.evaluate(() => ({
        scrollWidth: document.documentElement.scrollWidth,
        // The elements sticking out of the viewport and not inside a scroll/clip container, to say what to fix.
        wide: [...document.querySelectorAll('body *')]
          .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1 && e.getClientRects().length)
          .filter((e) => {
            for (let p = e.parentElement; p && p !== document.body; p = p.parentElement) {
              if (getComputedStyle(p).overflowX !== 'visible') return false;
            }
            return true;
          })
          .slice(0, 10)
          .map((e) => `${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ''}${e.className && typeof e.className === 'string' ? `.${e.className.trim().split(/\s+/).join('.')}` : ''} right=${Math.round(e.getBoundingClientRect().right)}`),
      }));
      assert.ok(scrollWidth <= 361, `scrollWidth ${scrollWidth} > 361; widest: ${wide.join(', ')}`);
    } finally { await app.close(); }
  });

  test(`every input and select has an accessible name (${lang})`, async () => {
    const app = await open(lang, 1280);
    const { page } = app;
    try {
      await page.addScriptTag({ path: AXE });
      const unnamed = await page.evaluate(() => {
        window.axe.setup(document);
        try {
          // A control in a hidden view (the bureau summary while the calculator shows) is not in the page's
          // accessibility tree; it is checked when its view shows.
          return [...document.querySelectorAll('input:not([type=hidden]), select, textarea')]
            .filter((el) => !el.closest('[hidden]'))
            .map((el) => ({ el, name: window.axe.commons.text.accessibleText(el).trim() }))
            .filter(({ name }) => name === '')
            .map(({ el }) => el.outerHTML.slice(0, 160));
        } finally { window.axe.teardown(); }
      });
      assert.deepEqual(unnamed, [], 'controls without an accessible name');
      const count = await page.locator('input:not([type=hidden]), select').count();
      assert.ok(count > 40, `expected the whole form (${count} controls)`);
    } finally { await app.close(); }
  });
}
