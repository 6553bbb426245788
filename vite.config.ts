import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { triageRulesPlugin } from './src/tooling/triage-rules-plugin.ts';
import { contentSecurityPolicyPlugin } from './src/tooling/content-security-policy.ts';

export default defineConfig({
  // Relative asset URLs let a clinic host the build under any path.
  base: './',
  plugins: [react(), triageRulesPlugin(), contentSecurityPolicyPlugin()],
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  build: {
    target: 'es2022',
    sourcemap: true,
    rolldownOptions: {
      output: {
        // Locale chunks are named by language (locale-ru-questions-….js), so it is
        // plain which language a page downloaded.
        chunkFileNames: (chunk) => {
          const locale = /\/locales\/([a-z]{2})\/([a-z-]+)\.json$/.exec(chunk.facadeModuleId ?? '');
          return locale ? `assets/locale-${locale[1]}-${locale[2]}-[hash].js` : 'assets/[name]-[hash].js';
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
  },
});
