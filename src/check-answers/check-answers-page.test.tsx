import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { renderWithI18n } from '../../tests/unit/render-with-i18n.tsx';
import type { AnswersSoFar } from '@/triage/answers/answers-schema.ts';
import { QUESTION_STEPS, type QuestionStep } from '@/triage/flow/steps.ts';
import { CheckAnswersPage } from './check-answers-page.tsx';
import { AudienceProvider } from '@/i18n/audience.tsx';

const ANSWERS: AnswersSoFar = {
  age: 29,
  sex: 'female',
  pregnancy: 'pregnant',
  hipReplacement: false,
  redFlags: [],
  locations: ['groin', 'outer-hip'],
  onset: 'gradual',
  duration: 'long',
  symptoms: ['activity-pain'],
  riskFactors: [],
  active: false,
  painScore: 7,
};
const STEPS: QuestionStep[] = [...QUESTION_STEPS];

function renderPage(steps = STEPS, answers = ANSWERS) {
  const handlers = { onBack: vi.fn(), onChange: vi.fn(), onConfirm: vi.fn() };
  const user = userEvent.setup();
  renderWithI18n(<CheckAnswersPage steps={steps} answers={answers} backHref="#/pain-score" {...handlers} />);
  return { user, ...handlers };
}

/** The summary-list row whose key (dt) reads `label`. */
const row = (label: string) => screen.getByText(label, { selector: 'dt' }).parentElement!;
const answerIn = (label: string) => within(row(label)).getAllByRole('definition')[0]!;

describe('CheckAnswersPage', () => {
  it('has the heading and a row per question, keyed by its summary label', () => {
    renderPage();
    expect(screen.getByRole('heading', { level: 1, name: 'Check your answers' })).toBeInTheDocument();
    expect(screen.getAllByRole('term').map((term) => term.textContent)).toEqual([
      'Age',
      'Sex',
      'Pregnancy',
      'Weeks of pregnancy',
      'Hip replacement',
      'Warning signs',
      'Where it hurts',
      'How it started',
      'How long',
      'Other symptoms',
      'Health background',
      'Sport or physical work',
      'Worst pain',
    ]);
  });

  it('shows each answer in words', () => {
    renderPage();
    expect(answerIn('Age')).toHaveTextContent('29 years');
    expect(answerIn('Sex')).toHaveTextContent('Female');
    expect(answerIn('Pregnancy')).toHaveTextContent('Yes, I am pregnant');
    expect(answerIn('Weeks of pregnancy')).toHaveTextContent('Not known');
    expect(answerIn('Warning signs')).toHaveTextContent('None of these');
    expect(answerIn('How it started')).toHaveTextContent('Slowly, over time');
    expect(answerIn('How long')).toHaveTextContent('More than 3 months');
    expect(answerIn('Other symptoms')).toHaveTextContent('Worse when walking or active, better with rest');
    expect(answerIn('Health background')).toHaveTextContent('None of these');
    expect(answerIn('Sport or physical work')).toHaveTextContent('No');
    expect(answerIn('Worst pain')).toHaveTextContent('7 out of 10');
  });

  it('lists several choices as a list, one item each', () => {
    renderPage();
    const items = within(answerIn('Where it hurts')).getAllByRole('listitem');
    expect(items.map((item) => item.textContent)).toEqual(['Groin', 'Outside of the hip']);
  });

  it('shows the weeks of pregnancy when given', () => {
    renderPage(['pregnancy-weeks'], { ...ANSWERS, pregnancyWeeks: 20 });
    expect(answerIn('Weeks of pregnancy')).toHaveTextContent('20 weeks');
  });

  it('shows a single age in years, and "Yes" for an active person', () => {
    renderPage(['about-you', 'activity'], { ...ANSWERS, age: 1, active: true });
    expect(answerIn('Age')).toHaveTextContent('1 year');
    expect(answerIn('Sport or physical work')).toHaveTextContent('Yes');
  });

  it.each<[string, QuestionStep]>([
    ['Age', 'about-you'],
    ['Sex', 'about-you'],
    ['Pregnancy', 'pregnancy'],
    ['Weeks of pregnancy', 'pregnancy-weeks'],
    ['Warning signs', 'red-flags'],
    ['Where it hurts', 'locations'],
    ['How it started', 'onset'],
    ['How long', 'duration'],
    ['Other symptoms', 'symptoms'],
    ['Health background', 'risk-factors'],
    ['Sport or physical work', 'activity'],
    ['Worst pain', 'pain-score'],
  ])('the Change link of "%s" changes step %s', async (label, step) => {
    const { user, onChange, onConfirm } = renderPage();
    // Browsers keep the space that starts the visually hidden span; dom-accessibility-api drops it.
    const link = screen.getByRole('link', { name: new RegExp(`^Change ?your answer to: ${label}$`) });
    expect(link).toHaveAttribute('href', `#/${step}`);
    expect(within(row(label)).getByRole('link')).toBe(link);
    await user.click(link);
    expect(onChange).toHaveBeenCalledTimes(1);
    expect(onChange).toHaveBeenCalledWith(step);
    expect(onConfirm).not.toHaveBeenCalled();
  });

  it('confirms with "See my suggestion"', async () => {
    const { user, onConfirm, onChange } = renderPage();
    await user.click(screen.getByRole('button', { name: 'See my suggestion' }));
    expect(onConfirm).toHaveBeenCalledTimes(1);
    expect(onChange).not.toHaveBeenCalled();
  });

  it('goes back with the Back link', async () => {
    const { user, onBack } = renderPage();
    const back = screen.getByRole('link', { name: 'Back' });
    expect(back).toHaveAttribute('href', '#/pain-score');
    await user.click(back);
    expect(onBack).toHaveBeenCalledTimes(1);
  });

  it('titles the page', () => {
    renderPage();
    expect(document.title).toBe('Check your answers – Hip pain check');
  });
});

describe('CheckAnswersPage in reception mode (issue 21)', () => {
  it('names each Change link "the answer to", never "your answer"', () => {
    renderWithI18n(
      <AudienceProvider value="reception">
        <CheckAnswersPage steps={STEPS} answers={ANSWERS} backHref="#/pain-score" onBack={vi.fn()} onChange={vi.fn()} onConfirm={vi.fn()} />
      </AudienceProvider>,
    );
    expect(screen.getByRole('heading', { level: 1, name: "Check the caller's answers" })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: /^Change ?the answer to: Age$/ })).toHaveAttribute('href', '#/about-you');
    expect(document.body.textContent).not.toMatch(/\byour?\b/i);
  });
});
