// One check as FHIR R4 for a clinic system: a Bundle (type collection) holding
// the QuestionnaireResponse (the answers, against our Questionnaire) and a
// ServiceRequest (the recommendation, as a proposal, which must never read as less
// urgent than the advice, or as a referral on an emergency: policy §6). No patient
// identity: the receiving system sets `subject` (docs/fhir.md).
// (Relative imports: the CLI and the tests load this with Node, the wizard in the browser.)

import type { Urgency, Specialist } from '../triage/catalogue.ts';
import { FIELD_IDS, NONE, type AnswerField } from '../triage/fields.ts';
import type { AnswersSoFar } from '../triage/answers/answers-schema.ts';
import type { Recommendation } from '../triage/rules/recommendation.ts';
import { ANSWERED_QUESTIONNAIRE } from './canonical.ts';
import { holdsRequiredWhenAsked, ourCoding, valueElementOf } from './answer-values.ts';
import { serviceRequestNote, wordsOf, type NoteInput } from './service-request-note.ts';

const SNOMED = 'http://snomed.info/sct';

/**
 * How soon, as ServiceRequest.priority (request-priority: routine | urgent | asap | stat).
 * FHIR orders them routine < urgent < asap < stat, so our `urgent` ("today") is `asap`
 * and our `soon` is `urgent`: a receiving system must not map `asap` below its own
 * "urgent" (docs/fhir.md). `category` carries our own urgency beside it.
 */
export const PRIORITY: Readonly<Record<Urgency, 'stat' | 'asap' | 'urgent' | 'routine'>> = {
  emergency: 'stat',
  urgent: 'asap',
  soon: 'urgent',
  routine: 'routine',
};

/**
 * SNOMED CT occupations for the kinds of clinician where one is well known (checked
 * against HL7's performer-role value set); the others only in our CodeSystem, never
 * an invented code.
 */
const SNOMED_OCCUPATION: Readonly<Partial<Record<Specialist, { code: string; display: string }>>> = {
  orthopedist: { code: '22731001', display: 'Orthopedic surgeon' },
  physiotherapist: { code: '36682004', display: 'Physiotherapist' },
  obstetrician: { code: '11935004', display: 'Obstetrician' },
};

function answerValues(field: AnswerField, value: unknown) {
  const element = valueElementOf(field);
  if (element !== 'valueCoding') return [{ [element]: value }];
  const ids = Array.isArray(value) ? (value.length === 0 ? [NONE] : (value as string[])) : [value as string];
  return ids.map((id) => ({ valueCoding: ourCoding(id) }));
}

/** The answers given (all of them, or those before the wizard stopped at an emergency). */
export function questionnaireResponse(answers: AnswersSoFar, authored: string) {
  return {
    resourceType: 'QuestionnaireResponse',
    questionnaire: ANSWERED_QUESTIONNAIRE,
    // Complete as our Questionnaire defines it, or not: the plain answers format may leave out an answer the form requires.
    status: holdsRequiredWhenAsked(answers) ? 'completed' : 'in-progress',
    authored,
    item: FIELD_IDS.flatMap((field) => {
      const value = (answers as Record<string, unknown>)[field];
      return value === undefined ? [] : [{ linkId: field, answer: answerValues(field, value) }];
    }),
  };
}

const HOUR = 60 * 60 * 1000;

/**
 * By when the person was told to be seen (policy §6): `occurrencePeriod.end` is
 * `authoredOn` plus this; "today" is 24 hours, "within 1 to 2 weeks" 14 days. An
 * emergency is now (its instruction is the call, not an appointment) and routine
 * has no date: neither gets a period.
 */
export const SEEN_WITHIN: Readonly<Partial<Record<Urgency, number>>> = { urgent: 24 * HOUR, soon: 14 * 24 * HOUR };

/** `authored` plus some milliseconds, as a FHIR dateTime (in UTC). */
function later(authored: string, milliseconds: number): string {
  const time = Date.parse(authored);
  if (Number.isNaN(time)) throw new Error(`FHIR: authored is not a date and time: ${authored}`);
  const iso = new Date(time + milliseconds).toISOString();
  // As precise as authoredOn: whole seconds stay whole seconds.
  return /\.\d/.test(authored) ? iso : iso.replace(/\.000Z$/, 'Z');
}

/**
 * From when (authoredOn: the advice holds from the moment it was given, so a
 * receiving system never reads the window as starting later) to by when.
 */
export function occurrencePeriod(urgency: Urgency, authored: string): { start: string; end: string } | undefined {
  const within = SEEN_WITHIN[urgency];
  return within === undefined ? undefined : { start: authored, end: later(authored, within) };
}

export function serviceRequest(
  answers: AnswersSoFar,
  recommendation: Recommendation,
  authored: string,
  answersUrl: string,
  language: string,
  note: NoteInput,
) {
  const { urgency } = recommendation;
  const snomed = SNOMED_OCCUPATION[recommendation.specialist];
  const period = occurrencePeriod(urgency, authored);
  return {
    resourceType: 'ServiceRequest',
    // The language of its note and texts.
    language,
    // Proposed to the clinic, not yet acted on.
    status: 'draft',
    intent: 'proposal',
    // Our urgency, coded (v3): a receiving system need not rely on how it maps `priority`.
    category: [{ coding: [ourCoding(urgency)], text: wordsOf(note.t)(`outcomes:urgency.${urgency}.timeframe`) }],
    priority: PRIORITY[urgency],
    // Left to the receiving system: the wizard knows no one's identity.
    subject: { extension: [{ url: 'http://hl7.org/fhir/StructureDefinition/data-absent-reason', valueCode: 'unknown' }] },
    ...(period && { occurrencePeriod: period }),
    authoredOn: authored,
    performerType: { coding: [...(snomed ? [{ system: SNOMED, ...snomed }] : []), ourCoding(recommendation.specialist)] },
    reasonCode: recommendation.reasons.map((rule) => ({ coding: [ourCoding(rule)] })),
    supportingInfo: [{ reference: answersUrl }],
    note: [{ text: serviceRequestNote(answers, recommendation, note) }],
  };
}

/**
 * The Bundle for one check. The note's words come from `t` (i18next, in `language`,
 * see NoteInput), its safety-netting from `ruleSet`; `newId` gives the entries'
 * urn:uuid ids (random in use, fixed in tests).
 */
export function triageBundle(
  answers: AnswersSoFar,
  recommendation: Recommendation,
  {
    authored,
    language = 'en',
    newId = () => crypto.randomUUID(),
    ...note
  }: NoteInput & { authored: string; language?: string; newId?: () => string },
) {
  const answersUrl = `urn:uuid:${newId()}`;
  return {
    resourceType: 'Bundle',
    type: 'collection',
    timestamp: authored,
    entry: [
      { fullUrl: answersUrl, resource: questionnaireResponse(answers, authored) },
      { fullUrl: `urn:uuid:${newId()}`, resource: serviceRequest(answers, recommendation, authored, answersUrl, language, note) },
    ],
  };
}
