// @vitest-environment node
import { describe, expect, it } from 'vitest';
import vignettes from '../../tests/fixtures/vignettes.json';
import { validateAnswers, type Answers } from '../triage/answers/answers-schema.ts';
import { ARTEFACT_VERSION, CODE_SYSTEM_URL, GENDER_SYSTEM, QUESTIONNAIRE_URL } from './canonical.ts';
import { answersFromResponse, responsesIn } from './answers-from-response.ts';
import { questionnaireResponse, triageBundle } from './triage-bundle.ts';

const AUTHORED = '2026-12-02T10:00:00Z';
const responseOf = (answers: Answers) => questionnaireResponse(answers, AUTHORED) as unknown as Record<string, unknown>;
const ours = (code: string) => ({ valueCoding: { system: CODE_SYSTEM_URL, code } });
const base = { age: 40, sex: 'male', redFlags: [] } satisfies Answers;
/** A response with one item replaced (or added). */
const withItem = (linkId: string, item: Record<string, unknown>) => {
  const response = responseOf(base);
  const items = (response.item as { linkId: string }[]).filter((i) => i.linkId !== linkId);
  return { ...response, item: [...items, { linkId, ...item }] };
};
const issuesOf = (response: Record<string, unknown>) => answersFromResponse(response).issues;

