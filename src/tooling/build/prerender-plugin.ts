import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, type Plugin, type ResolvedConfig } from 'vite';
import type { RenderedStartPage, renderStartPages } from '../../prerender.tsx';
import { readLocaleFiles } from '../project-files/read-locale-files.ts';

const escapeHtml = (text: string) => text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/**
 * Hidden until the loader needs it (it cannot start the app's code: "Trying again…", then
 * "could not start" with a button): above the page, whose emergency number stays.
 */
const startStatusHtml = ({ startLoad }: RenderedStartPage) =>
  `<div id="start-status" class="width-container" hidden><p class="notice notice--warning" role="status" data-retrying="${escapeHtml(startLoad.retrying)}" data-failed="${escapeHtml(startLoad.failed)}"></p>` +
  `<button type="button" class="button button--secondary" hidden>${escapeHtml(startLoad.retry)}</button></div>`;

/** index.html with one start page's markup, language, title, no-script notice and loader status; `depth` folders below the app's. */
export function startPageHtml(template: string, page: RenderedStartPage, depth: number): string {
  const between = /<!--prerender-->[\s\S]*<!--\/prerender-->/;
  if (!between.test(template) || !template.includes('<div id="root">'))
    throw new Error('index.html has no <!--prerender--> markers in #root');
  const html = template
    .replace(/<html lang="[^"]*" dir="[^"]*">/, `<html lang="${page.language}" dir="${page.direction}">`)
    .replace(/<title>[^<]*<\/title>/, `<title>${escapeHtml(page.title)}</title>`)
    .replace(
      '<div id="root">',
      `<noscript><p class="width-container notice notice--warning">${escapeHtml(page.noScript)}</p></noscript>\n    ${startStatusHtml(page)}\n    <div id="root" data-prerendered="${page.renderedAs}">`,
    )
    .replace(between, () => page.html)
    // Installed from its own page, reception mode is a desk app that opens at reception's start page.
    .replace('href="./app.webmanifest"', `href="./${page.audience === 'reception' ? 'reception' : 'app'}.webmanifest"`);
  // The app's files are one folder up from …/ru/index.html.
  return depth === 0 ? html : html.replace(/(href|src)="\.\//g, `$1="${'../'.repeat(depth)}`);
}

/**
 * After the browser build: builds src/prerender.tsx for Node, renders each start
 * page with the same components and words the browser uses, and writes it into
 * index.html (ru/index.html, …) where the browser then hydrates it.
 */
export function prerenderPlugin(): Plugin {
  let config: ResolvedConfig;
  return {
    name: 'prerender-start-pages',
    apply: (_, env) => env.command === 'build' && !env.isSsrBuild,
    configResolved(resolved) {
      config = resolved;
    },
    // Before the service worker is generated (vite-plugin-pwa runs 'post'), so it precaches the prerendered pages.
    closeBundle: {
      sequential: true,
      order: 'pre',
      async handler() {
        const outDir = resolve(config.root, config.build.outDir);
        // A new folder each time: Node caches a module by its URL, and the lazy chunks import the entry by its plain path.
        const serverDir = resolve(config.root, `node_modules/.cache/prerender-${process.pid}-${Date.now()}`);
        await build({
          configFile: config.configFile,
          mode: config.mode,
          logLevel: 'warn',
          build: { ssr: resolve(config.root, 'src/prerender.tsx'), outDir: serverDir, emptyOutDir: true, sourcemap: false },
        });
        try {
          const entry = pathToFileURL(join(serverDir, 'prerender.js')).href;
          const { renderStartPages: render } = (await import(entry)) as { renderStartPages: typeof renderStartPages };
          const template = readFileSync(join(outDir, 'index.html'), 'utf8');
          for (const page of await render(readLocaleFiles(resolve(config.root, 'locales')))) {
            const folder = join(outDir, page.path);
            mkdirSync(folder, { recursive: true });
            writeFileSync(join(folder, 'index.html'), startPageHtml(template, page, page.path.split('/').filter(Boolean).length));
          }
        } finally {
          rmSync(serverDir, { recursive: true, force: true });
        }
      },
    },
  };
}
