import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { triageRulesPlugin } from './src/tooling/build/triage-rules-plugin.ts';
import { essentialWordsPlugin } from './src/tooling/build/essential-words-plugin.ts';
import { contentSecurityPolicyPlugin } from './src/tooling/build/content-security-policy.ts';
import { configPrefixesFromEnvironment } from './src/tooling/build/config-origins.ts';
import { prerenderPlugin } from './src/tooling/build/prerender-plugin.ts';
import { serviceWorkerPlugin } from './src/tooling/build/service-worker-plugin.ts';
import { fhirArtefactsPlugin } from './src/tooling/build/fhir-artefacts.ts';

const configPrefixes = configPrefixesFromEnvironment();

export default defineConfig({
  // Relative asset URLs let a clinic host the build under any path.
  base: './',
  plugins: [
    react(),
    triageRulesPlugin(),
    essentialWordsPlugin(),
    contentSecurityPolicyPlugin(configPrefixes),
    prerenderPlugin(),
    serviceWorkerPlugin(configPrefixes),
    fhirArtefactsPlugin(),
  ],
  // Where a clinic configuration may come from (policy v3 §5): these prefixes, or with none, clinic-config.json beside the app.
  define: { __CONFIG_PREFIXES__: JSON.stringify(configPrefixes) },
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  build: {
    target: 'es2022',
    // Locale files stay files, fetched when needed (a data: URL would be in the first download, and the CSP forbids fetching one).
    assetsInlineLimit: (file) => (file.endsWith('.json') ? false : undefined),
    sourcemap: true,
    rolldownOptions: {
      output: {
        // Few, named files for the first page; lazy pages split automatically. React changes least, so
        // its own file stays cached (and precached by the service worker) across releases.
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/, priority: 3 },
            { name: 'libraries', test: /node_modules[\\/]/, tags: ['$initial'], priority: 2 },
            // Not the entry (index.html, main.tsx): its top-level awaits import lazy chunks that import this one (a cycle would hang).
            { name: 'start', test: (id) => !/(\/src\/main\.tsx|\.html)$/.test(id), tags: ['$initial'], priority: 1 },
          ],
        },
        // Locale files are named by language (locale-ru-questions-….json), so it is
        // plain which language a page downloaded.
        assetFileNames: (asset) => {
          const locale = /locales\/([a-z]{2})\/([a-z-]+)\.json$/.exec(asset.originalFileNames?.[0] ?? '');
          return locale ? `assets/locale-${locale[1]}-${locale[2]}-[hash][extname]` : 'assets/[name]-[hash][extname]';
        },
      },
    },
  },
  preview: { port: 4173, strictPort: true },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}', 'tests/unit/**/*.test.{ts,tsx}'],
    setupFiles: ['./tests/unit/setup.ts'],
    restoreMocks: true,
    // Vitest leaves one core free by default (one worker on a 2-core machine); nothing else runs beside it here.
    maxWorkers: '100%',
  },
});
