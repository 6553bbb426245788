import { NUMBER_RANGES } from '../catalogue.ts';
import { SINGLE_CHOICE_OPTIONS } from '../fields.ts';
import type { AnswersIssue } from './answers-schema.ts';
import { formatIssuePath } from '../issue-path.ts';

const valueAt = (input: unknown, path: readonly (string | number)[]): unknown =>
  path.reduce<unknown>(
    (value, key) => (value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined),
    input,
  );

/** Long values and names are cut, so that one huge value cannot flood a message. */
const MAX_CHARS = 60;
export const shorten = (text: string, max = MAX_CHARS): string =>
  text.length <= max ? text : `${text.slice(0, max)}… (${text.length} characters)`;

/** Words for a message key (i18next's t in practice); the core knows no i18n library. */
export type Translate = (key: string, options: Record<string, unknown>) => string;

/**
 * One line per offending field, e.g. `age: must be a whole number from 0 to 120`.
 * `formatPath` names the place another way (the FHIR reader: by the item's linkId).
 */
export function describeAnswersIssue(
  issue: AnswersIssue,
  input: unknown,
  t: Translate,
  prefix = '',
  formatPath: (path: readonly (string | number)[]) => string = formatIssuePath,
): string {
  const field = String(issue.path[0] ?? '');
  // Own properties only: an unknown field may be called "constructor" or "__proto__".
  const range = Object.hasOwn(NUMBER_RANGES, field) ? NUMBER_RANGES[field as keyof typeof NUMBER_RANGES] : undefined;
  const options = Object.hasOwn(SINGLE_CHOICE_OPTIONS, field)
    ? SINGLE_CHOICE_OPTIONS[field as keyof typeof SINGLE_CHOICE_OPTIONS]
    : undefined;
  const text = t(issue.message, {
    ns: 'errors',
    value: shorten(JSON.stringify(valueAt(input, issue.path)) ?? 'undefined'),
    options: options?.join(', '),
    min: range?.min,
    max: range?.max,
    interpolation: { escapeValue: false },
  });
  const path = issue.path.map((key) => (typeof key === 'string' ? shorten(key) : key));
  const where = `${prefix}${prefix && path.length && typeof path[0] === 'string' ? '.' : ''}${formatPath(path)}`;
  return where ? `${where}: ${text}` : text;
}
