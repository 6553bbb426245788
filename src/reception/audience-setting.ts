import type { Audience } from '@/i18n/audience.tsx';

const STORAGE_KEY = 'hip-triage.mode';

/** ?mode=reception (or patient) wins, then the choice made earlier in this session. */
export function initialAudience(): Audience {
  const fromQuery = new URLSearchParams(window.location.search).get('mode');
  if (fromQuery === 'reception' || fromQuery === 'patient') {
    rememberAudience(fromQuery);
    return fromQuery;
  }
  try {
    return window.sessionStorage.getItem(STORAGE_KEY) === 'reception' ? 'reception' : 'patient';
  } catch {
    return 'patient';
  }
}

export function rememberAudience(audience: Audience): void {
  try {
    window.sessionStorage.setItem(STORAGE_KEY, audience);
  } catch {
    // Not remembered across reloads; the query parameter still works.
  }
}
