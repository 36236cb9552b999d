// The calculator as a designer uses it: inputs → verdict, templates, orientation, suggestions, language,
// autosave, save/open, share links, print, embed. Each test runs in a fresh browser context.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { launch, openApp, verdictOf, waitVerdict, waitCheck, waitCards, ARTIFACTS, serve } from './harness.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('entering a design changes the verdict on every keystroke', async () => {
  const app = await openApp(browser);
  const { page } = app;
  try {
    assert.equal(await verdictOf(page), 'complies');
    // Wall K 0.70 > C.0.1 basic 0.60 (residential): no trade-off possible.
    await page.locator('#f-envelope-wall_u').fill('0.7');
    await waitVerdict(page, 'fails');
    await waitCheck(page, 'u.wall', 'fail');
    await waitCheck(page, 'basic.wall_u', 'fail');
    // 0.5: over the prescriptive 0.45 (> 3 storeys, table 3.1.8-5) but within 0.60 → trade-off.
    await page.locator('#f-envelope-wall_u').fill('0.5');
    await waitVerdict(page, 'tradeoff');
    // A trade-off verdict says how the estimate sees it (ratio and outlook).
    assert.match(await page.getByTestId('verdict-outlook').innerText(), /能耗比.*0\.\d{3}/);
    // Typing character by character (input events, not blur): "0.4" passes again.
    await page.locator('#f-envelope-wall_u').fill('');
    await page.locator('#f-envelope-wall_u').pressSequentially('0.4');
    await waitVerdict(page, 'complies');
    // South WWR 0.55 > 0.50 (3.1.4) → trade-off; 0.65 > 0.60 (C.0.1-4) → fails.
    await page.locator('#f-facades-A-wwr').fill('0.55');
    await waitCheck(page, 'wwr.A', 'fail');
    await page.locator('#f-facades-A-wwr').fill('0.65');
    await waitVerdict(page, 'fails');
    assert.deepEqual(app.errors, []);
  } finally { await app.close(); }
});

test('each template loads and is evaluated', async () => {
  const app = await openApp(browser);
  const { page } = app;
  try {
    for (const [value, name] of [['villa', '低层别墅'], ['office', '办公'], ['residential_highrise', '1号住宅楼']]) {
      await page.getByTestId('template').selectOption(value);
      await page.waitForFunction((n) => document.querySelector('#f-name').value.includes(n), name);
      await waitCards(page);
      assert.ok(['complies', 'tradeoff', 'fails', 'incomplete'].includes(await verdictOf(page)));
      assert.ok(await page.locator('[data-testid^="check-"]').count() > 10);
    }
    // Loading a template never loses the project it replaces: it can be restored.
    await page.locator('#f-name').fill('我的方案');
    await page.getByTestId('template').selectOption('office');
    await page.waitForFunction(() => document.querySelector('#f-name').value === '办公楼');
    await page.getByTestId('restore-backup').click();
    await page.waitForFunction(() => document.querySelector('#f-name').value === '我的方案');
    // The villa (3 storeys) uses the ≤ 3 storeys column: wall K ≤ 0.35.
    await page.getByTestId('template').selectOption('villa');
    await page.waitForFunction(() => document.querySelector('#f-name').value === '低层别墅');
    await waitCards(page);
    assert.match(await page.getByTestId('check-u.wall').innerText(), /0\.35/);
  } finally { await app.close(); }
});

test('turning the orientation moves facade A from south to west', async () => {
  const app = await openApp(browser);
  const { page } = app;
  try {
    const classOfA = () => page.locator('[data-testid=plan-view] [data-facade=A]').getAttribute('data-orientation');
    assert.equal(await classOfA(), 'S');
    // 210° is still south (B.0.5: South = [150°, 210°]); 211° is west.
    await page.locator('#f-geometry-orientation_deg').fill('210');
    await page.waitForFunction(() => document.querySelector('[data-facade=A]').dataset.orientation === 'S');
    await page.locator('#f-geometry-orientation_deg').fill('225');
    await page.waitForFunction(() => document.querySelector('[data-facade=A]').dataset.orientation === 'W');
    // A at 225° is west: its WWR 0.45 now exceeds the east/west limit 0.35 → trade-off.
    await waitCheck(page, 'wwr.A', 'fail');
    assert.match(await page.getByTestId('check-wwr.A').innerText(), /0\.350/);
    await page.screenshot({ path: path.join(ARTIFACTS, 'orientation-225.png'), fullPage: false });
    // The slider drives the same value.
    await page.locator('.field:has(#f-geometry-orientation_deg) .slider').fill('90');
    await page.waitForFunction(() => document.querySelector('[data-facade=A]').dataset.orientation === 'E');
  } finally { await app.close(); }
});

