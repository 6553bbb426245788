// How an answer field's value is written in a QuestionnaireResponse: one rule for
// the writer (triage-bundle.ts) and the reader (answers-from-response.ts).
// (Relative imports: the CLI and vite.config.ts load this with Node.)

import { fieldDefinition, type AnswerField } from '../triage/fields.ts';
import { isHipReplacementAsked, isPregnancyAsked, type AskedWhenInput } from '../triage/answers/asked-when.ts';
import { CODE_SYSTEM_URL } from './canonical.ts';

export type ValueElement = 'valueInteger' | 'valueBoolean' | 'valueCoding';

/** Numbers as integers, yes/no as booleans, every choice as a coding of our CodeSystem. */
export function valueElementOf(field: AnswerField): ValueElement {
  const { kind } = fieldDefinition(field);
  return kind === 'number' || kind === 'scale' ? 'valueInteger' : kind === 'yes-no' ? 'valueBoolean' : 'valueCoding';
}

/** One of our ids as a Coding. */
export const ourCoding = (code: string) => ({ system: CODE_SYSTEM_URL, code });

/** The most answers an item can have: one, or every option of a list (and "None of these"). */
export function mostAnswers(field: AnswerField): number {
  const definition = fieldDefinition(field);
  return definition.kind === 'multiple' ? definition.options.length + (definition.withNone ? 1 : 0) : 1;
}

/**
 * Required in the form whenever it is asked (FHIR: only while enabled), beyond the
 * answers every check must have. Each decides which warning signs are offered (the
 * pregnancy ones; v3: `wound-problem` with a hip replacement), and the hip replacement
 * answer also decides `E-prosthesis`; the wizard's page cannot be left without an
 * answer, but a form would let it be skipped (the safer reading: refuse, never guess).
 */
export const REQUIRED_WHEN_ASKED: Partial<Record<AnswerField, (answers: AskedWhenInput) => boolean>> = {
  pregnancy: isPregnancyAsked,
  hipReplacement: isHipReplacementAsked,
};

/** Whether answers hold everything the Questionnaire requires where it is asked. */
export const holdsRequiredWhenAsked = (answers: AskedWhenInput & Partial<Record<AnswerField, unknown>>) =>
  Object.entries(REQUIRED_WHEN_ASKED).every(([field, isAsked]) => !isAsked(answers) || answers[field as AnswerField] !== undefined);
