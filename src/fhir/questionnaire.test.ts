// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { FIELD_IDS, fieldDefinition } from '@/triage/fields.ts';
import fhirpath from 'fhirpath';
import r4 from 'fhirpath/fhir-context/r4/index.js';
import {
  CONTEXT_RULES,
  RED_FLAG_CONTEXT,
  isHipReplacementAsked,
  isPregnancyAsked,
  redFlagsShown,
  symptomsShown,
} from '@/triage/answers/asked-when.ts';
import type { Answers } from '@/triage/answers/answers-schema.ts';
import { HIP_REPLACEMENT_AGE_FROM, PREGNANCY_AGE, PREGNANCY_STATUSES, RED_FLAGS, SEXES } from '@/triage/catalogue.ts';
import { fhirArtefacts } from '../tooling/build/fhir-artefacts.ts';
import { fhirValidator } from '../tooling/testing/fhir-validator.ts';
import { CODE_SYSTEM_URL, QUESTIONNAIRE_URL } from './canonical.ts';
import { contextExpression } from './questionnaire.ts';
import { questionnaireResponse } from './triage-bundle.ts';

const { 'Questionnaire.json': resource, 'CodeSystem.json': codeSystem } = fhirArtefacts();
type Item = (typeof resource.item)[number] & Record<string, unknown>;
const itemOf = (linkId: string) => resource.item.find((item) => item.linkId === linkId) as Item;
/** An item's options: its answerOption, or the contained ValueSet its answerExpression picks from. */
const codesOf = (item: Item): { code: string; system: string }[] =>
  item.answerOption
    ? (item.answerOption as { valueCoding: { code: string; system: string } }[]).map((o) => o.valueCoding)
    : resource.contained.find((r) => r.id === `${item.linkId}-options`)!.expansion.contains;
const ANSWER_EXPRESSION = 'http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-answerExpression';

// The FHIR R4 base definitions, loaded once per file (about half a second).
const validate = await fhirValidator();