test('applying a suggestion fixes the failing check', async () => {
  const app = await openApp(browser);
  const { page } = app;
  try {
    await page.locator('#f-envelope-roof_u').fill('0.4');
    await waitCheck(page, 'u.roof', 'fail');
    const apply = page.locator('tr.suggestion button[data-field="envelope.roof_u"]').first();
    await apply.click();
    await waitCheck(page, 'u.roof', 'pass');
    assert.equal(await page.locator('#f-envelope-roof_u').inputValue(), '0.3');
  } finally { await app.close(); }
});

test('language toggle switches every label and is remembered', async () => {
  const app = await openApp(browser);
  const { page } = app;
  try {
    assert.match(await page.locator('h1').first().innerText(), /鹤壁/);
    await page.getByTestId('lang').click();
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    assert.match(await page.locator('h1').first().innerText(), /Hebi building energy/);
    assert.match(await page.getByTestId('verdict').innerText(), /Complies/);
    await page.reload();
    await page.getByTestId('verdict').waitFor();
    assert.match(await page.getByTestId('verdict').innerText(), /Complies/);
  } finally { await app.close(); }
});

test('autosave keeps the project and even a half-typed value across a reload', async () => {
  const app = await openApp(browser);
  const { page } = app;
  try {
    await page.locator('#f-name').fill('3号楼');
    await page.locator('#f-envelope-wall_u').fill('0.5');
    await waitVerdict(page, 'tradeoff');
    await page.locator('#f-envelope-roof_u').fill('0.2x');
    await page.reload();
    await page.getByTestId('verdict').waitFor();
    assert.equal(await page.locator('#f-name').inputValue(), '3号楼');
    assert.equal(await page.locator('#f-envelope-wall_u').inputValue(), '0.5');
    assert.equal(await page.locator('#f-envelope-roof_u').inputValue(), '0.2x');
    assert.equal(await verdictOf(page), 'tradeoff');
  } finally { await app.close(); }
});

test('save downloads the project and open loads it back', async () => {
  const app = await openApp(browser);
  const { page } = app;
  try {
    await page.locator('#f-name').fill('往返测试');
    await page.locator('#f-envelope-wall_u').fill('0.5');
    await waitVerdict(page, 'tradeoff');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('save').click()]);
    const file = path.join(ARTIFACTS, 'saved-project.json');
    await download.saveAs(file);
    const saved = JSON.parse(fs.readFileSync(file, 'utf8'));
    assert.equal(saved.format, 'greencheck/1');
    assert.equal(saved.name, '往返测试');
    assert.equal(saved.envelope.wall_u, 0.5);
    await page.getByTestId('template').selectOption('office');
    await page.waitForFunction(() => document.querySelector('#f-name').value !== '往返测试');
    await page.getByTestId('open').setInputFiles(file);
    await page.waitForFunction(() => document.querySelector('#f-name').value === '往返测试');
    await waitVerdict(page, 'tradeoff');
    // A broken file changes nothing and says why.
    await page.getByTestId('open').setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from('{"format": "greencheck/1", "storeys": ') });
    await page.waitForFunction(() => /无法打开该文件/.test(document.querySelector('[data-testid=notice]')?.innerText || ''));
    assert.equal(await page.locator('#f-name').inputValue(), '往返测试');
  } finally { await app.close(); }
});

