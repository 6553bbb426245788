import { describe, expect, it } from 'vitest';
import { trustedConfigPrefixes, trustedConfigUrl } from './trusted-config-source.ts';
import { configPrefixesFromEnvironment } from '@/tooling/build/config-origins.ts';
import { contentSecurityPolicy } from '@/tooling/build/content-security-policy.ts';

const APP = 'https://clinic.example/hip-triage/';
const PAGE = `${APP}ru/reception/?config=x`;
const CLINIC = 'https://clinic.example/hip-triage/';

describe('where a clinic configuration may come from (policy v3 §5)', () => {
  it('with no prefix listed, only clinic-config.json beside the app: not the rest of its own origin', () => {
    const none = trustedConfigPrefixes([], APP);
    expect(none).toEqual([`${APP}clinic-config.json`]);
    expect(trustedConfigUrl(`${APP}clinic-config.json`, none, PAGE)).toBe(`${APP}clinic-config.json`);
    expect(trustedConfigUrl('../../clinic-config.json', none, PAGE)).toBe(`${APP}clinic-config.json`);
    // The red team's file on a shared origin, and its neighbours.
    for (const other of ['/mallory/evil.json', `${APP}other.json`, `${APP}mallory/clinic-config.json`, '/clinic-config.json'])
      expect(trustedConfigUrl(other, none, PAGE), other).toBeUndefined();
  });

  it('a listed prefix is compared after normalisation, and path tricks are refused', () => {
    const listed = [CLINIC];
    expect(trustedConfigUrl(`${CLINIC}clinic.json`, listed, PAGE)).toBe(`${CLINIC}clinic.json`);
    expect(trustedConfigUrl(`${CLINIC}configs/es.json#top`, listed, PAGE)).toBe(`${CLINIC}configs/es.json`);
    const tricks = [
      `${CLINIC}../mallory/evil.json`,
      `${CLINIC}%2e%2e/mallory/evil.json`,
      `${CLINIC}%2E%2e/mallory/evil.json`,
      `${CLINIC}..%2fmallory/evil.json`,
      `${CLINIC}..%5cmallory/evil.json`,
      `${CLINIC}%2e%2e%2fmallory/evil.json`,
      'https://clinic.example/hip-triage\\..\\mallory\\evil.json',
      '//evil.example/hip-triage/clinic.json',
      'https://clinic.example@evil.example/hip-triage/clinic.json',
      'https://user@clinic.example/hip-triage/clinic.json',
      `${CLINIC}clinic.json?file=../mallory/evil.json`,
      'https://clinic.example/hip-triage-evil/clinic.json',
      'https://clinic.example/hip-triage',
      'http://clinic.example/hip-triage/clinic.json',
      'https://clinic.example:8443/hip-triage/clinic.json',
      'https://evil.example/?https://clinic.example/hip-triage/',
      'javascript:alert(1)',
      'https://[::1',
    ];
    for (const trick of tricks) expect(trustedConfigUrl(trick, listed, PAGE), trick).toBeUndefined();
  });

  it('a listed file is that one file', () => {
    const file = ['https://clinic.example/configs/hip.json'];
    expect(trustedConfigUrl('https://clinic.example/configs/hip.json', file, PAGE)).toBe(file[0]);
    expect(trustedConfigUrl('https://clinic.example/configs/hip.json.evil', file, PAGE)).toBeUndefined();
    expect(trustedConfigUrl('https://clinic.example/configs/other.json', file, PAGE)).toBeUndefined();
  });

  it('the deployment lists prefixes at build time, checked; a bare origin is the folder origin/', () => {
    expect(
      configPrefixesFromEnvironment('https://a.example, https://b.example:8443/hip/ https://a.example/ https://c.example/c.json'),
    ).toEqual(['https://a.example/', 'https://b.example:8443/hip/', 'https://c.example/c.json']);
    expect(configPrefixesFromEnvironment('')).toEqual([]);
    expect(() => configPrefixesFromEnvironment('https://a.example/hip-triage')).toThrow(/folder ending in "\/" or one \.json file/);
    expect(() => configPrefixesFromEnvironment('http://clinic.example/')).toThrow(/must be an https URL/);
    expect(() => configPrefixesFromEnvironment('clinic')).toThrow(/not a URL/);
    for (const tricky of [
      'https://a.example/x/../y/',
      'https://a.example/%2e%2e/y/',
      'https://a.example/x%2fy/',
      'https://a.example/x/?q=1',
      'https://a.example/x/#f',
      'https://u@a.example/x/',
      "https://a.example/x;'unsafe-inline'/",
      'HTTPS://A.EXAMPLE/x/',
    ])
      expect(() => configPrefixesFromEnvironment(tricky), tricky).toThrow(/must be a plain URL/);
  });

  it('the CSP connects only to the app and the listed prefixes: no https: wildcard, no localhost', () => {
    expect(contentSecurityPolicy([])).toContain("connect-src 'self';");
    expect(contentSecurityPolicy(['https://a.example/hip/'])).toContain("connect-src 'self' https://a.example/hip/;");
    expect(contentSecurityPolicy([])).not.toMatch(/https:(?!\/\/)|localhost/);
  });
});
