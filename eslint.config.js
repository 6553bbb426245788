// @ts-check
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import reactHooks from 'eslint-plugin-react-hooks';
import { importX } from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * Lint, and the layers of docs/architecture.md kept by the tooling (in the style of
 * bulletproof-react's import/no-restricted-paths zones):
 *   core (src/triage)           imports no UI, no i18n, no Node-only code, nothing else of src;
 *   FHIR mapping (src/fhir)     imports only the core and i18n's word lookup (the wizard and the CLI share it);
 *   features                    never import the app shell (src/app) nor each other: what two features
 *                               share lives in a shared folder;
 *   shared (components, i18n, wizard, clinic, questions, storage) never import features or the app shell;
 *   browser code                never imports node:* or classic zod (zod/mini only; types are fine);
 *   src                         never imports tests.
 */
/** The feature folders (also read by src/tooling/checks/import-graph.test.ts). */
export const FEATURE_NAMES = ['articles', 'check-answers', 'embed', 'reception', 'result', 'start', 'steps'];
const FEATURES = FEATURE_NAMES.map((f) => `./src/${f}`);
const SHARED = ['components', 'i18n', 'wizard', 'clinic', 'questions', 'storage'].map((f) => `./src/${f}`);
const NODE_SIDE = ['src/cli/**', 'src/tooling/**', 'src/triage/rules/compile-rule-files.ts', 'src/triage/rules/rule-schema.ts'];
const TESTS = ['tests/**', 'src/**/*.test.{ts,tsx}'];

export default tseslint.config(
  {
    ignores: ['dist/**', 'dist-default/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'public/embed.js', 'examples/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    // The rules of hooks, and effects that name what they use (React's own lint rules).
    // Not tests/browser: Playwright fixtures call a `use` that is not React's.
    files: ['src/**/*.{ts,tsx}', 'tests/unit/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  {
    files: ['**/*.{ts,tsx,js,mjs}'],
    plugins: { 'import-x': importX },
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    settings: { 'import-x/resolver-next': [createTypeScriptImportResolver({ project: 'tsconfig.json' })] },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
    },
  },
  {
    // Tests reach into every layer on purpose; the layers bind the code they test.
    files: ['src/**/*.{ts,tsx}'],
    ignores: TESTS,
    plugins: { 'import-x': importX },
    settings: { 'import-x/resolver-next': [createTypeScriptImportResolver({ project: 'tsconfig.json' })] },
    rules: {
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            {
              target: './src/triage',
              from: './src',
              except: ['./triage'],
              message: 'The core (src/triage) is pure: it imports nothing of the UI, i18n, the wizard or the tooling.',
            },
            {
              target: [...FEATURES, ...SHARED],
              from: './src/app',
              message: 'Only the app shell imports src/app; move shared plumbing to src/wizard.',
            },
            {
              target: SHARED,
              from: FEATURES,
              message: 'Shared code (components, i18n, wizard, clinic, questions, storage) never imports a feature.',
            },
            // Features side by side: each may use the core and shared code, never another feature.
            ...FEATURE_NAMES.map((feature) => ({
              target: `./src/${feature}`,
              from: FEATURES.filter((other) => other !== `./src/${feature}`),
              message: 'A feature never imports another feature; move what both need to a shared folder.',
            })),
            {
              target: './src/fhir',
              from: './src',
              except: ['./fhir', './triage', './i18n/word-at.ts'],
              message: 'The FHIR mapping (src/fhir) uses only the core and word-at: the wizard and the CLI both load it.',
            },
            { target: './src', from: './tests', message: 'Source never imports test code.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/triage/**/*.{ts,tsx}'],
    ignores: TESTS,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['react', 'react-dom', 'react-*', '@xstate/react', 'i18next', 'react-i18next'],
              message: 'The core has no UI and no i18n.',
            },
            { group: ['node:*'], message: 'The core runs in the browser too: no Node-only code.' },
          ],
        },
      ],
    },
  },
  {
    // Browser code: the build must not pull in Node modules or the classic zod API (zod/mini only).
    files: ['src/**/*.{ts,tsx}'],
    ignores: [...NODE_SIDE, ...TESTS],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'zod', message: 'Use zod/mini in browser code (about 20 KB gzip smaller).', allowTypeImports: true }],
          patterns: [{ group: ['node:*'], message: 'Browser code cannot use Node modules.' }],
        },
      ],
    },
  },
  prettier,
);