test('a share link carries the project in the fragment and opens it elsewhere', async () => {
  const app = await openApp(browser);
  const { page } = app;
  try {
    await page.locator('#f-name').fill('分享的项目');
    await page.locator('#f-facades-A-wwr').fill('0.55');
    await waitVerdict(page, 'tradeoff');
    await page.getByTestId('share').click();
    const link = await page.getByTestId('share-url').inputValue();
    assert.match(link, /#p=[A-Za-z0-9_-]+$/);
    // A new visitor (fresh context, no local work) opens the project directly.
    const other = await browser.newContext();
    const p2 = await other.newPage();
    const seen = [];
    p2.on('request', (r) => seen.push(r.url()));
    await p2.goto(link);
    await p2.waitForFunction(() => document.querySelector('#f-name')?.value === '分享的项目');
    assert.equal(await verdictOf(p2), 'tradeoff');
    assert.ok(seen.every((u) => !u.includes('#p=') && !u.includes('p=')), 'the project never reaches the server');
    await other.close();
    // Someone with local work is asked first, and can keep theirs.
    await page.getByTestId('template').selectOption('office');
    await page.goto(link);
    await page.getByTestId('link-keep').click();
    assert.notEqual(await page.locator('#f-name').inputValue(), '分享的项目');
    // … or open it, keeping theirs as a restorable backup.
    await page.goto(link);
    await page.getByTestId('link-open').click();
    await page.waitForFunction(() => document.querySelector('#f-name').value === '分享的项目');
    await page.getByTestId('restore-backup').click();
    await page.waitForFunction(() => document.querySelector('#f-name').value !== '分享的项目');
    // A corrupt link is reported and changes nothing.
    const before = await page.locator('#f-name').inputValue();
    await page.goto(link.replace(/#p=.*/, '#p=not-a-valid-link'));
    await page.waitForFunction(() => /分享链接无法读取/.test(document.querySelector('[data-testid=notice]')?.innerText || ''));
    assert.equal(await page.locator('#f-name').inputValue(), before);
  } finally { await app.close(); }
});

test('print produces an A4 self-check report without controls', async () => {
  const app = await openApp(browser);
  const { page } = app;
  try {
    await page.locator('#f-envelope-wall_u').fill('0.5');
    await waitVerdict(page, 'tradeoff');
    // The reporting year and county (plan section) print in the header: the report goes to that county.
    await page.locator('details', { hasText: '鹤壁方案' }).first().locator('summary').first().click();
    await page.locator('#f-plan-year').fill('2026');
    await page.locator('#f-plan-district').fill(' 淇滨区 ');
    await page.waitForFunction(() => document.querySelector('[data-testid=print-reporting]')?.textContent === '统计年度 2026 · 所属县区 淇滨区');
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.locator('.toolbar').isVisible(), false);
    assert.equal(await page.locator('.slider').first().isVisible(), false);
    assert.equal(await page.locator('.print-header').isVisible(), true);
    assert.match(await page.locator('.print-header').innerText(), /节能设计自检报告/);
    // The report's notes print: the estimate's method and disclaimer, the ladder's provisional basis, the plan's
    // document; page help does not.
    assert.match(await page.locator('.card.energy .note').innerText(), /不代替认证软件/);
    assert.equal(await page.locator('.card.ladder .note').first().isVisible(), true);
    assert.match(await page.locator('.card.plan-card .note').innerText(), /鹤建综/);
    assert.equal(await page.locator('.note.no-print').first().isVisible(), false);
    // The sensitivity chart names its parameter where the (hidden) select was.
    assert.match(await page.getByTestId('sens-param-printed').innerText(), /\S/);
    // The sources name the weather of the project's city.
    assert.match(await page.getByTestId('print-provenance').innerText(), /GB\/T 50378-2019（2024年版）；气象：安阳站典型气象年/);
    const pdf = await page.pdf({ path: path.join(ARTIFACTS, 'report.pdf'), format: 'A4', printBackground: true });
    assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) || []).length;
    assert.ok(pages >= 1 && pages <= 8, `pages: ${pages}`);
    // Another city, another weather in the sources.
    await page.emulateMedia({ media: 'screen' });
    await page.locator('#f-city').selectOption('zhengzhou');
    await page.waitForFunction(() => document.querySelector('[data-testid=print-provenance]')?.textContent.includes('郑州站典型气象年'));
  } finally { await app.close(); }
});

