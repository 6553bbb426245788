// @vitest-environment node
import { describe, expect, it } from 'vitest';
import vignettes from '../../tests/fixtures/vignettes.json';
import type { Answers } from '../triage/answers/answers-schema.ts';
import { ANSWERED_QUESTIONNAIRE, CODE_SYSTEM_URL, QUESTIONNAIRE_URL } from './canonical.ts';
import { answersFromResponse, responsesIn, type ResponseIssue } from './answers-from-response.ts';
import { questionnaireResponse, triageBundle } from './triage-bundle.ts';
import { readRuleSet } from '../tooling/project-files/read-rule-files.ts';
import { outcomeWords } from '../cli/outcome-words.ts';
import { REQUIRED_WHEN_ASKED } from './answer-values.ts';
import { readFileSync } from 'node:fs';

const AUTHORED = '2026-12-02T10:00:00Z';
type Json = Record<string, unknown>;
const responseOf = (answers: Answers) => questionnaireResponse(answers, AUTHORED) as unknown as Json;
const ours = (code: string) => ({ valueCoding: { system: CODE_SYSTEM_URL, code } });
const base = { age: 40, sex: 'male', hipReplacement: false, redFlags: [] } satisfies Answers;
/** A response with one item replaced (or added at the end). */
const withItem = (linkId: string, item: Json) => {
  const response = responseOf(base);
  const items = (response.item as { linkId: string }[]).filter((i) => i.linkId !== linkId);
  return { ...response, item: [...items, { linkId, ...item }] };
};
/** What the reader makes of a response: the answers, or the problems it reported. */
const read = (response: Json) => {
  const issues: ResponseIssue[] = [];
  const answers = answersFromResponse(response, (issue) => issues.push(issue));
  return { answers, issues };
};
const issuesOf = (response: Json) => read(response).issues;
const found = (input: unknown) => [...responsesIn(input)];
const englishWords = (await outcomeWords()).t;

