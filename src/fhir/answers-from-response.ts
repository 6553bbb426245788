// The reverse of triage-bundle.ts: a FHIR R4 QuestionnaireResponse to our
// Questionnaire (filled in any FHIR forms renderer) back into a wizard answers
// object. Only the shape is checked here (which item, which value type, which
// code system); the answers schema then checks the values and the "asked when"
// rules exactly as for the wizard and the CLI. Every problem names the item by its
// linkId, which is the answer id.
// (Relative imports: the CLI and the tests load this with Node.)

import { FIELD_IDS, fieldDefinition, type AnswerField } from '../triage/fields.ts';
import { ARTEFACT_VERSION, CODE_SYSTEM_URL, GENDER_SYSTEM, QUESTIONNAIRE_URL } from './canonical.ts';
import { NONE_CODE } from './code-system.ts';
import { REQUIRED_WHEN_ASKED } from './questionnaire.ts';
import { PREGNANCY_STATUSES, SEXES, type PregnancyStatus, type Sex } from '../triage/catalogue.ts';

/** A problem with a response: where (FHIRPath), an `errors` message key and its values. */
export interface ResponseIssue {
  where: string;
  key: string;
  values?: Record<string, string | number>;
}

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
const shown = (value: unknown) => JSON.stringify(value) ?? 'undefined';

/** An item, and one of its answers, as FHIRPath: `item.where(linkId='redFlags').answer[2]`. */
export const itemPath = (linkId: string, answerIndex?: number) =>
  `item.where(linkId='${linkId}')${answerIndex === undefined ? '' : `.answer[${answerIndex}]`}`;

const isField = (linkId: unknown): linkId is AnswerField => typeof linkId === 'string' && (FIELD_IDS as readonly string[]).includes(linkId);

/** The value element each kind of item takes, as triage-bundle.ts writes it. */
function valueElement(field: AnswerField): 'valueInteger' | 'valueBoolean' | 'valueCoding' {
  const { kind } = fieldDefinition(field);
  return kind === 'number' || kind === 'scale' ? 'valueInteger' : kind === 'yes-no' ? 'valueBoolean' : 'valueCoding';
}

const systemOf = (field: AnswerField) => (field === 'sex' ? GENDER_SYSTEM : CODE_SYSTEM_URL);

/** One item's answers as the wizard's value, or the problems that stop it. */
function itemValue(field: AnswerField, answers: unknown[], issues: ResponseIssue[]): unknown {
  const element = valueElement(field);
  const values: unknown[] = [];
  answers.forEach((answer, index) => {
    const where = itemPath(field, index);
    const value = isObject(answer) ? answer[element] : undefined;
    if (value === undefined) {
      const given = isObject(answer) ? Object.keys(answer).find((key) => key.startsWith('value')) : undefined;
      issues.push({ where, key: 'fhir.wrongValueType', values: { expected: element, value: given ?? shown(answer) } });
      return;
    }
    if (element !== 'valueCoding') return values.push(value);
    const system = isObject(value) ? value.system : undefined;
    if (system !== systemOf(field)) {
      issues.push({ where, key: 'fhir.wrongSystem', values: { expected: systemOf(field), value: shown(system) } });
      return;
    }
    values.push((value as Json).code);
  });
  if (issues.length > 0) return undefined;
  const definition = fieldDefinition(field);
  if (definition.kind !== 'multiple') {
    if (values.length > 1) issues.push({ where: itemPath(field), key: 'fhir.oneAnswerOnly', values: { count: values.length } });
    return values[0];
  }
  // "None of these" is an empty list, and only on its own.
  if (values.includes(NONE_CODE)) {
    if (values.length > 1) issues.push({ where: itemPath(field), key: 'fhir.noneWithOthers', values: { none: NONE_CODE } });
    return [];
  }
  return values;
}

/**
 * The answers in a QuestionnaireResponse to our Questionnaire, as the wizard's
 * answers object (still to be validated by the answers schema), or what is wrong
 * with its shape.
 */