describe('reading a QuestionnaireResponse back into answers (triage --from fhir)', () => {
  it.each(vignettes.map((v) => [v.title, v.answers as Answers] as const))(
    'gives back the answers it was made from: %s',
    (_title, answers) => {
      const { answers: read, issues } = answersFromResponse(responseOf(answers));
      expect(issues).toEqual([]);
      expect(read).toEqual(answers);
    },
  );

  it('reads "None of these" as an empty list, and an item with no answer as a question left blank', () => {
    const response = withItem('symptoms', { answer: [ours('none')] });
    (response.item as unknown[]).push({ linkId: 'painScore', answer: [] }, { linkId: 'onset' });
    expect(answersFromResponse(response)).toEqual({ answers: { ...base, symptoms: [] }, issues: [] });
  });

  it('accepts our Questionnaire by its url alone, and refuses another questionnaire or version', () => {
    expect(issuesOf({ ...responseOf(base), questionnaire: QUESTIONNAIRE_URL })).toEqual([]);
    for (const other of [`${QUESTIONNAIRE_URL}|1.0.0`, 'http://example.org/Questionnaire/phq-9', undefined])
      expect(issuesOf({ ...responseOf(base), questionnaire: other }), String(other)).toEqual([
        expect.objectContaining({
          where: 'questionnaire',
          key: 'fhir.otherQuestionnaire',
          values: expect.objectContaining({ expected: `${QUESTIONNAIRE_URL}|${ARTEFACT_VERSION}` }),
        }),
      ]);
    expect(issuesOf({ ...responseOf(base), status: 'entered-in-error' })).toEqual([{ where: 'status', key: 'fhir.enteredInError' }]);
  });

  it('names the item by its linkId for each problem of shape', () => {
    const cases: [Record<string, unknown>, { where: string; key: string }][] = [
      [withItem('age', { answer: [{ valueString: '40' }] }), { where: "item.where(linkId='age').answer[0]", key: 'fhir.wrongValueType' }],
      [
        withItem('active', { answer: [{ valueCoding: { code: 'yes' } }] }),
        { where: "item.where(linkId='active').answer[0]", key: 'fhir.wrongValueType' },
      ],
      [
        withItem('sex', { answer: [{ valueCoding: { system: CODE_SYSTEM_URL, code: 'male' } }] }),
        { where: "item.where(linkId='sex').answer[0]", key: 'fhir.wrongSystem' },
      ],
      [
        withItem('redFlags', { answer: [{ valueCoding: { system: 'http://snomed.info/sct', code: '271594007' } }] }),
        { where: "item.where(linkId='redFlags').answer[0]", key: 'fhir.wrongSystem' },
      ],
      [
        withItem('sex', {
          answer: [{ valueCoding: { system: GENDER_SYSTEM, code: 'male' } }, { valueCoding: { system: GENDER_SYSTEM, code: 'female' } }],
        }),
        { where: "item.where(linkId='sex')", key: 'fhir.oneAnswerOnly' },
      ],
      [
        withItem('redFlags', { answer: [ours('none'), ours('fever')] }),
        { where: "item.where(linkId='redFlags')", key: 'fhir.noneWithOthers' },
      ],
      [withItem('colour', { answer: [{ valueString: 'red' }] }), { where: 'item[3]', key: 'fhir.unknownLinkId' }],
      [
        withItem('age', { answer: [{ valueInteger: 40 }], item: [{ linkId: 'x' }] }),
        { where: "item.where(linkId='age')", key: 'fhir.nestedItems' },
      ],
      [withItem('age', { answer: { valueInteger: 40 } }), { where: "item.where(linkId='age')", key: 'fhir.notAList' }],
    ];
    for (const [response, expected] of cases)
      expect(issuesOf(response), JSON.stringify(response.item)).toEqual([expect.objectContaining(expected)]);
    const twice = responseOf(base);
    (twice.item as unknown[]).push({ linkId: 'age', answer: [{ valueInteger: 41 }] });
    expect(issuesOf(twice)).toEqual([{ where: "item.where(linkId='age')", key: 'fhir.repeatedItem' }]);
  });

  it('refuses a response that skipped the pregnancy question where the form asks it (the pregnancy warning signs were never offered)', () => {
    const woman = (age: number) => responseOf({ age, sex: 'female', redFlags: [] });
    expect(issuesOf(woman(30))).toEqual([{ where: "item.where(linkId='pregnancy')", key: 'fhir.requiredWhenAsked.pregnancy' }]);
    expect(issuesOf(responseOf({ age: 30, sex: 'female', pregnancy: 'no', redFlags: [] }))).toEqual([]);
    // Not asked: a woman of 70, a girl of 11, a man.
    for (const response of [woman(70), woman(11), responseOf(base)]) expect(issuesOf(response)).toEqual([]);
  });

  it('leaves the values to the answers schema, which checks them as for the wizard (e.g. a pregnancy answer for a man)', () => {
    const { answers, issues } = answersFromResponse(withItem('pregnancy', { answer: [ours('pregnant')] }));
    expect(issues).toEqual([]);
    const result = validateAnswers(answers);
    expect(result.success).toBe(false);
    expect(!result.success && result.issues.map((issue) => issue.path)).toEqual([['pregnancy']]);
  });
});

describe('finding the responses in what the CLI was given', () => {
  const response = responseOf(base);
  const bundle = triageBundle(
    base,
    { urgency: 'routine', specialist: 'gp', alsoConsider: [], content: [], reasons: ['R-default'] },
    { notDiagnosis: 'Not a diagnosis.', authored: AUTHORED },
  );

  it('takes one response, the response in a Bundle (as --format fhir prints it), or an array of either', () => {
    expect(responsesIn(response)).toEqual([{ where: '', response }]);
    expect(responsesIn(bundle)).toEqual([{ where: 'entry[0].resource', response: bundle.entry[0]!.resource }]);
    expect(responsesIn([bundle, response]).map((found) => found.where)).toEqual(['[0].entry[0].resource', '[1]']);
  });

  it('says where the input holds no response', () => {
    expect(responsesIn({ resourceType: 'Patient' })).toEqual([
      { where: '', issue: { where: '', key: 'fhir.notAResponse', values: { value: '"Patient"' } } },
    ]);
    expect(responsesIn([response, { resourceType: 'Bundle', entry: [] }])[1]).toEqual({
      where: '[1]',
      issue: { where: '[1]', key: 'fhir.noResponseInBundle' },
    });
  });
});