describe('reading a QuestionnaireResponse back into answers (triage --from fhir)', () => {
  it.each(vignettes.map((v) => [v.title, v.answers as Answers] as const))(
    'gives back the answers it was made from: %s',
    (_title, answers) => {
      expect(read(responseOf(answers))).toEqual({ answers, issues: [] });
    },
  );

  it('reads "None of these" as an empty list, and an item with no answer as a question left blank', () => {
    const response = withItem('symptoms', { answer: [ours('none')] });
    (response.item as unknown[]).push({ linkId: 'painScore', answer: [] }, { linkId: 'onset' });
    expect(read(response)).toEqual({ answers: { ...base, symptoms: [] }, issues: [] });
  });

  it('reads only a completed (or amended) response to this version of our Questionnaire', () => {
    expect(issuesOf({ ...responseOf(base), status: 'amended' })).toEqual([]);
    expect(ANSWERED_QUESTIONNAIRE).toBe(`${QUESTIONNAIRE_URL}|3.0.0`);
    // v2's questionnaire had the hip replacement among the risk factors: its answers mean something else now.
    for (const other of [
      QUESTIONNAIRE_URL,
      `${QUESTIONNAIRE_URL}|1.0.0`,
      `${QUESTIONNAIRE_URL}|2.0.0`,
      `${QUESTIONNAIRE_URL}|3.0`,
      'http://example.org/Questionnaire/phq-9',
      undefined,
    ])
      expect(issuesOf({ ...responseOf(base), questionnaire: other }), String(other)).toEqual([
        expect.objectContaining({
          where: 'questionnaire',
          key: 'fhir.otherQuestionnaire',
          values: expect.objectContaining({ expected: ANSWERED_QUESTIONNAIRE }),
        }),
      ]);
    for (const status of ['in-progress', 'stopped', 'entered-in-error', 'bogus', undefined])
      expect(issuesOf({ ...responseOf(base), status }), String(status)).toEqual([
        expect.objectContaining({ where: 'status', key: 'fhir.notFinal' }),
      ]);
  });

  it('names the item by its linkId for each problem of shape, and reads none of the answers then', () => {
    const cases: [Json, { where: string; key: string }][] = [
      [withItem('age', { answer: [{ valueString: '40' }] }), { where: "item.where(linkId='age').answer[0]", key: 'fhir.wrongValueType' }],
      [
        withItem('active', { answer: [{ valueCoding: { code: 'yes' } }] }),
        { where: "item.where(linkId='active').answer[0]", key: 'fhir.wrongValueType' },
      ],
      [
        withItem('sex', { answer: [{ valueCoding: { system: 'http://hl7.org/fhir/administrative-gender', code: 'male' } }] }),
        { where: "item.where(linkId='sex').answer[0]", key: 'fhir.wrongSystem' },
      ],
      [
        withItem('redFlags', { answer: [{ valueCoding: { system: 'http://snomed.info/sct', code: '271594007' } }] }),
        { where: "item.where(linkId='redFlags').answer[0]", key: 'fhir.wrongSystem' },
      ],
      [
        withItem('redFlags', { answer: [{ valueCoding: 'fever' }] }),
        { where: "item.where(linkId='redFlags').answer[0]", key: 'fhir.wrongSystem' },
      ],
      // A coding without a code is not "not answered" (found by review: an injury's onset read as blank dropped an emergency to urgent).
      [
        withItem('onset', { answer: [{ valueCoding: { system: CODE_SYSTEM_URL, display: 'After an injury' } }] }),
        { where: "item.where(linkId='onset').answer[0]", key: 'fhir.noCode' },
      ],
      [
        withItem('redFlags', { answer: [{ valueCoding: { system: CODE_SYSTEM_URL, code: 7 } }] }),
        { where: "item.where(linkId='redFlags').answer[0]", key: 'fhir.noCode' },
      ],
      [withItem('sex', { answer: [ours('male'), ours('female')] }), { where: "item.where(linkId='sex')", key: 'fhir.tooManyAnswers' }],
      [
        withItem('redFlags', { answer: Array.from({ length: 100_000 }, () => ours('fever')) }),
        { where: "item.where(linkId='redFlags')", key: 'fhir.tooManyAnswers' },
      ],
      [
        withItem('redFlags', { answer: [ours('none'), ours('fever')] }),
        { where: "item.where(linkId='redFlags')", key: 'fhir.noneWithOthers' },
      ],
      [withItem('colour', { answer: [{ valueString: 'red' }] }), { where: 'item[4]', key: 'fhir.unknownLinkId' }],
      [withItem('__proto__', { answer: [] }), { where: 'item[4]', key: 'fhir.unknownLinkId' }],
      [
        withItem('age', { answer: [{ valueInteger: 40 }], item: [{ linkId: 'x' }] }),
        { where: "item.where(linkId='age')", key: 'fhir.nestedItems' },
      ],
      // Answers hidden under another answer would be skipped; they are refused (found by review).
      [
        withItem('onset', { answer: [{ ...ours('gradual'), item: [{ linkId: 'redFlags', answer: [ours('fever')] }] }] }),
        { where: "item.where(linkId='onset').answer[0]", key: 'fhir.nestedItems' },
      ],
      [withItem('age', { answer: { valueInteger: 40 } }), { where: "item.where(linkId='age')", key: 'fhir.notAList' }],
      [withItem('age', { answer: [null] }), { where: "item.where(linkId='age').answer[0]", key: 'fhir.notAnAnswer' }],
    ];
    for (const [response, expected] of cases) {
      const { answers, issues } = read(response);
      expect(issues, JSON.stringify(response.item).slice(0, 200)).toEqual([expect.objectContaining(expected)]);
      expect(answers).toBeUndefined();
    }
    const twice = responseOf(base);
    (twice.item as unknown[]).push({ linkId: 'age', answer: [{ valueInteger: 41 }] });
    expect(issuesOf(twice)).toEqual([{ where: "item.where(linkId='age')", key: 'fhir.repeatedItem' }]);
  });

  it('cuts long values in its messages, so that one huge value cannot flood them', () => {
    const [issue] = issuesOf({ ...responseOf(base), questionnaire: 'x'.repeat(1_000_000) });
    expect(String(issue!.values!.value).length).toBeLessThan(250);
    // A canonical without its version is shown whole, so that what is missing can be seen.
    const [unversioned] = issuesOf({ ...responseOf(base), questionnaire: QUESTIONNAIRE_URL });
    expect(unversioned!.values!.value).toBe(JSON.stringify(QUESTIONNAIRE_URL));
  });

  it('passes "none" on as the unknown code it is where a list has no "None of these" (locations)', () => {
    expect(read(withItem('locations', { answer: [ours('none')] }))).toEqual({ answers: { ...base, locations: ['none'] }, issues: [] });
  });

  it('refuses a response that skipped the pregnancy question where the form asks it (the pregnancy warning signs were never offered)', () => {
    const woman = (age: number) => responseOf({ age, sex: 'female', ...(age >= 16 ? { hipReplacement: false } : {}), redFlags: [] });
    expect(issuesOf(woman(30))).toEqual([
      { where: 'status', key: 'fhir.notFinal', values: { value: '"in-progress"' } },
      { where: "item.where(linkId='pregnancy')", key: 'fhir.requiredWhenAsked.pregnancy' },
    ]);
    expect(issuesOf({ ...woman(30), status: 'completed' })).toEqual([
      { where: "item.where(linkId='pregnancy')", key: 'fhir.requiredWhenAsked.pregnancy' },
    ]);
    expect(issuesOf(responseOf({ age: 30, sex: 'female', pregnancy: 'no', hipReplacement: false, redFlags: [] }))).toEqual([]);
    // A question left blank is not answered.
    const blank: Json = { ...woman(30), status: 'completed' };
    (blank.item as unknown[]).push({ linkId: 'pregnancy' });
    expect(issuesOf(blank)).toEqual([{ where: "item.where(linkId='pregnancy')", key: 'fhir.requiredWhenAsked.pregnancy' }]);
    // Not asked: a woman of 70, a girl of 11, a man.
    for (const response of [woman(70), woman(11), responseOf(base)]) expect(issuesOf(response)).toEqual([]);
  });

  it('refuses a response that skipped the hip replacement question from 16 (E-prosthesis and the wound warning sign hang on it)', () => {
    const man = (age: number) => responseOf({ age, sex: 'male', redFlags: [] });
    for (const age of [16, 40, 120]) {
      expect(issuesOf(man(age)), String(age)).toEqual([
        { where: 'status', key: 'fhir.notFinal', values: { value: '"in-progress"' } },
        { where: "item.where(linkId='hipReplacement')", key: 'fhir.requiredWhenAsked.hipReplacement' },
      ]);
      expect(issuesOf({ ...man(age), status: 'completed' })).toEqual([
        { where: "item.where(linkId='hipReplacement')", key: 'fhir.requiredWhenAsked.hipReplacement' },
      ]);
      // An item with no answer is a question left blank: refused the same.
      const blank: Json = { ...man(age), status: 'completed' };
      (blank.item as unknown[]).push({ linkId: 'hipReplacement', answer: [] });
      expect(issuesOf(blank).map((issue) => issue.key)).toEqual(['fhir.requiredWhenAsked.hipReplacement']);
    }
    // Not asked under 16.
    for (const age of [0, 15]) expect(issuesOf(man(age)), String(age)).toEqual([]);
  });

  it('has words for every question it may find unanswered, in every language (errors.json)', () => {
    for (const language of ['en', 'ru', 'es', 'ar']) {
      const errors = JSON.parse(readFileSync(`locales/${language}/errors.json`, 'utf8')) as {
        fhir: { requiredWhenAsked: Record<string, unknown> };
      };
      for (const field of Object.keys(REQUIRED_WHEN_ASKED))
        expect(typeof errors.fhir.requiredWhenAsked[field], `${language}: fhir.requiredWhenAsked.${field}`).toBe('string');
    }
  });

  it('reads the hip replacement answer (v3) as a boolean, and with it the wound warning sign, which the schema then allows', () => {
    const person: Answers = { age: 69, sex: 'female', hipReplacement: true, redFlags: ['wound-problem'] };
    expect(read(responseOf(person))).toEqual({ answers: person, issues: [] });
    expect(issuesOf(withItem('hipReplacement', { answer: [{ valueCoding: ours('true').valueCoding }] }))).toEqual([
      expect.objectContaining({ where: "item.where(linkId='hipReplacement').answer[0]", key: 'fhir.wrongValueType' }),
    ]);
    expect(issuesOf(withItem('hipReplacement', { answer: [{ valueBoolean: true }, { valueBoolean: false }] }))).toEqual([
      expect.objectContaining({ where: "item.where(linkId='hipReplacement')", key: 'fhir.tooManyAnswers' }),
    ]);
  });

  it('leaves the values to the answers schema, which checks them as for the wizard (e.g. a pregnancy answer for a man)', () => {
    expect(read(withItem('pregnancy', { answer: [ours('pregnant')] }))).toEqual({
      answers: { ...base, pregnancy: 'pregnant' },
      issues: [],
    });
  });
});

