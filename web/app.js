// Loader for the hosted page: instantiate the wasm (relative URL) and register the offline service worker.
import { showLoadFailure } from './boot.js';

// The BIM (gbXML) importer is a WebAssembly module of its own, loaded on first use: most visits never open a model,
// so the calculator's first load does not carry it. The app calls greencheck.importGbxml (src/browser.rs).
let importer;
globalThis.greencheck = {
  importGbxml(bytes, name, base) {
    const copy = bytes.slice(); // a view into the app's memory, which may move before the module is ready
    importer ??= import('./importer/greencheck_import.js').then(async (m) => { await m.default(); return m; });
    importer.catch(() => { importer = undefined; }); // a failed load can be retried
    return importer.then((m) => m.import_gbxml(copy, name, base));
  },
};

// The page says "loading" until the app replaces it (src/lib.rs). The glue is imported dynamically so that a failure
// to fetch it, like a failure to fetch or compile the wasm, is said instead of leaving the page loading forever.
import('./pkg/greencheck.js').then((glue) => glue.default()).catch(showLoadFailure);

if ('serviceWorker' in navigator && (location.protocol === 'https:' || location.protocol === 'http:')) {
  navigator.serviceWorker.register('./sw.js').catch(() => { /* offline cache is an enhancement only */ });
}