test('embed mode hides the page chrome and posts its height to the parent', async () => {
  const { server, url } = await serve();
  const context = await browser.newContext();
  const page = await context.newPage();
  try {
    await page.goto(url + 'index.html?embed=1');
    await page.getByTestId('verdict').waitFor();
    assert.equal(await page.locator('header.chrome').count(), 0);
    const parent = await context.newPage();
    const height = await parent.evaluate((src) => new Promise((resolve) => {
      window.addEventListener('message', (e) => { if (e.data?.type === 'greencheck:height') resolve(e.data.height); });
      const f = document.createElement('iframe');
      f.src = src; f.style.width = '800px'; f.style.height = '300px';
      document.body.appendChild(f);
    }), `${url}index.html?embed=1`);
    assert.ok(height > 300, `height ${height}`);
  } finally { await context.close(); server.close(); }
});

test('energy, sensitivity, star and PV cards follow the design', async () => {
  const app = await openApp(browser);
  const { page } = app;
  try {
    const rate = async () => Number(await page.getByTestId('saving-rate').getAttribute('data-value'));
    const before = await rate();
    assert.ok(before > 0.6 && before < 0.95, `saving rate ${before}`);
    // Better envelope → lower design energy → higher estimated saving rate (reference unchanged).
    await page.locator('#f-envelope-wall_u').fill('0.25');
    await page.locator('#f-envelope-window_u').fill('1.1');
    await page.waitForFunction((b) => Number(document.querySelector('[data-testid=saving-rate]').dataset.value) > b, before);
    // The sensitivity chart marks the current value of the chosen parameter.
    await page.getByTestId('sens-param').selectOption('wall_u');
    // The curve follows after typing pauses (off the keystroke path) while the card is on screen, then marks the
    // current value.
    await page.getByTestId('sensitivity').scrollIntoViewIfNeeded();
    await page.waitForFunction(() => document.querySelector('[data-testid=sensitivity]')?.dataset.param === 'wall_u');
    await page.waitForFunction(() => document.querySelector('[data-testid=sens-current]')?.dataset.x === '0.25');
    assert.ok(await page.locator('[data-testid=sens-chart] rect[class^=band-]').count() > 10);
    // PV: 1000 m² of installable roof, 500 m² of modules at 21 % → 105 kWp.
    await page.locator('#f-pv-installable_roof_area_m2').fill('1000');
    await page.locator('#f-pv-module_area_m2').fill('500');
    await page.waitForFunction(() => /105\.0 kWp/.test(document.querySelector('[data-testid=pv-kwp]')?.innerText || ''));
    // The grid factor is data: Central China 0.5395 instead of the national 0.5366.
    // Named in the page's language, not by the table's row id.
    const note = await page.getByTestId('pv-note').innerText();
    assert.match(note, /^覆盖率按组件面积计（非水平投影） · 电网排放因子 全国平均 2022：0\.5366 kgCO₂\/kWh · MEE/);
    assert.doesNotMatch(note, /national_2022|module area/);
    await page.locator('#f-pv-grid_factor').selectOption('central_china_2022');
    await page.waitForFunction(() => /电网排放因子 华中电网 2022：0\.5395 kgCO₂\/kWh/.test(document.querySelector('[data-testid=pv-note]').innerText));
    // Star level: prerequisites unticked → below basic; ticking them raises it.
    assert.equal(await page.getByTestId('star-level').getAttribute('data-level'), 'none');
    // The edition is named as in the standard (it once showed the enum's debug name "E2024").
    assert.match(await page.getByTestId('star-level').innerText(), /· GB\/T 50378-2019（2024年版）$/);
    await page.locator('summary', { hasText: '绿色建筑自评' }).click();
    // Absent choices show their defaults (2024 edition, pre-assessment); an optional one shows "—" (not given).
    assert.equal(await page.locator('#f-green-edition').inputValue(), '2024');
    assert.equal(await page.locator('#f-green-stage').inputValue(), 'pre');
    assert.equal(await page.locator('#f-green-sound_insulation').inputValue(), '');
    assert.equal(await page.getByTestId('sens-param').inputValue(), 'wall_u');
    await page.locator('#f-green-prerequisites_met').check();
    await page.waitForFunction(() => document.querySelector('[data-testid=star-level]').dataset.level !== 'none');
    await page.locator('#f-green-edition').selectOption('2019');
    await page.waitForFunction(() => /· GB\/T 50378-2019$/.test(document.querySelector('[data-testid=star-level]').innerText));
    await page.locator('#f-green-edition').selectOption('2024');
    await page.screenshot({ path: path.join(ARTIFACTS, 'cards.png'), fullPage: true });
  } finally { await app.close(); }
});

