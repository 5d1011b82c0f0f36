/**
 * A small static file server for the built site on 127.0.0.1, as a static
 * host would serve it: the base path, `index.html` for directories, the
 * site's `404.html` with status 404, gzip/brotli for text (as any CDN does),
 * and long-lived caching for Astro's hashed `_astro/` assets.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { pipeline } from 'node:stream';
import { createBrotliCompress, createGzip } from 'node:zlib';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.gif': 'image/gif',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.webmanifest': 'application/manifest+json',
  '.pf_meta': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream',
  '.wasm': 'application/wasm',
};
const COMPRESSIBLE = /^(?:text\/|application\/(?:json|xml|manifest\+json)|image\/svg)/;

export interface StaticServer {
  origin: string;
  /** Origin + base path, ending in `/`. */
  url: string;
  close: () => Promise<void>;
}

export async function serveStatic(root: string, base = '/'): Promise<StaticServer> {
  const dir = path.resolve(root);
  const baseDir = base.endsWith('/') ? base : `${base}/`;
  const server: Server = createServer((req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    let file: string | undefined;
    if (pathname.startsWith(baseDir) || `${pathname}/` === baseDir) {
      const rel = pathname.slice(baseDir.length).replace(/^\/+/, '');
      const candidate = path.resolve(dir, rel);
      if (candidate.startsWith(dir)) {
        if (existsSync(candidate) && statSync(candidate).isDirectory()) {
          if (!pathname.endsWith('/')) {
            res.writeHead(301, { location: `${pathname}/` }).end();
            return;
          }
          file = path.join(candidate, 'index.html');
        } else {
          file = candidate;
        }
      }
    }
    let status = 200;
    if (!file || !existsSync(file) || !statSync(file).isFile()) {
      status = 404;
      file = path.join(dir, '404.html');
      if (!existsSync(file)) {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
        return;
      }
    }
    const type = TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
    const headers: Record<string, string> = {
      'content-type': type,
      'cache-control': pathname.includes('/_astro/')
        ? 'public, max-age=31536000, immutable'
        : 'public, max-age=0, must-revalidate',
      'x-content-type-options': 'nosniff',
    };
    const accept = String(req.headers['accept-encoding'] ?? '');
    const encoding = COMPRESSIBLE.test(type)
      ? /\bbr\b/.test(accept)
        ? 'br'
        : /\bgzip\b/.test(accept)
          ? 'gzip'
          : undefined
      : undefined;
    if (encoding) {
      headers['content-encoding'] = encoding;
      headers.vary = 'accept-encoding';
    } else {
      headers['content-length'] = String(statSync(file).size);
    }
    res.writeHead(status, headers);
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    const stream = createReadStream(file);
    if (encoding) pipeline(stream, encoding === 'br' ? createBrotliCompress() : createGzip(), res, () => undefined);
    else pipeline(stream, res, () => undefined);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    url: `${origin}${baseDir}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
