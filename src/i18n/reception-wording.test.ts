// @vitest-environment node
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LANGUAGES_CHECKED, secondPersonWords } from '@/tooling/checks/second-person-words.ts';
import type { Namespace } from './languages.ts';

/**
 * Issue 21: in reception mode the person at the keyboard is a receptionist, so no text
 * speaks to them as the patient ("Enter your age"). For every key that reception mode
 * can show, the words it shows (the `_reception` variant where there is one, else the
 * patient's) hold no second-person word (src/tooling/checks/second-person-words.ts says what
 * that is in each language). The browser walk in tests/browser/reception.spec.ts checks
 * the pages themselves.
 */

type Tree = { [key: string]: Tree | string | string[] };
const load = (language: string, namespace: Namespace): Tree =>
  JSON.parse(readFileSync(`locales/${language}/${namespace}.json`, 'utf8')) as Tree;

function leaves(tree: Tree, prefix = ''): [string, string | string[]][] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'object' && !Array.isArray(value) ? leaves(value, `${prefix}${key}.`) : [[`${prefix}${key}`, value] as const],
  );
}

/** Which keys of each namespace reception mode can show. */
const SHOWN_IN_RECEPTION: Record<Namespace, (key: string) => boolean> = {
  // Not the patient start page's title, lead and button: reception has its own (reception.json).
  common: (key) => !['start.title', 'start.lead', 'start.startButton'].includes(key),
  questions: () => true,
  // The form's messages; the others are for integrators (the CLI, FHIR, the answers schema).
  errors: (key) => key.startsWith('form.'),
  // Not the FHIR words: they are for a clinic's system, not the screen.
  outcomes: (key) => !key.startsWith('fhir.'),
  reception: () => true,
  // The result's reading list shows each article's title and summary; the article itself is the patient's page.
  articles: (key) => /^[^.]+\.(title|summary)$/.test(key),
};

/** Each key reception can show, with the words it shows there. */
function receptionWords(language: string, namespace: Namespace): [string, string][] {
  const all = new Map(leaves(load(language, namespace)));
  return [...all]
    .filter(([key]) => !key.endsWith('_reception'))
    .filter(([key]) => SHOWN_IN_RECEPTION[namespace](key))
    .map(([key, value]) => [key, [all.get(`${key}_reception`) ?? value].flat().join(' ')]);
}

const NAMESPACES_SHOWN = Object.keys(SHOWN_IN_RECEPTION) as Namespace[];

describe('reception mode never speaks to the receptionist as the patient (issue 21)', () => {
  it.each(LANGUAGES_CHECKED.flatMap((language) => NAMESPACES_SHOWN.map((namespace) => [language, namespace] as const)))(
    '%s/%s: no second-person word in any text reception shows',
    (language, namespace) => {
      const offending = receptionWords(language, namespace)
        .map(([key, text]) => ({ key, words: secondPersonWords(text, language), text }))
        .filter(({ words }) => words.length > 0)
        .map(({ key, words, text }) => `${key} [${words.join(', ')}]: ${text}`);
      expect(offending).toEqual([]);
    },
  );

  it('finds the words it is meant to find, in each language', () => {
    expect(secondPersonWords('Enter your age', 'en')).toEqual(['your']);
    expect(secondPersonWords('If You can', 'en')).toEqual(['You']);
    expect(secondPersonWords('The young patient; Youth', 'en')).toEqual([]);
    expect(secondPersonWords('Укажите ваш возраст', 'ru')).toEqual(['ваш']);
    expect(secondPersonWords('Скажите звонящему; выбор; вашингтон', 'ru')).toEqual([]);
    expect(secondPersonWords('Indique su edad', 'es')).toEqual(['su']);
    expect(secondPersonWords('Diga a la persona que llama; tus; suelo', 'es')).toEqual(['tus']);
    expect(secondPersonWords('يُرجى اختيار ما ينطبق عليك', 'ar')).toEqual(['عليك']);
    expect(secondPersonWords('إذا كنتِ حاملًا', 'ar')).toEqual(['كنتِ']);
    expect(secondPersonWords('ما عمرك؟ أنت', 'ar')).toEqual(['عمرك', 'أنت']);
    expect(secondPersonWords('ألم الورك، وكذلك هناك، قل للمتصل ذلك', 'ar')).toEqual([]);
    expect(secondPersonWords('{{your}} placeholder', 'en')).toEqual([]);
  });
});