test('measured-areas mode: convert the box, edit a facade, add and remove facades', async () => {
  const app = await openApp(browser);
  const { page } = app;
  try {
    const before = await page.getByTestId('check-shape_factor').innerText();
    await page.getByTestId('geometry-mode').selectOption('areas');
    await page.locator('#f-geometry-floor_area_m2').waitFor();
    // 60 × 12 m × 18 storeys = 12 960 m²; the converted model gives the same checks.
    assert.equal(await page.locator('#f-geometry-floor_area_m2').inputValue(), '12960');
    await waitCards(page);
    assert.equal(await page.getByTestId('check-shape_factor').innerText(), before);
    assert.equal(await verdictOf(page), 'complies');
    await page.locator('#f-geometry-facades-0--azimuth_deg').fill('225');
    await page.waitForFunction(() => document.querySelector('[data-facade=A]')?.dataset.orientation === 'W');
    await waitCheck(page, 'wwr.A', 'fail');
    await page.getByTestId('add-facade').click();
    await page.locator('[data-facade=F5]').waitFor();
    await page.getByRole('button', { name: /删除立面 F5/ }).click();
    await page.locator('[data-facade=F5]').waitFor({ state: 'detached' });
    await page.screenshot({ path: path.join(ARTIFACTS, 'areas-mode.png') });
    await page.getByTestId('geometry-mode').selectOption('box');
    await page.locator('#f-geometry-length_m').waitFor();
    assert.equal(await page.locator('#f-storeys').inputValue(), '18');
    assert.deepEqual(app.errors, []);
  } finally { await app.close(); }
});

test('on a phone a compact verdict stays in view while scrolling the form', async () => {
  const app = await openApp(browser, { contextOptions: { viewport: { width: 360, height: 740 } } });
  const { page } = app;
  try {
    const mini = page.getByTestId('mini-verdict');
    await page.locator('#f-envelope-wall_u').fill('0.5');
    await page.waitForFunction(() => /需进行权衡判断/.test(document.querySelector('[data-testid=mini-verdict]').innerText));
    await page.locator('#f-pv-system_loss').scrollIntoViewIfNeeded();
    const box = await mini.boundingBox();
    assert.ok(box && box.y >= 0 && box.y < 5, `mini verdict at y=${box?.y}`);
    await page.setViewportSize({ width: 1280, height: 800 });
    assert.equal(await mini.isVisible(), false);
  } finally { await app.close(); }
});

test('a link made by the browser itself (CompressionStream deflate-raw + base64url) opens the project', async () => {
  const app = await openApp(browser);
  const { page, context, url } = app;
  try {
    const fragment = await page.evaluate(async () => {
      const project = {
        format: 'greencheck/1', name: '外部工具生成', city: 'hebi', use: 'office', storeys: 4, storey_height_m: 3.6,
        geometry: { mode: 'box', length_m: 40, depth_m: 18, orientation_deg: 200 },
        facades: { A: { wwr: 0.4 }, B: { wwr: 0.2 }, C: { wwr: 0.3 }, D: { wwr: 0.2 } },
        envelope: { wall_u: 0.45, roof_u: 0.35, window_u: 2.0, window_shgc: 0.4 },
      };
      const bytes = new TextEncoder().encode(JSON.stringify(project));
      const stream = new Blob([bytes]).stream().pipeThrough(new CompressionStream('deflate-raw'));
      const packed = new Uint8Array(await new Response(stream).arrayBuffer());
      let bin = '';
      for (const b of packed) bin += String.fromCharCode(b);
      return '#p=' + btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
    });
    const other = await context.browser().newContext();
    const p2 = await other.newPage();
    await p2.goto(url + fragment);
    await p2.waitForFunction(() => document.querySelector('#f-name')?.value === '外部工具生成');
    assert.equal(await p2.locator('#f-geometry-orientation_deg').inputValue(), '200');
    await other.close();
  } finally { await app.close(); }
});

