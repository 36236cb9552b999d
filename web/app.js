// Loader for the hosted page: instantiate the wasm (relative URL) and register the offline service worker.
import init from './pkg/greencheck.js';

init();

if ('serviceWorker' in navigator && (location.protocol === 'https:' || location.protocol === 'http:')) {
  navigator.serviceWorker.register('./sw.js').catch(() => { /* offline cache is an enhancement only */ });
}
