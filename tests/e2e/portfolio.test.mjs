// The bureau's portfolio page: 20 project files and a BIM model dropped at once (plus one bad file) are read in
// the browser with a progress bar; the city indicators, every project's row (sortable, filterable), the bad file
// with its reason, the CSV for Excel (with a BOM), and opening a row in the calculator. The aggregation's
// arithmetic is tested natively (core/tests/portfolio.rs).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { launch, openApp, ROOT } from './harness.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/** 20 projects from the templates, varied (name, storeys, wall K), as {name, text}. */
function portfolioFiles() {
  const dir = path.join(ROOT, 'core/data/templates');
  const templates = fs.readdirSync(dir).map((f) => JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')));
  const out = [];
  for (let i = 0; i < 20; i++) {
    const p = structuredClone(templates[i % templates.length]);
    p.name = `项目${String(i + 1).padStart(2, '0')}`;
    p.storeys = Math.max(1, (p.storeys % 12) + (i % 4));
    p.envelope.wall_u = [0.3, 0.42, 0.5, 0.7][i % 4];
    out.push({ name: `p${i + 1}.json`, text: JSON.stringify(p) });
  }
  out.push({ name: 'broken.json', text: '{"format": "greencheck/1", "storeys": ' });
  return out;
}

async function dropFiles(page, files) {
  await page.evaluate((files) => {
    const dt = new DataTransfer();
    for (const f of files) {
      const bin = atob(f.b64);
      const buf = new Uint8Array(bin.length);
      for (let i = 0; i < bin.length; i++) buf[i] = bin.charCodeAt(i);
      dt.items.add(new File([buf], f.name));
    }
    const zone = document.querySelector('[data-testid=portfolio]');
    for (const type of ['dragenter', 'dragover', 'drop']) zone.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: dt }));
  }, files.map((f) => ({ name: f.name, b64: Buffer.from(f.bytes ?? f.text).toString('base64') })));
}

