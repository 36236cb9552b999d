// Loader for the hosted page: instantiate the wasm (relative URL) and register the offline service worker.
import { showLoadFailure } from './boot.js';

// The page says "loading" until the app replaces it (src/lib.rs). The glue is imported dynamically so that a failure
// to fetch it, like a failure to fetch or compile the wasm, is said instead of leaving the page loading forever.
import('./pkg/greencheck.js').then((glue) => glue.default()).catch(showLoadFailure);

if ('serviceWorker' in navigator && (location.protocol === 'https:' || location.protocol === 'http:')) {
  navigator.serviceWorker.register('./sw.js').catch(() => { /* offline cache is an enhancement only */ });
}
