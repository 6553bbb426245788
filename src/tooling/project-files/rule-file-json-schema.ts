import { z } from 'zod';
import { ruleFileSchema } from '../../triage/rules/rule-schema.ts';

/**
 * The JSON Schema that rules/*.yaml point editors at (`$schema`), generated from
 * the same zod schema the build validates with, so the two cannot disagree.
 * `npm run rules:schema` writes it; a test fails when the committed copy is stale.
 */
export const RULE_FILE_JSON_SCHEMA_PATH = 'rules/rule-file.schema.json';

export function ruleFileJsonSchema(): string {
  const schema = z.toJSONSchema(ruleFileSchema, { io: 'input', unrepresentable: 'any' });
  return `${JSON.stringify({ ...schema, title: 'Hip triage rule file' }, null, 2)}\n`;
}
