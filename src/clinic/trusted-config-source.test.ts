import { describe, expect, it } from 'vitest';
import { isTrustedConfigUrl, trustedConfigOrigins } from './trusted-config-source.ts';
import { configOriginsFromEnvironment } from '@/tooling/build/config-origins.ts';
import { contentSecurityPolicy } from '@/tooling/build/content-security-policy.ts';

describe('where a clinic configuration may come from (policy v2 §5)', () => {
  it("the app's own origin is trusted; another origin named in a link is not", () => {
    expect(trustedConfigOrigins()).toContain(window.location.origin);
    expect(isTrustedConfigUrl(new URL('/clinic.json', window.location.href).href)).toBe(true);
    expect(isTrustedConfigUrl('clinic.json')).toBe(true);
    expect(isTrustedConfigUrl('https://attacker.example/c.json')).toBe(false);
    expect(isTrustedConfigUrl('javascript:alert(1)')).toBe(false);
    expect(isTrustedConfigUrl('https://localhost.attacker.example/c.json')).toBe(false);
  });

  it('the deployment lists origins at build time, checked', () => {
    expect(configOriginsFromEnvironment('https://a.example, https://b.example:8443 https://a.example')).toEqual([
      'https://a.example',
      'https://b.example:8443',
    ]);
    expect(configOriginsFromEnvironment('')).toEqual([]);
    expect(() => configOriginsFromEnvironment('https://a.example/path')).toThrow(/must be an https origin/);
    expect(() => configOriginsFromEnvironment('http://clinic.example')).toThrow(/must be an https origin/);
    expect(() => configOriginsFromEnvironment('clinic')).toThrow(/not a URL/);
  });

  it('the CSP connects only to the app and the listed origins: no https: wildcard, no localhost', () => {
    expect(contentSecurityPolicy([])).toContain("connect-src 'self';");
    expect(contentSecurityPolicy(['https://a.example'])).toContain("connect-src 'self' https://a.example;");
    expect(contentSecurityPolicy([])).not.toMatch(/https:(?!\/\/)|localhost/);
  });
});
