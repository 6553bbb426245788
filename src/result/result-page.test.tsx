import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { renderWithI18n } from '../../tests/unit/render-with-i18n.tsx';
import articles from '../../locales/en/articles.json';
import outcomes from '../../locales/en/outcomes.json';
import { ruleSet } from '@/triage/rules/rule-set.ts';
import { evaluateRules } from '@/triage/rules/evaluate-rules.ts';

const recommend = (answers: AnswersSoFar) => evaluateRules(ruleSet, answers);
import { safetyNetOf } from '@/triage/rules/safety-net.ts';
import { instructionOf } from '@/triage/rules/instruction.ts';
import { reasonsShown } from '@/triage/rules/reasons-shown.ts';
import type { AnswersSoFar } from '@/triage/answers/answers-schema.ts';
import { redFlagsShown } from '@/triage/answers/asked-when.ts';
import type { Recommendation } from '@/triage/rules/recommendation.ts';
import { ClinicSettingsProvider, clinicSettings } from '@/clinic/clinic-settings.tsx';
import ResultPage from './result-page.tsx';
import { AudienceProvider } from '@/i18n/audience.tsx';

const NERVE_EMERGENCY: Recommendation = {
  urgency: 'emergency',
  specialist: 'emergency-department',
  alsoConsider: ['neurologist'],
  content: [],
  reasons: ['E-nerve'],
};
const PREGNANCY_EMERGENCY: Recommendation = {
  urgency: 'emergency',
  specialist: 'obstetrician',
  alsoConsider: [],
  content: ['hip-pain-pregnancy'],
  reasons: ['E-pregnancy'],
};
const ROUTINE_WEAR: Recommendation = {
  urgency: 'routine',
  specialist: 'orthopedist',
  alsoConsider: ['physiotherapist', 'gp'],
  content: ['hip-joint-degeneration', 'hip-pain-physiotherapy'],
  reasons: ['R-wear', 'R-lateral', 'R-bone-screen'],
};

function renderResult(
  recommendation: Recommendation,
  { stoppedEarly = false, emergencyNumber = '112', answers = { age: 63, sex: 'male', redFlags: [] } as AnswersSoFar } = {},
) {
  const onBack = vi.fn();
  const onRestart = vi.fn();
  const user = userEvent.setup();
  renderWithI18n(
    <ClinicSettingsProvider value={clinicSettings({ emergencyNumber })}>
      <ResultPage
        recommendation={recommendation}
        safetyNet={safetyNetOf(ruleSet, recommendation, answers)}
        instruction={instructionOf(recommendation, answers)}
        reasonsShown={reasonsShown(ruleSet, recommendation)}
        answers={answers}
        steps={['about-you', 'red-flags']}
        stoppedEarly={stoppedEarly}
        backHref="#/red-flags"
        onBack={onBack}
        onRestart={onRestart}
      />
    </ClinicSettingsProvider>,
  );
  return { user, onBack, onRestart };
}

const careCard = () => screen.getByRole('article');
const safetyNetRegion = () => screen.getByRole('region', { name: outcomes.safetyNet.title });
const isBefore = (a: Node, b: Node) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;

