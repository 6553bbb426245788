import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

export interface FieldError {
  /** The id of the control the link moves focus to. */
  targetId: string;
  message: string;
}

/**
 * GOV.UK error summary: above the heading, focused when it appears, each message a
 * link that moves focus to its field.
 */
export function ErrorSummary({ errors, attempt }: { errors: FieldError[]; attempt: number }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (errors.length > 0) ref.current?.focus();
    // Focus again on every failed Continue, not only when the list changes.
  }, [attempt, errors.length]);

  if (errors.length === 0) return null;
  return (
    <div className="error-summary" ref={ref} tabIndex={-1} role="alert" aria-labelledby="error-summary-title">
      <h2 id="error-summary-title" className="error-summary__title">
        {t('errorSummary.title')}
      </h2>
      <ul className="error-summary__list">
        {errors.map((error) => (
          <li key={error.targetId}>
            <a
              href={`#${error.targetId}`}
              onClick={(event) => {
                event.preventDefault();
                const target = document.getElementById(error.targetId);
                target?.focus();
                target?.scrollIntoView({ block: 'center' });
              }}
            >
              {error.message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
