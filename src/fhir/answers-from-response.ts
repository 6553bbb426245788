// The reverse of triage-bundle.ts: a FHIR R4 QuestionnaireResponse to our
// Questionnaire (filled in any FHIR forms renderer) back into a wizard answers
// object. Only the shape is checked here (which questionnaire and status, which
// item, which value type and code system, how many answers); the answers schema
// then checks the values and the "asked when" rules exactly as for the wizard and
// the CLI. Every problem names the item by its linkId, which is the answer id.
// Anything not understood is refused, never skipped: a skipped answer could be
// the warning sign that makes a check an emergency.
// (Relative imports: the CLI and the tests load this with Node.)

import { FIELD_IDS, NONE, fieldDefinition, type AnswerField } from '../triage/fields.ts';
import { PREGNANCY_STATUSES, SEXES, type PregnancyStatus, type Sex } from '../triage/catalogue.ts';
import { shorten } from '../triage/answers/describe-answers-issue.ts';
import { ANSWERED_QUESTIONNAIRE, ARTEFACT_VERSION, CODE_SYSTEM_URL } from './canonical.ts';
import { REQUIRED_WHEN_ASKED, mostAnswers, valueElementOf } from './answer-values.ts';

/** A problem with a response: where (FHIRPath), an `errors` message key and its values. */
export interface ResponseIssue {
  where: string;
  key: string;
  values?: Record<string, string | number>;
}

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);
/** A value as it appears in a message: JSON, cut short so that one huge value cannot flood the output. */
const shown = (value: unknown, max?: number) => shorten(JSON.stringify(value) ?? 'undefined', max);
/** Room for a whole canonical URL with its version, so that the difference shows. */
const CANONICAL_CHARS = 200;

/** Statuses whose answers stand (FHIR: in-progress, stopped and entered-in-error do not). */
const FINAL_STATUSES: readonly unknown[] = ['completed', 'amended'];

/**
 * The elements read (or safely passed over: ids, metadata, who and when) at each
 * level; anything else is refused, never skipped. `modifierExtension`,
 * `implicitRules` and `contained` are refused wherever they are (not-understood.ts).
 */
const RESPONSE_ELEMENTS = new Set([
  ...['resourceType', 'id', 'meta', 'language', 'text', 'identifier', 'basedOn', 'partOf'],
  ...['questionnaire', 'status', 'subject', 'encounter', 'authored', 'author', 'source', 'item'],
]);
const ITEM_ELEMENTS = new Set(['id', 'linkId', 'definition', 'text', 'answer', 'item']);
const CODING_ELEMENTS = new Set(['id', 'system', 'version', 'code', 'display']);
/** Reported elsewhere, with their own words. */
const REFUSED_ANYWHERE = new Set(['modifierExtension', 'implicitRules', 'contained']);

/** Each element of `object` not in `known`, as an issue at `where.element`. */
function unknownElements(object: Json, known: ReadonlySet<string>, where: string, key = 'fhir.notUnderstood'): ResponseIssue[] {
  return Object.keys(object)
    .filter((name) => !known.has(name) && !REFUSED_ANYWHERE.has(name.replace(/^_/, '')))
    .map((name) => ({ where: join(where, shorten(name)), key }));
}

/** An item, and one of its answers, as FHIRPath: `item.where(linkId='redFlags').answer[2]`. */
export const itemPath = (linkId: string, answerIndex?: number) =>
  `item.where(linkId='${linkId}')${answerIndex === undefined ? '' : `.answer[${answerIndex}]`}`;

const FIELD_IDS_SET = Object.fromEntries(FIELD_IDS.map((field) => [field, true]));
// Own properties only: a linkId may be called "constructor" or "__proto__".
const isField = (linkId: unknown): linkId is AnswerField => typeof linkId === 'string' && Object.hasOwn(FIELD_IDS_SET, linkId);

