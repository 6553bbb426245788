import { describe, expect, it } from 'vitest';
import { startPageHtml } from './prerender-plugin.ts';
import type { RenderedStartPage } from '../../prerender.tsx';

const TEMPLATE = `<!doctype html>
<html lang="en" dir="ltr">
  <head><title>Hip pain check</title><link rel="icon" href="./favicon.svg" /><link rel="manifest" href="./app.webmanifest" /><script type="module" src="./assets/index-1.js"></script></head>
  <body>
    <div id="root">
      <!--prerender--><p>fallback</p><!--/prerender-->
    </div>
  </body>
</html>`;

const PAGE: RenderedStartPage = {
  path: 'ar/',
  language: 'ar',
  audience: 'patient',
  html: '<h1>ألم الورك</h1>',
  renderedAs: 'ar patient start',
  direction: 'rtl',
  title: 'A & B <check>',
  noScript: 'Needs JavaScript; call 112.',
  startLoad: { retrying: 'Trying "again"…', failed: 'Could not start.', retry: 'Try again' },
};

describe('startPageHtml', () => {
  const html = startPageHtml(TEMPLATE, PAGE, 1);

  it('puts the rendered page in #root, marked with what it shows', () => {
    expect(html).toContain('<div id="root" data-prerendered="ar patient start">');
    expect(html).toContain('<h1>ألم الورك</h1>');
    expect(html).not.toContain('fallback');
  });

  it('sets the language, direction and escaped title', () => {
    expect(html).toContain('<html lang="ar" dir="rtl">');
    expect(html).toContain('<title>A &amp; B &lt;check&gt;</title>');
  });

  it('adds the no-script notice and the loader status (hidden, escaped) before #root', () => {
    expect(html).toMatch(/<noscript><p [^>]*>Needs JavaScript; call 112\.<\/p><\/noscript>\s*<div id="start-status" [^>]*hidden>/);
    expect(html).toContain('data-retrying="Trying &quot;again&quot;…" data-failed="Could not start."');
    expect(html).toMatch(/<button type="button" [^>]*hidden>Try again<\/button><\/div>\s*<div id="root"/);
  });

  it('points a page one folder down at the app’s files one folder up', () => {
    expect(html).toContain('href="../favicon.svg"');
    expect(html).toContain('src="../assets/index-1.js"');
    expect(startPageHtml(TEMPLATE, { ...PAGE, path: '' }, 0)).toContain('src="./assets/index-1.js"');
  });

  it('links reception’s start page to the reception app’s manifest', () => {
    expect(html).toContain('href="../app.webmanifest"');
    expect(startPageHtml(TEMPLATE, { ...PAGE, audience: 'reception' }, 1)).toContain('href="../reception.webmanifest"');
  });

  it('refuses a template without the markers, rather than writing a page without the number', () => {
    expect(() => startPageHtml(TEMPLATE.replace('<!--prerender-->', ''), PAGE, 1)).toThrow(/markers/);
  });
});
