// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { FIELD_IDS, fieldDefinition } from '@/triage/fields.ts';
import { CONTEXT_RULES, RED_FLAG_CONTEXT } from '@/triage/answers/asked-when.ts';
import { PREGNANCY_AGE } from '@/triage/catalogue.ts';
import { fhirArtefacts } from '../tooling/fhir-artefacts.ts';
import { fhirValidator } from '../tooling/fhir-validator.ts';
import { CODE_SYSTEM_URL, QUESTIONNAIRE_URL } from './canonical.ts';
import { contextExpression } from './questionnaire.ts';

const { 'Questionnaire.json': resource, 'CodeSystem.json': codeSystem } = fhirArtefacts();
type Item = (typeof resource.item)[number] & Record<string, unknown>;
const itemOf = (linkId: string) => resource.item.find((item) => item.linkId === linkId) as Item;
const codesOf = (item: Item) =>
  ((item.answerOption ?? []) as { valueCoding: { code: string; system: string } }[]).map((o) => o.valueCoding);
const TOGGLE = 'http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-answerOptionsToggleExpression';

// The FHIR R4 base definitions, loaded once per file (about half a second).
const validate = await fhirValidator();

describe('the FHIR Questionnaire (dist/fhir/Questionnaire.json)', () => {
  it('has one item per answer field, linkId = the answer id, in the order they are asked', () => {
    expect(resource.item.map((item) => item.linkId)).toEqual(FIELD_IDS);
    expect(resource.url).toBe(QUESTIONNAIRE_URL);
    expect(resource.item.filter((item) => 'required' in item).map((item) => item.linkId)).toEqual(['age', 'sex', 'redFlags']);
  });

  it('offers every option of the catalogue, from our CodeSystem (sex: administrative-gender), and "None of these" where the wizard does', () => {
    const ours = new Set(codeSystem.concept.map((concept) => concept.code));
    for (const field of FIELD_IDS) {
      const definition = fieldDefinition(field);
      if (definition.kind !== 'single' && definition.kind !== 'multiple') continue;
      const codes = codesOf(itemOf(field));
      const none = definition.kind === 'multiple' && definition.withNone ? ['none'] : [];
      expect(codes.map((c) => c.code)).toEqual([...definition.options, ...none]);
      for (const c of codes) {
        if (field === 'sex') expect(c.system).toBe('http://hl7.org/fhir/administrative-gender');
        else {
          expect(c.system).toBe(CODE_SYSTEM_URL);
          expect(ours.has(c.code), c.code).toBe(true);
        }
      }
    }
  });

  it('asks about pregnancy as the wizard does: sex not male, age 12 to 55; its weeks only when pregnant', () => {
    expect(itemOf('pregnancy').enableWhen).toEqual([
      { question: 'sex', operator: 'exists', answerBoolean: true },
      { question: 'sex', operator: '!=', answerCoding: { system: 'http://hl7.org/fhir/administrative-gender', code: 'male' } },
      { question: 'age', operator: '>=', answerInteger: PREGNANCY_AGE.min },
      { question: 'age', operator: '<=', answerInteger: PREGNANCY_AGE.max },
    ]);
    expect(itemOf('pregnancy').enableBehavior).toBe('all');
    expect(itemOf('pregnancyWeeks').enableWhen).toEqual([
      { question: 'pregnancy', operator: '=', answerCoding: { system: CODE_SYSTEM_URL, code: 'pregnant' } },
    ]);
  });

  it('offers each red flag in the contexts of the policy table only (SDC answerOptionsToggleExpression)', () => {
    type Part = { url: string; valueCoding?: { code: string }; valueExpression?: { expression: string } };
    const toggles = ((itemOf('redFlags').extension ?? []) as { url: string; extension: Part[] }[]).filter((e) => e.url === TOGGLE);
    const toggled = new Map<string, string>();
    for (const toggle of toggles) {
      const expression = toggle.extension.find((part) => part.url === 'expression')!.valueExpression!.expression;
      for (const option of toggle.extension.filter((part) => part.url === 'option')) toggled.set(option.valueCoding!.code, expression);
    }
    for (const [flag, context] of Object.entries(RED_FLAG_CONTEXT)) {
      if (context === 'everyone') expect(toggled.has(flag), flag).toBe(false);
      else expect(toggled.get(flag), flag).toBe(contextExpression(CONTEXT_RULES[context]));
    }
    // A limp is offered as a symptom from 18, where it stops being a red flag.
    const symptomToggles = ((itemOf('symptoms').extension ?? []) as { url: string; extension: Part[] }[]).filter((e) => e.url === TOGGLE);
    expect(symptomToggles.map((t) => t.extension.map((part) => part.valueCoding?.code ?? part.valueExpression?.expression))).toEqual([
      ['limp', "%resource.item.where(linkId='age').answer.value >= 18"],
    ]);
    expect(contextExpression(CONTEXT_RULES['under-5'])).toBe("%resource.item.where(linkId='age').answer.value < 5");
    expect(contextExpression(CONTEXT_RULES.pregnant)).toBe(
      "%resource.item.where(linkId='pregnancy').answer.value.code.intersect('pregnant').exists()",
    );
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
