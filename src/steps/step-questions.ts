import { DURATIONS, LOCATIONS, ONSETS, PREGNANCY_STATUSES, RISK_FACTORS, SEXES, type PregnancyStatus } from '@/triage/catalogue.ts';
import type { AnswerField, AnswersSoFar } from '@/triage/answers/answers-schema.ts';
import { redFlagsShown, symptomsShown } from '@/triage/answers/asked-when.ts';
import type { QuestionStep } from '@/triage/flow/steps.ts';

/**
 * How each answer field is asked on its page: the kind of control and the options
 * offered to this person. Wording lives in locales/<lng>/questions.json under the
 * field's name; ids come from the catalogue.
 */
export type Question =
  | { field: 'age' | 'pregnancyWeeks'; kind: 'number'; allowUnknown: boolean }
  | { field: AnswerField; kind: 'single'; options: readonly string[] }
  | {
      field: AnswerField;
      kind: 'multiple';
      options: readonly string[];
      withNone: boolean;
      /** Red flags: the pregnancy answer picks the group heading and the after-birth wording. */
      pregnancy?: PregnancyStatus;
    }
  | { field: 'active'; kind: 'yes-no' }
  | { field: 'painScore'; kind: 'scale' };

/** The value of the "None of these" checkbox (policy §1 form contract). */
export const NONE = 'none';

export function questionsFor(step: QuestionStep, answers: AnswersSoFar): Question[] {
  switch (step) {
    case 'about-you':
      return [
        { field: 'age', kind: 'number', allowUnknown: false },
        { field: 'sex', kind: 'single', options: SEXES },
      ];
    case 'pregnancy':
      return [{ field: 'pregnancy', kind: 'single', options: PREGNANCY_STATUSES }];
    case 'pregnancy-weeks':
      return [{ field: 'pregnancyWeeks', kind: 'number', allowUnknown: true }];
    case 'red-flags':
      return [
        {
          field: 'redFlags',
          kind: 'multiple',
          options: redFlagsShown(answers),
          withNone: true,
          ...(answers.pregnancy && { pregnancy: answers.pregnancy }),
        },
      ];
    case 'locations':
      // At least one place must hurt, so there is no "None of these" here.
      return [{ field: 'locations', kind: 'multiple', options: LOCATIONS, withNone: false }];
    case 'onset':
      return [{ field: 'onset', kind: 'single', options: ONSETS }];
    case 'duration':
      return [{ field: 'duration', kind: 'single', options: DURATIONS }];
    case 'symptoms':
      return [{ field: 'symptoms', kind: 'multiple', options: symptomsShown(answers), withNone: true }];
    case 'risk-factors':
      return [{ field: 'riskFactors', kind: 'multiple', options: RISK_FACTORS, withNone: true }];
    case 'activity':
      return [{ field: 'active', kind: 'yes-no' }];
    case 'pain-score':
      return [{ field: 'painScore', kind: 'scale' }];
  }
}
