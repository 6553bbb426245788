// @vitest-environment node
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '@/i18n/languages.ts';
import { ANSWER_FIELDS } from './answers/answers-schema.ts';
import { FIELD_IDS, QUESTION_STEPS, STEP_FIELDS, fieldDefinition } from './fields.ts';

/** The field table is the one definition of each question field: complete, consistent, worded. */
describe('the field table', () => {
  it('has one row per field of the answers schema, in the same order', () => {
    expect(FIELD_IDS).toEqual(ANSWER_FIELDS);
  });

  it('puts every field on a page, and every page has a field', () => {
    for (const step of QUESTION_STEPS) expect(STEP_FIELDS[step].length, step).toBeGreaterThan(0);
    expect(QUESTION_STEPS.flatMap((step) => STEP_FIELDS[step]).sort()).toEqual([...FIELD_IDS].sort());
  });

  it('offers, for any person, only options of the field', () => {
    for (const field of FIELD_IDS) {
      const definition = fieldDefinition(field);
      if (definition.kind !== 'multiple' || !definition.shown) continue;
      for (const age of [0, 4, 15, 17, 30, 70]) {
        for (const pregnancy of [undefined, 'pregnant', 'postpartum', 'unsure', 'no'] as const) {
          const shown = definition.shown({ age, sex: 'female', ...(pregnancy && { pregnancy }) });
          expect(
            shown.every((option) => definition.options.includes(option)),
            field,
          ).toBe(true);
        }
      }
    }
  });

  it.each(LANGUAGES)('has words for every field and option in %s', (language) => {
    const questions = JSON.parse(readFileSync(`locales/${language}/questions.json`, 'utf8')) as Record<string, Record<string, unknown>>;
    for (const field of FIELD_IDS) {
      const words = questions[field];
      expect(words?.question ?? words?.label, `${language}: ${field}`).toBeTruthy();
      const definition = fieldDefinition(field);
      const options =
        definition.kind === 'single' || definition.kind === 'multiple'
          ? definition.options
          : definition.kind === 'yes-no'
            ? ['true', 'false']
            : [];
      for (const option of options)
        expect((words?.options as Record<string, unknown> | undefined)?.[option], `${language}: ${field}.${option}`).toBeTruthy();
    }
  });
});