/** One answer's value (a number, a boolean or one of our codes), or why it cannot be read. */
function answerValue(field: AnswerField, answer: unknown, where: string): { value: unknown } | { issue: ResponseIssue } {
  const element = valueElementOf(field);
  if (!isObject(answer)) return { issue: { where, key: 'fhir.notAnAnswer', values: { value: shown(answer) } } };
  if (answer.item !== undefined) return { issue: { where, key: 'fhir.nestedItems' } };
  const value = answer[element];
  if (value === undefined) {
    const given = Object.keys(answer).find((key) => key.startsWith('value'));
    return { issue: { where, key: 'fhir.wrongValueType', values: { expected: element, value: given ? shorten(given) : shown(answer) } } };
  }
  // One value, and nothing beside it: a second value, an extension (data-absent-reason, …) or `_value…` is not read.
  const [unknown] = unknownElements(answer, new Set(['id', element]), where);
  if (unknown)
    return {
      issue: Object.keys(answer).some((key) => key !== element && key.startsWith('value'))
        ? { ...unknown, key: 'fhir.secondValue', values: { expected: element } }
        : unknown,
    };
  if (element !== 'valueCoding') return { value };
  if (!isObject(value) || value.system !== CODE_SYSTEM_URL)
    return {
      issue: {
        where,
        key: 'fhir.wrongSystem',
        values: { expected: CODE_SYSTEM_URL, value: shown(isObject(value) ? value.system : value) },
      },
    };
  if (typeof value.code !== 'string') return { issue: { where, key: 'fhir.noCode', values: { value: shown(value.code) } } };
  const [notInCoding] = unknownElements(value, CODING_ELEMENTS, join(where, 'valueCoding'));
  if (notInCoding) return { issue: notInCoding };
  if (value.version !== undefined && value.version !== ARTEFACT_VERSION)
    return {
      issue: {
        where: join(where, 'valueCoding.version'),
        key: 'fhir.otherVersion',
        values: { expected: ARTEFACT_VERSION, value: shown(value.version) },
      },
    };
  return { value: value.code };
}

/** One item's answers as the wizard's value, or the problems that stop it. */
function itemValue(field: AnswerField, answers: unknown[]): { value?: unknown; issues: ResponseIssue[] } {
  // Refused before anything is read: a list of a million answers costs nothing.
  if (answers.length > mostAnswers(field))
    return { issues: [{ where: itemPath(field), key: 'fhir.tooManyAnswers', values: { count: answers.length, max: mostAnswers(field) } }] };
  const read = answers.map((answer, index) => answerValue(field, answer, itemPath(field, index)));
  const issues = read.flatMap((result) => ('issue' in result ? [result.issue] : []));
  if (issues.length > 0) return { issues };
  const values = read.map((result) => (result as { value: unknown }).value);
  const definition = fieldDefinition(field);
  if (definition.kind !== 'multiple') return { value: values[0], issues };
  // "None of these" is an empty list, and only on its own; where a list has no such
  // option, `none` goes on to the schema as the unknown code it is there.
  if (definition.withNone && values.includes(NONE)) {
    if (values.length > 1) return { issues: [{ where: itemPath(field), key: 'fhir.noneWithOthers', values: { none: NONE } }] };
    return { value: [], issues };
  }
  return { value: values, issues };
}

/**
 * The answers in a QuestionnaireResponse to our Questionnaire, as the wizard's
 * answers object (still to be validated by the answers schema), or `undefined`
 * after reporting what is wrong with its shape. Problems are reported one by one,
 * never gathered, so that a response with millions of bad items costs no memory.
 */