test('20 projects and a model dropped on the summary page: city indicators, rows, the bad file, CSV, open', async () => {
  const app = await openApp(browser, { contextOptions: { acceptDownloads: true } });
  const { page } = app;
  try {
    await page.getByTestId('view-portfolio').click();
    await page.getByTestId('portfolio').waitFor();
    const files = portfolioFiles();
    files.push({ name: 'model.xml', bytes: fs.readFileSync(path.join(ROOT, 'core/tests/data/gbxml/ExteriorWindowRatioCW.xml')) });
    await dropFiles(page, files);
    await page.waitForFunction(() => {
      const p = document.querySelector('[data-testid=portfolio-progress]');
      return p && p.dataset.done === '22' && p.dataset.total === '22';
    });
    await page.locator('[data-testid^=city-C]').first().waitFor();
    assert.equal(await page.getByTestId('portfolio-row').count(), 21, '20 projects and the model');
    assert.match(await page.getByTestId('portfolio-invalid').innerText(), /broken\.json/);
    assert.ok(await page.locator('[data-testid^=city-C]').count() >= 10, 'the plan\'s city indicators');
    // A row's plan marks name their target (the plan table's wording, not its row id) and status; a legend says
    // what the marks mean.
    const titles = await page.locator('[data-testid=portfolio-row] .plan-marks span').evaluateAll((ss) => ss.map((s) => s.title));
    assert.ok(titles.length >= 20 * 5, `${titles.length} marks`);
    for (const title of titles) assert.match(title, /^\S.{8,}：(满足|未满足|不适用|待补充信息)$/, title);
    assert.ok(titles.some((tt) => tt.startsWith('2030年前,全市城镇新建居住建筑全面执行83%节能标准：')), 'P01 by its wording');
    assert.match(await page.getByTestId('portfolio-plan-legend').innerText(), /✓ 满足.*✗.*\?.*–/);
    // Sort by area, ascending: the first row is the smallest.
    await page.locator('button.sort', { hasText: '面积' }).click();
    const areas = await page.locator('[data-testid=portfolio-row] td:nth-child(5)').allTextContents();
    const nums = areas.map((a) => Number(a.replace(/,/g, ''))).filter((n) => Number.isFinite(n));
    assert.deepEqual(nums, [...nums].sort((a, b) => a - b));
    // Filter by name.
    await page.getByTestId('portfolio-filter').fill('项目07');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=portfolio-row]').length === 1);
    // CSV for Excel: UTF-8 with a byte-order mark, the projects in it.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('portfolio-csv').click()]);
    const csv = fs.readFileSync(await download.path());
    assert.deepEqual([...csv.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    assert.match(csv.toString('utf8'), /项目07/);
    // Open the row in the calculator.
    await page.getByTestId('portfolio-open').click();
    await page.waitForFunction(() => document.querySelector('#f-name')?.value === '项目07');
    assert.equal(await page.getByTestId('portfolio').isVisible(), false);
  } finally { await app.close(); }
  assert.deepEqual(app.errors, []);
});

test('a long list: the first 100 rows are drawn, sorting covers every row, "show all" draws the rest', async () => {
  const app = await openApp(browser);
  const { page } = app;
  try {
    await page.getByTestId('view-portfolio').click();
    await page.getByTestId('portfolio').waitFor();
    const base = portfolioFiles().slice(0, 20);
    const files = Array.from({ length: 120 }, (_, i) => {
      const p = JSON.parse(base[i % 20].text);
      p.name = `项目${String(i + 1).padStart(3, '0')}`;
      return { name: `q${i + 1}.json`, text: JSON.stringify(p) };
    });
    await dropFiles(page, files);
    await page.waitForFunction(() => document.querySelector('[data-testid=portfolio-progress]')?.dataset.done === '120');
    await page.getByTestId('portfolio-show-all').waitFor();
    assert.equal(await page.getByTestId('portfolio-row').count(), 100);
    assert.match(await page.getByTestId('portfolio-show-all').innerText(), /100 \/ 120/);
    // Sorted by name, descending: the last project of all 120 comes first although it was read last.
    const byName = page.locator('button.sort', { hasText: '项目' });
    await byName.click();
    await byName.click();
    await page.waitForFunction(() => document.querySelector('[data-testid=portfolio-row] td')?.textContent.includes('项目120'));
    await page.getByTestId('portfolio-show-all').click();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=portfolio-row]').length === 120);
    assert.equal(await page.getByTestId('portfolio-show-all').count(), 0);
  } finally { await app.close(); }
  assert.deepEqual(app.errors, []);
});

