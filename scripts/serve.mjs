// Minimal static file server for dist/ (used by `make run` and the e2e tests). Loopback only.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import crypto from 'node:crypto';
import { fileURLToPath } from 'node:url';

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.wasm': 'application/wasm', '.json': 'application/json', '.svg': 'image/svg+xml',
  '.png': 'image/png', '.txt': 'text/plain; charset=utf-8',
};

// Served gzip-compressed when the client accepts it and `gzip` is on (what a production web server does).
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.wasm', '.json', '.svg', '.txt']);

/**
 * Serves `root` on 127.0.0.1:`port` (0 = any free port) under the URL path `prefix` (e.g. '/a/b/', to prove the
 * app works from a sub-path); resolves to { server, url }. With `{ gzip: true }`, compressible files are sent with
 * `Content-Encoding: gzip` (level 9, as dist/sizes.json counts them) to clients that accept it — the browser
 * benchmark's throttled-network load needs the bytes a real deployment would send.
 */
export function startServer(root, port = 0, prefix = '/', { gzip = false } = {}) {
  const base = path.resolve(root);
  const gzipped = new Map();
  const server = http.createServer((req, res) => {
    let rel;
    try { rel = decodeURIComponent(new URL(req.url, 'http://x').pathname); } catch { res.writeHead(400).end(); return; }
    if (!rel.startsWith(prefix)) { res.writeHead(404).end(); return; }
    rel = '/' + rel.slice(prefix.length);
    if (rel.endsWith('/')) rel += 'index.html';
    const file = path.resolve(base, '.' + rel);
    if (!file.startsWith(base + path.sep)) { res.writeHead(403).end(); return; }
    fs.readFile(file, (err, body) => {
      if (err) { res.writeHead(404, { 'content-type': 'text/plain' }).end('not found'); return; }
      const headers = { 'content-type': TYPES[path.extname(file)] || 'application/octet-stream', 'cache-control': 'no-cache' };
      if (gzip && COMPRESSIBLE.has(path.extname(file)) && /\bgzip\b/.test(req.headers['accept-encoding'] || '')) {
        // Cached per content (a rebuilt dist/ is picked up), so compression time stays out of measured loads.
        const key = crypto.createHash('sha1').update(body).digest('hex');
        if (!gzipped.has(key)) gzipped.set(key, zlib.gzipSync(body, { level: 9 }));
        body = gzipped.get(key);
        Object.assign(headers, { 'content-encoding': 'gzip', vary: 'accept-encoding' });
      }
      res.writeHead(200, headers);
      res.end(body);
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve({ server, url: `http://127.0.0.1:${server.address().port}${prefix}` }));
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2] || 'dist';
  const port = Number(process.env.PORT || 8080);
  const { url } = await startServer(dir, port, '/', { gzip: true });
  console.log(`greencheck is served at ${url}  (Ctrl+C to stop)`);
}
