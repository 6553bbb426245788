/** Set at build time from HIP_TRIAGE_CONFIG_PREFIXES (vite.config.ts): URL prefixes trusted for a clinic configuration. */
declare const __CONFIG_PREFIXES__: readonly string[];
