import type { Audience } from '@/i18n/audience.tsx';
import { readSession, writeSession } from '@/wizard/session-storage.ts';

const STORAGE_KEY = 'hip-triage.mode';

/** ?mode=reception (or patient) wins, then the choice made earlier in this session. */
export function initialAudience(): Audience {
  const fromQuery = new URLSearchParams(window.location.search).get('mode');
  if (fromQuery === 'reception' || fromQuery === 'patient') {
    rememberAudience(fromQuery);
    return fromQuery;
  }
  return readSession(STORAGE_KEY) === 'reception' ? 'reception' : 'patient';
}

/** Not remembered when storage is blocked; the query parameter still works. */
export function rememberAudience(audience: Audience): void {
  writeSession(STORAGE_KEY, audience);
}