export function answersFromResponse(response: Json, report: (issue: ResponseIssue) => void): Json | undefined {
  let count = 0;
  const add = (issue: ResponseIssue) => {
    count += 1;
    report(issue);
  };
  if (response.questionnaire !== ANSWERED_QUESTIONNAIRE)
    add({
      where: 'questionnaire',
      key: 'fhir.otherQuestionnaire',
      values: { expected: ANSWERED_QUESTIONNAIRE, value: shown(response.questionnaire, CANONICAL_CHARS) },
    });
  unknownElements(response, RESPONSE_ELEMENTS, '').forEach(add);
  if (!FINAL_STATUSES.includes(response.status)) add({ where: 'status', key: 'fhir.notFinal', values: { value: shown(response.status) } });
  if (response.item !== undefined && !Array.isArray(response.item))
    add({ where: 'item', key: 'fhir.notAList', values: { value: shown(response.item) } });
  const items: unknown[] = Array.isArray(response.item) ? response.item : [];
  const answers: Json = {};
  const seen = new Set<string>();
  // Items with a problem already reported: not reported again as unanswered.
  const refused = new Set<string>();
  items.forEach((item, index) => {
    const linkId = isObject(item) ? item.linkId : undefined;
    if (!isField(linkId)) {
      add({ where: `item[${index}]`, key: 'fhir.unknownLinkId', values: { value: shown(linkId), known: FIELD_IDS.join(', ') } });
      return;
    }
    const where = itemPath(linkId);
    const refuse = (issue: ResponseIssue) => {
      refused.add(linkId);
      add(issue);
    };
    if (seen.has(linkId)) return refuse({ where, key: 'fhir.repeatedItem' });
    seen.add(linkId);
    const { item: nested, answer } = item as Json;
    if (nested !== undefined) return refuse({ where, key: 'fhir.nestedItems' });
    const unknown = unknownElements(item as Json, ITEM_ELEMENTS, where);
    if (unknown.length > 0) return unknown.forEach(refuse);
    if (answer !== undefined && !Array.isArray(answer)) return refuse({ where, key: 'fhir.notAList', values: { value: shown(answer) } });
    // An item without answers is a question left blank.
    if (!answer || answer.length === 0) return;
    const { value, issues: itemIssues } = itemValue(linkId, answer);
    itemIssues.forEach(refuse);
    if (itemIssues.length === 0) answers[linkId] = value;
  });
  // What the Questionnaire requires whenever it is asked (the pregnancy answer, and from 16
  // the hip replacement answer: without them the warning signs that depend on them were
  // never offered), judged on the answers that are valid. A question left blank (an item
  // with no answer) is not answered (found in review: a blank item passed as answered).
  const context = {
    ...(Number.isInteger(answers.age) ? { age: answers.age as number } : {}),
    ...((SEXES as readonly unknown[]).includes(answers.sex) ? { sex: answers.sex as Sex } : {}),
    ...((PREGNANCY_STATUSES as readonly unknown[]).includes(answers.pregnancy) ? { pregnancy: answers.pregnancy as PregnancyStatus } : {}),
  };
  for (const [field, isAsked] of Object.entries(REQUIRED_WHEN_ASKED))
    if (isAsked(context) && answers[field] === undefined && !refused.has(field))
      add({ where: itemPath(field), key: `fhir.requiredWhenAsked.${field}` });
  return count > 0 ? undefined : answers;
}

/** A response found in the input, with where it was (for messages), or why something there is not one. */
export type FoundResponse = { where: string; response: Json } | { where: string; issue: ResponseIssue };

/** Two parts of a place in the input: `[1]` and `entry[0]` give `[1].entry[0]`. */
export const join = (where: string, next: string) => `${where}${where && !next.startsWith('[') ? '.' : ''}${next}`;

/**
 * The QuestionnaireResponses in what the CLI was given: one, a Bundle of them (such
 * as `--format fhir` prints, with its ServiceRequest), or an array of either, at
 * any depth. Lazily, so that a huge input is never held twice. Anything else is
 * refused, never skipped.
 */
export function* responsesIn(input: unknown, where = ''): Generator<FoundResponse> {
  if (Array.isArray(input)) {
    if (input.length === 0) yield { where, issue: { where: where || 'input', key: 'fhir.emptyList' } };
    for (let index = 0; index < input.length; index += 1) yield* responsesIn(input[index], join(where, `[${index}]`));
    return;
  }
  const type = isObject(input) ? input.resourceType : undefined;
  if (type === 'QuestionnaireResponse') {
    yield { where, response: input as Json };
    return;
  }
  if (type !== 'Bundle') {
    yield { where, issue: { where: where || 'input', key: 'fhir.notAResponse', values: { value: shown(type) } } };
    return;
  }
  yield* responsesInBundle(input as Json, where);
}

