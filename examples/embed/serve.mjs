// A stand-in for a clinic's web server, for trying the embed and for the browser
// tests: serves this folder on the given port, filling in %APP_URL% (where the
// wizard is served) and %HOST_ORIGIN% (the allowed parent origin) in .html/.json.
// Usage: node examples/embed/serve.mjs 4318 [allowed-host-port]
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('.', import.meta.url));
const port = Number(process.argv[2] ?? 4318);
const allowedPort = Number(process.argv[3] ?? port);
const appUrl = process.env.APP_URL ?? 'http://localhost:4317/';
const types = { '.html': 'text/html; charset=utf-8', '.json': 'application/json; charset=utf-8', '.js': 'text/javascript' };

createServer(async (request, response) => {
  const path = normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
  const file = join(root, path.endsWith('/') ? `${path}index.html` : path);
  try {
    let body = await readFile(file, 'utf8');
    body = body.replaceAll('%APP_URL%', appUrl).replaceAll('%HOST_ORIGIN%', `http://localhost:${allowedPort}`);
    response.writeHead(200, {
      'content-type': types[extname(file)] ?? 'application/octet-stream',
      // The wizard, on another origin, fetches the clinic's configuration.
      'access-control-allow-origin': '*',
      'cache-control': 'no-store',
    });
    response.end(body);
  } catch {
    response.writeHead(404).end('not found');
  }
}).listen(port, 'localhost', () => console.log(`clinic page on http://localhost:${port}/ (wizard from ${appUrl})`));
