/**
 * Where the FHIR artefacts this project publishes say they live, and which
 * version of the clinical content they describe. The domain is a placeholder
 * (example.org is reserved for that) until the project has its own; the URLs are
 * identifiers, nothing fetches them.
 */
export const FHIR_BASE = 'http://hip-triage.example.org/fhir';
export const CODE_SYSTEM_URL = `${FHIR_BASE}/CodeSystem/hip-triage`;
export const QUESTIONNAIRE_URL = `${FHIR_BASE}/Questionnaire/hip-triage`;
/** Clinical policy v3: a change of a rule, a question or an option id is a new version. */
export const ARTEFACT_VERSION = '3.0.0';
/** When this version of the artefacts was published (FHIR `date`, and the timestamp of the option lists). */
export const ARTEFACT_DATE = '2026-12-07';
/** The canonical a response names: ours, with this version (another version may use other ids). */
export const ANSWERED_QUESTIONNAIRE = `${QUESTIONNAIRE_URL}|${ARTEFACT_VERSION}`;
