// Assembles dist/ from the wasm-pack output in pkg/: copies the hosted page, writes the service worker with a
// content-versioned cache, builds the self-contained greencheck.html, and prints raw and gzip sizes.
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import zlib from 'node:zlib';

const [pkg, dist, pkgImport] = [process.argv[2] || 'pkg', process.argv[3] || 'dist', process.argv[4] || 'pkg-import'];
const read = (p) => fs.readFileSync(p);
const sha256b64 = (s) => crypto.createHash('sha256').update(s).digest('base64');

fs.rmSync(dist, { recursive: true, force: true });
fs.mkdirSync(path.join(dist, 'pkg'), { recursive: true });
fs.mkdirSync(path.join(dist, 'styles'), { recursive: true });
fs.copyFileSync('index.html', path.join(dist, 'index.html'));
fs.copyFileSync('web/app.js', path.join(dist, 'app.js'));
fs.copyFileSync('web/boot.js', path.join(dist, 'boot.js'));
for (const f of fs.readdirSync('styles')) fs.copyFileSync(path.join('styles', f), path.join(dist, 'styles', f));
for (const f of ['greencheck.js', 'greencheck_bg.wasm']) fs.copyFileSync(path.join(pkg, f), path.join(dist, 'pkg', f));
// The BIM importer: its own module, loaded by the page on first use (web/app.js), cached for offline use.
fs.mkdirSync(path.join(dist, 'importer'), { recursive: true });
for (const f of ['greencheck_import.js', 'greencheck_import_bg.wasm']) fs.copyFileSync(path.join(pkgImport, f), path.join(dist, 'importer', f));

// Service worker: cache name carries a hash of every shell file, so a new build replaces the old cache.
const shell = ['index.html', 'app.js', 'boot.js', 'pkg/greencheck.js', 'pkg/greencheck_bg.wasm',
  'importer/greencheck_import.js', 'importer/greencheck_import_bg.wasm',
  ...fs.readdirSync(path.join(dist, 'styles')).map((f) => `styles/${f}`)];
const h = crypto.createHash('sha256');
for (const f of shell) h.update(read(path.join(dist, f)));
const version = h.digest('hex').slice(0, 12);
const sw = fs.readFileSync('web/sw.js', 'utf8')
  .replace("'__CACHE__'", `'greencheck-${version}'`)
  .replace('= __ASSETS__;', `= ${JSON.stringify(['./', ...shell.map((f) => `./${f}`)])};`);
fs.writeFileSync(path.join(dist, 'sw.js'), sw);

// Single file for file://: inline CSS, the glue as a module script and the wasm as base64 (initSync).
const esc = (s, tag) => s.replace(new RegExp(`</${tag}`, 'gi'), `<\\/${tag}`);
const css = esc(fs.readdirSync('styles').map((f) => fs.readFileSync(path.join('styles', f), 'utf8')).join('\n'), 'style');
const glue = fs.readFileSync(path.join(pkg, 'greencheck.js'), 'utf8');
const wasm64 = read(path.join(pkg, 'greencheck_bg.wasm')).toString('base64');
const boot = fs.readFileSync('web/boot.js', 'utf8').replace('export function', 'function');
const script = esc(`${glue}\n${boot}\n;(() => {\n  try {\n    const b = atob('${wasm64}');\n    const bytes = new Uint8Array(b.length);\n`
  + '    for (let i = 0; i < b.length; i++) bytes[i] = b.charCodeAt(i);\n    initSync({ module: bytes });\n'
  + '  } catch (e) { showLoadFailure(e); }\n})();\n', 'script');
// The importer in the single file: its glue in a module of its own (its names would clash with the app's), the
// wasm as base64 decoded only when a model is opened; greencheck.importGbxml as in web/app.js.
const importGlue = fs.readFileSync(path.join(pkgImport, 'greencheck_import.js'), 'utf8');
const import64 = read(path.join(pkgImport, 'greencheck_import_bg.wasm')).toString('base64');
const importScript = esc(`${importGlue}\n;let ready = false;\nglobalThis.greencheck = {\n  async importGbxml(bytes, name, base) {\n`
  + `    if (!ready) {\n      const b = atob('${import64}');\n      const w = new Uint8Array(b.length);\n`
  + '      for (let i = 0; i < b.length; i++) w[i] = b.charCodeAt(i);\n      initSync({ module: w });\n      ready = true;\n    }\n'
  + '    return import_gbxml(bytes.slice(), name, base);\n  },\n};\n', 'script');
const csp = `default-src 'none'; script-src 'sha256-${sha256b64(script)}' 'sha256-${sha256b64(importScript)}' 'wasm-unsafe-eval'; `
  + `style-src 'sha256-${sha256b64(css)}'; img-src data: blob:; base-uri 'none'; form-action 'none'`;
const page = fs.readFileSync('index.html', 'utf8')
  .replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, `<meta http-equiv="Content-Security-Policy" content="${csp}">`)
  .replace(/<link rel="stylesheet"[^>]*>/, () => `<style>${css}</style>`)
  .replace(/<script type="module" src="[^"]*"><\/script>/, '')
  .replace(/<!-- Fetch the wasm[\s\S]*?-->\n/, '')
  .replace(/<link rel="(?:modulepreload|preload)"[^>]*>\n/g, '')
  .replace('</body>', () => `<script type="module">${importScript}</script>\n<script type="module">${script}</script>\n</body>`);
if (page.includes('src="./') || page.includes('href="./')) throw new Error('single file still references a local file');
fs.writeFileSync(path.join(dist, 'greencheck.html'), page);

// Sizes: what a browser downloads for the hosted page (wasm + JS + CSS), raw and gzip -9.
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
let raw = 0; let gz = 0;
console.log('dist sizes (raw / gzip):');
for (const f of ['pkg/greencheck_bg.wasm', 'pkg/greencheck.js', 'app.js', 'boot.js', 'sw.js', ...shell.filter((s) => s.startsWith('styles/'))]) {
  const b = read(path.join(dist, f)); const g = zlib.gzipSync(b, { level: 9 }).length;
  if (f !== 'sw.js') { raw += b.length; gz += g; }
  console.log(`  ${f.padEnd(26)} ${kb(b.length).padStart(10)} / ${kb(g).padStart(9)}`);
}
const single = read(path.join(dist, 'greencheck.html'));
console.log(`  ${'greencheck.html'.padEnd(26)} ${kb(single.length).padStart(10)} / ${kb(zlib.gzipSync(single, { level: 9 }).length).padStart(9)}`);
console.log(`wasm + JS + CSS: ${kb(raw)} raw, ${kb(gz)} gzip`);
let importRaw = 0; let importGz = 0;
for (const f of ['importer/greencheck_import_bg.wasm', 'importer/greencheck_import.js']) {
  const b = read(path.join(dist, f)); importRaw += b.length; importGz += zlib.gzipSync(b, { level: 9 }).length;
}
console.log(`BIM importer, loaded on first use: ${kb(importRaw)} raw, ${kb(importGz)} gzip`);
fs.writeFileSync(path.join(dist, 'sizes.json'), JSON.stringify({ raw_bytes: raw, gzip_bytes: gz, importer_raw_bytes: importRaw, importer_gzip_bytes: importGz }));
