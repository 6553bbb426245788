import { screen, waitFor, within } from '@testing-library/react';
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
  if (step === 'locations') await screen.findByRole('group', { name: 'Tap where it hurts' }, { timeout: 10_000 });
  return { ...utils, user, onSubmit };
}

const map = () => screen.getByRole('group', { name: 'Tap where it hurts' });
const region = (name: string) => within(map()).getByRole('checkbox', { name });
/** The checkbox list's native input, which stays the form's source of truth. */
const listBox = (name: string) => screen.getByLabelText(name, { selector: 'input' });
/** Outer hip, thigh and knee are drawn in the back view too, as pointer-only mirrors. */
const backViewMirror = (id: string) => within(map()).getByRole('group', { name: 'Back view' }).querySelector(`[data-location="${id}"]`)!;

describe('BodyMap on the locations page', () => {
  it('offers each location once, named by its locale label, in a front and a back view', async () => {
    await renderStep();
    const front = within(map()).getByRole('group', { name: 'Front view' });
    const back = within(map()).getByRole('group', { name: 'Back view' });
    const names = (group: HTMLElement) =>
      within(group)
        .getAllByRole('checkbox')
        .map((box) => box.getAttribute('aria-label'));
    expect(names(front)).toEqual(['Groin', 'Outside of the hip', 'Thigh', 'Knee', 'Front of the pelvis']);
    expect(names(back)).toEqual(['Buttock', 'Lower back']);
    for (const box of within(map()).getAllByRole('checkbox')) {
      expect(box).toHaveAttribute('aria-checked', 'false');
      expect(box).toHaveAttribute('tabindex', '0');
    }
    // The mirrors are neither announced nor in the tab order.
    expect(backViewMirror('knee')).toHaveAttribute('aria-hidden', 'true');
    expect(backViewMirror('knee')).not.toHaveAttribute('tabindex');
  });

  it('sits inside the question, after the hint, before the checkbox list', async () => {
    await renderStep();
    const question = screen.getByRole('group', { name: 'Where is the pain?' });
    expect(question).toContainElement(map());
    expect(map().compareDocumentPosition(listBox('Groin')) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  it('tapping a region ticks the matching checkbox, and tapping again unticks it', async () => {
    const { user } = await renderStep();
    await user.click(region('Groin'));
    expect(listBox('Groin')).toBeChecked();
    expect(region('Groin')).toHaveAttribute('aria-checked', 'true');
    await user.click(region('Groin'));
    expect(listBox('Groin')).not.toBeChecked();
    expect(region('Groin')).toHaveAttribute('aria-checked', 'false');
  });

  it('ticking a checkbox selects the region, in both views where it is drawn', async () => {
    const { user } = await renderStep();
    await user.click(listBox('Knee'));
    expect(region('Knee')).toHaveAttribute('aria-checked', 'true');
    expect(backViewMirror('knee')).toHaveClass('body-map__region--checked');
    // Selection is not colour alone: the selected region carries a check mark.
    expect(region('Knee').querySelectorAll('.body-map__tick')).toHaveLength(2);
    await user.click(listBox('Knee'));
    expect(region('Knee')).toHaveAttribute('aria-checked', 'false');
    expect(region('Knee').querySelector('.body-map__tick')).toBeNull();
  });

  it('a mirror in the back view toggles the same answer', async () => {
    const { user } = await renderStep();
    await user.click(backViewMirror('thigh'));
    expect(listBox('Thigh')).toBeChecked();
    expect(region('Thigh')).toHaveAttribute('aria-checked', 'true');
  });

  it('Space and Enter toggle the focused region, and Enter does not submit the page', async () => {
    const { user, onSubmit } = await renderStep();
    region('Buttock').focus();
    await user.keyboard(' ');
    expect(listBox('Buttock')).toBeChecked();
    await user.keyboard('{Enter}');
    expect(listBox('Buttock')).not.toBeChecked();
    await user.keyboard('{Enter}');
    expect(region('Buttock')).toHaveAttribute('aria-checked', 'true');
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('submits exactly the checkbox values, in the list order', async () => {
    const { user, onSubmit } = await renderStep();
    await user.click(region('Lower back'));
    await user.click(region('Groin'));
    await user.click(listBox('Thigh'));
    await user.click(region('Thigh'));
    await user.click(region('Thigh'));
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    await waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(1));
    expect(onSubmit.mock.calls[0]![0]).toEqual({ locations: ['groin', 'thigh', 'lower-back'] });
  });

  it('shows the earlier answer when the page is opened again', async () => {
    await renderStep('locations', { ...MAN, locations: ['pubic'] });
    expect(region('Front of the pelvis')).toHaveAttribute('aria-checked', 'true');
    expect(region('Groin')).toHaveAttribute('aria-checked', 'false');
  });

  it('appears only on the locations page', async () => {
    await renderStep('symptoms');
    expect(screen.queryByRole('group', { name: 'Tap where it hurts' })).toBeNull();
  });

  it('uses the reception wording in reception mode', async () => {
    renderWithI18n(
      <AudienceProvider value="reception">
        <QuestionPage step="locations" answers={{}} answeredBefore={false} backHref="#/" onBack={vi.fn()} onSubmit={vi.fn()} />
      </AudienceProvider>,
    );
    expect(await screen.findByRole('group', { name: 'Click where the patient says it hurts' }, { timeout: 10_000 })).toBeInTheDocument();
  });
});
