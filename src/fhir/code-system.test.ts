// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { FIELD_IDS, fieldDefinition } from '@/triage/fields.ts';
import { SPECIALISTS } from '@/triage/catalogue.ts';
import { fhirArtefacts, fhirWords } from '../tooling/fhir-artefacts.ts';
import { fhirValidator } from '../tooling/fhir-validator.ts';
import { readRuleSet } from '../tooling/read-rule-files.ts';
import { CODE_SYSTEM_URL } from './canonical.ts';
import { optionWords } from './code-system.ts';

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

  it('has every specialist and every rule of the rule files, and nothing else', () => {
    const rules = readRuleSet('rules').rules.map((rule) => rule.id);
    for (const id of [...SPECIALISTS, ...rules]) expect(byCode.has(id), id).toBe(true);
    expect(byCode.get('E-fracture')!.property).toEqual([{ code: 'kind', valueCode: 'rule' }]);
    expect(resource.count).toBe(resource.concept.length);
    expect(new Set(resource.concept.map((concept) => concept.code)).size).toBe(resource.concept.length);
  });

  it('says every concept in Russian, Spanish and Arabic too', () => {
    for (const concept of resource.concept)
      expect(concept.designation.map((d) => d.language).sort(), concept.code).toEqual(['ar', 'es', 'ru']);
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
