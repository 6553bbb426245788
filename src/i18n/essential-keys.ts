/**
 * The words that must never depend on a later download: everything the start page,
 * the warning-signs page, an emergency result and the "page did not load" fallback
 * need. Built into the first JavaScript in English (virtual:essential-words), and
 * shown wherever the active language's file has not arrived. A key names a subtree:
 * `outcomes:urgency` takes every urgency's words, reception variants included.
 */
// Relative, not `@/`: the build's Vite plugin loads this file too.
import { FIELD_IDS, fieldDefinition } from '../triage/fields.ts';

/** The questions whose page puts the emergency number first: their words are needed in an emergency. */
const EMERGENCY_QUESTIONS = FIELD_IDS.filter((field) => {
  const definition = fieldDefinition(field);
  return definition.kind === 'multiple' && definition.emergencyCallFirst === true;
});

export const ESSENTIAL_KEYS: Readonly<Record<string, readonly string[]>> = {
  // The whole namespace: the start page, navigation, the fallback pages.
  common: [''],
  questions: EMERGENCY_QUESTIONS,
  outcomes: [
    'title',
    'urgency',
    'callButton',
    'emergencyStopped',
    'contactFirst',
    'notDiagnosis',
    'specialists',
    'safetyNet',
    'changeAnswers',
  ],
  reception: ['emergency'],
};
