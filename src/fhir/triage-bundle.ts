// One check as FHIR R4 for a clinic system: a Bundle (type collection) holding
// the QuestionnaireResponse (the answers, against our Questionnaire) and a
// ServiceRequest (the recommendation, as a proposal). No patient identity: the
// receiving system sets `subject` (docs/fhir.md).
// (Relative imports: the CLI and the tests load this with Node, the wizard in the browser.)

import type { Urgency, Specialist } from '../triage/catalogue.ts';
import { FIELD_IDS, NONE, type AnswerField } from '../triage/fields.ts';
import type { AnswersSoFar } from '../triage/answers/answers-schema.ts';
import type { Recommendation } from '../triage/rules/recommendation.ts';
import { ANSWERED_QUESTIONNAIRE } from './canonical.ts';
import { holdsRequiredWhenAsked, ourCoding, valueElementOf } from './answer-values.ts';

const SNOMED = 'http://snomed.info/sct';

/** How soon, as ServiceRequest.priority (request-priority: routine | urgent | asap | stat). */
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

export function serviceRequest(
  recommendation: Recommendation,
  notDiagnosis: string,
  authored: string,
  answersUrl: string,
  language: string,
) {
  const snomed = SNOMED_OCCUPATION[recommendation.specialist];
  return {
    resourceType: 'ServiceRequest',
    // The language of its note.
    language,
    // Proposed to the clinic, not yet acted on.
    status: 'draft',
    intent: 'proposal',
    priority: PRIORITY[recommendation.urgency],
    // Left to the receiving system: the wizard knows no one's identity.
    subject: { extension: [{ url: 'http://hl7.org/fhir/StructureDefinition/data-absent-reason', valueCode: 'unknown' }] },
    authoredOn: authored,
    performerType: { coding: [...(snomed ? [{ system: SNOMED, ...snomed }] : []), ourCoding(recommendation.specialist)] },
    reasonCode: recommendation.reasons.map((rule) => ({ coding: [ourCoding(rule)] })),
    supportingInfo: [{ reference: answersUrl }],
    note: [{ text: notDiagnosis }],
  };
}

/**
 * The Bundle for one check. `notDiagnosis` is the not-a-diagnosis line in `language`;
 * `newId` gives the entries' urn:uuid ids (random in use, fixed in tests).
 */
export function triageBundle(
  answers: AnswersSoFar,
  recommendation: Recommendation,
  {
    notDiagnosis,
    authored,
    language = 'en',
    newId = () => crypto.randomUUID(),
  }: { notDiagnosis: string; authored: string; language?: string; newId?: () => string },
) {
  const answersUrl = `urn:uuid:${newId()}`;
  return {
    resourceType: 'Bundle',
    type: 'collection',
    timestamp: authored,
    entry: [
      { fullUrl: answersUrl, resource: questionnaireResponse(answers, authored) },
      { fullUrl: `urn:uuid:${newId()}`, resource: serviceRequest(recommendation, notDiagnosis, authored, answersUrl, language) },
    ],
  };
}
