import { lazy, Suspense } from 'react';
import type { UseFormReturn } from 'react-hook-form';
import { useWording } from '@/i18n/audience.tsx';
import { PageHeading } from '@/components/page-heading.tsx';
import { loadWithRetry } from '@/components/load-with-retry.ts';
import { PageErrorBoundary } from '@/components/page-error-boundary.tsx';
import { BodyMapPlaceholder } from './body-map/body-map-placeholder.tsx';
import { EmergencyCallNote } from './emergency-call-note.tsx';
import type { AnswersSoFar } from '@/triage/answers/answers-schema.ts';
import { PAIN_SCALE } from '@/triage/catalogue.ts';
import type { OptionWording } from '@/triage/fields.ts';
import { ChoiceField, type ChoiceOption } from './fields/choice-field.tsx';
import { NumberField } from './fields/number-field.tsx';
import { asList, unknownFieldName, type FormValues } from './form-values.ts';
import type { Question } from '@/questions/step-questions.ts';

// Loaded with the location question, not with the first page.
const BodyMap = lazy(() => loadWithRetry(() => import('./body-map/body-map.tsx')).then((module) => ({ default: module.BodyMap })));

interface QuestionFieldsProps {
  questions: Question[];
  form: UseFormReturn<FormValues, unknown, AnswersSoFar>;
  errorText: (field: string) => string | undefined;
  /** On a one-question page, that question's label or legend is the page's h1. */
  headingField?: string;
}

/** Renders each question of a page with the control its kind calls for. */
export function QuestionFields({ questions, form, errorText, headingField }: QuestionFieldsProps) {
  const { t, audience } = useWording('questions');
  // Reception mode numbers the options for the keyboard: 1, 2, 3 … and 0 for "None of these".
  const numbered = (options: ChoiceOption[]): ChoiceOption[] =>
    audience === 'reception' ? options.map((option, index) => ({ ...option, shortcut: String(index + 1) })) : options;
  const noneShortcut = audience === 'reception' ? '0' : undefined;
  const { register, setValue, getValues, watch } = form;
  const hintOf = (key: string) => t(key, { defaultValue: '' }) || undefined;

  return questions.map((question) => {
    const { field } = question;
    const isHeading = field === headingField;
    const label = isHeading ? t(`${field}.question`) : t(`${field}.label`, { defaultValue: t(`${field}.question`) });
    const legend = isHeading ? (
      <PageHeading className="heading-l fieldset__heading">{label}</PageHeading>
    ) : (
      <span className="fieldset__legend-text">{label}</span>
    );
    const common = { field, hint: hintOf(`${field}.hint`), error: errorText(field), register };
    const choice = { ...common, legend, setValue, getValues };

    switch (question.kind) {
      case 'number':
        return (
          <div key={field}>
            <NumberField {...common} label={label} labelIsHeading={isHeading} suffix={t(`${field}.suffix`)} />
            {question.allowUnknown && (
              <div className="checkboxes checkboxes--single">
                <p className="choice-or">{t(`${field}.or`)}</p>
                <div className="checkboxes__item">
                  <input
                    {...register(unknownFieldName(field))}
                    className="checkboxes__input"
                    type="checkbox"
                    id={`field-${unknownFieldName(field)}`}
                  />
                  <label className="choice__label" htmlFor={`field-${unknownFieldName(field)}`}>
                    {t(`${field}.unknownLabel`)}
                  </label>
                </div>
              </div>
            )}
          </div>
        );
      case 'single':
        return <ChoiceField key={field} {...choice} type="radio" options={numbered(optionsOf(question.options, field, t))} />;
      case 'multiple': {
        // The body map is another way to tick the same checkboxes: it reads and writes
        // this field's value, kept in the list's order, so what is submitted is the list's.
        const toggle = (id: string) => {
          const ticked = new Set(asList(getValues(field)));
          if (!ticked.delete(id)) ticked.add(id);
          setValue(
            field,
            question.options.filter((option) => ticked.has(option)),
            { shouldDirty: true },
          );
        };
        return (
          <ChoiceField
            key={field}
            {...choice}
            type="checkbox"
            options={numbered(
              question.wording ? wordedOptions(question.options, field, question.wording, t) : optionsOf(question.options, field, t),
            )}
            noneLabel={question.withNone ? t(`${field}.none`) : undefined}
            noneShortcut={noneShortcut}
          >
            {/* What to do if a sign is happening now comes before the list, not under it (issue 21). */}
            {question.emergencyCallFirst && <EmergencyCallNote field={field} />}
            {question.bodyMap && (
              // The map is another way to tick the list: if it cannot load, the list still works.
              <PageErrorBoundary fallback={() => null}>
                <Suspense fallback={<BodyMapPlaceholder />}>
                  <BodyMap selected={asList(watch(field))} onToggle={toggle} />
                </Suspense>
              </PageErrorBoundary>
            )}
          </ChoiceField>
        );
      }
      case 'yes-no':
        return (
          <ChoiceField
            key={field}
            {...choice}
            type="radio"
            className="fieldset--inline"
            options={numbered(optionsOf(['true', 'false'], field, t))}
          />
        );
      case 'scale':
        return (
          <ChoiceField
            key={field}
            {...choice}
            type="radio"
            className="fieldset--scale"
            // On the pain scale the key is the score itself (type 1 then 0 for 10).
            options={PAIN_SCALE.map((value) => ({
              value,
              label: value,
              hint: hintOf(`${field}.anchors.${value}`),
              shortcut: audience === 'reception' ? value : undefined,
            }))}
          />
        );
    }
  });
}

type T = (key: string, options?: { defaultValue?: string }) => string;

const optionsOf = (ids: readonly string[], field: string, t: T): ChoiceOption[] =>
  ids.map((value) => ({
    value,
    label: t(`${field}.options.${value}.label`),
    hint: t(`${field}.options.${value}.hint`, { defaultValue: '' }) || undefined,
  }));

/**
 * A list worded for the person (the field row's `wording`): each label's first
 * variant that exists wins, and each option opens a new group heading when its
 * group differs from the one before.
 */
function wordedOptions(ids: readonly string[], field: string, wording: OptionWording, t: T): ChoiceOption[] {
  const options = optionsOf(ids, field, t).map((option) => ({
    ...option,
    label: wording.variants.reduceRight(
      (label, variant) => t(`${field}.options.${option.value}.${variant}`, { defaultValue: label }),
      option.label,
    ),
  }));
  const groups = ids.map((id) => wording.groupOf?.(id));
  return options.map((option, index) => {
    const group = groups[index];
    if (group === undefined || group === groups[index - 1]) return option;
    return { ...option, group: t(`${field}.groups.${group}`) };
  });
}
