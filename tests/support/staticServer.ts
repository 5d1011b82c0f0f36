/**
 * A tiny static file server for a built site, the way a plain static host
 * serves it: mounted under a base path (`/` or `/backstory/`), `index.html` for
 * directory URLs, `dir` → `dir/` redirects, and the site's own `404.html` with
 * status 404 for anything else. Loopback only, random free port, never serves
 * a file outside the folder.
 */
import { createReadStream } from 'node:fs';
import { readFile, realpath, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, resolve, sep } from 'node:path';

export interface StaticServer {
  /** Origin plus base path, always ending in `/`: `http://127.0.0.1:41234/backstory/`. */
  url: string;
  /** `http://127.0.0.1:41234` */
  origin: string;
  close: () => Promise<void>;
}

export interface ServeOptions {
  /** The built folder (e.g. `dist/`). */
  root: string;
  /** Where the site is mounted: `/` (default) or `/backstory/`. */
  base?: string;
  /**
   * Send the headers the build's `_headers` file declares (Netlify / Cloudflare
   * Pages format), as those hosts do: Content-Security-Policy and friends then
   * apply in the browser tests. Default: true when the file exists.
   */
  headersFile?: boolean;
}

export interface HeaderRule {
  /** The path pattern as written (`/`, `/articles/*`). */
  path: string;
  pattern: RegExp;
  headers: [name: string, value: string][];
}

/**
 * Parse a `_headers` file: a path pattern at the start of a line, then indented
 * `Name: value` lines; `#` starts a comment; `*` matches anything, `:name` one
 * path segment. Every matching rule applies.
 */
export function parseHeadersFile(text: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  for (const line of text.split(/\r?\n/)) {
    if (line.trim() === '' || line.trim().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      const path = line.trim();
      const source = path
        .split(/(\*|:[A-Za-z_][\w]*)/)
        .map((part) =>
          part === '*' ? '.*' : part.startsWith(':') ? '[^/]+' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
        )
        .join('');
      rules.push({ path, pattern: new RegExp(`^${source}$`), headers: [] });
      continue;
    }
    const match = /^\s+([^:\s]+)\s*:\s*(.*)$/.exec(line);
    const rule = rules.at(-1);
    if (match && rule) rule.headers.push([match[1] ?? '', (match[2] ?? '').trim()]);
  }
  return rules;
}

export const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.rss': 'application/rss+xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
  '.pdf': 'application/pdf',
};

export function contentType(file: string): string {
  return CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/** `/backstory` or `backstory/` → `/backstory/`; `` → `/`. */
export function normaliseBase(base = '/'): string {
  const trimmed = base.replace(/^\/+|\/+$/g, '');
  return trimmed === '' ? '/' : `/${trimmed}/`;
}

export async function serveStatic({ root, base = '/', headersFile = true }: ServeOptions): Promise<StaticServer> {
  const rootDir = await realpath(resolve(root));
  const mount = normaliseBase(base);
  const rules = headersFile
    ? parseHeadersFile(await readFile(resolve(rootDir, '_headers'), 'utf8').catch(() => ''))
    : [];

  /** Headers `_headers` declares for a request path; later rules add to (and override) earlier ones. */
  function declaredHeaders(pathname: string): Record<string, string> {
    const headers: Record<string, string> = {};
    for (const rule of rules) {
      if (!rule.pattern.test(pathname)) continue;
      for (const [name, value] of rule.headers) headers[name.toLowerCase()] = value;
    }
    return headers;
  }

  /** The real file for a site-relative path, or undefined if it is not a file inside the root. */
  async function fileInside(relative: string): Promise<{ file: string; isDir: boolean } | undefined> {
    const candidate = resolve(rootDir, `.${sep}${relative}`);
    if (candidate !== rootDir && !candidate.startsWith(rootDir + sep)) return undefined;
    try {
      // realpath: a symlink inside the folder must not lead outside it either.
      const real = await realpath(candidate);
      if (real !== rootDir && !real.startsWith(rootDir + sep)) return undefined;
      const info = await stat(real);
      return { file: real, isDir: info.isDirectory() };
    } catch {
      return undefined;
    }
  }

  async function send(req: IncomingMessage, res: ServerResponse, file: string, status = 200): Promise<void> {
    const info = await stat(file);
    const pathname = new URL(req.url ?? '/', 'http://localhost').pathname;
    res.writeHead(status, {
      'content-type': contentType(file),
      ...declaredHeaders(pathname),
      // Tests rebuild between runs: never let the browser reuse a stale file.
      'cache-control': 'no-store',
      'content-length': info.size,
    });
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    createReadStream(file)
      .on('error', () => res.destroy())
      .pipe(res);
  }

  async function notFound(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const page = await fileInside('404.html');
    if (page && !page.isDir) return send(req, res, page.file, 404);
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
    res.end(req.method === 'HEAD' ? undefined : 'Not found\n');
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' });
      res.end();
      return;
    }
    const url = new URL(req.url ?? '/', 'http://localhost');
    let pathname: string;
    try {
      pathname = decodeURIComponent(url.pathname);
    } catch {
      res.writeHead(400);
      res.end();
      return;
    }
    if (pathname.includes('\0')) return notFound(req, res);
    // `/backstory` (no slash) is the mount point itself: redirect like a directory.
    if (`${pathname}/` === mount) return redirect(res, `${mount}${url.search}`);
    if (!pathname.startsWith(mount)) return notFound(req, res);

    const relative = pathname.slice(mount.length);
    const found = await fileInside(relative);
    if (!found) return notFound(req, res);
    if (found.isDir) {
      if (!pathname.endsWith('/')) return redirect(res, `${url.pathname}/${url.search}`);
      const index = await fileInside(`${relative}/index.html`);
      return index && !index.isDir ? send(req, res, index.file) : notFound(req, res);
    }
    return send(req, res, found.file);
  }

  function redirect(res: ServerResponse, location: string): void {
    res.writeHead(301, { location });
    res.end();
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(String(error));
    });
  });
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => done());
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    url: `${origin}${mount}`,
    origin,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