const BUNDLE_ELEMENTS = new Set(['resourceType', 'id', 'meta', 'language', 'identifier', 'type', 'timestamp', 'total', 'link', 'entry']);
const ENTRY_ELEMENTS = new Set(['fullUrl', 'resource', 'request', 'search']);
/** Bundles whose entries are resources as they stand (not a history of versions and deletions, nor a server's replies). */
const READ_BUNDLE_TYPES: readonly unknown[] = ['collection', 'transaction', 'batch', 'searchset'];
/** Entry requests that carry the resource to store (not DELETE, GET, HEAD or PATCH). */
const READ_METHODS: readonly unknown[] = ['POST', 'PUT'];

/**
 * Our own recommendation, as `--format fhir` writes it (made again from the answers,
 * so passed over): coded in our CodeSystem and supporting a response in this Bundle.
 * Any other ServiceRequest is someone else's, and is refused rather than passed over.
 */
function isOurServiceRequest(resource: Json, responseUrls: ReadonlySet<unknown>): boolean {
  const category = Array.isArray(resource.category) && isObject(resource.category[0]) ? resource.category[0] : undefined;
  const coding = category && Array.isArray(category.coding) && isObject(category.coding[0]) ? category.coding[0] : undefined;
  const supporting = Array.isArray(resource.supportingInfo) ? (resource.supportingInfo as unknown[]) : [];
  return (
    coding?.system === CODE_SYSTEM_URL && supporting.length === 1 && isObject(supporting[0]) && responseUrls.has(supporting[0].reference)
  );
}

function* responsesInBundle(bundle: Json, where: string): Generator<FoundResponse> {
  const at = (next: string) => join(where, next);
  const problem = (issue: ResponseIssue): FoundResponse => ({ where, issue });
  for (const issue of unknownElements(bundle, BUNDLE_ELEMENTS, where)) yield problem(issue);
  if (!READ_BUNDLE_TYPES.includes(bundle.type))
    yield problem({ where: at('type'), key: 'fhir.bundleType', values: { value: shown(bundle.type) } });
  const entries = bundle.entry;
  if (!Array.isArray(entries) || entries.length === 0) {
    yield problem({ where: where || 'input', key: 'fhir.noResponseInBundle' });
    return;
  }
  const responseUrls = new Set(
    entries.flatMap((entry: unknown) =>
      isObject(entry) && isObject(entry.resource) && entry.resource.resourceType === 'QuestionnaireResponse' ? [entry.fullUrl] : [],
    ),
  );
  let found = 0;
  for (let index = 0; index < entries.length; index += 1) {
    const entry: unknown = entries[index];
    const here = at(`entry[${index}]`);
    const resource = isObject(entry) ? entry.resource : undefined;
    if (!isObject(entry) || !isObject(resource)) {
      found += 1;
      yield problem({ where: here, key: 'fhir.notAnEntry' });
      continue;
    }
    const unknown = unknownElements(entry, ENTRY_ELEMENTS, here);
    for (const issue of unknown) yield problem(issue);
    const method = isObject(entry.request) ? entry.request.method : undefined;
    if (entry.request !== undefined && !READ_METHODS.includes(method))
      yield problem({ where: join(here, 'request.method'), key: 'fhir.entryMethod', values: { value: shown(method) } });
    if (resource.resourceType === 'ServiceRequest') {
      if (!isOurServiceRequest(resource, responseUrls)) yield problem({ where: join(here, 'resource'), key: 'fhir.foreignServiceRequest' });
      continue;
    }
    found += 1;
    yield* responsesIn(resource, join(here, 'resource'));
  }
  if (found === 0) yield problem({ where: where || 'input', key: 'fhir.noResponseInBundle' });
}
