import * as z from 'zod/mini';
import { safeUrl, type ClinicConfig } from './clinic-config-schema.ts';
import { readClinicConfig, type ConfigProblem } from './read-clinic-config.ts';

/**
 * The configuration named by `?config=<https URL>` (the embed script passes the
 * clinic's `data-config` this way). Only the JSON is fetched: no cookies, no
 * referrer, nothing about the person. A missing or broken file leaves the
 * defaults in place and is reported as a problem.
 */
export const allowsLocalhost = () => import.meta.env.DEV || ['localhost', '127.0.0.1'].includes(window.location.hostname);

export async function loadClinicConfig(search = window.location.search): Promise<{ config: ClinicConfig; problems: ConfigProblem[] }> {
  const source = new URLSearchParams(search).get('config');
  if (!source) return { config: {}, problems: [] };
  const allowLocalhost = allowsLocalhost();
  const url = z.safeParse(safeUrl(allowLocalhost), source);
  if (!url.success) return { config: {}, problems: [{ key: '(config URL)', message: url.error.issues[0]!.message }] };
  try {
    const controller = new AbortController();
    const timeout = setTimeout(() => controller.abort(), 8000);
    const response = await fetch(source, { credentials: 'omit', referrerPolicy: 'no-referrer', signal: controller.signal });
    clearTimeout(timeout);
    if (!response.ok) return { config: {}, problems: [{ key: '(config URL)', message: `could not be loaded (HTTP ${response.status})` }] };
    return readClinicConfig(await response.json(), { allowLocalhost });
  } catch {
    return { config: {}, problems: [{ key: '(config URL)', message: 'could not be loaded or is not valid JSON' }] };
  }
}
