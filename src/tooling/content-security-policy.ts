import type { Plugin } from 'vite';

/**
 * The Content-Security-Policy of the built app: no inline scripts or styles, no
 * third-party anything. `connect-src` allows the app's own origin and the origins
 * the deployment trusts for a clinic configuration (HIP_TRIAGE_CONFIG_ORIGINS), and
 * nothing else: a link cannot make the app fetch from anywhere. `frame-ancestors`
 * cannot be set in a <meta> tag: see docs/embedding.md for the HTTP headers to send.
 */
export const contentSecurityPolicy = (configOrigins: readonly string[]) =>
  [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self'",
    "font-src 'self'",
    ["connect-src 'self'", ...configOrigins].join(' '),
    "manifest-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "object-src 'none'",
  ].join('; ');

/**
 * Adds the policy as a <meta> to the production build's index.html, first in the
 * head: a policy only governs what comes after it.
 */
export const contentSecurityPolicyPlugin = (configOrigins: readonly string[]): Plugin => ({
  name: 'content-security-policy',
  apply: 'build',
  transformIndexHtml: () => [
    {
      tag: 'meta',
      attrs: { 'http-equiv': 'Content-Security-Policy', content: contentSecurityPolicy(configOrigins) },
      injectTo: 'head-prepend',
    },
  ],
});
