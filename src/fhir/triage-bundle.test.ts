// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { TFunction } from 'i18next';
import vignettes from '../../tests/fixtures/vignettes.json';
import { evaluateRules } from '../triage/rules/evaluate-rules.ts';
import { instructionOf } from '../triage/rules/instruction.ts';
import { safetyNetOf } from '../triage/rules/safety-net.ts';
import type { Answers } from '../triage/answers/answers-schema.ts';
import type { Recommendation } from '../triage/rules/recommendation.ts';
import { URGENCIES, type Urgency } from '../triage/catalogue.ts';
import { readRuleSet } from '../tooling/project-files/read-rule-files.ts';
import { fhirValidator } from '../tooling/testing/fhir-validator.ts';
import { fhirArtefacts } from '../tooling/build/fhir-artefacts.ts';
import { outcomeWords } from '../cli/outcome-words.ts';
import { CODE_SYSTEM_URL, QUESTIONNAIRE_URL } from './canonical.ts';
import { PRIORITY, SEEN_WITHIN, triageBundle } from './triage-bundle.ts';
import type { NoteWords } from './service-request-note.ts';

const validate = await fhirValidator();
const ruleSet = readRuleSet('rules');
const AUTHORED = '2026-12-02T10:00:00Z';
const LANGUAGES = ['en', 'ru', 'es', 'ar'] as const;
const words = Object.fromEntries(
  await Promise.all(LANGUAGES.map(async (language) => [language, (await outcomeWords(language)).t])),
) as Record<(typeof LANGUAGES)[number], TFunction>;
const t = words.en;
/** Reception's wording, as the wizard's useWording gives it. */
const reception: NoteWords = (key, options) => t(key, { context: 'reception', ...options });
const codeSystem = fhirArtefacts()['CodeSystem.json'];

interface Response {
  questionnaire: string;
  item: { linkId: string; answer: unknown[] }[];
}
interface Request {
  status: string;
  intent: string;
  language: string;
  priority: string;
  category: { coding: { system: string; code: string }[]; text: string }[];
  occurrencePeriod?: { start?: string; end: string };
  authoredOn: string;
  performerType: { coding: { system: string; code: string }[] };
  reasonCode: { coding: { code: string }[] }[];
  supportingInfo: { reference: string }[];
  note: { text: string }[];
}
const resourcesOf = (bundle: { entry: { resource: unknown }[] }) =>
  bundle.entry.map((entry) => entry.resource) as unknown as [Response, Request];
type Options = Partial<Parameters<typeof triageBundle>[2]>;
const bundleOf = (answers: Answers, options: Options = {}) => {
  let n = 0;
  return triageBundle(answers, evaluateRules(ruleSet, answers), {
    ruleSet,
    t,
    emergencyNumber: '112',
    authored: AUTHORED,
    newId: () => `00000000-0000-4000-8000-00000000000${(n += 1)}`,
    ...options,
  });
};
const requestOf = (answers: Answers, options?: Options) => resourcesOf(bundleOf(answers, options))[1];
const noteOf = (answers: Answers, options?: Options) => {
  const { note } = requestOf(answers, options);
  expect(note).toHaveLength(1);
  return note[0]!.text;
};
const EMERGENCY_NOTE = /^EMERGENCY: the person was told to call (\S+) now\. This is not a referral\.\n\n/;

