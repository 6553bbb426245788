import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.txt': 'text/plain; charset=utf-8',
};
const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.json', '.webmanifest', '.svg', '.txt']);

/**
 * Serves a build the way a production host should (docs/embedding.md): gzip, hashed
 * files in assets/ cached for a year, everything else (pages, the service worker,
 * manifests) revalidated on every visit, and the basic security headers. For the
 * benchmark, so it measures what a person would get rather than a dev server, and
 * for the test of a new build replacing an old one (`folder` may change between requests).
 */
export async function serveLikeAHost(folder: string | (() => string)): Promise<{ url: string; server: Server }> {
  const gzipped = new Map<string, Buffer>();
  const server = createServer((request, response) => {
    void (async () => {
      const path = normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://host').pathname)).replace(/^(\.\.[/\\])+/, '');
      const file = join(typeof folder === 'string' ? folder : folder(), path.endsWith('/') ? `${path}index.html` : path);
      let body: Buffer;
      try {
        body = await readFile(file);
      } catch {
        response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
        return;
      }
      const type = extname(file);
      const headers: Record<string, string> = {
        'content-type': TYPES[type] ?? 'application/octet-stream',
        'cache-control': path.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
        'x-content-type-options': 'nosniff',
        'referrer-policy': 'no-referrer',
        vary: 'accept-encoding',
      };
      if (COMPRESSIBLE.has(type) && /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''))) {
        if (!gzipped.has(file)) gzipped.set(file, gzipSync(body, { level: 9 }));
        body = gzipped.get(file)!;
        headers['content-encoding'] = 'gzip';
      }
      response.writeHead(200, { ...headers, 'content-length': String(body.length) }).end(body);
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://localhost:${(server.address() as { port: number }).port}/`, server };
}