test('reporting years and counties: the progress of each side by side, and one year or county summarised and listed', async () => {
  const app = await openApp(browser);
  const { page } = app;
  try {
    await page.getByTestId('view-portfolio').click();
    await page.getByTestId('portfolio').waitFor();
    // 11 projects: 2024 (淇县), 2025 (3 淇县, 2 浚县), 2026 (1 淇县, 2 浚县), 2027 (浚县), one with neither.
    const years = [2025, 2025, 2025, 2025, 2025, 2026, 2026, 2026, 2024, 2027, null];
    const counties = ['淇县', '淇县', '淇县', '浚县', '浚县', '淇县', '浚县', '浚县', '淇县', '浚县', null];
    const files = portfolioFiles().slice(0, 11).map((f, i) => {
      const p = JSON.parse(f.text);
      p.plan = { ...(p.plan ?? {}) };
      if (years[i] !== null) p.plan.year = years[i];
      if (counties[i] !== null) p.plan.district = counties[i];
      return { name: f.name, text: JSON.stringify(p) };
    });
    await dropFiles(page, files);
    await page.getByTestId('portfolio-by-year').waitFor();
    const card = page.getByTestId('portfolio-by-year');
    const heads = (c) => c.locator('thead th').allTextContents();
    const counts = (c) => c.locator('tbody tr').first().locator('td').allTextContents();
    assert.deepEqual(await heads(card), ['统计年度', '2024', '2025', '2026', '2027', '未填年度']);
    assert.deepEqual(await counts(card), ['1', '5', '3', '1', '1']);
    // Each year's cell of an indicator carries its status; the "not given" column has a fixed id.
    const cell = card.locator('[data-testid="by-year-2026-C04"]');
    assert.match(await cell.getAttribute('data-status'), /^(meets|does_not_meet|needs_input|not_applicable)$/);
    assert.equal(await card.locator('[data-testid="by-year-none-C04"]').count(), 1);
    assert.equal(await page.getByTestId('portfolio-row').count(), 11);
    // One year: the city indicators and the rows are that year's.
    await page.getByTestId('portfolio-year').selectOption('2026');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=portfolio-row]').length === 3);
    const scope = await page.getByTestId('portfolio-scope').innerText();
    assert.match(scope, /统计年度 2026/);
    assert.match(scope, /项目 3/);
    assert.match(scope, /未计入） 8/);
    // The table of every year stays as it was (no county is chosen).
    assert.deepEqual(await counts(card), ['1', '5', '3', '1', '1']);
    // The city value of the year is the year's column of the progress table.
    const yearValue = (await cell.innerText()).replace(/\s*[✓✗?–]$/, '');
    const cityValue = await page.getByTestId('city-C04').locator('td').first().innerText();
    assert.equal(cityValue, yearValue);
    // Within 2026, each county: 浚县 2, 淇县 1 (浚县 U+6D5A sorts first).
    const byCounty = page.getByTestId('portfolio-by-district');
    assert.deepEqual(await heads(byCounty), ['所属县区', '浚县', '淇县']);
    assert.deepEqual(await counts(byCounty), ['2', '1']);
    // And one county in that year.
    await page.getByTestId('portfolio-district').selectOption('淇县');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=portfolio-row]').length === 1);
    assert.match(await page.getByTestId('portfolio-scope').innerText(), /统计年度 2026 · 所属县区 淇县 · 项目 1/);
    // 淇县 over the years: 1 in 2024, 3 in 2025, 1 in 2026.
    assert.deepEqual(await heads(card), ['统计年度', '2024', '2025', '2026']);
    assert.deepEqual(await counts(card), ['1', '3', '1']);
    // The choices keep showing what is chosen when their lists change: 淇县, then 浚县, then 2027, a year in
    // which only 浚县 reports (the county list shrinks to it), and the same the other way round with 2024.
    for (const [first, second, year] of [['淇县', '浚县', '2027'], ['浚县', '淇县', '2024']]) {
      await page.getByTestId('portfolio-year').selectOption('');
      await page.getByTestId('portfolio-district').selectOption(first);
      await page.waitForFunction(() => document.querySelectorAll('[data-testid=portfolio-row]').length === 5);
      await page.getByTestId('portfolio-district').selectOption(second);
      await page.waitForFunction((d) => document.querySelector('[data-testid=portfolio-scope]').innerText.includes(d), second);
      await page.getByTestId('portfolio-year').selectOption(year);
      await page.waitForFunction(() => document.querySelectorAll('[data-testid=portfolio-row]').length === 1);
      assert.equal(await page.getByTestId('portfolio-district').inputValue(), second, `${first} → ${second} → ${year}`);
      assert.equal(await page.getByTestId('portfolio-year').inputValue(), year);
      assert.match(await page.getByTestId('portfolio-scope').innerText(), new RegExp(`统计年度 ${year} · 所属县区 ${second} · 项目 1`));
    }
    // Back to everything.
    await page.getByTestId('portfolio-year').selectOption('');
    await page.getByTestId('portfolio-district').selectOption('');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=portfolio-row]').length === 11);
    assert.doesNotMatch(await page.getByTestId('portfolio-scope').innerText(), /统计年度|所属县区/);
  } finally { await app.close(); }
  assert.deepEqual(app.errors, []);
});
