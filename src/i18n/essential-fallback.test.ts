import { describe, expect, it } from 'vitest';
import en from '../../locales/en/outcomes.json';
import common from '../../locales/en/common.json';
import { missingText } from './essential-fallback.ts';

/** A text that has not arrived is never shown as its key (issue: emergency advice that survives a bad network). */
describe('missingText', () => {
  it('gives the built-in English of an essential key, with its values filled in', () => {
    expect(missingText('outcomes:urgency.emergency.heading', undefined, { number: '999' })).toBe('Call 999 now');
    expect(missingText('outcomes:callButton', undefined, { number: '112' })).toBe('Call 112');
    expect(missingText('common:start.emergencyCall', undefined, { number: '112' })).toBe(
      common.start.emergencyCall.replace('{{number}}', '112'),
    );
  });

  it('prefers the reception wording when asked for it', () => {
    expect(missingText('outcomes:urgency.emergency.instruction', undefined, { number: '112', context: 'reception' })).toBe(
      en.urgency.emergency.instruction_reception.replace('{{number}}', '112'),
    );
  });

  it('gives lists when a list is asked for', () => {
    expect(missingText('common:start.whatItDoes', undefined, { returnObjects: true })).toEqual(common.start.whatItDoes);
  });

  it('never gives the key: an empty text (or list) for a word that is not essential', () => {
    expect(missingText('outcomes:reasons.R-wear', undefined, {})).toBe('');
    expect(missingText('questions:symptoms.question', undefined, {})).toBe('');
    expect(missingText('articles:hip-pain-pregnancy.body', undefined, { returnObjects: true })).toEqual([]);
  });

  it('keeps a default value the caller gave', () => {
    expect(missingText('questions:age.hint', '', {})).toBe('');
    expect(missingText('questions:age.hint', 'x', {})).toBe('x');
  });
});
