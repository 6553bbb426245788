// The CodeSystem of this project's ids (FHIR R4): every answer option, specialist,
// urgency and rule, with its English words as the display and the other languages as
// designations, built from the catalogue and the locale files the wizard uses.
// Urgencies (v3, policy §6) are defined with what the person is told, so a receiving
// system can see the timeframe; rules display as "Hip triage rule {id}", with their
// reason as the definition, so that a system filing `reasonCode` never records a
// reason as a diagnosis.
// Sex is here too: HL7's administrative-gender is about records, not the body, and
// has no "prefers not to say" in its `other`.
// (Relative imports: vite.config.ts loads this file, before the @/ alias exists.)

import { SPECIALISTS, URGENCIES } from '../triage/catalogue.ts';
import { FIELD_IDS, NONE, fieldDefinition, type AnswerField } from '../triage/fields.ts';
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
  'urgency',
  'rule',
] as const;
type ConceptKind = (typeof CONCEPT_KINDS)[number];

/** The kind of the options of each choice question; the options themselves are the field table's. */
const OPTION_KINDS: Readonly<Partial<Record<AnswerField, ConceptKind>>> = {
  sex: 'sex',
  pregnancy: 'pregnancy-status',
  redFlags: 'red-flag',
  locations: 'location',
  onset: 'onset',
  duration: 'duration',
  symptoms: 'symptom',
  riskFactors: 'risk-factor',
};

/** A text of a locale file, by its dotted key. */
export const textAt = (tree: Tree, key: string): string | undefined => {
  const value = wordAt(tree, key);
  return typeof value === 'string' ? value : undefined;
};

const TRANSLATION = 'http://hl7.org/fhir/StructureDefinition/translation';

/** The words of other languages as FHIR's translation extension, for `_<element>` beside an English element. */
export const translations = (others: { language: string; content: string }[]) => ({
  extension: others.map(({ language, content }) => ({
    url: TRANSLATION,
    extension: [
      { url: 'lang', valueCode: language },
      { url: 'content', valueString: content },
    ],
  })),
});

interface Concept {
  code: string;
  display: string;
  definition?: string;
  _definition?: ReturnType<typeof translations>;
  designation?: { language: string; value: string }[];
  property: { code: 'kind'; valueCode: ConceptKind }[];
}

/** How a rule concept displays (policy §6, v3): never its reason, which a system could file as a diagnosis. */
export const ruleDisplay = (id: string) => `Hip triage rule ${id}`;

/** Words for staff: the reception variant of a key where there is one, else the patient's. */
const staffWords = (tree: Tree, key: string) => textAt(tree, `${key}_reception`) ?? textAt(tree, key);

/**
 * An urgency's instruction without the emergency number, which is the clinic's and
 * not known here ("Call the emergency number now, or go to…").
 */
const withoutNumber = (text: string | undefined) => text?.replace(/\s*\{\{\s*number\s*\}\}/g, '');

/** An option's words in one language: its label as reception mode shows it (for staff, not "I"), else the patient's. */
export const optionWords = (questions: Tree, field: string, id: string): string | undefined =>
  textAt(questions, `${field}.options.${id}.label_reception`) ?? textAt(questions, `${field}.options.${id}.label`);

/**
 * Some words in every language: the English ones (required: they are the FHIR
 * `display` or `text`), and the other languages' where they have them.
 */
export function inEachLanguage(words: FhirWords, pick: (language: FhirWords[string]) => string | undefined, what: string) {
  const english = pick(words.en!);
  if (!english) throw new Error(`FHIR: no English words for ${what}`);
  const others = Object.keys(words)
    .filter((language) => language !== 'en')
    .flatMap((language) => {
      const content = pick(words[language]!);
      return content ? [{ language, content }] : [];
    });
  return { english, others };
}

export function codeSystem(words: FhirWords, ruleIds: readonly string[]) {
  const concepts = new Map<string, Concept>();
  const add = (
    code: string,
    kind: ConceptKind,
    pick: ((language: FhirWords[string]) => string | undefined) | { display: string },
    define?: (language: FhirWords[string]) => string | undefined,
  ) => {
    const known = concepts.get(code);
    // One id, one concept: "limp" is a red flag under 18 and a symptom from then on.
    if (known) {
      known.property.push({ code: 'kind', valueCode: kind });
      return;
    }
    const { english, others } =
      typeof pick === 'function' ? inEachLanguage(words, pick, `${kind} "${code}"`) : { english: pick.display, others: [] };
    const definition = define && inEachLanguage(words, define, `the definition of ${kind} "${code}"`);
    concepts.set(code, {
      code,
      display: english,
      ...(definition && {
        definition: definition.english,
        ...(definition.others.length > 0 && { _definition: translations(definition.others) }),
      }),
      ...(others.length > 0 && { designation: others.map(({ language, content }) => ({ language, value: content })) }),
      property: [{ code: 'kind', valueCode: kind }],
    });
  };
  add(NONE, 'none-of-these', ({ questions }) => textAt(questions, 'redFlags.none'));
  for (const field of FIELD_IDS) {
    const definition = fieldDefinition(field);
    const kind = OPTION_KINDS[field];
    if (kind && (definition.kind === 'single' || definition.kind === 'multiple'))
      for (const id of definition.options) add(id, kind, ({ questions }) => optionWords(questions, field, id));
  }
  for (const id of SPECIALISTS) add(id, 'specialist', ({ outcomes }) => textAt(outcomes, `specialists.${id}.name`));
  // ServiceRequest.category (v3): its timeframe as the display, what the person is told as the definition.
  for (const id of URGENCIES)
    add(
      id,
      'urgency',
      ({ outcomes }) => staffWords(outcomes, `urgency.${id}.timeframe`),
      ({ outcomes }) => withoutNumber(textAt(outcomes, `urgency.${id}.instruction`)),
    );
  for (const id of ruleIds) add(id, 'rule', { display: ruleDisplay(id) }, ({ outcomes }) => staffWords(outcomes, `reasons.${id}`));
  const concept = [...concepts.values()];
  return {
    resourceType: 'CodeSystem',
    id: 'hip-triage',
    url: CODE_SYSTEM_URL,
    version: ARTEFACT_VERSION,
    name: 'HipTriage',
    title: 'Hip pain check: answer options, specialists, urgencies and rules',
    // Draft until the clinical safety officer signs the safety case off (docs/clinical-safety.md §5).
    status: 'draft',
    experimental: true,
    publisher: 'hip-triage project',
    description:
      'The ids the hip pain check (a non-diagnostic triage wizard) uses for answer options, the kinds of clinician it suggests, how soon (urgency) and the rules that fire. Not a diagnosis code system: a rule names why a check was triaged as it was, never a finding.',
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
