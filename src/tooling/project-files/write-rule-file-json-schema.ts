import { writeFileSync } from 'node:fs';
import { RULE_FILE_JSON_SCHEMA_PATH, ruleFileJsonSchema } from './rule-file-json-schema.ts';

writeFileSync(RULE_FILE_JSON_SCHEMA_PATH, ruleFileJsonSchema());
console.log(`wrote ${RULE_FILE_JSON_SCHEMA_PATH}`);
