/** Languages the wizard is offered in; every one has a full set of locale files. */
export const LANGUAGES = ['en', 'ru', 'es', 'ar'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'en';

const RTL: ReadonlySet<string> = new Set(['ar', 'he', 'fa', 'ur']);
export const directionOf = (language: string): 'ltr' | 'rtl' => (RTL.has(language) ? 'rtl' : 'ltr');

export const isLanguage = (value: unknown): value is Language => LANGUAGES.includes(value as Language);

export const NAMESPACES = ['common', 'questions', 'errors', 'outcomes', 'articles', 'reception'] as const;
export type Namespace = (typeof NAMESPACES)[number];