describe('finding the responses in what the CLI was given', () => {
  const response = responseOf(base);
  const bundle = triageBundle(
    base,
    { urgency: 'routine', specialist: 'gp', alsoConsider: [], content: [], reasons: ['R-default'] },
    { ruleSet: readRuleSet('rules'), t: englishWords, emergencyNumber: '112', authored: AUTHORED },
  );

  it('takes one response, the response in a Bundle beside its ServiceRequest (as --format fhir prints it), or an array of either, at any depth', () => {
    expect(found(response)).toEqual([{ where: '', response }]);
    expect(found(bundle)).toEqual([{ where: 'entry[0].resource', response: bundle.entry[0]!.resource }]);
    expect(found([bundle, response, [response]]).map((f) => f.where)).toEqual(['[0].entry[0].resource', '[1]', '[2][0]']);
    const nested = { resourceType: 'Bundle', type: 'collection', entry: [{ resource: bundle }] };
    expect(found(nested).map((f) => f.where)).toEqual(['entry[0].resource.entry[0].resource']);
  });

  it('refuses, never skips, whatever in the input is not a response (found by review: a skipped entry lost an emergency)', () => {
    expect(found({ resourceType: 'Patient' })).toEqual([
      { where: '', issue: { where: 'input', key: 'fhir.notAResponse', values: { value: '"Patient"' } } },
    ]);
    expect(found([response, { resourceType: 'Bundle', type: 'collection', entry: [] }])[1]).toEqual({
      where: '[1]',
      issue: { where: '[1]', key: 'fhir.noResponseInBundle' },
    });
    const withBad = {
      resourceType: 'Bundle',
      type: 'collection',
      entry: [{ resource: response }, response, { resource: { ...response, resourceType: 'questionnaireResponse' } }],
    };
    expect(found(withBad).map((f) => ('issue' in f ? `${f.issue.where} ${f.issue.key}` : f.where))).toEqual([
      'entry[0].resource',
      'entry[1] fhir.notAnEntry',
      'entry[2].resource fhir.notAResponse',
    ]);
    // Our ServiceRequest without the response it supports is no longer ours to pass over.
    const onlyRequest = { resourceType: 'Bundle', type: 'collection', entry: [bundle.entry[1]] };
    expect(found(onlyRequest)).toEqual([
      { where: '', issue: { where: 'entry[0].resource', key: 'fhir.foreignServiceRequest' } },
      { where: '', issue: { where: 'input', key: 'fhir.noResponseInBundle' } },
    ]);
  });
});