describe('the FHIR Questionnaire (dist/fhir/Questionnaire.json)', () => {
  it('has one item per answer field, linkId = the answer id, in the order they are asked', () => {
    expect(resource.item.map((item) => item.linkId)).toEqual(FIELD_IDS);
    expect(resource.url).toBe(QUESTIONNAIRE_URL);
    // Policy v3.
    expect(resource.version).toBe('3.0.0');
    // What every check must have, and the pregnancy and hip replacement answers whenever they are asked (FHIR: required
    // applies only while enabled).
    expect(resource.item.filter((item) => 'required' in item).map((item) => item.linkId)).toEqual([
      'age',
      'sex',
      'pregnancy',
      'hipReplacement',
      'redFlags',
    ]);
  });

  it('asks about a hip replacement (v3) as a yes/no question, before the warning signs', () => {
    const linkIds = resource.item.map((item) => item.linkId);
    expect(linkIds.indexOf('hipReplacement')).toBeLessThan(linkIds.indexOf('redFlags'));
    expect(linkIds.indexOf('hipReplacement')).toBeGreaterThan(linkIds.indexOf('pregnancyWeeks'));
    expect(itemOf('hipReplacement')).toMatchObject({ type: 'boolean', required: true });
    expect(itemOf('hipReplacement').answerOption).toBeUndefined();
  });

  it('offers every option of the catalogue (all of them for some answers), all from our CodeSystem, and "None of these" where the wizard does', () => {
    const ours = new Set(codeSystem.concept.map((concept) => concept.code));
    for (const field of FIELD_IDS) {
      const definition = fieldDefinition(field);
      if (definition.kind !== 'single' && definition.kind !== 'multiple') continue;
      const codes = codesOf(itemOf(field));
      const none = definition.kind === 'multiple' && definition.withNone ? ['none'] : [];
      expect(codes.map((c) => c.code)).toEqual([...definition.options, ...none]);
      for (const c of codes) {
        expect(c.system).toBe(CODE_SYSTEM_URL);
        expect(ours.has(c.code), c.code).toBe(true);
      }
    }
  });

  it('asks about pregnancy exactly when the wizard does (sex not male, age 12 to 55), its weeks only when pregnant, and a hip replacement from 16', () => {
    /** FHIR's enableWhen, as a renderer applies it, over a response holding `answers`. */
    type Condition = {
      question: string;
      operator: string;
      answerBoolean?: boolean;
      answerInteger?: number;
      answerCoding?: { code: string };
    };
    const enabled = (linkId: string, answers: Record<string, string | number | undefined>) => {
      const item = itemOf(linkId) as Item & { enableWhen: Condition[]; enableBehavior?: string };
      const holds = ({ question, operator, ...answer }: Condition) => {
        const given = answers[question];
        if (operator === 'exists') return (given !== undefined) === answer.answerBoolean;
        if (given === undefined) return false;
        const expected = answer.answerCoding?.code ?? answer.answerInteger;
        switch (operator) {
          case '=':
            return given === expected;
          case '!=':
            return given !== expected;
          case '>=':
            return given >= expected!;
          case '<=':
            return given <= expected!;
        }
        throw new Error(`operator ${operator} not expected`);
      };
      return item.enableBehavior === 'any' ? item.enableWhen.some(holds) : item.enableWhen.every(holds);
    };
    for (const age of [undefined, ...Array.from({ length: 121 }, (_, a) => a)])
      for (const sex of [undefined, ...SEXES])
        expect(enabled('pregnancy', { age, sex }), `${age} ${sex}`).toBe(isPregnancyAsked({ age, sex }));
    for (const pregnancy of [undefined, ...PREGNANCY_STATUSES])
      expect(enabled('pregnancyWeeks', { pregnancy })).toBe(pregnancy === 'pregnant');
    expect(PREGNANCY_AGE).toEqual({ min: 12, max: 55 });
    // v3: a hip replacement from 16, whatever the sex, with the catalogue's threshold.
    for (const age of [undefined, ...Array.from({ length: 121 }, (_, a) => a)])
      for (const sex of [undefined, ...SEXES])
        expect(enabled('hipReplacement', { age, sex }), `hipReplacement ${age} ${sex}`).toBe(isHipReplacementAsked({ age, sex }));
    expect(itemOf('hipReplacement').enableWhen).toEqual([{ question: 'age', operator: '>=', answerInteger: HIP_REPLACEMENT_AGE_FROM }]);
  });

  describe('offers each red flag, and a limp as a symptom, in the contexts of the policy table only', { timeout: 30_000 }, () => {
    type Expression = { url: string; valueExpression: { expression: string } };
    const expressionOf = (field: string) =>
      ((itemOf(field).extension ?? []) as Expression[]).find((e) => e.url === ANSWER_EXPRESSION)!.valueExpression.expression;
    // Parsed once per field: hundreds of people are asked below.
    const compiled = new Map<string, ReturnType<typeof fhirpath.compile>>();
    const compiledExpression = (field: string) => {
      if (!compiled.has(field)) compiled.set(field, fhirpath.compile(expressionOf(field), r4));
      return compiled.get(field)!;
    };
    /** The options the Questionnaire offers to this person, as a renderer computes them (fhirpath.js, HL7's reference FHIRPath). */
    const offered = (field: string, person: Answers) => {
      const response = questionnaireResponse(person, '2026-12-02T00:00:00Z');
      const found = compiledExpression(field)(response, { resource: response, questionnaire: resource }) as {
        code: string;
      }[];
      return found.map((coding) => coding.code);
    };
    // Every boundary of the contexts: 5, 12, 16, 18, 50 (v3), 55; with and without a hip replacement from 16 (v3).
    const ages = [0, 2, 4, 5, 6, 11, 12, 15, 16, 17, 18, 30, 49, 50, 55, 56, 70, 120];
    const people: Answers[] = ages.flatMap((age) =>
      SEXES.flatMap((sex) =>
        (isPregnancyAsked({ age, sex }) ? [undefined, ...PREGNANCY_STATUSES] : [undefined]).flatMap((pregnancy) =>
          (isHipReplacementAsked({ age }) ? [undefined, false, true] : [undefined]).map((hipReplacement) => ({
            age,
            sex,
            ...(pregnancy ? { pregnancy } : {}),
            ...(hipReplacement !== undefined ? { hipReplacement } : {}),
            redFlags: [],
          })),
        ),
      ),
    );

    it(`offers ${people.length} people exactly the red flags and symptoms the wizard shows them (SDC answerExpression)`, () => {
      for (const person of people) {
        expect(offered('redFlags', person), JSON.stringify(person)).toEqual([...redFlagsShown(person), 'none']);
        expect(offered('symptoms', person), JSON.stringify(person)).toEqual([...symptomsShown(person), 'none']);
      }
      // Each context is met by someone: the grid above covers the whole policy table.
      const everShown = new Set(people.flatMap((person) => redFlagsShown(person)));
      expect([...everShown].sort()).toEqual([...RED_FLAGS].sort());
    });

    it('offers the v3 red flags in their contexts: the headache from 50, the wound with a hip replacement, the tummy and groin to everyone', () => {
      const offeredTo = (person: Answers) => offered('redFlags', person);
      for (const person of people) {
        const shown = offeredTo(person);
        expect(shown.includes('scalp-jaw-headache'), JSON.stringify(person)).toBe(person.age >= 50);
        expect(shown.includes('wound-problem'), JSON.stringify(person)).toBe(person.hipReplacement === true);
        expect(shown).toEqual(expect.arrayContaining(['severe-abdominal-pain', 'groin-swelling']));
      }
      // A hip replacement aged 50 or more: both, beside every general flag.
      expect(offeredTo({ age: 74, sex: 'male', hipReplacement: true, redFlags: [] })).toEqual([
        ...redFlagsShown({ age: 74, sex: 'male', hipReplacement: true }),
        'none',
      ]);
      expect(RED_FLAG_CONTEXT['wound-problem']).toBe('hip-replacement');
      expect(contextExpression(CONTEXT_RULES['from-50'])).toBe("%resource.item.where(linkId='age').answer.value >= 50");
      expect(contextExpression(CONTEXT_RULES['hip-replacement'])).toBe("%resource.item.where(linkId='hipReplacement').answer.value = true");
      expect(() => contextExpression(CONTEXT_RULES.everyone)).toThrow();
    });

    it('picks them from a contained ValueSet of every option, with our codes and words in four languages', () => {
      for (const field of ['redFlags', 'symptoms'] as const) {
        const valueSet = resource.contained.find((r) => r.id === `${field}-options`)!;
        const definition = fieldDefinition(field);
        expect(valueSet.expansion.contains.map((c) => c.code)).toEqual([
          ...(definition.kind === 'multiple' ? definition.options : []),
          'none',
        ]);
        for (const option of valueSet.expansion.contains) {
          expect(option.system).toBe(CODE_SYSTEM_URL);
          expect(option.designation.map((d) => d.language).sort()).toEqual(['ar', 'es', 'ru']);
        }
        // The whole list is the item's answerValueSet: what a renderer without answerExpression shows, and the
        // reference FHIR requires to a contained resource (invariant dom-3, which medplum does not evaluate).
        expect(itemOf(field).answerValueSet).toBe(`#${valueSet.id}`);
        expect(itemOf(field).answerOption).toBeUndefined();
      }
      expect(expressionOf('redFlags')).toContain(contextExpression(CONTEXT_RULES.pregnant));
      expect(contextExpression(CONTEXT_RULES['under-5'])).toBe("%resource.item.where(linkId='age').answer.value < 5");
    });
  });

  it('lets "None of these" clear the other ticks where the options are listed (optionExclusive), and says its language', () => {
    const exclusive = (
      itemOf('riskFactors').answerOption as { extension?: { url: string; valueBoolean: boolean }[]; valueCoding: { code: string } }[]
    )
      .filter((option) => option.extension?.some((e) => e.url.endsWith('questionnaire-optionExclusive') && e.valueBoolean))
      .map((option) => option.valueCoding.code);
    expect(exclusive).toEqual(['none']);
    expect(resource.language).toBe('en');
  });

  it('has every question and option in Russian, Spanish and Arabic (translation extension)', () => {
    const languages = (element: { extension: { extension: { url: string; valueCode?: string }[] }[] }) =>
      element.extension.map((translation) => translation.extension.find((e) => e.url === 'lang')!.valueCode).sort();
    for (const item of resource.item) {
      expect(languages(item._text), item.linkId).toEqual(['ar', 'es', 'ru']);
      for (const option of ((item as Item).answerOption ?? []) as { valueCoding: { _display: never } }[])
        expect(languages(option.valueCoding._display), item.linkId).toEqual(['ar', 'es', 'ru']);
    }
  });

  describe('validated against the FHIR R4 base definitions (@medplum/core)', () => {
    it('has no error and no warning', () => {
      expect(validate(resource)).toEqual([]);
    });

    it('has codes from the required value sets (medplum does not check bindings)', () => {
      expect(['draft', 'active', 'retired', 'unknown']).toContain(resource.status);
      const types = [
        'group',
        'display',
        'boolean',
        'decimal',
        'integer',
        'date',
        'dateTime',
        'time',
        'string',
        'text',
        'url',
        'choice',
        'open-choice',
      ];
      for (const item of resource.item) expect(types, item.linkId).toContain(item.type);
      const operators = ['exists', '=', '!=', '>', '<', '>=', '<='];
      for (const item of resource.item)
        for (const condition of ((item as Item).enableWhen ?? []) as { operator: string }[])
          expect(operators).toContain(condition.operator);
    });

    it('reports a broken resource, so the check above can fail', () => {
      const broken = {
        ...resource,
        item: [{ ...resource.item[0], linkId: undefined, type: 'integer', answerOption: [{ valueInteger: 'x' }] }],
      };
      expect(validate(broken).length).toBeGreaterThan(0);
    });
  });
});
