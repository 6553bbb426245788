import type { ReactNode } from 'react';
import type { UseFormRegister } from 'react-hook-form';
import { PageHeading } from '@/components/page-heading.tsx';
import type { FormValues } from '../form-values.ts';
import { describedBy, fieldIds } from './field-ids.ts';
import { FieldError, FieldHint } from './field-message.tsx';

interface NumberFieldProps {
  field: string;
  label: ReactNode;
  /** The label is the page's h1 on a one-question page. */
  labelIsHeading?: boolean;
  hint?: string;
  suffix: string;
  error?: string;
  register: UseFormRegister<FormValues>;
}

/** A whole-number text input: `inputmode="numeric"` rather than type=number (GOV.UK advice). */
export function NumberField({ field, label, labelIsHeading, hint, suffix, error, register }: NumberFieldProps) {
  const ids = fieldIds(field);
  const labelElement = (
    <label className={labelIsHeading ? 'label label--heading' : 'label'} htmlFor={ids.control}>
      {label}
    </label>
  );
  return (
    <div className={`form-group${error ? ' form-group--error' : ''}`}>
      {labelIsHeading ? <PageHeading className="heading-l label-wrapper">{labelElement}</PageHeading> : labelElement}
      <FieldHint field={field} hint={hint} />
      <FieldError field={field} error={error} />
      <div className="input-wrapper">
        <input
          {...register(field)}
          id={ids.control}
          className={`input input--width-3${error ? ' input--error' : ''}`}
          type="text"
          inputMode="numeric"
          autoComplete="off"
          spellCheck={false}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(field, { hint, error })}
        />
        <span className="input-suffix" aria-hidden="true">
          {suffix}
        </span>
      </div>
    </div>
  );
}
