import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { renderWithI18n } from '../../tests/unit/render-with-i18n.tsx';
import type { AnswersSoFar } from '@/triage/answers/answers-schema.ts';
import { CHILD_RED_FLAGS, CONDITIONAL_RED_FLAGS, GENERAL_RED_FLAGS, PREGNANCY_RED_FLAGS, RED_FLAG_SECTIONS } from '@/triage/catalogue.ts';
import type { QuestionStep } from '@/triage/flow/steps.ts';
import { QuestionPage } from './question-page.tsx';
import { AudienceProvider } from '@/i18n/audience.tsx';

const WOMAN_PREGNANT: AnswersSoFar = { age: 29, sex: 'female', pregnancy: 'pregnant' };
const MAN: AnswersSoFar = { age: 40, sex: 'male' };

function renderStep(step: QuestionStep, answers: AnswersSoFar = {}, answeredBefore = false) {
  const onSubmit = vi.fn();
  const onBack = vi.fn();
  const user = userEvent.setup();
  renderWithI18n(
    <QuestionPage step={step} answers={answers} answeredBefore={answeredBefore} backHref="#/" onBack={onBack} onSubmit={onSubmit} />,
  );
  /** What the one call of onSubmit received (validation is asynchronous, hence the wait). */
  const submittedValues = async () => {
    await waitFor(() => expect(onSubmit).toHaveBeenCalledTimes(1));
    return onSubmit.mock.calls[0]![0] as AnswersSoFar;
  };
  return { user, onSubmit, onBack, submittedValues };
}

const continueButton = () => screen.getByRole('button', { name: 'Continue' });
const errorSummary = () => screen.getByRole('alert', { name: 'There is a problem' });
/** Validation is asynchronous: wait for the summary after a failed Continue. */
const findErrorSummary = () => screen.findByRole('alert', { name: 'There is a problem' });
const values = (inputs: HTMLElement[]) => inputs.map((input) => (input as HTMLInputElement).value);

// jsdom has no layout, so no scrollIntoView; the error summary links call it after focusing.
beforeEach(() => {
  Element.prototype.scrollIntoView = vi.fn();
});
afterEach(() => {
  delete (Element.prototype as Partial<Element>).scrollIntoView;
});

