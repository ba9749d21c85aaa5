import type { Kysely } from 'kysely';
import {
  clientOfStay,
  organisationOfClosure,
  organisationOfLocation,
  organisationOfStay,
  organisationOfUnit,
  referringOrganisationOfStay,
} from '../data/ownership.repository.ts';
import type { Database } from '../data/schema.ts';
import type { Actor } from '../domain/roles.ts';
import { notFound, outOfScope } from '../errors.ts';

/**
 * What part of the region's records an actor may touch. The central point works for the whole region; a provider's
 * planner only at the locations of its own organisation. Outside the scope a record answers exactly like a record
 * that does not exist (404), so ids of other organisations reveal nothing.
 */
export type Scope = { kind: 'region' } | { kind: 'organisation'; organisationId: string };

export function scopeOf(actor: Actor): Scope {
  if (actor.role === 'provider_planner' || actor.role === 'referrer') {
    // The database guarantees these roles have an organisation; an empty id matches nothing, failing closed.
    return { kind: 'organisation', organisationId: actor.organisationId ?? '' };
  }
  return { kind: 'region' };
}

export function inScope(scope: Scope, organisationId: string | undefined): boolean {
  return scope.kind === 'region' || organisationId === scope.organisationId;
}

export async function assertStayInScope(db: Kysely<Database>, scope: Scope, stayId: string): Promise<void> {
  if (scope.kind === 'region') return;
  const organisationId = await organisationOfStay(db, stayId);
  if (organisationId === undefined) throw notFound('stay');
  if (!inScope(scope, organisationId)) throw outOfScope('stay', await clientOfStay(db, stayId));
}

/**
 * A stay seen by a referrer: only one its own organisation referred, and only where the route allows referrers (its
 * calendar file); others see a stay through the location that hosts it.
 */
export async function assertStayVisibleTo(db: Kysely<Database>, actor: Actor, stayId: string): Promise<void> {
  if (actor.role !== 'referrer') return assertStayInScope(db, scopeOf(actor), stayId);
  const referring = await referringOrganisationOfStay(db, stayId);
  if (!actor.organisationId || referring !== actor.organisationId) throw outOfScope('stay', await clientOfStay(db, stayId));
}

export async function assertUnitInScope(db: Kysely<Database>, scope: Scope, unitId: string): Promise<void> {
  if (scope.kind !== 'region' && !inScope(scope, await organisationOfUnit(db, unitId))) throw notFound('unit');
}

export async function assertClosureInScope(db: Kysely<Database>, scope: Scope, closureId: string): Promise<void> {
  if (scope.kind !== 'region' && !inScope(scope, await organisationOfClosure(db, closureId))) throw notFound('closure');
}

/** Unlike the other checks this one also answers 404 for a location that does not exist, whatever the scope. */
export async function assertLocationInScope(db: Kysely<Database>, scope: Scope, locationId: string): Promise<void> {
  const organisationId = await organisationOfLocation(db, locationId);
  if (organisationId === undefined || !inScope(scope, organisationId)) throw notFound('location');
}
