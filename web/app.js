// Loader for the hosted page: instantiate the wasm (relative URL) and register the offline service worker.
import { showLoadFailure } from './boot.js';

// The BIM (gbXML) importer is a WebAssembly module of its own, loaded on first use: most visits never open a model,
// so the calculator's first load does not carry it. The app calls greencheck.importGbxml (src/browser.rs).
let importer;
function loadImporter() {
  importer ??= import('./importer/greencheck_import.js').then(async (m) => { await m.default(); return m; });
  importer.catch(() => { importer = undefined; }); // a failed load can be retried
  return importer;
}
globalThis.greencheck = {
  importGbxml(bytes, name, base) {
    const copy = bytes.slice(); // a view into the app's memory, which may move before the module is ready
    return loadImporter().then((m) => m.import_gbxml(copy, name, base));
  },
  loadImporter,
};

// A sign that a file is about to be opened — files dragged over the page, the pointer on or the focus in an
// Open control — starts loading the importer, so that a model chosen in the file dialog or dropped a moment
// later does not wait for it (≈ 100 ms on a fast machine, the download on a slow network); the first load still
// does not carry it.
const OPEN_CONTROLS = 'label[for="open-file"], #open-file, label[for="portfolio-files"], label[for="portfolio-folder"]';
const INTENT = ['dragenter', 'pointerover', 'focusin'];
function onIntent(e) {
  const files = e.type === 'dragenter' && e.dataTransfer?.types?.includes('Files');
  if (!files && !(e.target instanceof Element && e.target.closest(OPEN_CONTROLS))) return;
  for (const type of INTENT) document.removeEventListener(type, onIntent, true);
  // Once loaded, a small model is imported and thrown away: the browser compiles the module's functions on
  // their first call, which the user's model would otherwise wait for.
  globalThis.greencheck.warmed = loadImporter().then((m) => { m.warm_up(); }).catch(() => { /* said when a model is opened */ });
}
for (const type of INTENT) document.addEventListener(type, onIntent, true);

// The page says "loading" until the app replaces it (src/lib.rs). The glue is imported dynamically so that a failure
// to fetch it, like a failure to fetch or compile the wasm, is said instead of leaving the page loading forever.
import('./pkg/greencheck.js').then((glue) => glue.default()).catch(showLoadFailure);

if ('serviceWorker' in navigator && (location.protocol === 'https:' || location.protocol === 'http:')) {
  navigator.serviceWorker.register('./sw.js').catch(() => { /* offline cache is an enhancement only */ });
}
