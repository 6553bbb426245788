// Second-person words, by language: what reception mode must never say. In reception
// mode the person at the keyboard is a receptionist, and the text speaks about "the
// patient" or "the caller". Used by the locale check (src/i18n/reception-wording.test.ts)
// and the browser walk (tests/browser/reception.spec.ts).
//
// What each language's check finds, and what it cannot:
// - en: you, your, yours, yourself, yourselves (and you're, you've, you'll, you'd).
// - ru: the pronouns вы and ты in every case (вы, вас, вам, вами; ты, тебя, тебе, тобой)
//   and the possessives ваш and твой in every form. Verb endings (-ите, -ете) are not
//   checked: they are how the text speaks to the receptionist ("Скажите звонящему").
// - es: usted, ustedes, tú, tu, tus, te, ti, contigo, vosotros, os, vuestro…, and su and
//   sus: in reception text "su" could be read as "your", so the patient is named instead.
//   Verb forms (usted's "llame") and "le" are not checked: they speak to the receptionist.
// - ar: the independent pronouns أنت، أنتِ، أنتم، أنتما، أنتن; any word ending in the
//   attached "you" pronouns ـكَ ـكِ ـكم ـكما (لديك، عمرك، إجاباتك، عليك…), except the
//   words listed in ARABIC_WORDS_ENDING_IN_KAF whose ك is part of the word (ذلك، الورك،
//   هناك…); and the feminine past-tense "you" ending ـتِ written with its kasra (كنتِ،
//   أنجبتِ). Imperatives are not checked: a masculine imperative is how the text speaks
//   to the receptionist («قل للمتصل»), and without vowels a feminine imperative to the
//   patient cannot be told from other words.

export const LANGUAGES_CHECKED = ['en', 'ru', 'es', 'ar'] as const;
export type CheckedLanguage = (typeof LANGUAGES_CHECKED)[number];

const LETTER = String.raw`\p{L}\p{M}`;
const wholeWords = (words: string[]) => new RegExp(`(?<![${LETTER}'’])(?:${words.join('|')})(?![${LETTER}'’])`, 'giu');

const ENGLISH = wholeWords(['you', 'your', 'yours', 'yourself', 'yourselves', "you[’']re", "you[’']ve", "you[’']ll", "you[’']d"]);
const RUSSIAN = wholeWords([
  'вы', 'вас', 'вам', 'вами',
  'ваш', 'ваша', 'ваше', 'ваши', 'вашего', 'вашей', 'вашему', 'вашим', 'вашими', 'ваших', 'вашу', 'вашем',
  'ты', 'тебя', 'тебе', 'тобой', 'тобою',
  'твой', 'твоя', 'твоё', 'твое', 'твои', 'твоего', 'твоей', 'твоему', 'твоим', 'твоими', 'твоих', 'твою', 'твоём', 'твоем',
]); // prettier-ignore
const SPANISH = wholeWords([
  'usted', 'ustedes', 'tú', 'tu', 'tus', 'te', 'ti', 'contigo',
  'vosotros', 'vosotras', 'os', 'vuestro', 'vuestra', 'vuestros', 'vuestras',
  'su', 'sus',
]); // prettier-ignore

/** Arabic words whose last letter ك is part of the word, not the pronoun "you". */
export const ARABIC_WORDS_ENDING_IN_KAF = [
  'ذلك', 'كذلك', 'تلك', 'هناك', 'هنالك', 'ورك', 'أوراك', 'الفك', 'فك', 'التحكم', 'تحكم', 'المسالك', 'مسالك',
  'تحريك', 'يحرك', 'يحرّك', 'تحرك', 'تحرّك', 'مشترك', 'المشترك', 'الشك', 'شك', 'الحكم', 'حكم',
  'إدراك', 'الإدراك', 'الاحتكاك', 'احتكاك', 'أولئك',
]; // prettier-ignore
const ARABIC_PREFIXES = /^(?:و|ف)?(?:ب|ل|ك)?(?:ال)?/u;
const ARABIC_PRONOUNS = new Set(['أنت', 'أنتِ', 'أنتَ', 'انت', 'أنتم', 'أنتما', 'أنتن', 'أنتنّ']);
const withoutVowels = (word: string) => word.replace(/[\u064B-\u0652\u0670]/gu, '');

function arabicSecondPerson(text: string): string[] {
  const found: string[] = [];
  const allowed = new Set(ARABIC_WORDS_ENDING_IN_KAF.map(withoutVowels));
  for (const word of text.match(/[\p{Script=Arabic}\p{M}]+/gu) ?? []) {
    const bare = withoutVowels(word);
    if (ARABIC_PRONOUNS.has(word) || ARABIC_PRONOUNS.has(bare) || ARABIC_PRONOUNS.has(bare.replace(/^و/u, ''))) {
      found.push(word);
      continue;
    }
    // The feminine "you" of a past verb, when it is written with its kasra: كنتِ، أنجبتِ.
    if (/تِ$/u.test(word) && bare.length > 2) {
      found.push(word);
      continue;
    }
    const pronoun = /(?:ك|كما|كم)$/u.exec(bare);
    if (!pronoun || bare.length <= pronoun[0].length) continue;
    const stem = bare.replace(/^(?:و|ف)/u, '');
    if (allowed.has(bare) || allowed.has(stem) || allowed.has(stem.replace(ARABIC_PREFIXES, ''))) continue;
    if ([...allowed].some((w) => stem.endsWith(w) && w.length >= 3)) continue;
    found.push(word);
  }
  return found;
}

/** The second-person words in `text`, for `language`; empty when there are none. */
export function secondPersonWords(text: string, language: CheckedLanguage): string[] {
  const visible = text.replace(/\{\{[^}]*\}\}/gu, ' ');
  switch (language) {
    case 'en':
      return visible.match(ENGLISH) ?? [];
    case 'ru':
      return visible.match(RUSSIAN) ?? [];
    case 'es':
      return visible.match(SPANISH) ?? [];
    case 'ar':
      return arabicSecondPerson(visible);
  }
}
