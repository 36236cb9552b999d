// Shown when the app cannot start (no WebAssembly, or the first visit went offline mid-way): the page's "loading"
// placeholder becomes an alert instead of a page that never finishes loading. Used by app.js and, inlined, by the
// single-file build.
export function showLoadFailure(error) {
  console.error('greencheck: the app could not load', error);
  const boot = document.querySelector('[data-testid=boot]');
  if (!boot) return;
  boot.setAttribute('role', 'alert');
  boot.className = 'boot failed';
  boot.textContent = '计算器未能加载：需要支持 WebAssembly 的较新浏览器，并请检查网络后刷新。'
    + ' · The calculator could not load: it needs a recent browser with WebAssembly; check the connection and reload.';
}
