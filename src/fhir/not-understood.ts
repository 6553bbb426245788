// What changes the meaning of whatever holds it, wherever it is in a FHIR input:
// `modifierExtension` (FHIR: a reader that does not understand one must not use the
// element that holds it; one could negate the "none" red-flags answer),
// `implicitRules` (the resource follows rules of its own) and `contained` (resources
// inside a resource: an emergency response hidden there was read as nothing). None is
// understood by `triage --from fhir`, so each is refused wherever it appears.
// (Relative imports: the CLI and the tests load this with Node.)

import type { ResponseIssue } from './answers-from-response.ts';

/** Each element's message key. */
const NOT_UNDERSTOOD: Readonly<Record<string, string>> = {
  modifierExtension: 'fhir.modifierExtension',
  implicitRules: 'fhir.implicitRules',
  contained: 'fhir.contained',
};

const pathStep = (where: string, step: string | number) =>
  typeof step === 'number' ? `${where}[${step}]` : where ? `${where}.${step}` : step;

/** Reports each such element in `input`, named by its path (`entry[0].resource.item[2].modifierExtension`). */
export function notUnderstoodAnywhere(input: unknown, report: (issue: ResponseIssue) => void, where = ''): void {
  if (Array.isArray(input)) {
    input.forEach((item, index) => notUnderstoodAnywhere(item, report, pathStep(where, index)));
    return;
  }
  if (typeof input !== 'object' || input === null) return;
  for (const [name, value] of Object.entries(input)) {
    // `_implicitRules` and the like: the same element's extensions.
    const element = name.replace(/^_/, '');
    if (Object.hasOwn(NOT_UNDERSTOOD, element)) report({ where: pathStep(where, name), key: NOT_UNDERSTOOD[element]! });
    else notUnderstoodAnywhere(value, report, pathStep(where, name));
  }
}
