// The configuration named by `?config=<URL>` (the embed script passes the clinic's
// `data-config` this way). Applied only from a trusted source (policy v3 §5), within
// a total deadline and a size cap; only the JSON is fetched: no cookies, no
// referrer, nothing about the person. Whatever goes wrong, the defaults stay and
// the page says the clinic's settings could not be applied.

import * as z from 'zod/mini';
import { safeUrl, type ClinicConfig } from './clinic-config-schema.ts';
import { readClinicConfig, type ConfigProblem } from './read-clinic-config.ts';
import { trustedConfigUrl } from './trusted-config-source.ts';

export const allowsLocalhost = () => import.meta.env.DEV || ['localhost', '127.0.0.1'].includes(window.location.hostname);

/** The whole fetch, headers and body, must finish within this. */
export const CONFIG_DEADLINE_MS = 5000;
/** A configuration is a few kilobytes; anything near this is not one. */
export const MAX_CONFIG_BYTES = 64 * 1024;

export interface LoadedConfig {
  config: ClinicConfig;
  problems: ConfigProblem[];
  /** A configuration was named but could not be applied at all: the defaults are in use. */
  notApplied: boolean;
}

const failed = (message: string): LoadedConfig => ({ config: {}, problems: [{ key: '(config URL)', message }], notApplied: true });

async function readCapped(response: Response, limit: number): Promise<string | undefined> {
  const declared = Number(response.headers.get('content-length'));
  if (declared > limit) return undefined;
  if (!response.body) return response.text();
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel();
      return undefined;
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return new TextDecoder().decode(bytes);
}

/**
 * Policy v3 §5: a trusted configuration whose numbers are not dialable (or that is not
 * a JSON object) keeps the defaults for them, and the page says so: never a silent 112.
 */
const SAFETY_RELEVANT = new Set(['(config)', 'emergencyNumber', 'maternityNumber']);

function resolvedAgainstPage(source: string): string {
  try {
    return new URL(source, window.location.href).href;
  } catch {
    return source;
  }
}

export async function loadClinicConfig(search = window.location.search): Promise<LoadedConfig> {
  const source = new URLSearchParams(search).get('config');
  if (!source) return { config: {}, problems: [], notApplied: false };
  const allowLocalhost = allowsLocalhost();
  // A link may name the file relative to the page (?config=clinic-config.json, the one file
  // trusted when the deployment lists no prefix); it is checked as the address it resolves to.
  const address = resolvedAgainstPage(source);
  const url = z.safeParse(safeUrl(allowLocalhost), address);
  if (!url.success) return failed(url.error.issues[0]!.message);
  const trusted = trustedConfigUrl(address);
  if (!trusted) return failed('is not under a URL prefix this deployment trusts for configurations (see docs/embedding.md)');
  const controller = new AbortController();
  const deadline = setTimeout(() => controller.abort(), CONFIG_DEADLINE_MS);
  try {
    const response = await fetch(trusted, { credentials: 'omit', referrerPolicy: 'no-referrer', signal: controller.signal });
    if (!response.ok) return failed(`could not be loaded (HTTP ${response.status})`);
    const text = await readCapped(response, MAX_CONFIG_BYTES);
    if (text === undefined) return failed(`is larger than ${MAX_CONFIG_BYTES / 1024} KB`);
    const read = readClinicConfig(JSON.parse(text), { allowLocalhost });
    return { ...read, notApplied: read.problems.some(({ key }) => SAFETY_RELEVANT.has(key)) };
  } catch {
    return failed(
      controller.signal.aborted ? `took longer than ${CONFIG_DEADLINE_MS / 1000} s` : 'could not be loaded or is not valid JSON',
    );
  } finally {
    clearTimeout(deadline);
  }
}
