import type { ReactNode } from 'react';
import type { UseFormRegister, UseFormSetValue, UseFormGetValues } from 'react-hook-form';
import type { FormValues } from '../form-values.ts';
import { NONE } from '@/triage/fields.ts';
import { describedBy, fieldIds } from './field-ids.ts';
import { FieldError, FieldHint } from './field-message.tsx';

export interface ChoiceOption {
  value: string;
  label: string;
  hint?: string;
  /** Options with a group label start a new group under that label (a heading, for moving through the list by headings). */
  group?: string;
  /** Reception mode: the number key that toggles or selects this option. */
  shortcut?: string;
}

interface ChoiceFieldProps {
  field: string;
  type: 'radio' | 'checkbox';
  legend: ReactNode;
  hint?: string;
  error?: string;
  options: ChoiceOption[];
  /** Label of the exclusive "None of these" checkbox, if offered. */
  noneLabel?: string;
  /** Number key for "None of these" (reception mode). */
  noneShortcut?: string;
  register: UseFormRegister<FormValues>;
  setValue: UseFormSetValue<FormValues>;
  getValues: UseFormGetValues<FormValues>;
  className?: string;
  /** Shown between the hint and the options (the body map on the locations page, the emergency note on the warning signs). */
  children?: ReactNode;
}

/** A fieldset of radios or checkboxes whose name and values are the policy's ids. */
export function ChoiceField({
  field,
  type,
  legend,
  hint,
  error,
  options,
  noneLabel,
  noneShortcut,
  register,
  setValue,
  getValues,
  className,
  children,
}: ChoiceFieldProps) {
  const ids = fieldIds(field);
  const keepNoneExclusive = (value: string, checked: boolean) => {
    if (!checked || type !== 'checkbox') return;
    const current = (getValues(field) as string[] | undefined) ?? [];
    setValue(field, value === NONE ? [NONE] : current.filter((v) => v !== NONE));
  };
  const registration = register(field, { onChange: (event) => keepNoneExclusive(event.target.value, event.target.checked) });

  const control = (option: ChoiceOption, index: number) => (
    <div className={type === 'radio' ? 'radios__item' : 'checkboxes__item'} key={option.value}>
      <input
        {...registration}
        className={type === 'radio' ? 'radios__input' : 'checkboxes__input'}
        id={index === 0 ? ids.control : ids.option(option.value)}
        type={type}
        value={option.value}
        data-shortcut={option.shortcut}
        aria-describedby={option.hint ? `${ids.option(option.value)}-hint` : undefined}
      />
      <label className="choice__label" htmlFor={index === 0 ? ids.control : ids.option(option.value)}>
        {option.shortcut !== undefined && option.shortcut !== option.label && (
          <kbd className="shortcut-key" aria-hidden="true">
            {option.shortcut}
          </kbd>
        )}
        {option.label}
      </label>
      {option.hint && (
        <div id={`${ids.option(option.value)}-hint`} className="hint choice__hint">
          {option.hint}
        </div>
      )}
    </div>
  );

  return (
    <div className={`form-group${error ? ' form-group--error' : ''}`}>
      <fieldset className={`fieldset ${className ?? ''}`} aria-describedby={describedBy(field, { hint, error })}>
        <legend className="fieldset__legend">{legend}</legend>
        <FieldHint field={field} hint={hint} />
        <FieldError field={field} error={error} />
        {children}
        <div className={type === 'radio' ? 'radios' : 'checkboxes'}>
          {options.map((option, index) => (
            <div key={option.value} className="choice-group">
              {option.group && <h2 className="choice-group__label">{option.group}</h2>}
              {control(option, index)}
            </div>
          ))}
          {noneLabel && (
            <>
              <div className="choice-divider" aria-hidden="true" />
              {control({ value: NONE, label: noneLabel, shortcut: noneShortcut }, options.length)}
            </>
          )}
        </div>
      </fieldset>
    </div>
  );
}
