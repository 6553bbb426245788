// The CodeSystem of this project's ids (FHIR R4): every answer option, specialist
// and rule, with its English words as the display and the other languages as
// designations, built from the catalogue and the locale files the wizard uses.
// Sex is here too: HL7's administrative-gender is about records, not the body, and
// has no "prefers not to say" in its `other`.
// (Relative imports: vite.config.ts loads this file, before the @/ alias exists.)

import {
  DURATIONS,
  LOCATIONS,
  ONSETS,
  PREGNANCY_STATUSES,
  RED_FLAGS,
  RISK_FACTORS,
  SEXES,
  SPECIALISTS,
  SYMPTOMS,
} from '../triage/catalogue.ts';
import { wordAt } from '../i18n/word-at.ts';
import { ARTEFACT_VERSION, CODE_SYSTEM_URL } from './canonical.ts';

type Tree = { [key: string]: unknown };
/** The words of each language: `questions` and `outcomes`, as in locales/<language>/. */
export type FhirWords = Record<string, { questions: Tree; outcomes: Tree }>;

/** What an id is, as the concept property `kind`. */
export const CONCEPT_KINDS = [
  'none-of-these',
  'sex',
  'pregnancy-status',
  'red-flag',
  'location',
  'onset',
  'duration',
  'symptom',
  'risk-factor',
  'specialist',
  'rule',
] as const;
type ConceptKind = (typeof CONCEPT_KINDS)[number];

const OPTION_SOURCES: readonly { kind: ConceptKind; field: string; ids: readonly string[] }[] = [
  { kind: 'sex', field: 'sex', ids: SEXES },
  { kind: 'pregnancy-status', field: 'pregnancy', ids: PREGNANCY_STATUSES },
  { kind: 'red-flag', field: 'redFlags', ids: RED_FLAGS },
  { kind: 'location', field: 'locations', ids: LOCATIONS },
  { kind: 'onset', field: 'onset', ids: ONSETS },
  { kind: 'duration', field: 'duration', ids: DURATIONS },
  { kind: 'symptom', field: 'symptoms', ids: SYMPTOMS },
  { kind: 'risk-factor', field: 'riskFactors', ids: RISK_FACTORS },
];

/** A text of a locale file, by its dotted key. */
export const textAt = (tree: Tree, key: string): string | undefined => {
  const value = wordAt(tree, key);
  return typeof value === 'string' ? value : undefined;
};

interface Concept {
  code: string;
  display: string;
  designation: { language: string; value: string }[];
  property: { code: 'kind'; valueCode: ConceptKind }[];
}

/** "None of these", the answer to a list where nothing applies (the wizard's `none`). */
export const NONE_CODE = 'none';

/** An option's words in one language: its label as reception mode shows it (for staff, not "I"), else the patient's. */
export const optionWords = (questions: Tree, field: string, id: string): string | undefined =>
  textAt(questions, `${field}.options.${id}.label_reception`) ?? textAt(questions, `${field}.options.${id}.label`);

export function codeSystem(words: FhirWords, ruleIds: readonly string[]) {
  const languages = Object.keys(words).filter((language) => language !== 'en');
  const concepts = new Map<string, Concept>();
  const add = (code: string, kind: ConceptKind, wordsOf: (language: string) => string | undefined) => {
    const known = concepts.get(code);
    // One id, one concept: "limp" is a red flag under 18 and a symptom from then on.
    if (known) {
      known.property.push({ code: 'kind', valueCode: kind });
      return;
    }
    const display = wordsOf('en');
    if (!display) throw new Error(`FHIR CodeSystem: no English words for ${kind} "${code}"`);
    concepts.set(code, {
      code,
      display,
      designation: languages.flatMap((language) => {
        const value = wordsOf(language);
        return value ? [{ language, value }] : [];
      }),
      property: [{ code: 'kind', valueCode: kind }],
    });
  };
  add(NONE_CODE, 'none-of-these', (language) => textAt(words[language]!.questions, 'redFlags.none'));
  for (const { kind, field, ids } of OPTION_SOURCES)
    for (const id of ids) add(id, kind, (language) => optionWords(words[language]!.questions, field, id));
  for (const id of SPECIALISTS) add(id, 'specialist', (language) => textAt(words[language]!.outcomes, `specialists.${id}.name`));
  for (const id of ruleIds) add(id, 'rule', (language) => textAt(words[language]!.outcomes, `reasons.${id}`));
  const concept = [...concepts.values()];
  return {
    resourceType: 'CodeSystem',
    id: 'hip-triage',
    url: CODE_SYSTEM_URL,
    version: ARTEFACT_VERSION,
    name: 'HipTriage',
    title: 'Hip pain check: answer options, specialists and rules',
    // Draft until the clinical safety officer signs the safety case off (docs/clinical-safety.md §5).
    status: 'draft',
    experimental: true,
    publisher: 'hip-triage project',
    description:
      'The ids the hip pain check (a non-diagnostic triage wizard) uses for answer options, the kinds of clinician it suggests and the rules that fire. Not a diagnosis code system.',
    caseSensitive: true,
    content: 'complete',
    count: concept.length,
    property: [
      {
        code: 'kind',
        uri: `${CODE_SYSTEM_URL}#kind`,
        description: `What the id names: ${CONCEPT_KINDS.join(', ')}`,
        type: 'code',
      },
    ],
    concept,
  };
}
