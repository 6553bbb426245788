// Policy v2 §5: a clinic configuration sets the emergency number, so it is applied
// only from a source the deployment trusts: the app's own origin, or an origin
// listed at build time (HIP_TRIAGE_CONFIG_ORIGINS). A link can name a file, never
// add a source.

export const trustedConfigOrigins = (): string[] => [window.location.origin, ...__CONFIG_ORIGINS__];

export function isTrustedConfigUrl(url: string, base = window.location.href): boolean {
  try {
    return trustedConfigOrigins().includes(new URL(url, base).origin);
  } catch {
    return false;
  }
}
