import * as z from 'zod/mini';
import { CONFIG_KEYS, clinicConfigFields, type ClinicConfig } from './clinic-config-schema.ts';

export interface ConfigProblem {
  /** The offending key, e.g. `specialists.gp.bookingUrl`. */
  key: string;
  message: string;
}

const pathOf = (root: string, path: readonly PropertyKey[]) => [root, ...path.map(String)].join('.');

/**
 * Checks a clinic configuration key by key: valid keys are kept, invalid ones are
 * dropped (their defaults apply) and reported with the key's path.
 */
export function readClinicConfig(raw: unknown, { allowLocalhost }: { allowLocalhost: boolean }): { config: ClinicConfig; problems: ConfigProblem[] } {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { config: {}, problems: [{ key: '(config)', message: 'must be a JSON object' }] };
  }
  const fields = clinicConfigFields(allowLocalhost);
  const config: Record<string, unknown> = {};
  const problems: ConfigProblem[] = [];
  for (const [key, value] of Object.entries(raw)) {
    if (key === '$schema') continue;
    if (!(CONFIG_KEYS as string[]).includes(key)) {
      problems.push({ key, message: `unknown key (known: ${CONFIG_KEYS.join(', ')})` });
      continue;
    }
    const parsed = z.safeParse(fields[key as keyof typeof fields] as z.ZodMiniType, value);
    if (parsed.success) config[key] = parsed.data;
    else problems.push(...parsed.error.issues.map((issue) => ({ key: pathOf(key, issue.path), message: issue.message })));
  }
  return { config: config as ClinicConfig, problems };
}
