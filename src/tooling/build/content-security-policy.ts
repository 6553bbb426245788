import { createHash } from 'node:crypto';
import type { Plugin, Rolldown } from 'vite';
import { EARLY_CLICKS_SCRIPT } from '../../components/early-clicks.ts';
import { START_PAGE_ADDRESS_SCRIPT } from '../../app/start-page-address.ts';

const hashOf = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/**
 * Starts the app's code once the prerendered page has painted: on a slow
 * connection the HTML and its styles get the bandwidth first, so the emergency
 * number shows sooner. The entry and its chunks are named by <link> elements
 * (their URLs are relative to the page, also in …/ru/), loaded here in parallel.
 *
 * A flaky connection can drop the entry's request (or one of its chunks'): it is tried
 * again like every chunk, after 1, 2 and 4 s, while the page says so ("Trying again…",
 * #start-status, written by the prerender in the page's language); then the page says
 * the check could not start, with a "Try again" that loads again in place. Nothing
 * navigates: the prerendered page, with its emergency number, stays on screen throughout.
 */
export const START_AFTER_FIRST_PAINT_SCRIPT =
  'requestAnimationFrame(function(){setTimeout(function(){' +
  'document.querySelectorAll("link[rel=hip-triage-preload]").forEach(function(l){' +
  'var p=document.createElement("link");p.rel="modulepreload";p.href=l.href;document.head.appendChild(p)});' +
  'var e=document.querySelector("link[rel=hip-triage-entry]"),b=document.getElementById("start-status"),' +
  'm=b&&b.querySelector("[data-retrying]"),r=b&&b.querySelector("button"),n=0,t=0;' +
  'function say(k){if(!b)return;m.textContent=m.getAttribute("data-"+k);b.hidden=false;r.hidden=k!=="failed"}' +
  'function load(){var s=document.createElement("script");s.type="module";s.src=e.href+(t?"?try="+t:"");' +
  's.onload=function(){if(b)b.remove()};' +
  's.onerror=function(){s.remove();t+=1;n+=1;if(n<4){say("retrying");setTimeout(load,500*Math.pow(2,n))}else say("failed")};' +
  'document.head.appendChild(s)}' +
  'if(r)r.onclick=function(){n=1;say("retrying");load()};' +
  'load()},0)});';

/** First the right start page's address (language and mode); only on the right one, the early clicks and the loader. */
const INLINE_SCRIPT = `if(!${START_PAGE_ADDRESS_SCRIPT}){${EARLY_CLICKS_SCRIPT}${START_AFTER_FIRST_PAINT_SCRIPT}}`;

/**
 * The Content-Security-Policy of the built app: no third-party anything; one inline
 * script and one inline style, each allowed by its hash (the early-clicks recorder
 * and the loader above; the app's CSS, inlined so that painting waits for no second
 * download). `connect-src` allows the app's own origin and the URL prefixes the
 * deployment trusts for a clinic configuration (HIP_TRIAGE_CONFIG_PREFIXES: a CSP
 * source with a path matches that folder or file only), and nothing else: a link cannot make the app fetch from anywhere. `frame-ancestors`
 * cannot be set in a <meta> tag: see docs/embedding.md for the HTTP headers to send.
 */
export const contentSecurityPolicy = (configPrefixes: readonly string[], inlineStyles: readonly string[] = []) =>
  [
    "default-src 'none'",
    `script-src 'self' ${hashOf(INLINE_SCRIPT)}`,
    ["style-src 'self'", ...inlineStyles.map(hashOf)].join(' '),
    "img-src 'self'",
    "font-src 'self'",
    ["connect-src 'self'", ...configPrefixes].join(' '),
    "manifest-src 'self'",
    // The service worker (sw.js, beside index.html); no blob: or data: workers.
    "worker-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "object-src 'none'",
  ].join('; ');

const escapeAttribute = (text: string) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;');

/**
 * The production build's index.html, for the first paint: the app's CSS inlined
 * (and its file dropped), the entry script and its preloads turned into links the
 * loader starts after the first paint, the inline script, and the policy as a
 * <meta> first in the head (a policy only governs what comes after it).
 */
export const contentSecurityPolicyPlugin = (configPrefixes: readonly string[]): Plugin => ({
  name: 'content-security-policy',
  apply: 'build',
  transformIndexHtml: {
    order: 'post',
    handler(html, context) {
      const styles: string[] = [];
      let page = html.replace(/<link rel="stylesheet"[^>]*href="\.\/(assets\/[^"]+\.css)"[^>]*>/g, (_, file: string) => {
        const asset = context.bundle?.[file] as Rolldown.OutputAsset | undefined;
        if (!asset) throw new Error(`content-security-policy: ${file} is not in the bundle`);
        const css = String(asset.source);
        delete context.bundle![file];
        styles.push(css);
        return `<style>${css}</style>`;
      });
      page = page
        .replace(/<script type="module" crossorigin src="([^"]+)"><\/script>/, '<link rel="hip-triage-entry" href="$1">')
        .replace(/<link rel="modulepreload" crossorigin href="([^"]+)">/g, '<link rel="hip-triage-preload" href="$1">');
      if (!page.includes('rel="hip-triage-entry"')) throw new Error('content-security-policy: no entry script in index.html');
      const meta = `<meta http-equiv="Content-Security-Policy" content="${escapeAttribute(contentSecurityPolicy(configPrefixes, styles))}">`;
      return page.replace('<head>', `<head>\n    ${meta}`).replace('</head>', `    <script>${INLINE_SCRIPT}</script>\n  </head>`);
    },
  },
});
