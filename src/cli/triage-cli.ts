#!/usr/bin/env node
/**
 * npm run --silent triage -- [--format fhir | --from fhir] <answers.json | ->
 *
 * Reads one answers object or an array of them and prints the recommendation(s) as
 * JSON, or with `--format fhir` a FHIR R4 Bundle for each (docs/fhir.md). With
 * `--from fhir` it reads FHIR QuestionnaireResponses to our Questionnaire instead
 * (one, a Bundle of them, or an array) and prints their recommendations. Invalid
 * input: exit 2, nothing on stdout, one line per offending field on stderr. Same
 * answers schema and engine as the wizard; rules read from `rules/`. The work is
 * `runTriageCli` (run-triage-cli.ts); this file only connects it to the process.
 */
import { runTriageCli } from './run-triage-cli.ts';

const { stdout, stderr, exitCode } = await runTriageCli(process.argv.slice(2));
process.stdout.write(stdout);
process.stderr.write(stderr);
// Not process.exit(): that could cut a large output short before it is written.
process.exitCode = exitCode;