const worked = vignettes as { title: string; answers: Answers; expected: Recommendation }[];
/** More people, beside the worked cases: each pregnancy stage, each urgency, reception and a child. */
const more: Answers[] = [
  { age: 30, sex: 'female', pregnancy: 'pregnant', pregnancyWeeks: 30, hipReplacement: false, redFlags: ['calf-swelling'] },
  { age: 30, sex: 'female', pregnancy: 'pregnant', pregnancyWeeks: 12, hipReplacement: false, redFlags: ['burning-urination'] },
  { age: 30, sex: 'female', pregnancy: 'pregnant', hipReplacement: false, redFlags: [] },
  { age: 30, sex: 'female', pregnancy: 'postpartum', hipReplacement: false, redFlags: ['fever'] },
  { age: 30, sex: 'female', pregnancy: 'unsure', hipReplacement: false, redFlags: [] },
  { age: 30, sex: 'female', pregnancy: 'unsure', hipReplacement: false, redFlags: ['vaginal-bleeding'] },
  { age: 30, sex: 'female', pregnancy: 'no', hipReplacement: false, redFlags: [], locations: ['groin'], onset: 'sudden' },
  { age: 70, sex: 'male', hipReplacement: true, redFlags: ['wound-problem', 'scalp-jaw-headache', 'calf-swelling', 'cancer-history'] },
  { age: 8, sex: 'male', redFlags: ['fever'] },
  { age: 40, sex: 'male', hipReplacement: false, redFlags: [], locations: ['buttock'], onset: 'gradual' },
];

