import * as z from 'zod/mini';
import { CONTENT_IDS, SPECIALISTS } from '@/triage/catalogue.ts';
import { LANGUAGES } from '@/i18n/languages.ts';
import { CONFIG_KEYS, clinicConfigFields, type ClinicConfig } from './clinic-config-schema.ts';

export interface ConfigProblem {
  /** The offending key, e.g. `specialists.gp.bookingUrl`. */
  key: string;
  message: string;
}

const pathOf = (root: string, path: readonly PropertyKey[]) => [root, ...path.map(String)].join('.');

/** Keys that map ids to settings: each entry is checked on its own, so one bad entry drops only itself. */
const ENTRY_IDS: Partial<Record<string, readonly string[]>> = { specialists: SPECIALISTS, articles: CONTENT_IDS };
const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The entries of a map key (specialists, articles), each checked on its own; an article's languages too. */
function readEntries(
  key: string,
  value: Record<string, unknown>,
  check: (entry: Record<string, unknown>) => ReturnType<typeof z.safeParse<z.ZodMiniType>>,
) {
  const kept: Record<string, unknown> = {};
  const problems: ConfigProblem[] = [];
  for (const [id, entry] of Object.entries(value)) {
    if (!ENTRY_IDS[key]!.includes(id)) {
      problems.push({ key: `${key}.${id}`, message: `unknown id (known: ${ENTRY_IDS[key]!.join(', ')})` });
      continue;
    }
    if (key === 'articles' && isPlainObject(entry)) {
      // One bad language drops that language only.
      const urls: Record<string, unknown> = {};
      for (const [language, url] of Object.entries(entry)) {
        const parsed = (LANGUAGES as readonly string[]).includes(language) ? check({ [id]: { [language]: url } }) : undefined;
        if (parsed?.success) urls[language] = url;
        else
          problems.push({
            key: `${key}.${id}.${language}`,
            message: parsed ? parsed.error.issues[0]!.message : `unknown language (known: ${LANGUAGES.join(', ')})`,
          });
      }
      kept[id] = urls;
      continue;
    }
    const parsed = check({ [id]: entry });
    if (parsed.success) kept[id] = entry;
    else problems.push(...parsed.error.issues.map((issue) => ({ key: pathOf(key, issue.path), message: issue.message })));
  }
  return { kept, problems };
}

/**
 * Checks a clinic configuration key by key, and the entries of a map key by key:
 * valid ones are kept, invalid ones are dropped (their defaults apply) and reported
 * with their path.
 */
export function readClinicConfig(
  raw: unknown,
  { allowLocalhost }: { allowLocalhost: boolean },
): { config: ClinicConfig; problems: ConfigProblem[] } {
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
    const schema = fields[key as keyof typeof fields] as z.ZodMiniType;
    if (ENTRY_IDS[key] && isPlainObject(value)) {
      const { kept, problems: entryProblems } = readEntries(key, value, (entry) => z.safeParse(schema, entry));
      config[key] = kept;
      problems.push(...entryProblems);
      continue;
    }
    const parsed = z.safeParse(schema, value);
    if (parsed.success) config[key] = parsed.data;
    else problems.push(...parsed.error.issues.map((issue) => ({ key: pathOf(key, issue.path), message: issue.message })));
  }
  return { config: config as ClinicConfig, problems };
}
