// @vitest-environment node
import { describe, expect, it } from 'vitest';
import vignettes from '../../tests/fixtures/vignettes.json';
import { evaluateRules } from '../triage/rules/evaluate-rules.ts';
import type { Answers } from '../triage/answers/answers-schema.ts';
import { readRuleSet } from '../tooling/read-rule-files.ts';
import { fhirValidator } from '../tooling/fhir-validator.ts';
import { CODE_SYSTEM_URL, QUESTIONNAIRE_URL } from './canonical.ts';
import { PRIORITY, triageBundle } from './triage-bundle.ts';

const validate = await fhirValidator();
const ruleSet = readRuleSet('rules');
const AUTHORED = '2026-12-02T10:00:00Z';

interface Response {
  questionnaire: string;
  item: { linkId: string; answer: unknown[] }[];
}
interface Request {
  status: string;
  intent: string;
  priority: string;
  performerType: { coding: { system: string; code: string }[] };
  reasonCode: { coding: { code: string }[] }[];
  supportingInfo: { reference: string }[];
}
const resourcesOf = (bundle: { entry: { resource: unknown }[] }) =>
  bundle.entry.map((entry) => entry.resource) as unknown as [Response, Request];
const bundleOf = (answers: Answers) => {
  let n = 0;
  return triageBundle(answers, evaluateRules(ruleSet, answers), {
    notDiagnosis: 'This is not a diagnosis.',
    authored: AUTHORED,
    newId: () => `00000000-0000-4000-8000-00000000000${(n += 1)}`,
  });
};

describe('a check as a FHIR Bundle (QuestionnaireResponse + ServiceRequest)', () => {
  for (const { title, answers, expected } of vignettes as {
    title: string;
    answers: Answers;
    expected: { urgency: keyof typeof PRIORITY; specialist: string; reasons: string[] };
  }[]) {
    it(`worked case "${title}": validates with zero issues and carries the answers and the recommendation`, () => {
      const bundle = bundleOf(answers);
      expect(validate(bundle)).toEqual([]);
      const [response, request] = resourcesOf(bundle);
      expect(response.questionnaire).toBe(`${QUESTIONNAIRE_URL}|2.0.0`);
      expect(response.item.map((item) => item.linkId)).toEqual(Object.keys(answers));
      expect(request.priority).toBe(PRIORITY[expected.urgency]);
      expect(request.performerType.coding).toContainEqual({
        system: CODE_SYSTEM_URL,
        code: expected.specialist,
      });
      expect(request.reasonCode.map((reason) => reason.coding[0]!.code)).toEqual(expected.reasons);
      expect(request.supportingInfo).toEqual([{ reference: bundle.entry[0]!.fullUrl }]);
    });
  }

  it('maps urgency to priority as documented, and uses codes of the required value sets (medplum does not check bindings)', () => {
    expect(PRIORITY).toEqual({ emergency: 'stat', urgent: 'asap', soon: 'urgent', routine: 'routine' });
    const [, request] = bundleOf(vignettes[0]!.answers as Answers).entry.map((entry) => entry.resource) as [
      unknown,
      Record<string, string>,
    ];
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

  it('writes "None of these" for an empty list, and every choice (sex too) in our CodeSystem', () => {
    const [response] = resourcesOf(bundleOf(vignettes[0]!.answers as Answers));
    const item = (linkId: string) => response.item.find((i) => i.linkId === linkId)!.answer;
    expect(item('symptoms')).toEqual([{ valueCoding: { system: CODE_SYSTEM_URL, code: 'none' } }]);
    expect(item('sex')).toEqual([{ valueCoding: { system: CODE_SYSTEM_URL, code: 'female' } }]);
    expect(item('age')).toEqual([{ valueInteger: 81 }]);
  });

  it('marks a response without an answer the form requires where asked (pregnancy) as in progress, not completed', () => {
    const [woman] = resourcesOf(bundleOf({ age: 30, sex: 'female', redFlags: [] }));
    expect((woman as unknown as { status: string }).status).toBe('in-progress');
    const [asked] = resourcesOf(bundleOf({ age: 30, sex: 'female', pregnancy: 'no', redFlags: [] }));
    expect((asked as unknown as { status: string }).status).toBe('completed');
  });
});
