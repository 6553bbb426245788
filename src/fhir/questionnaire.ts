// The wizard's questions as a FHIR R4 Questionnaire (Structured Data Capture
// style), built from the field table, the "asked when" rules and the locale files:
// one item per answer field, linkId = the answer id, in the order they are asked.
// (Relative imports: vite.config.ts loads this file, before the @/ alias exists.)

import { NUMBER_RANGES, PREGNANCY_AGE } from '../triage/catalogue.ts';
import { FIELD_IDS, fieldDefinition, type AnswerField } from '../triage/fields.ts';
import { CONTEXT_RULES, RED_FLAG_CONTEXT, type ContextRule } from '../triage/answers/asked-when.ts';
import { ARTEFACT_VERSION, CODE_SYSTEM_URL, GENDER_SYSTEM, QUESTIONNAIRE_URL } from './canonical.ts';
import { NONE_CODE, optionWords, textAt, type FhirWords } from './code-system.ts';

type Tree = { [key: string]: unknown };
const TRANSLATION = 'http://hl7.org/fhir/StructureDefinition/translation';
const ITEM_CONTROL = 'http://hl7.org/fhir/StructureDefinition/questionnaire-itemControl';
const TOGGLE = 'http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-answerOptionsToggleExpression';

/** The English text, with the other languages as translation extensions on `_<element>`. */
function translated(words: FhirWords, pick: (questions: Tree) => string | undefined, what: string) {
  const english = pick(words.en!.questions);
  if (!english) throw new Error(`FHIR Questionnaire: no English words for ${what}`);
  const others = Object.keys(words).filter((language) => language !== 'en');
  return {
    text: english,
    extension: {
      extension: others.flatMap((language) => {
        const content = pick(words[language]!.questions);
        return content
          ? [
              {
                url: TRANSLATION,
                extension: [
                  { url: 'lang', valueCode: language },
                  { url: 'content', valueString: content },
                ],
              },
            ]
          : [];
      }),
    },
  };
}

/** FHIRPath for "the answer to `field`" in a response. */
const answerTo = (field: AnswerField) => `%resource.item.where(linkId='${field}').answer.value`;

/** When a context's red flags are offered (asked-when.ts), in FHIRPath. */
export function contextExpression(rule: ContextRule): string {
  const parts: string[] = [];
  if (rule.pregnancy) parts.push(`${answerTo('pregnancy')}.code.intersect(${rule.pregnancy.map((s) => `'${s}'`).join(' | ')}).exists()`);
  if (rule.ageBelow !== undefined) parts.push(`${answerTo('age')} < ${rule.ageBelow}`);
  return parts.join(' and ');
}

function coding(field: AnswerField, id: string, words: FhirWords) {
  const { text, extension } = translated(
    words,
    (questions) => (id === NONE_CODE ? textAt(questions, `${field}.none`) : optionWords(questions, field, id)),
    `${field} option ${id}`,
  );
  return { system: field === 'sex' ? GENDER_SYSTEM : CODE_SYSTEM_URL, code: id, display: text, _display: extension };
}

/** Options offered only in some contexts: shown when the context's expression holds (SDC). */
function toggles(field: AnswerField, words: FhirWords) {
  const byExpression = new Map<string, string[]>();
  const add = (expression: string, id: string) => byExpression.set(expression, [...(byExpression.get(expression) ?? []), id]);
  if (field === 'redFlags')
    for (const [flag, context] of Object.entries(RED_FLAG_CONTEXT))
      if (context !== 'everyone') add(contextExpression(CONTEXT_RULES[context]), flag);
  // A limp is a red flag while it is one (under 18), a symptom from then on.
  if (field === 'symptoms') add(`${answerTo('age')} >= ${CONTEXT_RULES[RED_FLAG_CONTEXT.limp].ageBelow}`, 'limp');
  return [...byExpression].map(([expression, ids]) => ({
    url: TOGGLE,
    extension: [
      ...ids.map((id) => {
        const { _display: _, ...plain } = coding(field, id, words);
        return { url: 'option', valueCoding: plain };
      }),
      { url: 'expression', valueExpression: { language: 'text/fhirpath', expression } },
    ],
  }));
}

const itemControl = (code: 'radio-button' | 'check-box') => ({
  url: ITEM_CONTROL,
  valueCodeableConcept: { coding: [{ system: 'http://hl7.org/fhir/questionnaire-item-control', code }] },
});

const rangeExtensions = (field: 'age' | 'pregnancyWeeks' | 'painScore') => [
  { url: 'http://hl7.org/fhir/StructureDefinition/minValue', valueInteger: NUMBER_RANGES[field].min },
  { url: 'http://hl7.org/fhir/StructureDefinition/maxValue', valueInteger: NUMBER_RANGES[field].max },
];

/** When a field is asked (asked-when.ts), as enableWhen. */
function enableWhen(field: AnswerField) {
  if (field === 'pregnancy')
    return {
      enableWhen: [
        { question: 'sex', operator: 'exists', answerBoolean: true },
        { question: 'sex', operator: '!=', answerCoding: { system: GENDER_SYSTEM, code: 'male' } },
        { question: 'age', operator: '>=', answerInteger: PREGNANCY_AGE.min },
        { question: 'age', operator: '<=', answerInteger: PREGNANCY_AGE.max },
      ],
      enableBehavior: 'all',
    };
  if (field === 'pregnancyWeeks')
    return { enableWhen: [{ question: 'pregnancy', operator: '=', answerCoding: { system: CODE_SYSTEM_URL, code: 'pregnant' } }] };
  return {};
}

function item(field: AnswerField, words: FhirWords) {
  const definition = fieldDefinition(field);
  const { text, extension } = translated(words, (q) => textAt(q, `${field}.question`) ?? textAt(q, `${field}.label`), `${field} question`);
  const base = { linkId: field, text, _text: extension, ...(definition.required ? { required: true } : {}), ...enableWhen(field) };
  switch (definition.kind) {
    case 'number':
    case 'scale':
      return { ...base, type: 'integer', extension: rangeExtensions(definition.field) };
    case 'yes-no':
      return { ...base, type: 'boolean' };
    case 'single':
      return {
        ...base,
        type: 'choice',
        // Radio buttons, as the wizard shows them (a renderer's default may be a drop-down).
        extension: [itemControl('radio-button')],
        answerOption: definition.options.map((id) => ({ valueCoding: coding(field, id, words) })),
      };
    case 'multiple':
      return {
        ...base,
        type: 'choice',
        repeats: true,
        extension: [
          {
            url: ITEM_CONTROL,
            valueCodeableConcept: { coding: [{ system: 'http://hl7.org/fhir/questionnaire-item-control', code: 'check-box' }] },
          },
          ...toggles(field, words),
        ],
        answerOption: [...definition.options, ...(definition.withNone ? [NONE_CODE] : [])].map((id) => ({
          valueCoding: coding(field, id, words),
        })),
      };
  }
}

export function questionnaire(words: FhirWords) {
  return {
    resourceType: 'Questionnaire',
    id: 'hip-triage',
    url: QUESTIONNAIRE_URL,
    version: ARTEFACT_VERSION,
    name: 'HipPainCheck',
    title: 'Hip pain check',
    status: 'draft',
    experimental: true,
    subjectType: ['Patient'],
    publisher: 'hip-triage project',
    description:
      'The questions of the hip pain check, a non-diagnostic triage wizard: who to see about hip pain and how soon. Not a diagnosis. The wizard stops at an emergency answer; this form cannot, so a response may hold answers after one: the recommendation ignores them.',
    item: FIELD_IDS.map((field) => item(field, words)),
  };
}