export function answersFromResponse(response: Json): { answers: Json; issues: ResponseIssue[] } {
  const issues: ResponseIssue[] = [];
  const expected = `${QUESTIONNAIRE_URL}|${ARTEFACT_VERSION}`;
  // Our url, with this version or none: another version may use other ids.
  if (response.questionnaire !== expected && response.questionnaire !== QUESTIONNAIRE_URL)
    issues.push({ where: 'questionnaire', key: 'fhir.otherQuestionnaire', values: { expected, value: shown(response.questionnaire) } });
  if (response.status === 'entered-in-error') issues.push({ where: 'status', key: 'fhir.enteredInError' });
  const items = Array.isArray(response.item) ? response.item : [];
  if (response.item !== undefined && !Array.isArray(response.item))
    issues.push({ where: 'item', key: 'fhir.notAList', values: { value: shown(response.item) } });
  const answers: Json = {};
  const seen = new Set<string>();
  items.forEach((item: unknown, index) => {
    const linkId = isObject(item) ? item.linkId : undefined;
    if (!isField(linkId)) {
      issues.push({ where: `item[${index}]`, key: 'fhir.unknownLinkId', values: { value: shown(linkId), known: FIELD_IDS.join(', ') } });
      return;
    }
    const where = itemPath(linkId);
    if (seen.has(linkId)) return issues.push({ where, key: 'fhir.repeatedItem' });
    seen.add(linkId);
    const { item: nested, answer } = item as Json;
    if (nested !== undefined) issues.push({ where, key: 'fhir.nestedItems' });
    if (answer !== undefined && !Array.isArray(answer))
      return issues.push({ where, key: 'fhir.notAList', values: { value: shown(answer) } });
    // An item without answers is a question left blank.
    if (!answer || answer.length === 0) return;
    const itemIssues: ResponseIssue[] = [];
    const value = itemValue(linkId, answer, itemIssues);
    issues.push(...itemIssues);
    if (itemIssues.length === 0) answers[linkId] = value;
  });
  // What the Questionnaire requires whenever it is asked (the pregnancy answer: without it the pregnancy
  // warning signs were never offered), judged on the answers that are valid.
  const context = {
    ...(Number.isInteger(answers.age) ? { age: answers.age as number } : {}),
    ...((SEXES as readonly unknown[]).includes(answers.sex) ? { sex: answers.sex as Sex } : {}),
    ...((PREGNANCY_STATUSES as readonly unknown[]).includes(answers.pregnancy) ? { pregnancy: answers.pregnancy as PregnancyStatus } : {}),
  };
  for (const [field, isAsked] of Object.entries(REQUIRED_WHEN_ASKED))
    if (isAsked(context) && answers[field] === undefined && !issues.some((issue) => issue.where.startsWith(itemPath(field))))
      issues.push({ where: itemPath(field), key: `fhir.requiredWhenAsked.${field}` });
  return { answers, issues };
}

/** A response found in the input, with where it was (for messages), or why the input holds none. */
export type FoundResponse = { where: string; response: Json } | { where: string; issue: ResponseIssue };

/**
 * The QuestionnaireResponses in what the CLI was given: one, a Bundle of them (such
 * as `--format fhir` prints), or an array of either.
 */
export function responsesIn(input: unknown, where = ''): FoundResponse[] {
  if (Array.isArray(input)) return input.flatMap((element, index) => responsesIn(element, `${where}[${index}]`));
  const type = isObject(input) ? input.resourceType : undefined;
  if (type === 'QuestionnaireResponse') return [{ where, response: input as Json }];
  if (type === 'Bundle') {
    const entries = Array.isArray((input as Json).entry) ? ((input as Json).entry as unknown[]) : [];
    const found = entries.flatMap((entry, index) => {
      const resource = isObject(entry) ? entry.resource : undefined;
      return isObject(resource) && resource.resourceType === 'QuestionnaireResponse'
        ? [{ where: `${where}${where ? '.' : ''}entry[${index}].resource`, response: resource }]
        : [];
    });
    if (found.length > 0) return found;
    return [{ where, issue: { where, key: 'fhir.noResponseInBundle' } }];
  }
  return [{ where, issue: { where, key: 'fhir.notAResponse', values: { value: shown(type) } } }];
}
