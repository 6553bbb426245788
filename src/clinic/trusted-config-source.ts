// Policy v3 §5: a clinic configuration sets the emergency number, so it is applied
// only from a source the deployment trusts: a URL prefix (origin and path) listed at
// build time (HIP_TRIAGE_CONFIG_PREFIXES, src/tooling/build/config-origins.ts), or, with none
// listed, the one file clinic-config.json beside the app. Not the whole own origin:
// on a shared origin, other people's files are not the clinic's. A link can name a
// file, never add a source.

/** The file trusted when the deployment lists no prefix. */
export const DEFAULT_CONFIG_FILE = 'clinic-config.json';

const appChunk = () => import.meta.url;

/** The app's folder: this code is in a chunk in assets/, one folder below it (in development, the server's root). */
export const appFolder = (): string => (import.meta.env.DEV ? new URL('/', window.location.href) : new URL('../', appChunk())).href;

export const trustedConfigPrefixes = (listed: readonly string[] = __CONFIG_PREFIXES__, folder = appFolder()): string[] =>
  listed.length > 0 ? [...listed] : [new URL(DEFAULT_CONFIG_FILE, folder).href];

/**
 * The address to fetch, if `source` (relative to the page) is under a trusted prefix:
 * compared after the browser's own normalisation (`..`, `%2e%2e`, backslashes, `//`
 * resolved), and refused outright with a user name (`https://clinic.example@other.example`
 * is other.example, but why write it so), a query (a script behind a trusted folder could
 * answer with anything), or an encoded slash, backslash or dot left over, which a server
 * might still decode into a way out of the folder. A prefix ending in `/` is a folder, so
 * `/hip-triage/` does not cover `/hip-triage-evil/`; any other prefix is one file.
 */
export function trustedConfigUrl(
  source: string,
  prefixes: readonly string[] = trustedConfigPrefixes(),
  page = window.location.href,
): string | undefined {
  let url: URL;
  try {
    url = new URL(source, page);
  } catch {
    return undefined;
  }
  if (url.username || url.password || url.search || /%(2e|2f|5c)/i.test(url.pathname)) return undefined;
  url.hash = '';
  const { href } = url;
  return prefixes.some((prefix) => (prefix.endsWith('/') ? href.startsWith(prefix) : href === prefix)) ? href : undefined;
}