describe('a check as a FHIR Bundle (QuestionnaireResponse + ServiceRequest)', () => {
  for (const { title, answers, expected } of worked) {
    it(`worked case "${title}": validates with zero issues and carries the answers, the recommendation, its urgency and timeframe`, () => {
      const bundle = bundleOf(answers);
      expect(validate(bundle)).toEqual([]);
      for (const { resource } of bundle.entry) expect(validate(resource)).toEqual([]);
      const [response, request] = resourcesOf(bundle);
      expect(response.questionnaire).toBe(`${QUESTIONNAIRE_URL}|3.0.0`);
      expect(response.item.map((item) => item.linkId)).toEqual(Object.keys(answers));
      expect(request.priority).toBe(PRIORITY[expected.urgency]);
      expect(request.category).toEqual([
        { coding: [{ system: CODE_SYSTEM_URL, code: expected.urgency }], text: t(`urgency.${expected.urgency}.timeframe`) },
      ]);
      expect(request.occurrencePeriod !== undefined, 'occurrencePeriod').toBe(['urgent', 'soon'].includes(expected.urgency));
      expect(request.performerType.coding).toContainEqual({ system: CODE_SYSTEM_URL, code: expected.specialist });
      expect(request.reasonCode.map((reason) => reason.coding[0]!.code)).toEqual(expected.reasons);
      expect(request.supportingInfo).toEqual([{ reference: bundle.entry[0]!.fullUrl }]);
      expect(EMERGENCY_NOTE.test(request.note[0]!.text), request.note[0]!.text).toBe(expected.urgency === 'emergency');
    });
  }

  it('maps urgency to priority as documented, and uses codes of the required value sets (medplum does not check bindings)', () => {
    expect(PRIORITY).toEqual({ emergency: 'stat', urgent: 'asap', soon: 'urgent', routine: 'routine' });
    const request = requestOf(worked[0]!.answers) as unknown as Record<string, string>;
    expect(['draft', 'active', 'on-hold', 'revoked', 'completed', 'entered-in-error', 'unknown']).toContain(request.status);
    expect([
      'proposal',
      'plan',
      'directive',
      'order',
      'original-order',
      'reflex-order',
      'filler-order',
      'instance-order',
      'option',
    ]).toContain(request.intent);
    expect(['routine', 'urgent', 'asap', 'stat']).toEqual(expect.arrayContaining(Object.values(PRIORITY)));
  });

  it('codes the urgency as a category from our CodeSystem, where each urgency is a concept of its own kind', () => {
    const seen = new Set<Urgency>();
    for (const answers of [...worked.map((w) => w.answers), ...more]) {
      const { category } = requestOf(answers);
      const code = category[0]!.coding[0]!.code as Urgency;
      seen.add(code);
      const concept = codeSystem.concept.find((c) => c.code === code);
      expect(concept?.property, code).toEqual([{ code: 'kind', valueCode: 'urgency' }]);
    }
    expect([...seen].sort()).toEqual([...URGENCIES].sort());
  });

  describe('occurrencePeriod: by when the person was told to be seen', () => {
    const urgentCase = worked.find((w) => w.expected.urgency === 'urgent')!.answers;
    const soonCase = worked.find((w) => w.expected.urgency === 'soon')!.answers;

    it('ends 24 hours after authoredOn for urgent, 14 days after for soon, and starts at authoredOn', () => {
      expect(SEEN_WITHIN).toEqual({ urgent: 24 * 3600_000, soon: 14 * 24 * 3600_000 });
      expect(requestOf(urgentCase)).toMatchObject({
        authoredOn: AUTHORED,
        occurrencePeriod: { start: AUTHORED, end: '2026-12-03T10:00:00Z' },
      });
      expect(requestOf(soonCase)).toMatchObject({
        authoredOn: AUTHORED,
        occurrencePeriod: { start: AUTHORED, end: '2026-12-16T10:00:00Z' },
      });
    });

    it('keeps the instant of an authoredOn with an offset or milliseconds (as the browser writes it)', () => {
      expect(requestOf(urgentCase, { authored: '2026-12-02T23:30:00+02:00' }).occurrencePeriod).toEqual({
        start: '2026-12-02T23:30:00+02:00',
        end: '2026-12-03T21:30:00Z',
      });
      expect(requestOf(soonCase, { authored: '2026-12-02T10:00:00.123Z' }).occurrencePeriod!.end).toBe('2026-12-16T10:00:00.123Z');
    });

    it('has none for an emergency (the person was told to call now) or a routine result', () => {
      for (const urgency of ['emergency', 'routine'])
        expect(requestOf(worked.find((w) => w.expected.urgency === urgency)!.answers).occurrencePeriod, urgency).toBeUndefined();
    });

    it('refuses an authoredOn that is no date and time, rather than write a wrong period', () => {
      expect(() => requestOf(urgentCase, { authored: 'yesterday' })).toThrow(/authored/);
    });
  });

  describe('note: what the person was told', () => {
    it('on an emergency begins exactly "EMERGENCY: the person was told to call {number} now. This is not a referral.", then the instruction', () => {
      const answers = worked.find((w) => w.expected.urgency === 'emergency')!.answers;
      const note = noteOf(answers);
      expect(note.startsWith('EMERGENCY: the person was told to call 112 now. This is not a referral.\n\n')).toBe(true);
      expect(note).toBe(
        [
          'EMERGENCY: the person was told to call 112 now. This is not a referral.',
          t('urgency.emergency.instruction', { number: '112' }),
          t('summary.notDiagnosis'),
        ].join('\n\n'),
      );
      // The clinic's number, wherever it is said.
      const theirs = noteOf(answers, { emergencyNumber: '911' });
      expect(theirs).toMatch(/^EMERGENCY: the person was told to call 911 now\. This is not a referral\./);
      expect(theirs).not.toContain('112');
    });

    it('on an emergency has no safety-netting lines (its instruction is the call), but says that the person may be pregnant', () => {
      const later = noteOf({
        age: 29,
        sex: 'female',
        pregnancy: 'pregnant',
        pregnancyWeeks: 30,
        hipReplacement: false,
        redFlags: ['vaginal-bleeding'],
      });
      expect(later).toContain(t('urgency.emergency.laterPregnancyInstruction', { number: '112' }));
      const unsure = noteOf({ age: 30, sex: 'female', pregnancy: 'unsure', hipReplacement: false, redFlags: ['vaginal-bleeding'] });
      expect(unsure).toMatch(EMERGENCY_NOTE);
      expect(unsure).toContain(t('safetyNet.mayBePregnant'));
      for (const note of [later, unsure]) {
        expect(note).not.toContain(t('safetyNet.callNowIfLead', { number: '112' }));
        expect(note).not.toContain(t('safetyNet.warningSigns'));
        expect(note).not.toContain(t('safetyNet.sameDay'));
        expect(note).not.toContain(t('safetyNet.maternity.callEmergency', { number: '112' }));
      }
    });

    it('otherwise gives the instruction (instructionOf), then the safety-netting of policy §2 in its order, then the not-a-diagnosis line', () => {
      for (const answers of [...worked.map((w) => w.answers), ...more]) {
        const recommendation = evaluateRules(ruleSet, answers);
        if (recommendation.urgency === 'emergency') continue;
        const net = safetyNetOf(ruleSet, recommendation, answers);
        const list = (lines: string[]) => lines.map((line) => `\n- ${line}`).join('');
        const expected = [
          t(`urgency.${recommendation.urgency}.${instructionOf(recommendation, answers)}`, { number: '112' }),
          t('safetyNet.callNowIfLead', { number: '112' }) + list(net.callNowIf.map((id) => t(`safetyNet.callNowIf.${id}`))),
          t('safetyNet.warningSigns') + list(net.warningSigns.map((id) => labelOf(id, answers))),
          ...(net.sameDay ? [t('safetyNet.sameDay')] : []),
          ...(net.pregnancyLine === 'early-pregnancy' ? [t('safetyNet.earlyPregnancy', { number: '112' })] : []),
          ...(net.pregnancyLine?.startsWith('maternity-')
            ? [
                [
                  t(`safetyNet.maternity.${net.pregnancyLine === 'maternity-pregnant' ? 'pregnant' : 'postpartum'}`),
                  t('safetyNet.maternity.callEmergency', { number: '112' }),
                  t('safetyNet.maternity.unitNotes'),
                ].join(' '),
              ]
            : []),
          ...(net.pregnancyNote === 'may-be-pregnant' ? [t('safetyNet.mayBePregnant')] : []),
          ...(net.pregnancyNote === 'any-chance' ? [t('safetyNet.anyChancePregnant')] : []),
          t('summary.notDiagnosis'),
        ].join('\n\n');
        expect(noteOf(answers), JSON.stringify(answers)).toBe(expected);
      }
    });

    it('lists the "call now if" lines that apply, and every warning sign shown, in the words the person saw them in', () => {
      const note = noteOf(more[7]!);
      for (const line of ['breathless-chest-pain', 'legs-weak-or-urine-changes', 'replaced-hip-fever-or-weight', 'vision-change'])
        expect(note).toContain(`\n- ${t(`safetyNet.callNowIf.${line}`)}\n`);
      // A man's groin flag names a testicle; a hip replacement and age 70 bring the wound and headache flags.
      expect(note).toContain(`\n- ${t('questions:redFlags.options.groin-swelling.labelNotFemale')}\n`);
      expect(note).toContain(`\n- ${t('questions:redFlags.options.wound-problem.label')}\n`);
      expect(note).toContain(`\n- ${t('questions:redFlags.options.scalp-jaw-headache.label')}\n`);
      // Unsure of a pregnancy: the bleeding flag in its own words.
      expect(noteOf(more[4]!)).toContain(`\n- ${t('questions:redFlags.options.vaginal-bleeding.labelUnsure')}\n`);
    });

    it('in a later pregnancy and after birth gives the maternity line, with the maternity unit number where the clinic has one', () => {
      const [later, , , postpartum] = more;
      expect(noteOf(later!)).toContain(t('urgency.urgent.laterPregnancyInstruction'));
      expect(noteOf(later!)).toContain(
        [
          t('safetyNet.maternity.pregnant'),
          t('safetyNet.maternity.callEmergency', { number: '112' }),
          t('safetyNet.maternity.unitNotes'),
        ].join(' '),
      );
      expect(noteOf(postpartum!, { maternityNumber: '0123 456789' })).toContain(
        [
          t('safetyNet.maternity.postpartum'),
          t('safetyNet.maternity.callEmergency', { number: '112' }),
          t('safetyNet.maternity.unitNumber', { maternityNumber: '0123 456789' }),
        ].join(' '),
      );
      expect(noteOf(postpartum!)).toContain(t('urgency.urgent.postpartumInstruction'));
    });

    it('in an early or unknown-weeks pregnancy gives the early-pregnancy line; when pregnancy is unsure or could be, says so', () => {
      const [, early, unknownWeeks, , unsure, , couldBe] = more;
      expect(noteOf(early!)).toContain(t('urgency.urgent.earlyPregnancyInstruction'));
      for (const answers of [early!, unknownWeeks!]) expect(noteOf(answers)).toContain(t('safetyNet.earlyPregnancy', { number: '112' }));
      expect(noteOf(unsure!)).toContain(t('safetyNet.mayBePregnant'));
      expect(noteOf(couldBe!)).toContain(t('safetyNet.anyChancePregnant'));
      expect(noteOf(worked[4]!.answers)).not.toMatch(new RegExp(`${t('safetyNet.mayBePregnant')}|${t('safetyNet.anyChancePregnant')}`));
    });

    it('is in reception wording where the person was a caller, as the wizard words the page', () => {
      const note = noteOf(more[9]!, { t: reception });
      expect(note).toContain(t('safetyNet.callNowIfLead_reception', { number: '112' }));
      expect(note.startsWith(t('urgency.routine.instruction_reception'))).toBe(true);
    });

    it('has its words in each language (no key in their place), and the Bundle validates in each', () => {
      for (const language of LANGUAGES)
        for (const answers of [...worked.map((w) => w.answers), ...more]) {
          const bundle = bundleOf(answers, { t: words[language], language });
          expect(validate(bundle), `${language} ${JSON.stringify(answers)}`).toEqual([]);
          const request = resourcesOf(bundle)[1];
          expect(request.language).toBe(language);
          expect(request.note[0]!.text).toContain(words[language]('summary.notDiagnosis'));
          expect(request.note[0]!.text).not.toMatch(/safetyNet\.|urgency\.|\{\{/);
        }
    });

    it('is never written with a key in place of its words: a missing word stops the Bundle', () => {
      const missing: NoteWords = (key, options) => (key.endsWith('callNowIfLead') ? key.replace(/^\w+:/, '') : t(key, options));
      expect(() => bundleOf(more[9]!, { t: missing })).toThrow(/no words for outcomes:safetyNet.callNowIfLead/);
    });
  });

  it('writes "None of these" for an empty list, every choice (sex too) in our CodeSystem, and the hip replacement answer as a boolean', () => {
    const [response] = resourcesOf(bundleOf(worked[0]!.answers));
    const item = (linkId: string) => response.item.find((i) => i.linkId === linkId)!.answer;
    expect(item('symptoms')).toEqual([{ valueCoding: { system: CODE_SYSTEM_URL, code: 'none' } }]);
    expect(item('sex')).toEqual([{ valueCoding: { system: CODE_SYSTEM_URL, code: 'female' } }]);
    expect(item('age')).toEqual([{ valueInteger: 81 }]);
    expect(item('hipReplacement')).toEqual([{ valueBoolean: false }]);
    // Asked before the warning signs, as in the wizard.
    expect(response.item.map((i) => i.linkId).slice(0, 4)).toEqual(['age', 'sex', 'hipReplacement', 'redFlags']);
  });

  it('marks a response without an answer the form requires where asked (pregnancy; hip replacement from 16) as in progress, not completed', () => {
    const statusOf = (answers: Answers) => (resourcesOf(bundleOf(answers))[0] as unknown as { status: string }).status;
    expect(statusOf({ age: 30, sex: 'female', hipReplacement: false, redFlags: [] })).toBe('in-progress');
    expect(statusOf({ age: 30, sex: 'female', pregnancy: 'no', redFlags: [] })).toBe('in-progress');
    expect(statusOf({ age: 30, sex: 'female', pregnancy: 'no', hipReplacement: false, redFlags: [] })).toBe('completed');
    expect(statusOf({ age: 16, sex: 'male', redFlags: [] })).toBe('in-progress');
    expect(statusOf({ age: 15, sex: 'male', redFlags: [] })).toBe('completed');
  });
});

/** A warning sign's words as the person saw them (policy §1 variants), from the locale files. */
function labelOf(flag: string, answers: Answers) {
  const key = (variant: string) => `questions:redFlags.options.${flag}.${variant}`;
  const variants = [
    answers.pregnancy === 'postpartum' && 'labelPostpartum',
    answers.pregnancy === 'unsure' && 'labelUnsure',
    answers.sex !== 'female' && 'labelNotFemale',
  ].filter((v): v is string => !!v);
  const found = variants.find((variant) => t(key(variant)) !== key(variant).replace('questions:', ''));
  return t(key(found ?? 'label'));
}