test('each language shows only its own words: no raw ids, enum names, field paths or the other language', async () => {
  // Latin words a Chinese page legitimately shows: standards, quantities, units, file types.
  const ZH_LATIN = new Set(['greencheck', 'GB', 'SHGC', 'kWh', 'kWp', 'kg', 'kgCO', 'CO', 'dB', 'JSON', 'json', 'CAD',
    'ISO', 'CSWD', 'kJ', 'Wh', 'EER', 'R_se', 'h_r', 'BIM', 'gbXML', 'Revit', 'ArchiCAD', 'SketchUp', 'OpenStudio',
    'CSV', 'Excel', 'N50', 'C_m', 'EN', 'R1C']); // EN ISO 13790's 5R1C network, the airtightness N50, thermal mass C_m
  for (const lang of ['zh', 'en']) {
    const app = await openApp(browser);
    const { page } = app;
    try {
      if (lang === 'en') {
        await page.getByTestId('lang').click();
        await page.waitForFunction(() => document.documentElement.lang === 'en');
      }
      // Every card populated: PV, a star level, a failing check with its suggestion; every fold open.
      await page.locator('#f-pv-installable_roof_area_m2').fill('1000');
      await page.locator('#f-pv-module_area_m2').fill('500');
      await page.evaluate(() => document.querySelectorAll('details').forEach((d) => { d.open = true; }));
      await page.locator('#f-green-prerequisites_met').check();
      await page.locator('#f-envelope-wall_u').fill('0.7');
      await waitCheck(page, 'u.wall', 'fail');
      await page.waitForFunction(() => document.querySelector('[data-testid=star-level]')?.dataset.level !== 'none');
      // All text, hidden too (tooltips, options), except what is marked as another language (cited sources).
      const text = await page.evaluate((pageLang) => {
        const out = [];
        const projectName = document.getElementById('f-name').value; // user data, in whatever language
        const walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        for (let n = walk.nextNode(); n; n = walk.nextNode()) {
          const el = n.parentElement;
          if (el.closest('script, style, noscript, [data-testid=lang]')) continue;
          const marked = el.closest('[lang]');
          if (marked && marked !== document.documentElement && !marked.lang.startsWith(pageLang)) continue;
          out.push(n.textContent.replace(projectName, ''));
        }
        for (const a of document.querySelectorAll('[title], [aria-label], [placeholder]')) {
          for (const k of ['title', 'aria-label', 'placeholder']) if (a.getAttribute(k)) out.push(a.getAttribute(k));
        }
        return out.join('\n');
      }, lang);
      // A string the page asks for by a key it does not have shows ⟨?⟩ (src/i18n.rs).
      assert.deepEqual(text.split('\n').filter((l) => l.includes('⟨?⟩')), [], 'a missing string');
      if (lang === 'zh') {
        const words = [...new Set(text.match(/[A-Za-z][A-Za-z0-9_.]*[A-Za-z0-9]/g) || [])].filter((w) => !ZH_LATIN.has(w))
          .filter((w) => !/^[A-Z](\.\d+)+$/.test(w) && !/^Q[0-9A]$/.test(w)); // appendix clauses (B.0.5), score categories (Q1)
        assert.deepEqual(words, [], 'English or raw words on the Chinese page');
      } else {
        const cjk = text.split('\n').filter((l) => /[\u4e00-\u9fff]/.test(l));
        assert.deepEqual(cjk, [], 'Chinese on the English page');
      }
    } finally { await app.close(); }
  }
});
