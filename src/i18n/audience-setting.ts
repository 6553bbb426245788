import type { Audience } from '@/i18n/audience.tsx';
import { readSession, writeSession } from '@/storage/session-storage.ts';

const STORAGE_KEY = 'hip-triage.mode';

/** Reception mode's own start page, …/reception/ (prerendered, and the installed desk app's start URL). */
export const isReceptionPath = (pathname: string): boolean => /\/reception\/(?:index\.html)?$/.test(pathname);

/** ?mode=reception (or patient) wins, then reception's own page, then the choice made earlier in this session. */
export function initialAudience(): Audience {
  const fromQuery = new URLSearchParams(window.location.search).get('mode');
  if (fromQuery === 'reception' || fromQuery === 'patient') {
    rememberAudience(fromQuery);
    return fromQuery;
  }
  if (isReceptionPath(window.location.pathname)) return 'reception';
  return readSession(STORAGE_KEY) === 'reception' ? 'reception' : 'patient';
}

/** Not remembered when storage is blocked; the query parameter still works. */
export function rememberAudience(audience: Audience): void {
  writeSession(STORAGE_KEY, audience);
}

/**
 * The same address for a patient: without ?mode=reception, and under the app's own
 * start rather than reception's …/reception/. A link that reception passes on (the
 * copied summary's reading) must open the patient's page, not the desk's.
 */
export function patientUrl(href: string, base: string): string {
  const url = new URL(href, base);
  url.searchParams.delete('mode');
  url.pathname = url.pathname.replace(/\/reception\/(?:index\.html)?$/, '/');
  return url.href;
}
