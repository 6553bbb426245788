/** Set at build time from HIP_TRIAGE_CONFIG_ORIGINS (vite.config.ts): origins trusted for a clinic configuration. */
declare const __CONFIG_ORIGINS__: readonly string[];
