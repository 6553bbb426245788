// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { FIELD_IDS, fieldDefinition } from '@/triage/fields.ts';
import { CONDITIONAL_RED_FLAGS, SPECIALISTS, URGENCIES } from '@/triage/catalogue.ts';
import { fhirArtefacts, fhirWords } from '../tooling/build/fhir-artefacts.ts';
import { fhirValidator } from '../tooling/testing/fhir-validator.ts';
import { readRuleSet } from '../tooling/project-files/read-rule-files.ts';
import { CODE_SYSTEM_URL } from './canonical.ts';
import { optionWords, ruleDisplay, textAt } from './code-system.ts';

const resource = fhirArtefacts()['CodeSystem.json'];
const byCode = new Map(resource.concept.map((concept) => [concept.code, concept]));
const words = fhirWords();

// The FHIR R4 base definitions, loaded once per file (about half a second).
const validate = await fhirValidator();

describe('the FHIR CodeSystem (dist/fhir/CodeSystem.json)', () => {
  it('has a concept for every option of every choice question but sex (administrative-gender)', () => {
    for (const field of FIELD_IDS) {
      const definition = fieldDefinition(field);
      if ((definition.kind !== 'single' && definition.kind !== 'multiple') || field === 'sex') continue;
      for (const id of definition.options) {
        expect(byCode.has(id), `${field}: ${id}`).toBe(true);
        expect(byCode.get(id)!.property.map((p) => p.valueCode)).not.toHaveLength(0);
      }
    }
    // The first kind an id is given is where its display comes from; "limp" is both a red flag and a symptom.
    expect(byCode.get('limp')!.property.map((p) => p.valueCode)).toEqual(['red-flag', 'symptom']);
    expect(byCode.get('fever')!.display).toBe(optionWords(words.en!.questions, 'redFlags', 'fever'));
    // Staff read it in a clinic system: reception's wording, not the patient's "I".
    expect(byCode.get('pregnant')!.display).toBe('Yes, pregnant');
  });

  it('has the v3 red flags from the field table, and no longer the hip-replacement risk factor (a question of its own now)', () => {
    for (const id of [...CONDITIONAL_RED_FLAGS, 'groin-swelling', 'severe-abdominal-pain'])
      expect(byCode.get(id)?.property, id).toEqual([{ code: 'kind', valueCode: 'red-flag' }]);
    expect(byCode.has('hip-replacement')).toBe(false);
    // hipReplacement is a yes/no question: answered with valueBoolean, so it has no codes.
    expect(byCode.has('hipReplacement')).toBe(false);
  });

  it('has each urgency, with its timeframe as the display and what the person is told as the definition (ServiceRequest.category)', () => {
    for (const id of URGENCIES) {
      const concept = byCode.get(id)!;
      expect(concept.property, id).toEqual([{ code: 'kind', valueCode: 'urgency' }]);
      expect(concept.display).toBe(textAt(words.en!.outcomes, `urgency.${id}.timeframe`));
      // The instruction, without the emergency number: that is the clinic's, not the CodeSystem's.
      expect(concept.definition).toBe(textAt(words.en!.outcomes, `urgency.${id}.instruction`)!.replace(' {{number}}', ''));
      expect(concept.definition).not.toMatch(/\{\{|\}\}/);
    }
    expect(byCode.get('urgent')!.definition).toMatch(/today/);
    expect(byCode.get('soon')!.definition).toMatch(/1 to 2 weeks/);
    expect(byCode.get('emergency')!.definition).toMatch(/^Call the emergency number now/);
  });

  it('displays a rule as "Hip triage rule {id}", never its reason, which is its definition (so it is never filed as a diagnosis)', () => {
    const rules = readRuleSet('rules').rules.map((rule) => rule.id);
    for (const id of rules) {
      const concept = byCode.get(id)!;
      expect(concept.display).toBe(`Hip triage rule ${id}`);
      expect(concept.display).toBe(ruleDisplay(id));
      const reason = textAt(words.en!.outcomes, `reasons.${id}_reception`) ?? textAt(words.en!.outcomes, `reasons.${id}`);
      expect(reason, id).toBeDefined();
      expect(concept.definition).toBe(reason);
      // No designation: in any language a display would be the reason again.
      expect(concept.designation).toBeUndefined();
    }
  });

  it('has every specialist, urgency and rule of the rule files, and nothing else', () => {
    const rules = readRuleSet('rules').rules.map((rule) => rule.id);
    for (const id of [...SPECIALISTS, ...URGENCIES, ...rules]) expect(byCode.has(id), id).toBe(true);
    expect(resource.version).toBe('3.0.0');
    expect(byCode.get('E-fracture')!.property).toEqual([{ code: 'kind', valueCode: 'rule' }]);
    const options = FIELD_IDS.flatMap((field) => {
      const definition = fieldDefinition(field);
      return definition.kind === 'single' || definition.kind === 'multiple' ? definition.options : [];
    });
    expect(new Set(resource.concept.map((concept) => concept.code))).toEqual(
      new Set(['none', ...options, ...SPECIALISTS, ...URGENCIES, ...rules]),
    );
    expect(resource.count).toBe(resource.concept.length);
    expect(new Set(resource.concept.map((concept) => concept.code)).size).toBe(resource.concept.length);
  });

  it("says every concept in Russian, Spanish and Arabic too: its display (but a rule's), and its definition (translation extension)", () => {
    const languages = (element?: { extension: { extension: { url: string; valueCode?: string }[] }[] }) =>
      element?.extension.map((translation) => translation.extension.find((e) => e.url === 'lang')!.valueCode).sort();
    for (const concept of resource.concept) {
      const isRule = concept.property.some((p) => p.valueCode === 'rule');
      if (!isRule) expect(concept.designation?.map((d) => d.language).sort(), concept.code).toEqual(['ar', 'es', 'ru']);
      if (concept.definition !== undefined) expect(languages(concept._definition), concept.code).toEqual(['ar', 'es', 'ru']);
    }
  });

  describe('validated against the FHIR R4 base definitions (@medplum/core)', () => {
    it('has no error and no warning', () => {
      expect(validate(resource)).toEqual([]);
      expect(resource.url).toBe(CODE_SYSTEM_URL);
    });

    it('has codes from the required value sets (medplum does not check bindings)', () => {
      expect(['draft', 'active', 'retired', 'unknown']).toContain(resource.status);
      expect(['not-present', 'example', 'fragment', 'complete', 'supplement']).toContain(resource.content);
      expect(resource.property.map((p) => p.type)).toEqual(['code']);
    });

    it('reports a broken resource, so the check above can fail', () => {
      const issues = validate({ ...resource, status: undefined, concept: [{ code: 'x', display: 1 }] });
      expect(issues.map((issue) => issue.where)).toEqual(expect.arrayContaining(['CodeSystem.status', 'CodeSystem.concept[0].display']));
    });
  });
});
