/**
 * The sources a clinic configuration may be loaded from (policy v3 §5): URL prefixes
 * (origin and path) listed by whoever deploys the app, at build time, in
 * HIP_TRIAGE_CONFIG_PREFIXES (space- or comma-separated), never in a link. The build
 * bakes them into the app, into its service worker and into the Content-Security-Policy's
 * connect-src. With none listed, only `clinic-config.json` beside the app is trusted
 * (src/clinic/trusted-config-source.ts).
 *
 * An entry is a folder (ending in `/`: every file under it) or one `.json` file. A bare
 * origin, as HIP_TRIAGE_CONFIG_ORIGINS listed before v3 (still read when the new name is
 * not set), is the folder `origin/`: the whole origin, which the deployment review must
 * then vouch for.
 */
export function configPrefixesFromEnvironment(
  value = process.env.HIP_TRIAGE_CONFIG_PREFIXES ?? process.env.HIP_TRIAGE_CONFIG_ORIGINS ?? '',
): string[] {
  const listed = value.split(/[\s,]+/).filter(Boolean);
  const prefixes = listed.map((entry) => {
    const example = 'such as https://clinic.example/hip-triage/ or https://clinic.example/hip-triage/clinic-config.json';
    let url: URL;
    try {
      url = new URL(entry);
    } catch {
      throw new Error(`HIP_TRIAGE_CONFIG_PREFIXES: "${entry}" is not a URL; list folders or files ${example}`);
    }
    const local = ['localhost', '127.0.0.1'].includes(url.hostname);
    if (!(url.protocol === 'https:' || (local && url.protocol === 'http:'))) {
      throw new Error(`HIP_TRIAGE_CONFIG_PREFIXES: "${entry}" must be an https URL, ${example}`);
    }
    // Written as the browser would normalise it: no `..`, no encoded separators, nothing a comparison could be fooled by.
    const written = url.origin === entry ? `${entry}/` : entry;
    if (url.href !== written || url.username || url.password || url.search || url.hash || /%(2e|2f|5c)|[;']/i.test(url.pathname)) {
      throw new Error(
        `HIP_TRIAGE_CONFIG_PREFIXES: "${entry}" must be a plain URL (no query, fragment, user name, "..", encoded separators or ";"), ${example}`,
      );
    }
    if (!url.pathname.endsWith('/') && !url.pathname.endsWith('.json')) {
      throw new Error(`HIP_TRIAGE_CONFIG_PREFIXES: "${entry}" must be a folder ending in "/" or one .json file, ${example}`);
    }
    return url.href;
  });
  return [...new Set(prefixes)];
}
