import { fieldIds } from './field-ids.ts';
import { useTranslation } from 'react-i18next';

export function FieldHint({ field, hint }: { field: string; hint?: string }) {
  return hint ? (
    <div id={fieldIds(field).hint} className="hint">
      {hint}
    </div>
  ) : null;
}

export function FieldError({ field, error }: { field: string; error?: string }) {
  const { t } = useTranslation();
  return error ? (
    <p id={fieldIds(field).error} className="field-error">
      <span className="visually-hidden">{t('errorSummary.titlePrefix')}</span>
      {error}
    </p>
  ) : null;
}
