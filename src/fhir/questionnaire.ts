// The wizard's questions as a FHIR R4 Questionnaire (Structured Data Capture
// style), built from the field table, the "asked when" rules and the locale files:
// one item per answer field, linkId = the answer id, in the order they are asked.
// (Relative imports: vite.config.ts loads this file, before the @/ alias exists.)

import { HIP_REPLACEMENT_AGE_FROM, NUMBER_RANGES, PREGNANCY_AGE } from '../triage/catalogue.ts';
import { FIELD_IDS, NONE, fieldDefinition, type AnswerField } from '../triage/fields.ts';
import { CONTEXT_RULES, RED_FLAG_CONTEXT, type ContextRule } from '../triage/answers/asked-when.ts';
import { REQUIRED_WHEN_ASKED } from './answer-values.ts';
import { ARTEFACT_DATE, ARTEFACT_VERSION, CODE_SYSTEM_URL, QUESTIONNAIRE_URL } from './canonical.ts';
import { inEachLanguage, optionWords, textAt, translations, type FhirWords } from './code-system.ts';

type Tree = { [key: string]: unknown };
const ITEM_CONTROL = 'http://hl7.org/fhir/StructureDefinition/questionnaire-itemControl';
const OPTION_EXCLUSIVE = { url: 'http://hl7.org/fhir/StructureDefinition/questionnaire-optionExclusive', valueBoolean: true };
const ANSWER_EXPRESSION = 'http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-answerExpression';

/** The English text, with the other languages as translation extensions on `_<element>`. */
function translated(words: FhirWords, pick: (questions: Tree) => string | undefined, what: string) {
  const { english, others } = inEachLanguage(words, ({ questions }) => pick(questions), what);
  return { text: english, extension: translations(others) };
}

/** FHIRPath for "the answer to `field`" in a response. */
const answerTo = (field: AnswerField) => `%resource.item.where(linkId='${field}').answer.value`;

/** When a context's red flags are offered (asked-when.ts), in FHIRPath. */
export function contextExpression(rule: ContextRule): string {
  const { pregnancy, ageBelow, ageFrom, hipReplacement, ...rest } = rule;
  // A new kind of condition in asked-when.ts must be written here too: never offered to everyone by leaving it out.
  const unhandled: Record<string, never> = rest;
  if (Object.keys(unhandled).length > 0) throw new Error(`FHIR: no FHIRPath for ${Object.keys(unhandled).join(', ')}`);
  const parts: string[] = [];
  if (pregnancy) parts.push(`${answerTo('pregnancy')}.code.intersect(${pregnancy.map((s) => `'${s}'`).join(' | ')}).exists()`);
  if (ageBelow !== undefined) parts.push(`${answerTo('age')} < ${ageBelow}`);
  if (ageFrom !== undefined) parts.push(`${answerTo('age')} >= ${ageFrom}`);
  if (hipReplacement) parts.push(`${answerTo('hipReplacement')} = true`);
  if (parts.length === 0) throw new Error('FHIR: a red-flag context with no condition is offered to everyone');
  return parts.join(' and ');
}

/** An option's words: "None of these" or the option's label. */
const optionText = (questions: Tree, field: AnswerField, id: string) =>
  id === NONE ? textAt(questions, `${field}.none`) : optionWords(questions, field, id);

function coding(field: AnswerField, id: string, words: FhirWords) {
  const { text, extension } = translated(words, (questions) => optionText(questions, field, id), `${field} option ${id}`);
  return { system: CODE_SYSTEM_URL, code: id, display: text, _display: extension };
}

/**
 * When each option of a list is offered, as FHIRPath over the option's `code`:
 * the red flags of the policy table, and a limp as a symptom from 18 (where it
 * stops being a red flag). Options with no condition are offered to everyone.
 */
function optionConditions(field: AnswerField): [ids: string[], expression: string][] {
  const byExpression = new Map<string, string[]>();
  const add = (expression: string, id: string) => byExpression.set(expression, [...(byExpression.get(expression) ?? []), id]);
  if (field === 'redFlags')
    for (const [flag, context] of Object.entries(RED_FLAG_CONTEXT))
      if (context !== 'everyone') add(contextExpression(CONTEXT_RULES[context]), flag);
  if (field === 'symptoms') add(`${answerTo('age')} >= ${CONTEXT_RULES[RED_FLAG_CONTEXT.limp].ageBelow}`, 'limp');
  return [...byExpression].map(([expression, ids]) => [ids, expression]);
}

/** The id of the contained ValueSet that holds a list's options. */
const optionsValueSetId = (field: AnswerField) => `${field}-options`;

/**
 * A list whose options depend on earlier answers: SDC `answerExpression` picks
 * them from a contained ValueSet, by FHIRPath generated from the wizard's own
 * context table (docs/fhir.md).
 */
