/**
 * The words that must never depend on a later download: everything the start page,
 * the warning-signs page, an emergency result and the "page did not load" fallback
 * need. Built into the first JavaScript in English (virtual:essential-words), and
 * shown wherever the active language's file has not arrived. A key names a subtree:
 * `outcomes:urgency` takes every urgency's words, reception variants included.
 */
export const ESSENTIAL_KEYS: Readonly<Record<string, readonly string[]>> = {
  // The whole namespace: the start page, navigation, the fallback pages.
  common: [''],
  questions: ['redFlags'],
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
