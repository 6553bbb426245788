import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { renderWithI18n } from '../../../tests/unit/render-with-i18n.tsx';
import { AudienceProvider } from '@/i18n/audience.tsx';
import type { AnswersSoFar } from '@/triage/answers/answers-schema.ts';
import type { QuestionStep } from '@/triage/flow/steps.ts';
import { QuestionPage } from '../question-page.tsx';

const MAN: AnswersSoFar = { age: 50, sex: 'male', redFlags: [] };

/** Renders a question page; on the locations page, waits for the body map (loaded lazily). */
async function renderStep(step: QuestionStep = 'locations', answers: AnswersSoFar = MAN) {
  const onSubmit = vi.fn();
  const user = userEvent.setup();
  const utils = renderWithI18n(
    <QuestionPage step={step} answers={answers} answeredBefore={false} backHref="#/" onBack={vi.fn()} onSubmit={onSubmit} />,
  );
  // The map's code loads lazily; a busy two-core CI needs more than the default second.
  if (step === 'locations') await waitFor(() => expect(document.querySelector('[data-body-map]')).not.toBeNull(), { timeout: 10_000 });
  return { ...utils, user, onSubmit };
}

const map = () => document.querySelector<HTMLElement>('[data-body-map]')!;
/** A place on the map: its front-view drawing, or the back view's copy (outer hip, thigh and knee are drawn in both). */
const region = (id: string, view: 'front' | 'back' = 'front') => map().querySelector(`[data-view="${view}"] [data-location="${id}"]`)!;
/** The checkbox list's native input, which stays the form's source of truth and the one accessible control. */
const listBox = (name: string) => screen.getByRole('checkbox', { name });

describe('BodyMap on the locations page', () => {
  it('draws each location in a front and a back view, as a picture hidden from assistive technology and the tab order', async () => {
    await renderStep();
    const places = (view: string) =>
      [...map().querySelectorAll(`[data-view="${view}"] [data-location]`)].map((r) => r.getAttribute('data-location'));
    expect(places('front')).toEqual(['groin', 'outer-hip', 'thigh', 'knee', 'pubic']);
    expect(places('back')).toEqual(['buttock', 'lower-back', 'outer-hip', 'thigh', 'knee']);
    expect(map()).toHaveAttribute('aria-hidden', 'true');
    expect(map().querySelectorAll('[tabindex], [role], a, button, input')).toHaveLength(0);
    // One announced checkbox per place: the list's.
    expect(screen.getAllByRole('checkbox').map((box) => box.getAttribute('value'))).toEqual([
      'groin',
      'outer-hip',
      'buttock',
      'thigh',
      'knee',
      'pubic',
      'lower-back',
    ]);
  });

  it('sits inside the question, after the hint, before the checkbox list', async () => {
    await renderStep();
    const question = screen.getByRole('group', { name: 'Where is the pain?' });
    expect(question).toContainElement(map());
    expect(map().compareDocumentPosition(listBox('Groin')) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  it('tapping a region ticks the matching checkbox, and tapping again unticks it', async () => {
    const { user } = await renderStep();
    await user.click(region('groin'));
    expect(listBox('Groin')).toBeChecked();
    expect(region('groin')).toHaveClass('body-map__region--checked');
    await user.click(region('groin'));
    expect(listBox('Groin')).not.toBeChecked();
    expect(region('groin')).not.toHaveClass('body-map__region--checked');
  });

  it('ticking a checkbox selects the region, in both views where it is drawn', async () => {
    const { user } = await renderStep();
    await user.click(listBox('Knee'));
    expect(region('knee')).toHaveClass('body-map__region--checked');
    expect(region('knee', 'back')).toHaveClass('body-map__region--checked');
    // Selection is not colour alone: the selected region carries a check mark.
    expect(region('knee').querySelectorAll('.body-map__tick')).toHaveLength(2);
    await user.click(listBox('Knee'));
    expect(region('knee')).not.toHaveClass('body-map__region--checked');
    expect(region('knee').querySelector('.body-map__tick')).toBeNull();
  });

  it('the back view toggles the same answer', async () => {
    const { user } = await renderStep();
    await user.click(region('thigh', 'back'));
    expect(listBox('Thigh')).toBeChecked();
    expect(region('thigh')).toHaveClass('body-map__region--checked');
  });

  it('Space on a list checkbox ticks it and its place on the map (Enter continuing, and focus on the map: tests/browser/body-map.spec.ts)', async () => {
    const { user } = await renderStep();
    listBox('Groin').focus();
    await user.tab();
    expect(listBox('Outside of the hip')).toHaveFocus();
    await user.keyboard(' ');
    expect(listBox('Outside of the hip')).toBeChecked();
    expect(region('outer-hip')).toHaveClass('body-map__region--checked');
  });

  it('submits exactly the checkbox values, in the list order', async () => {
    const { user, onSubmit } = await renderStep();
    await user.click(region('lower-back', 'back'));
    await user.click(region('groin'));
    await user.click(listBox('Thigh'));
    await user.click(region('thigh'));
    await user.click(region('thigh'));
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    await waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(1));
    expect(onSubmit.mock.calls[0]![0]).toEqual({ locations: ['groin', 'thigh', 'lower-back'] });
  });

  it('shows the earlier answer when the page is opened again', async () => {
    await renderStep('locations', { ...MAN, locations: ['pubic'] });
    expect(region('pubic')).toHaveClass('body-map__region--checked');
    expect(region('groin')).not.toHaveClass('body-map__region--checked');
  });

  it('appears only on the locations page', async () => {
    await renderStep('symptoms');
    expect(map()).toBeNull();
  });

  it('uses the reception wording in reception mode', async () => {
    renderWithI18n(
      <AudienceProvider value="reception">
        <QuestionPage step="locations" answers={{}} answeredBefore={false} backHref="#/" onBack={vi.fn()} onSubmit={vi.fn()} />
      </AudienceProvider>,
    );
    expect(await screen.findByText('Click where the patient says it hurts', {}, { timeout: 10_000 })).toBeInTheDocument();
  });
});