function optionsByExpression(field: AnswerField, ids: readonly string[], conditions: [string[], string][], words: FhirWords) {
  const valueSet = {
    resourceType: 'ValueSet',
    id: optionsValueSetId(field),
    status: 'draft',
    expansion: {
      timestamp: ARTEFACT_DATE,
      contains: ids.map((id) => {
        const { english, others } = inEachLanguage(words, ({ questions }) => optionText(questions, field, id), `${field} option ${id}`);
        return {
          system: CODE_SYSTEM_URL,
          code: id,
          display: english,
          designation: others.map(({ language, content }) => ({ language, value: content })),
        };
      }),
    },
  };
  const codes = (list: string[]) => `(${list.map((id) => `'${id}'`).join(' | ')})`;
  const filter = conditions.map(([list, expression]) => `(code in ${codes(list)} implies (${expression}))`).join(' and ');
  const expression = `%questionnaire.contained.where(id='${valueSet.id}').expansion.contains.where(${filter})`;
  return {
    valueSet,
    extension: { url: ANSWER_EXPRESSION, valueExpression: { language: 'text/fhirpath', expression } },
  };
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
        { question: 'sex', operator: '!=', answerCoding: { system: CODE_SYSTEM_URL, code: 'male' } },
        { question: 'age', operator: '>=', answerInteger: PREGNANCY_AGE.min },
        { question: 'age', operator: '<=', answerInteger: PREGNANCY_AGE.max },
      ],
      enableBehavior: 'all',
    };
  if (field === 'pregnancyWeeks')
    return { enableWhen: [{ question: 'pregnancy', operator: '=', answerCoding: { system: CODE_SYSTEM_URL, code: 'pregnant' } }] };
  // v3: from 16, before the warning signs (isHipReplacementAsked).
  if (field === 'hipReplacement') return { enableWhen: [{ question: 'age', operator: '>=', answerInteger: HIP_REPLACEMENT_AGE_FROM }] };
  return {};
}

/** A field's item, and the ValueSet its options come from where they depend on earlier answers. */
function item(field: AnswerField, words: FhirWords) {
  const definition = fieldDefinition(field);
  const { text, extension } = translated(words, (q) => textAt(q, `${field}.question`) ?? textAt(q, `${field}.label`), `${field} question`);
  const required = definition.required || field in REQUIRED_WHEN_ASKED;
  const base = { linkId: field, text, _text: extension, ...(required ? { required: true } : {}), ...enableWhen(field) };
  switch (definition.kind) {
    case 'number':
    case 'scale':
      return { item: { ...base, type: 'integer', extension: rangeExtensions(definition.field) } };
    case 'yes-no':
      return { item: { ...base, type: 'boolean' } };
    case 'single':
      return {
        item: {
          ...base,
          type: 'choice',
          // Radio buttons, as the wizard shows them (a renderer's default may be a drop-down).
          extension: [itemControl('radio-button')],
          answerOption: definition.options.map((id) => ({ valueCoding: coding(field, id, words) })),
        },
      };
    case 'multiple': {
      const ids = [...definition.options, ...(definition.withNone ? [NONE] : [])];
      const conditions = optionConditions(field);
      const list = { ...base, type: 'choice', repeats: true };
      if (conditions.length === 0)
        return {
          item: {
            ...list,
            extension: [itemControl('check-box')],
            // "None of these" clears the other ticks, as in the wizard.
            answerOption: ids.map((id) => ({
              ...(id === NONE ? { extension: [OPTION_EXCLUSIVE] } : {}),
              valueCoding: coding(field, id, words),
            })),
          },
        };
      const { valueSet, extension: answerExpression } = optionsByExpression(field, ids, conditions, words);
      return {
        item: {
          ...list,
          extension: [itemControl('check-box'), answerExpression],
          // The whole list, for renderers without answerExpression (and the reference FHIR requires to a contained resource).
          answerValueSet: `#${valueSet.id}`,
        },
        valueSet,
      };
    }
  }
}

export function questionnaire(words: FhirWords) {
  const items = FIELD_IDS.map((field) => item(field, words));
  return {
    resourceType: 'Questionnaire',
    id: 'hip-triage',
    // The language of `text` and `display`; the others are translation extensions.
    language: 'en',
    contained: items.flatMap(({ valueSet }) => (valueSet ? [valueSet] : [])),
    url: QUESTIONNAIRE_URL,
    version: ARTEFACT_VERSION,
    name: 'HipPainCheck',
    title: 'Hip pain check',
    status: 'draft',
    experimental: true,
    date: ARTEFACT_DATE,
    subjectType: ['Patient'],
    publisher: 'hip-triage project',
    description:
      'The questions of the hip pain check, a non-diagnostic triage wizard: who to see about hip pain and how soon. Not a diagnosis. The wizard stops at an emergency answer; this form cannot, so a response may hold answers after one: the recommendation ignores them.',
    item: items.map(({ item }) => item),
  };
}
