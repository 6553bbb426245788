import { readLocaleFiles } from '../project-files/read-locale-files.ts';
import { MAX_GRADE, MAX_WORDS_PER_SENTENCE, readability, textsOf, type Readability, type Reader } from './plain-words.ts';

/**
 * `npm run words:check`: per locale file, the patient words' Flesch-Kincaid grade
 * (English) and words per sentence, and every sentence over 25 words, patient or
 * reception (policy v3 §7). Exits 1 when a file misses the bar. How it counts:
 * plain-words.ts.
 */
export interface FileReport {
  language: string;
  namespace: string;
  reader: Exclude<Reader, 'integrator'>;
  result: Readability;
}

export function plainWordsReport(words = readLocaleFiles()): FileReport[] {
  return Object.entries(words).flatMap(([language, namespaces]) =>
    Object.entries(namespaces).flatMap(([namespace, file]) => {
      const texts = textsOf(namespace, file);
      return (['patient', 'reception'] as const)
        .map((reader) => ({ reader, texts: texts.filter((text) => text.reader === reader) }))
        .filter(({ texts: some }) => some.length > 0)
        .map(({ reader, texts: some }) => ({ language, namespace, reader, result: readability(some, language) }));
    }),
  );
}

export const failures = (report: FileReport[]) =>
  report.filter(
    ({ language, reader, result }) =>
      result.tooLong.length > 0 || (language === 'en' && reader === 'patient' && (result.grade ?? 0) > MAX_GRADE),
  );

if (import.meta.url === `file://${process.argv[1]}`) {
  const report = plainWordsReport();
  const rows = report.map(({ language, namespace, reader, result }) =>
    [
      `${language}/${namespace}`.padEnd(18),
      reader.padEnd(9),
      String(result.sentences).padStart(5),
      result.wordsPerSentence.toFixed(1).padStart(6),
      (result.grade === undefined ? '' : result.grade.toFixed(1)).padStart(6),
      String(result.tooLong.length).padStart(5),
    ].join(' '),
  );
  console.log(`file               reader    sentences words/s grade  >${MAX_WORDS_PER_SENTENCE}w`);
  console.log(rows.join('\n'));
  const failed = failures(report);
  for (const { language, namespace, reader, result } of failed) {
    console.log(
      `\n${language}/${namespace} (${reader})${result.grade !== undefined && result.grade > MAX_GRADE && reader === 'patient' ? `: grade ${result.grade.toFixed(1)} > ${MAX_GRADE}` : ''}`,
    );
    for (const sentence of result.tooLong) console.log(`  ${sentence.key} (${sentence.words} words): ${sentence.text}`);
  }
  console.log(
    failed.length === 0
      ? `\nPlain words: every file passes (English patient words grade ≤ ${MAX_GRADE}; no sentence over ${MAX_WORDS_PER_SENTENCE} words).`
      : `\nPlain words: ${failed.length} file(s) miss the bar.`,
  );
  process.exitCode = failed.length === 0 ? 0 : 1;
}
