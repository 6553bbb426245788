import type { Plugin } from 'vite';

/**
 * The Content-Security-Policy of the built app: no inline scripts or styles, no
 * third-party anything. `connect-src` allows https: only so a clinic's
 * configuration JSON can be fetched (and localhost, for development and tests).
 * `frame-ancestors` cannot be set in a <meta> tag: see docs/embedding.md for the
 * HTTP headers to send.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "font-src 'self'",
  "connect-src 'self' https: http://localhost:* http://127.0.0.1:*",
  "manifest-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "object-src 'none'",
].join('; ');

/** Adds the policy as a <meta> fallback to the production build's index.html. */
export const contentSecurityPolicyPlugin = (): Plugin => ({
  name: 'content-security-policy',
  apply: 'build',
  transformIndexHtml: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY }, injectTo: 'head' }],
});