describe('ResultPage', () => {
  it('marks the care card with the urgency and the specialist', () => {
    renderResult(ROUTINE_WEAR);
    expect(careCard()).toHaveAttribute('data-urgency', 'routine');
    expect(careCard()).toHaveAttribute('data-specialist', 'orthopedist');
  });

  it('leads an emergency with a tel: link to the emergency number, before the instruction and the specialist', () => {
    renderResult(NERVE_EMERGENCY, { stoppedEarly: true });
    expect(careCard()).toHaveAttribute('data-urgency', 'emergency');
    expect(careCard()).toHaveAttribute('data-specialist', 'emergency-department');
    expect(screen.getByRole('heading', { level: 1, name: 'Call 112 now' })).toBeInTheDocument();

    const call = within(careCard()).getByRole('link', { name: 'Call 112' });
    expect(call).toHaveAttribute('href', 'tel:112');
    const instruction = within(careCard()).getByText('Call the emergency number 112 now, or go to the nearest emergency department.');
    const specialist = within(careCard()).getByText('Emergency department');
    expect(isBefore(call, instruction)).toBe(true);
    expect(isBefore(instruction, specialist)).toBe(true);
    expect(screen.getByText('We stopped the questions because of your answers. Do not wait to finish them.')).toBeInTheDocument();
  });

  it("uses the clinic's emergency number", () => {
    renderResult(NERVE_EMERGENCY, { emergencyNumber: '999' });
    expect(screen.getByRole('link', { name: 'Call 999' })).toHaveAttribute('href', 'tel:999');
    expect(screen.queryByRole('link', { name: /112/ })).not.toBeInTheDocument();
  });

  it('does not say the questions stopped when they did not', () => {
    renderResult(NERVE_EMERGENCY, { stoppedEarly: false });
    expect(screen.queryByText(/We stopped the questions/)).not.toBeInTheDocument();
  });

  it('sends a pregnancy emergency from 20 weeks to the maternity unit too, with the obstetrician first (v3)', () => {
    renderResult(PREGNANCY_EMERGENCY, {
      answers: { age: 30, sex: 'female', pregnancy: 'pregnant', pregnancyWeeks: 30, redFlags: ['vaginal-bleeding'] },
    });
    expect(careCard()).toHaveAttribute('data-specialist', 'obstetrician');
    expect(within(careCard()).getByRole('link', { name: 'Call 112' })).toHaveAttribute('href', 'tel:112');
    expect(
      within(careCard()).getByText(outcomes.urgency.emergency.laterPregnancyInstruction.replace('{{number}}', '112')),
    ).toBeInTheDocument();
    expect(within(careCard()).getByText('Obstetrician or maternity team')).toBeInTheDocument();
  });

  it('sends a pregnancy emergency before 20 weeks to the emergency department, with no maternity unit in the instruction (v3)', () => {
    const answers: AnswersSoFar = { age: 30, sex: 'female', pregnancy: 'pregnant', pregnancyWeeks: 7, redFlags: ['vaginal-bleeding'] };
    const recommendation = recommend(answers);
    expect(recommendation).toMatchObject({ urgency: 'emergency', specialist: 'emergency-department', content: [] });
    renderResult(recommendation, { answers });
    expect(within(careCard()).getByText(outcomes.urgency.emergency.instruction.replace('{{number}}', '112'))).toBeInTheDocument();
    expect(screen.queryByText(/routine|maternity unit/i)).not.toBeInTheDocument();
    expect(screen.queryByRole('region', { name: outcomes.readingTitle })).not.toBeInTheDocument();
    expect(screen.queryByRole('region', { name: outcomes.otherThingsTitle })).not.toBeInTheDocument();
  });

  it('does not mention the maternity unit for other emergencies', () => {
    renderResult(NERVE_EMERGENCY);
    expect(screen.queryByText(/maternity unit/)).not.toBeInTheDocument();
  });

  it('a routine result has no emergency heading or instruction, and ends with the safety net (policy §2, v3)', () => {
    renderResult(ROUTINE_WEAR, { emergencyNumber: '999' });
    expect(screen.getByRole('heading', { level: 1, name: 'Book a routine appointment in the next few weeks' })).toBeInTheDocument();
    expect(within(careCard()).getByText('Orthopaedic doctor')).toBeInTheDocument();
    expect(screen.queryByText(/Call the emergency number/)).not.toBeInTheDocument();
    const net = safetyNetRegion();
    expect(
      within(net).getByText((_, element) => element?.textContent === outcomes.safetyNet.callNowIfLead.replace('{{number}}', '999')),
    ).toBeInTheDocument();
    expect(within(net).getByRole('link', { name: '999' })).toHaveAttribute('href', 'tel:999');
    expect(within(net).getByText(outcomes.safetyNet.sameDay)).toBeInTheDocument();
    // The warning signs this man of 63 was shown, behind a toggle (and in full on print).
    expect(net.querySelectorAll('details [data-warning-sign]')).toHaveLength(redFlagsShown({ age: 63, sex: 'male' }).length);
    // Issue 21: what to do and by when, who, why, the safety net (its own section, after the card), then reading.
    const order = [
      screen.getByRole('heading', { level: 1 }),
      within(careCard()).getByText('Orthopaedic doctor'),
      screen.getByRole('heading', { name: outcomes.reasonsTitle }),
      net,
      screen.getByRole('heading', { name: outcomes.readingTitle }),
    ];
    expect(careCard().contains(net)).toBe(false);
    for (const [before, after] of order.slice(0, -1).map((element, index) => [element, order[index + 1]!] as const))
      expect(before.compareDocumentPosition(after) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    // The heading says what and by when; the page does not repeat it word for word.
    expect(screen.queryByText(outcomes.urgency.routine.instruction)).not.toBeInTheDocument();
  });

  it('an urgent result lists each "call now if" line that applies once, in table order, then the warning signs (v3)', () => {
    const answers: AnswersSoFar = { age: 40, sex: 'male', redFlags: ['calf-swelling', 'fever'] };
    const recommendation = recommend(answers);
    expect(recommendation.reasons).toEqual(['U-clot', 'U-fever']);
    renderResult(recommendation, { answers });
    const lines = [...safetyNetRegion().querySelectorAll('[data-call-now-if]')].map((item) => item.getAttribute('data-call-now-if'));
    expect(lines).toEqual(['breathless-chest-pain', 'very-unwell', 'warning-signs']);
    expect(within(safetyNetRegion()).queryByText(outcomes.safetyNet.sameDay)).not.toBeInTheDocument();
  });

  it('lists a "call now if" line shared by several fired rules once', () => {
    const answers: AnswersSoFar = { age: 40, sex: 'male', redFlags: ['leg-deformed', 'cannot-bear-weight'] };
    const recommendation = recommend(answers);
    expect(recommendation.reasons).toEqual(['U-deformity', 'U-cannot-bear-weight']);
    renderResult(recommendation, { answers });
    const lines = [...safetyNetRegion().querySelectorAll('[data-call-now-if]')].map((item) => item.getAttribute('data-call-now-if'));
    expect(lines).toEqual(['leg-cold-or-severe-pain', 'warning-signs']);
  });

  it('gives the maternity line with the clinic-free wording from 20 weeks, and the early-pregnancy line before (v3)', () => {
    const later: AnswersSoFar = { age: 30, sex: 'female', pregnancy: 'pregnant', pregnancyWeeks: 24, redFlags: ['calf-swelling'] };
    renderResult(recommend(later), { answers: later });
    expect(within(safetyNetRegion()).getByText(outcomes.safetyNet.maternity.pregnant)).toBeInTheDocument();
    expect(within(safetyNetRegion()).getByText(outcomes.safetyNet.maternity.unitNotes)).toBeInTheDocument();
    cleanup();
    const early: AnswersSoFar = { age: 30, sex: 'female', pregnancy: 'pregnant', redFlags: ['calf-swelling'] };
    renderResult(recommend(early), { answers: early });
    expect(safetyNetRegion().querySelector('[data-safety-net-line="early-pregnancy"]')).not.toBeNull();
    expect(within(safetyNetRegion()).queryByText(outcomes.safetyNet.maternity.pregnant)).not.toBeInTheDocument();
  });

  it('an emergency result has no "if it gets worse" safety net: it is already "call now"', () => {
    renderResult(NERVE_EMERGENCY);
    expect(screen.queryByRole('region', { name: outcomes.safetyNet.title })).not.toBeInTheDocument();
    expect(screen.queryByText(/If it gets worse/)).not.toBeInTheDocument();
  });

  it('tells someone who may be pregnant to mention it, on an urgent and on an emergency result', () => {
    const answers: AnswersSoFar = { age: 25, sex: 'female', pregnancy: 'unsure', redFlags: ['fever'] };
    renderResult(recommend(answers), { answers });
    expect(within(safetyNetRegion()).getByText(outcomes.safetyNet.mayBePregnant)).toBeInTheDocument();
  });

  it('says "none of the warning signs we asked about" for R-default, never "no warning signs"', () => {
    const answers: AnswersSoFar = { age: 30, sex: 'male', redFlags: [] };
    const recommendation = recommend(answers);
    expect(recommendation.reasons).toEqual(['R-default']);
    renderResult(recommendation, { answers });
    expect(screen.getByText(/none of the warning signs we asked about/)).toBeInTheDocument();
    expect(screen.queryByText(/do not show warning signs|no warning signs/i)).not.toBeInTheDocument();
  });

  it('names who to contact first and the others to consider, in order', () => {
    renderResult(ROUTINE_WEAR);
    expect(within(careCard()).getByRole('heading', { level: 2, name: 'Who to contact first' })).toBeInTheDocument();
    const also = screen.getByRole('region', { name: 'You could also consider' });
    expect(
      within(also)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual(['Physiotherapist', 'Family doctor (GP)']);
  });

  it('leaves out "also consider" when there is nobody else', () => {
    renderResult(PREGNANCY_EMERGENCY);
    expect(screen.queryByRole('region', { name: 'You could also consider' })).not.toBeInTheDocument();
  });

  it('gives one reason per fired rule, in order', () => {
    renderResult(ROUTINE_WEAR);
    const reasons = within(screen.getByRole('region', { name: 'Why we suggest this' })).getAllByRole('listitem');
    expect(reasons.map((item) => item.getAttribute('data-rule'))).toEqual(['R-wear', 'R-lateral', 'R-bone-screen']);
    expect(reasons.map((item) => item.textContent)).toEqual([
      outcomes.reasons['R-wear'],
      outcomes.reasons['R-lateral'],
      outcomes.reasons['R-bone-screen'],
    ]);
  });

  it('lists the reading with title links to the article pages and summaries, in order', () => {
    renderResult(ROUTINE_WEAR);
    const reading = screen.getByRole('region', { name: 'Reading' });
    const items = within(reading).getAllByRole('listitem');
    expect(items).toHaveLength(2);
    for (const [index, id] of (['hip-joint-degeneration', 'hip-pain-physiotherapy'] as const).entries()) {
      const item = items[index]!;
      expect(within(item).getByRole('link', { name: articles[id].title })).toHaveAttribute(
        'href',
        new URL(`#/articles/${id}`, window.location.href).href,
      );
      expect(within(item).getByText(articles[id].summary)).toBeInTheDocument();
    }
  });

  it('leaves out the reading when there is none', () => {
    renderResult(NERVE_EMERGENCY);
    expect(screen.queryByRole('region', { name: 'Reading' })).not.toBeInTheDocument();
  });

  it.each([NERVE_EMERGENCY, PREGNANCY_EMERGENCY, ROUTINE_WEAR])('says it is not a diagnosis ($urgency, $specialist)', (recommendation) => {
    renderResult(recommendation);
    expect(screen.getByText(outcomes.notDiagnosis)).toBeInTheDocument();
  });

  it('starts again with "Start again" and goes back with Back', async () => {
    const { user, onRestart, onBack } = renderResult(ROUTINE_WEAR);
    await user.click(screen.getByRole('button', { name: 'Start again' }));
    expect(onRestart).toHaveBeenCalledTimes(1);
    expect(onBack).not.toHaveBeenCalled();
    const back = screen.getByRole('link', { name: 'Back' });
    expect(back).toHaveAttribute('href', '#/red-flags');
    await user.click(back);
    expect(onBack).toHaveBeenCalledTimes(1);
  });

  it('titles the page without the outcome, which would go into the browser history (issue 22)', () => {
    renderResult(NERVE_EMERGENCY);
    expect(document.title).toBe('Result – Hip pain check');
  });

  it('renders what the engine recommends for a woman 30 weeks pregnant who is bleeding, with only emergency reasons (v3)', () => {
    const answers: AnswersSoFar = { age: 30, sex: 'female', pregnancy: 'pregnant', pregnancyWeeks: 30, redFlags: ['vaginal-bleeding'] };
    const recommendation = recommend(answers);
    renderResult(recommendation, { stoppedEarly: true, answers });
    expect(careCard()).toHaveAttribute('data-urgency', 'emergency');
    expect(careCard()).toHaveAttribute('data-specialist', 'obstetrician');
    expect(screen.getAllByText(/maternity unit/).length).toBeGreaterThan(0);
    const reasons = within(screen.getByRole('region', { name: 'Why we suggest this' })).getAllByRole('listitem');
    expect(reasons.map((item) => item.getAttribute('data-rule'))).toEqual(['E-pregnancy']);
    expect(recommendation.reasons).toContain('R-pregnancy');
    expect(screen.queryByRole('region', { name: outcomes.otherThingsTitle })).not.toBeInTheDocument();
  });
});

describe('ResultPage in reception mode (issue 21)', () => {
  it('heads the other clinicians without "you", and copies a summary with the urgency, a fixed time and patient links', async () => {
    window.history.replaceState(null, '', '/?mode=reception&lang=en#/result');
    const answers: AnswersSoFar = { age: 63, sex: 'male', redFlags: [] };
    const user = userEvent.setup();
    renderWithI18n(
      <AudienceProvider value="reception">
        <ResultPage
          recommendation={ROUTINE_WEAR}
          safetyNet={safetyNetOf(ruleSet, ROUTINE_WEAR, answers)}
          instruction={instructionOf(ROUTINE_WEAR, answers)}
          reasonsShown={reasonsShown(ruleSet, ROUTINE_WEAR)}
          answers={answers}
          steps={['about-you', 'red-flags']}
          stoppedEarly={false}
          backHref="#/check-answers"
          onBack={vi.fn()}
          onRestart={vi.fn()}
        />
      </AudienceProvider>,
    );
    expect(screen.getByRole('region', { name: 'Other clinicians who could help' })).toBeInTheDocument();
    expect(screen.queryByText(/could also consider/)).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Copy summary' }));
    // user-event's stand-in clipboard.
    const summary = await navigator.clipboard.readText();
    expect(summary).toContain('\nUrgency: In the next few weeks (not urgent)\n');
    expect(summary).toMatch(/\nTime: \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC[+-]\d{2}:\d{2}\n/);
    const links = summary.match(/https?:\/\/\S+/g);
    expect(links).toEqual([
      'http://localhost:3000/?lang=en#/articles/hip-joint-degeneration',
      'http://localhost:3000/?lang=en#/articles/hip-pain-physiotherapy',
    ]);
    // The page's own reading links stay in reception mode, for the receptionist.
    expect(screen.getByRole('link', { name: articles['hip-joint-degeneration'].title })).toHaveAttribute(
      'href',
      'http://localhost:3000/?mode=reception&lang=en#/articles/hip-joint-degeneration',
    );
    window.history.replaceState(null, '', '/');
  });
});