describe('QuestionPage: about you', () => {
  it('shows the page heading, an age box and the sex radios', () => {
    renderStep('about-you');
    expect(screen.getByRole('heading', { level: 1, name: 'About you' })).toBeInTheDocument();
    const age = screen.getByRole('textbox', { name: 'Age' });
    expect(age).toHaveAttribute('name', 'age');
    expect(age).toHaveAttribute('inputmode', 'numeric');
    const sex = screen.getByRole('group', { name: 'Sex' });
    expect(values(within(sex).getAllByRole('radio'))).toEqual(['female', 'male', 'other']);
  });

  it('on Continue with nothing, shows a focused error summary linking to each field, and does not submit', async () => {
    const { user, onSubmit } = renderStep('about-you');
    await user.click(continueButton());

    const summary = await findErrorSummary();
    // Validation is asynchronous, so the summary takes focus in an effect just after it appears.
    await waitFor(() => expect(summary).toHaveFocus());
    expect(within(summary).getByRole('link', { name: 'Enter your age' })).toHaveAttribute('href', '#field-age');
    expect(within(summary).getByRole('link', { name: 'Select your sex' })).toHaveAttribute('href', '#field-sex');
    await waitFor(() => expect(document.title).toBe('Error: Question – Hip pain check'));
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('shows each error next to its field too, and marks the age box invalid', async () => {
    const { user } = renderStep('about-you');
    await user.click(continueButton());
    await findErrorSummary();
    const age = screen.getByRole('textbox', { name: 'Age' });
    expect(age).toHaveAttribute('aria-invalid', 'true');
    expect(age).toHaveAccessibleDescription(expect.stringContaining('Enter your age'));
    expect(screen.getByRole('group', { name: 'Sex' })).toHaveAccessibleDescription(expect.stringContaining('Select your sex'));
  });

  it('moves focus to the field when an error-summary link is clicked', async () => {
    const { user } = renderStep('about-you');
    await user.click(continueButton());

    await user.click(within(await findErrorSummary()).getByRole('link', { name: 'Enter your age' }));
    expect(screen.getByRole('textbox', { name: 'Age' })).toHaveFocus();

    await user.click(within(errorSummary()).getByRole('link', { name: 'Select your sex' }));
    // The link goes to the first radio of the group.
    expect(screen.getByRole('radio', { name: 'Female' })).toHaveFocus();
  });

  it('focuses the error summary again on every failed Continue', async () => {
    const { user } = renderStep('about-you');
    await user.click(continueButton());
    await user.click(within(await findErrorSummary()).getByRole('link', { name: 'Enter your age' }));
    expect(errorSummary()).not.toHaveFocus();
    await user.click(continueButton());
    await waitFor(() => expect(errorSummary()).toHaveFocus());
  });

  it('keeps what was typed after a failed Continue', async () => {
    const { user, onSubmit } = renderStep('about-you');
    const age = screen.getByRole('textbox', { name: 'Age' });
    await user.type(age, '4.5');
    await user.click(screen.getByRole('radio', { name: 'Male' }));
    await user.click(continueButton());

    expect(
      within(await findErrorSummary()).getByRole('link', { name: 'Enter your age as a whole number of years, like 42' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'Age' })).toHaveValue('4.5');
    expect(screen.getByRole('radio', { name: 'Male' })).toBeChecked();
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('rejects an age out of range with the range message', async () => {
    const { user, onSubmit } = renderStep('about-you');
    await user.type(screen.getByRole('textbox', { name: 'Age' }), '121');
    await user.click(screen.getByRole('radio', { name: 'Female' }));
    await user.click(continueButton());
    expect(within(await findErrorSummary()).getByRole('link', { name: 'Age must be from 0 to 120 years' })).toBeInTheDocument();
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('submits a valid answer as numbers and ids', async () => {
    const { user, submittedValues } = renderStep('about-you');
    await user.type(screen.getByRole('textbox', { name: 'Age' }), '45');
    await user.click(screen.getByRole('radio', { name: 'Male' }));
    await user.click(continueButton());
    expect(await submittedValues()).toStrictEqual({ age: 45, sex: 'male' });
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    // Not the question: the title goes into the browser history (issue 22).
    expect(document.title).toBe('Question – Hip pain check');
  });

  it('clears the errors once a corrected answer is submitted', async () => {
    const { user, submittedValues } = renderStep('about-you');
    await user.click(continueButton());
    expect(await findErrorSummary()).toBeInTheDocument();
    await user.type(screen.getByRole('textbox', { name: 'Age' }), '45');
    await user.click(screen.getByRole('radio', { name: 'Other, or I prefer not to say' }));
    await user.click(continueButton());
    expect(await submittedValues()).toStrictEqual({ age: 45, sex: 'other' });
    await waitFor(() => expect(screen.queryByRole('alert')).not.toBeInTheDocument());
    await waitFor(() => expect(document.title).toBe('Question – Hip pain check'));
  });

  it('calls onBack from the Back link', async () => {
    const { user, onBack } = renderStep('about-you');
    await user.click(screen.getByRole('link', { name: 'Back' }));
    expect(onBack).toHaveBeenCalledTimes(1);
  });
});

describe('QuestionPage: red flags', () => {
  const redFlagsGroup = () =>
    screen.getByRole('group', { name: 'Do any of these apply now, or have they happened since the pain started?' });
  const none = () => screen.getByRole('checkbox', { name: 'None of these' });
  const fever = () => screen.getByRole('checkbox', { name: 'A temperature of 38 °C or more, or feeling hot and shivery' });

  it('puts the question in the h1', () => {
    renderStep('red-flags', MAN);
    expect(
      screen.getByRole('heading', { level: 1, name: 'Do any of these apply now, or have they happened since the pain started?' }),
    ).toBeInTheDocument();
  });

  it('offers a man the general red flags only, named redFlags with the policy ids as values, then "none"', () => {
    renderStep('red-flags', MAN);
    const boxes = within(redFlagsGroup()).getAllByRole('checkbox');
    expect(boxes.every((box) => box.getAttribute('name') === 'redFlags')).toBe(true);
    expect(values(boxes)).toEqual([...GENERAL_RED_FLAGS, 'none']);
    expect(screen.queryByRole('checkbox', { name: 'Bleeding from the vagina' })).not.toBeInTheDocument();
    expect(screen.queryByRole('checkbox', { name: 'A new limp, or walking differently' })).not.toBeInTheDocument();
  });

  it('offers a pregnant woman the pregnancy red flags as well', () => {
    renderStep('red-flags', WOMAN_PREGNANT);
    expect(screen.getByRole('checkbox', { name: 'Bleeding from the vagina' })).toHaveAttribute('value', 'vaginal-bleeding');
    expect(screen.getByText('During pregnancy')).toBeInTheDocument();
    const boxes = within(redFlagsGroup()).getAllByRole('checkbox');
    expect(values(boxes)).toEqual([...GENERAL_RED_FLAGS, ...PREGNANCY_RED_FLAGS, 'none']);
  });

  it('offers after birth the after-birth list, with the bleeding flag worded for after birth (v2)', () => {
    renderStep('red-flags', { age: 31, sex: 'female', pregnancy: 'postpartum' });
    expect(screen.getByText('After giving birth')).toBeInTheDocument();
    expect(screen.getByRole('checkbox', { name: /^Heavy bleeding from the vagina: soaking a pad within an hour/ })).toHaveAttribute(
      'value',
      'vaginal-bleeding',
    );
    expect(values(within(redFlagsGroup()).getAllByRole('checkbox'))).toEqual([
      ...GENERAL_RED_FLAGS,
      'vaginal-bleeding',
      'dizziness-fainting',
      'preeclampsia-signs',
      'burning-urination',
      'none',
    ]);
  });

  it('offers someone unsure if pregnant the early-pregnancy signs only (v2)', () => {
    renderStep('red-flags', { age: 25, sex: 'female', pregnancy: 'unsure' });
    expect(screen.getByText('If you might be pregnant')).toBeInTheDocument();
    expect(values(within(redFlagsGroup()).getAllByRole('checkbox'))).toEqual([
      ...GENERAL_RED_FLAGS,
      'vaginal-bleeding',
      'dizziness-fainting',
      'burning-urination',
      'none',
    ]);
  });

  it('words the groin flag with a testicle when sex is not female, and the bleeding flag for someone unsure (v3)', () => {
    renderStep('red-flags', { age: 40, sex: 'male' });
    expect(screen.getByRole('checkbox', { name: /or sudden pain or swelling in a testicle$/ })).toHaveAttribute('value', 'groin-swelling');
    cleanup();
    renderStep('red-flags', { age: 25, sex: 'female', pregnancy: 'unsure' });
    expect(screen.queryByText(/testicle/)).not.toBeInTheDocument();
    expect(screen.getByRole('checkbox', { name: 'Bleeding from the vagina that is not like your usual period' })).toHaveAttribute(
      'value',
      'vaginal-bleeding',
    );
  });

  it('offers the headache flag from 50 and the wound flag with a hip replacement only (v3)', () => {
    renderStep('red-flags', { age: 49, sex: 'female', pregnancy: 'no', hipReplacement: false });
    expect(values(within(redFlagsGroup()).getAllByRole('checkbox'))).not.toContain('scalp-jaw-headache');
    expect(values(within(redFlagsGroup()).getAllByRole('checkbox'))).not.toContain('wound-problem');
    cleanup();
    renderStep('red-flags', { age: 50, sex: 'female', hipReplacement: true });
    expect(values(within(redFlagsGroup()).getAllByRole('checkbox'))).toEqual([...GENERAL_RED_FLAGS, ...CONDITIONAL_RED_FLAGS, 'none']);
  });

  it('asks about a hip replacement with Yes and No radios named hipReplacement (v3)', async () => {
    const { user, submittedValues } = renderStep('hip-replacement', { age: 70, sex: 'male' });
    expect(screen.getByRole('heading', { level: 1, name: 'Do you have an artificial hip joint (a hip replacement)?' })).toBeInTheDocument();
    expect(values(screen.getAllByRole('radio'))).toEqual(['true', 'false']);
    await user.click(screen.getByRole('radio', { name: 'Yes' }));
    await user.click(screen.getByRole('button', { name: 'Continue' }));
    expect(await submittedValues()).toEqual({ hipReplacement: true });
  });

  it('offers a child of 4 the new-limp and leg-not-moving red flags (v2)', () => {
    renderStep('red-flags', { age: 4, sex: 'female' });
    expect(screen.getByRole('checkbox', { name: 'A new limp, or walking differently' })).toHaveAttribute('value', 'limp');
    expect(values(within(redFlagsGroup()).getAllByRole('checkbox'))).toEqual([...GENERAL_RED_FLAGS, ...CHILD_RED_FLAGS, 'none']);
    expect(screen.getByText('For a child or teenager')).toBeInTheDocument();
    expect(screen.queryByRole('checkbox', { name: 'Bleeding from the vagina' })).not.toBeInTheDocument();
  });

  it('offers a teenager of 17 the limp red flag, but not leg-not-moving', () => {
    renderStep('red-flags', { age: 17, sex: 'male' });
    expect(values(within(redFlagsGroup()).getAllByRole('checkbox'))).toEqual([...GENERAL_RED_FLAGS, 'limp', 'none']);
  });

  it('lists the warning signs for everyone under short headings, each a run of the catalogue order (issue 21)', () => {
    // The sections cover the general and conditional flags once each, in order, so reception's number keys do not move.
    expect(Object.values(RED_FLAG_SECTIONS).flat()).toEqual([...GENERAL_RED_FLAGS, ...CONDITIONAL_RED_FLAGS]);
    renderStep('red-flags', { age: 4, sex: 'female' });
    expect(screen.getAllByRole('heading', { level: 2 }).map((heading) => heading.textContent)).toEqual([
      'Injury or the leg',
      'Fever or infection',
      'Nerves and bladder',
      'Blood clots and breathing',
      'Other signs',
      'For a child or teenager',
    ]);
    const nerves = screen.getByRole('heading', { level: 2, name: 'Nerves and bladder' });
    const numbness = screen.getByRole('checkbox', { name: /^Numbness around the genitals/ });
    expect(nerves.compareDocumentPosition(numbness) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  it('says to call now before the list, not under it (issue 21)', () => {
    renderStep('red-flags', MAN);
    const call = screen.getByRole('link', { name: 'Call 112 now' });
    const first = within(redFlagsGroup()).getAllByRole('checkbox')[0]!;
    expect(call.compareDocumentPosition(first) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  it('shows the emergency number with a call link on the warning-signs page (policy §5, v2)', () => {
    renderStep('red-flags', MAN);
    expect(screen.getByRole('link', { name: 'Call 112 now' })).toHaveAttribute('href', 'tel:112');
  });

  it('keeps "None of these" exclusive', async () => {
    const { user } = renderStep('red-flags', MAN);
    await user.click(fever());
    await user.click(screen.getByRole('checkbox', { name: 'Breathlessness or chest pain' }));
    await user.click(none());
    expect(none()).toBeChecked();
    expect(fever()).not.toBeChecked();
    expect(screen.getByRole('checkbox', { name: 'Breathlessness or chest pain' })).not.toBeChecked();

    await user.click(fever());
    expect(fever()).toBeChecked();
    expect(none()).not.toBeChecked();
  });

  it('submits "None of these" as an empty list', async () => {
    const { user, submittedValues } = renderStep('red-flags', MAN);
    await user.click(none());
    await user.click(continueButton());
    expect(await submittedValues()).toStrictEqual({ redFlags: [] });
  });

  it('submits the chosen ids, and only those, after "None of these" was unchecked by a choice', async () => {
    const { user, submittedValues } = renderStep('red-flags', MAN);
    await user.click(none());
    await user.click(fever());
    await user.click(continueButton());
    expect(await submittedValues()).toStrictEqual({ redFlags: ['fever'] });
  });

  it('submits a single chosen id as a list', async () => {
    const { user, submittedValues } = renderStep('red-flags', WOMAN_PREGNANT);
    await user.click(screen.getByRole('checkbox', { name: 'Bleeding from the vagina' }));
    await user.click(continueButton());
    expect(await submittedValues()).toStrictEqual({ redFlags: ['vaginal-bleeding'] });
  });

  it('asks for a choice when nothing is checked, and links to the first checkbox', async () => {
    const { user, onSubmit } = renderStep('red-flags', MAN);
    await user.click(continueButton());
    const link = within(await findErrorSummary()).getByRole('link', { name: 'Select the warning signs that apply, or "None of these"' });
    await waitFor(() => expect(errorSummary()).toHaveFocus());
    await user.click(link);
    expect(screen.getByRole('checkbox', { name: 'Cannot stand or put any weight on the leg' })).toHaveFocus();
    expect(onSubmit).not.toHaveBeenCalled();
  });
});

describe('QuestionPage: pregnancy weeks', () => {
  const weeks = () => screen.getByRole('textbox', { name: 'How many weeks pregnant are you?' });

  it('puts the question in the h1 and names the input pregnancyWeeks', () => {
    renderStep('pregnancy-weeks', WOMAN_PREGNANT);
    expect(screen.getByRole('heading', { level: 1, name: 'How many weeks pregnant are you?' })).toBeInTheDocument();
    expect(weeks()).toHaveAttribute('name', 'pregnancyWeeks');
    expect(weeks()).toHaveAttribute('inputmode', 'numeric');
  });

  it('leaves the weeks out when "I do not know" is chosen', async () => {
    const { user, submittedValues } = renderStep('pregnancy-weeks', WOMAN_PREGNANT);
    await user.click(screen.getByRole('checkbox', { name: 'I do not know' }));
    await user.click(continueButton());
    expect(await submittedValues()).toStrictEqual({});
  });

  it('rejects 43 weeks with the range message', async () => {
    const { user, onSubmit } = renderStep('pregnancy-weeks', WOMAN_PREGNANT);
    await user.type(weeks(), '43');
    await user.click(continueButton());
    expect(within(await findErrorSummary()).getByRole('link', { name: 'Weeks of pregnancy must be from 1 to 42' })).toBeInTheDocument();
    expect(weeks()).toHaveValue('43');
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('asks for the weeks or "I do not know" when both are left empty, linking to the input', async () => {
    const { user, onSubmit } = renderStep('pregnancy-weeks', WOMAN_PREGNANT);
    await user.click(continueButton());
    const link = within(await findErrorSummary()).getByRole('link', {
      name: 'Enter how many weeks pregnant you are, or select "I do not know"',
    });
    await user.click(link);
    expect(weeks()).toHaveFocus();
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('submits 20 weeks as a number', async () => {
    const { user, submittedValues } = renderStep('pregnancy-weeks', WOMAN_PREGNANT);
    await user.type(weeks(), '20');
    await user.click(continueButton());
    expect(await submittedValues()).toStrictEqual({ pregnancyWeeks: 20 });
  });
});

describe('QuestionPage: pain score', () => {
  it('offers eleven radios named painScore, 0 to 10, with the end anchors', () => {
    renderStep('pain-score', MAN);
    const group = screen.getByRole('group', { name: 'How bad is the pain at its worst?' });
    const radios = within(group).getAllByRole('radio');
    expect(radios).toHaveLength(11);
    expect(radios.every((radio) => radio.getAttribute('name') === 'painScore')).toBe(true);
    expect(values(radios)).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
    expect(screen.getByText('No pain')).toBeInTheDocument();
    expect(screen.getByText('Worst pain imaginable')).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: '0' })).toHaveAccessibleDescription('No pain');
    expect(screen.getByRole('radio', { name: '10' })).toHaveAccessibleDescription('Worst pain imaginable');
  });

  it('submits the chosen score as a number', async () => {
    const { user, submittedValues } = renderStep('pain-score', MAN);
    await user.click(screen.getByRole('radio', { name: '7' }));
    await user.click(continueButton());
    expect(await submittedValues()).toStrictEqual({ painScore: 7 });
  });

  it('submits 0 as a number, not as "no answer"', async () => {
    const { user, submittedValues } = renderStep('pain-score', MAN);
    await user.click(screen.getByRole('radio', { name: '0' }));
    await user.click(continueButton());
    expect(await submittedValues()).toStrictEqual({ painScore: 0 });
  });

  it('asks for a number when none is chosen', async () => {
    const { user, onSubmit } = renderStep('pain-score', MAN);
    await user.click(continueButton());
    expect(within(await findErrorSummary()).getByRole('link', { name: 'Select a number from 0 to 10' })).toBeInTheDocument();
    expect(onSubmit).not.toHaveBeenCalled();
  });
});

describe('QuestionPage: activity', () => {
  it('offers Yes and No radios named active with values "true" and "false"', () => {
    renderStep('activity', MAN);
    const group = screen.getByRole('group', { name: 'Do you play sport regularly, or have a physically demanding job?' });
    const radios = within(group).getAllByRole('radio');
    expect(radios.map((radio) => radio.getAttribute('name'))).toEqual(['active', 'active']);
    expect(values(radios)).toEqual(['true', 'false']);
    expect(screen.getByRole('radio', { name: 'Yes' })).toHaveAttribute('value', 'true');
    expect(screen.getByRole('radio', { name: 'No' })).toHaveAttribute('value', 'false');
  });

  it.each([
    ['Yes', true],
    ['No', false],
  ])('submits %s as the boolean %s', async (label, expected) => {
    const { user, submittedValues } = renderStep('activity', MAN);
    await user.click(screen.getByRole('radio', { name: label }));
    await user.click(continueButton());
    expect(await submittedValues()).toStrictEqual({ active: expected });
  });
});

describe('QuestionPage: earlier answers (Back and Change)', () => {
  it('shows the age and sex given before, and submits them unchanged', async () => {
    const { user, submittedValues } = renderStep('about-you', { age: 45, sex: 'female' }, true);
    expect(screen.getByRole('textbox', { name: 'Age' })).toHaveValue('45');
    expect(screen.getByRole('radio', { name: 'Female' })).toBeChecked();
    await user.click(continueButton());
    expect(await submittedValues()).toStrictEqual({ age: 45, sex: 'female' });
  });

  it('shows the red flags chosen before', () => {
    renderStep('red-flags', { ...MAN, redFlags: ['fever', 'weight-loss'] }, true);
    expect(screen.getByRole('checkbox', { name: 'A temperature of 38 °C or more, or feeling hot and shivery' })).toBeChecked();
    expect(screen.getByRole('checkbox', { name: 'Losing weight without trying' })).toBeChecked();
    expect(screen.getByRole('checkbox', { name: 'None of these' })).not.toBeChecked();
  });

  it('shows "None of these" checked for an empty list answered before, and submits it as an empty list', async () => {
    const { user, submittedValues } = renderStep('red-flags', { ...MAN, redFlags: [] }, true);
    expect(screen.getByRole('checkbox', { name: 'None of these' })).toBeChecked();
    await user.click(continueButton());
    expect(await submittedValues()).toStrictEqual({ redFlags: [] });
  });

  it('checks nothing on a page not answered before', () => {
    renderStep('red-flags', MAN, false);
    for (const box of screen.getAllByRole('checkbox')) expect(box).not.toBeChecked();
  });

  it('shows the weeks given before, with "I do not know" unchecked', () => {
    renderStep('pregnancy-weeks', { ...WOMAN_PREGNANT, pregnancyWeeks: 20 }, true);
    expect(screen.getByRole('textbox', { name: 'How many weeks pregnant are you?' })).toHaveValue('20');
    expect(screen.getByRole('checkbox', { name: 'I do not know' })).not.toBeChecked();
  });

  it('shows "I do not know" checked when the weeks were left out before', () => {
    renderStep('pregnancy-weeks', WOMAN_PREGNANT, true);
    expect(screen.getByRole('textbox', { name: 'How many weeks pregnant are you?' })).toHaveValue('');
    expect(screen.getByRole('checkbox', { name: 'I do not know' })).toBeChecked();
  });

  it('shows the pain score answered before', () => {
    renderStep('pain-score', { ...MAN, painScore: 7 }, true);
    expect(screen.getByRole('radio', { name: '7' })).toBeChecked();
  });

  it('shows "No" checked for active: false answered before', async () => {
    const { user, submittedValues } = renderStep('activity', { ...MAN, active: false }, true);
    expect(screen.getByRole('radio', { name: 'No' })).toBeChecked();
    expect(screen.getByRole('radio', { name: 'Yes' })).not.toBeChecked();
    await user.click(continueButton());
    expect(await submittedValues()).toStrictEqual({ active: false });
  });
});

describe('QuestionPage in reception mode (issue 21)', () => {
  it('words every error message about the patient, never "you"', async () => {
    const user = userEvent.setup();
    renderWithI18n(
      <AudienceProvider value="reception">
        <QuestionPage step="about-you" answers={{}} answeredBefore={false} backHref="#/" onBack={vi.fn()} onSubmit={vi.fn()} />
      </AudienceProvider>,
    );
    await user.click(continueButton());
    const summary = await findErrorSummary();
    expect(within(summary).getByRole('link', { name: "Enter the patient's age" })).toHaveAttribute('href', '#field-age');
    expect(within(summary).getByRole('link', { name: "Select the patient's sex" })).toHaveAttribute('href', '#field-sex');
    expect(summary.textContent).not.toMatch(/\byour?\b/i);
    cleanup();
    renderWithI18n(
      <AudienceProvider value="reception">
        <QuestionPage
          step="pregnancy"
          answers={{ age: 29, sex: 'female' }}
          answeredBefore={false}
          backHref="#/"
          onBack={vi.fn()}
          onSubmit={vi.fn()}
        />
      </AudienceProvider>,
    );
    await user.click(continueButton());
    expect(within(await findErrorSummary()).getByRole('link')).toHaveTextContent(
      'Select whether the patient is pregnant, or has been pregnant in the last 6 months',
    );
  });
});
