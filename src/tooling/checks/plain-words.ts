import { fleschKincaid } from 'flesch-kincaid';
import { syllable } from 'syllable';

/**
 * How plain a locale file is (policy v3 §7, GOV.UK and NHS style): its sentences, their
 * length in words and, for English, the Flesch-Kincaid grade level.
 *
 * - Sentences and words: `Intl.Segmenter` (the ICU rules built into Node), for every
 *   language alike; a word is a segment ICU calls word-like (numbers count as words).
 * - Syllables: the `syllable` package (wooorm, English only); a number counts as one.
 * - Grade: the `flesch-kincaid` package (wooorm), the Flesch-Kincaid grade level
 *   0.39 × words/sentences + 11.8 × syllables/words − 15.59, over the whole file.
 */

/** Who reads a text: patients, receptionists (`…_reception` keys and reception.json), or integrators' tools (not checked). */
export type Reader = 'patient' | 'reception' | 'integrator';

export interface Text {
  /** Where it is: `namespace:key.path`. */
  key: string;
  text: string;
  reader: Reader;
}

/** What only integrators and clinic systems read: the CLI's and the engine's errors, and the FHIR words. */
const INTEGRATOR_SUBTREES = new Set(['errors:answers', 'errors:cli', 'errors:fhir', 'outcomes:fhir']);

const readerOf = (namespace: string, path: string[]): Reader => {
  if (INTEGRATOR_SUBTREES.has(`${namespace}:${path[0]}`)) return 'integrator';
  if (namespace === 'reception' || path.some((segment) => /_reception(?:_|$)/.test(segment))) return 'reception';
  return 'patient';
};

/** Every string of a locale file, with its key and its reader. */
export function textsOf(namespace: string, words: unknown, path: string[] = []): Text[] {
  if (typeof words === 'string') return [{ key: `${namespace}:${path.join('.')}`, text: words, reader: readerOf(namespace, path) }];
  if (Array.isArray(words)) return words.flatMap((item, index) => textsOf(namespace, item, [...path, String(index)]));
  if (words && typeof words === 'object') return Object.entries(words).flatMap(([key, value]) => textsOf(namespace, value, [...path, key]));
  return [];
}

/** Placeholders read as one short word (a number or a name), markup as nothing. */
const asRead = (text: string) => text.replace(/\{\{[^}]*\}\}/g, '112').replace(/<[^>]*>/g, '');

export interface Sentence {
  key: string;
  text: string;
  words: number;
}

export function sentencesOf(texts: Text[], language: string): Sentence[] {
  const sentences = new Intl.Segmenter(language, { granularity: 'sentence' });
  return texts.flatMap(({ key, text }) =>
    [...sentences.segment(asRead(text))]
      .map(({ segment }) => segment.trim())
      .filter((segment) => wordsOf(segment, language).length > 0)
      .map((segment) => ({ key, text: segment, words: wordsOf(segment, language).length })),
  );
}

export function wordsOf(text: string, language: string): string[] {
  const words = new Intl.Segmenter(language, { granularity: 'word' });
  return [...words.segment(text)].filter((segment) => segment.isWordLike).map(({ segment }) => segment);
}

const syllablesOf = (word: string) => (/^\d/.test(word) ? 1 : Math.max(1, syllable(word)));

export interface Readability {
  sentences: number;
  words: number;
  wordsPerSentence: number;
  /** English only. */
  grade?: number;
  /** Sentences over the limit, with where they are. */
  tooLong: Sentence[];
}

export const MAX_WORDS_PER_SENTENCE = 25;
export const MAX_GRADE = 6;

export function readability(texts: Text[], language: string): Readability {
  const sentences = sentencesOf(texts, language);
  const words = sentences.flatMap((sentence) => wordsOf(sentence.text, language));
  const counts = { sentence: sentences.length, word: words.length, syllable: words.reduce((sum, word) => sum + syllablesOf(word), 0) };
  return {
    sentences: counts.sentence,
    words: counts.word,
    wordsPerSentence: counts.sentence === 0 ? 0 : counts.word / counts.sentence,
    ...(language === 'en' && counts.sentence > 0 && { grade: fleschKincaid(counts) }),
    tooLong: sentences.filter((sentence) => sentence.words > MAX_WORDS_PER_SENTENCE),
  };
}
