// Loader for the hosted page: instantiate the wasm (relative URL) and register the offline service worker.
import init from './pkg/greencheck.js';
import { showLoadFailure } from './boot.js';

// The page says "loading" until the app replaces it (src/lib.rs); a failure to load is said, not left blank.
init().catch(showLoadFailure);

if ('serviceWorker' in navigator && (location.protocol === 'https:' || location.protocol === 'http:')) {
  navigator.serviceWorker.register('./sw.js').catch(() => { /* offline cache is an enhancement only */ });
}
