import { describe, expect, it } from 'vitest';
import { failures, plainWordsReport } from './check-plain-words.ts';
import { MAX_GRADE, MAX_WORDS_PER_SENTENCE, readability, sentencesOf, textsOf, wordsOf } from './plain-words.ts';

describe('plain-words counting', () => {
  it('splits sentences and words with ICU in every language, placeholders as one word', () => {
    const texts = textsOf('outcomes', { a: 'Call {{number}} now. Do not wait!', b: 'Позвоните сейчас. Не ждите.' });
    expect(sentencesOf(texts.slice(0, 1), 'en').map((s) => [s.text, s.words])).toEqual([
      ['Call 112 now.', 3],
      ['Do not wait!', 3],
    ]);
    expect(sentencesOf(texts.slice(1), 'ru').map((s) => s.words)).toEqual([2, 2]);
    expect(wordsOf('يُرجى الاتصال بالرقم الآن.', 'ar')).toHaveLength(4);
  });

  it('knows who reads what: reception keys and file, integrator errors and FHIR words apart', () => {
    const readers = textsOf('outcomes', { a: 'x', a_reception: 'y', safetyNet: { b_reception_one: 'z' }, fhir: { c: 'w' } }).map(
      (t) => t.reader,
    );
    expect(readers).toEqual(['patient', 'reception', 'reception', 'integrator']);
    expect(textsOf('reception', { a: 'x' })[0]!.reader).toBe('reception');
    expect(textsOf('errors', { cli: { a: 'x' }, form: { b: 'y' } }).map((t) => t.reader)).toEqual(['integrator', 'patient']);
  });

  it('grades plain English low and long, hard English high, and names sentences over the limit', () => {
    const plain = readability(textsOf('x', ['You can call us. We will help you. Your hip hurts.']), 'en');
    expect(plain.grade).toBeLessThan(2);
    const hard = readability(
      textsOf('x', [
        'Osteoarthritis, a degenerative musculoskeletal condition characterised by progressive cartilage deterioration, frequently necessitates multidisciplinary evaluation incorporating radiological investigation and physiotherapeutic intervention before any consideration of arthroplasty in older adults.',
      ]),
      'en',
    );
    expect(hard.grade).toBeGreaterThan(20);
    expect(hard.tooLong.map((s) => s.words)).toEqual([28]);
    expect(hard.tooLong[0]!.key).toBe('x:0');
  });
});

describe('the locale files are in plain words (policy v3 §7)', () => {
  const report = plainWordsReport();

  it('covers every language and every namespace with patient words', () => {
    const rows = new Set(report.map((row) => `${row.language}/${row.namespace}/${row.reader}`));
    for (const language of ['en', 'ru', 'es', 'ar'])
      for (const namespace of ['articles', 'common', 'errors', 'outcomes', 'questions'])
        expect(rows).toContain(`${language}/${namespace}/patient`);
  });

  it(`English patient words: grade ≤ ${MAX_GRADE} per file; every language: no sentence over ${MAX_WORDS_PER_SENTENCE} words`, () => {
    const failed = failures(report).map(({ language, namespace, reader, result }) => ({
      file: `${language}/${namespace} (${reader})`,
      ...(result.grade !== undefined && { grade: Number(result.grade.toFixed(1)) }),
      tooLong: result.tooLong.map((sentence) => `${sentence.key} (${sentence.words} words): ${sentence.text}`),
    }));
    expect(failed, 'run `npm run words:check` for the whole report').toEqual([]);
  });
});
