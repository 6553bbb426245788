import { describe, expect, it } from 'vitest';
import { LANGUAGES } from './languages.ts';
import ar from '../../locales/ar/outcomes.json';
import en from '../../locales/en/outcomes.json';
import es from '../../locales/es/outcomes.json';
import ru from '../../locales/ru/outcomes.json';

/**
 * Policy §2 (v3): no reason text names an urgency or a waiting time, or promises that
 * something improves; the heading and the instruction say how soon, once. A reason
 * that said "straight away" under "book a routine appointment", or "can be checked at a
 * routine visit" under "call 112 now", is what v3 removed. Checked in every language
 * and both registers, with each language's own words for urgency, time and improvement
 * (a pregnancy's weeks, "20 weeks", are not a wait).
 */
const FORBIDDEN: Record<(typeof LANGUAGES)[number], RegExp> = {
  en: /\b(straight away|immediately|right away|now|today|tonight|urgent(ly)?|soon|routine|emergency|within|wait|weeks?|days?|improves?|get(s)? better|settles?)\b/i,
  ru: /(срочн|немедленн|сегодня|сразу|скоро|в ближайшее|плановом|в течение|подожд|(?<!\d )недел|пройд[её]т|улучш)/i,
  es: /(de inmediato|inmediatamente|ahora|hoy|urgente|pronto|rutinari|en 1 a 2|esperar|(?<!\d )semana|mejora)/i,
  ar: /(فورًا|فورا|الآن|اليوم|قريبًا|قريبا|روتيني|اعتيادي|خلال أسبوع|عاجل|يمكن الانتظار|يتحسن)/,
};
const OUTCOMES = { en, ru, es, ar } as const;

describe('reasons name no urgency, wait or improvement (policy §2, v3)', () => {
  for (const language of LANGUAGES) {
    it(`in ${language}`, () => {
      const reasons = Object.entries(OUTCOMES[language].reasons as Record<string, string>);
      expect(reasons.length).toBeGreaterThanOrEqual(2 * 63);
      const offending = reasons.filter(([, text]) => FORBIDDEN[language].test(text)).map(([key, text]) => `${key}: ${text}`);
      expect(offending).toEqual([]);
    });
  }
  it('the check can fail: it catches the v2 wording', () => {
    expect(FORBIDDEN.en.test('Hip and pelvic pain is common in pregnancy. Your maternity team can check it at a routine visit.')).toBe(
      true,
    );
    expect(FORBIDDEN.en.test('A hot, red or swollen joint needs to be seen today.')).toBe(true);
  });
});
