/**
 * The origins, besides the app's own, that a clinic configuration may be loaded
 * from (policy v2 §5). Whoever deploys the app lists them at build time in
 * HIP_TRIAGE_CONFIG_ORIGINS (space- or comma-separated), never in a link: the
 * build bakes them into the app and into the Content-Security-Policy's connect-src.
 */
export function configOriginsFromEnvironment(value = process.env.HIP_TRIAGE_CONFIG_ORIGINS ?? ''): string[] {
  const listed = value.split(/[\s,]+/).filter(Boolean);
  for (const entry of listed) {
    let url: URL;
    try {
      url = new URL(entry);
    } catch {
      throw new Error(`HIP_TRIAGE_CONFIG_ORIGINS: "${entry}" is not a URL; list origins such as https://clinic.example`);
    }
    const local = ['localhost', '127.0.0.1'].includes(url.hostname);
    if (url.origin !== entry || !(url.protocol === 'https:' || (local && url.protocol === 'http:'))) {
      throw new Error(
        `HIP_TRIAGE_CONFIG_ORIGINS: "${entry}" must be an https origin (scheme, host and port only), such as https://clinic.example`,
      );
    }
  }
  return [...new Set(listed)];
}
