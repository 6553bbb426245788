/** Ids that tie a control to its label, hint, error and error-summary link. */
export const fieldIds = (field: string) => ({
  control: `field-${field}`,
  option: (value: string) => `field-${field}-${value}`,
  hint: `${field}-hint`,
  error: `${field}-error`,
});

export const describedBy = (field: string, { hint, error }: { hint?: string; error?: string }) =>
  [hint ? fieldIds(field).hint : null, error ? fieldIds(field).error : null].filter(Boolean).join(' ') || undefined;
