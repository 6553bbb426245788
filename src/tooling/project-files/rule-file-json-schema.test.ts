// @vitest-environment node
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { RULE_FILE_JSON_SCHEMA_PATH, ruleFileJsonSchema } from './rule-file-json-schema.ts';

it('the committed JSON Schema for rule files matches the zod schema (run npm run rules:schema if not)', () => {
  expect(readFileSync(RULE_FILE_JSON_SCHEMA_PATH, 'utf8')).toBe(ruleFileJsonSchema());
});
