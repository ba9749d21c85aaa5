import type { Kysely } from 'kysely';
import { withTransaction } from '../data/change-author.ts';
import { photosOfLocation } from '../data/location-photo.repository.ts';
import type { DateRange } from '../domain/dates.ts';
import {
  deleteUnitClosure,
  insertUnitClosure,
  listLocations,
  listRegions,
  listTariffsOfLocation,
  listUnitsOfLocation,
} from '../data/registry.repository.ts';
import { findBlockers, lockUnits } from '../data/stay.repository.ts';
import type { Database } from '../data/schema.ts';
import { notFound } from '../errors.ts';
import { requireUnit } from './booking.service.ts';
import { type Scope, assertClosureInScope, assertUnitInScope } from './scope.ts';
import { appClock } from '../clock.ts';

export { listRegions };

export async function listRegionLocations(db: Kysely<Database>, regionId: string) {
  return listLocations(db, { regionId });
}

export async function getLocation(db: Kysely<Database>, locationId: string) {
  const [location] = await listLocations(db, { locationId });
  if (!location) throw notFound('location');
  const [units, tariffs, photos] = await Promise.all([
    listUnitsOfLocation(db, locationId),
    listTariffsOfLocation(db, locationId),
    photosOfLocation(db, locationId),
  ]);
  return { ...location, units, tariffs, photos };
}

export interface NewClosure {
  period: DateRange;
  reason: 'admission_stop' | 'maintenance' | 'other';
  note: string | null;
}

/**
 * Closes a unit for new stays. Stays already planned in the period are kept (a guest is not turned away by a
 * maintenance plan) and returned, so the provider can move or cancel them deliberately.
 */
export async function closeUnit(db: Kysely<Database>, unitId: string, closure: NewClosure) {
  await requireUnit(db, unitId);
  return withTransaction(db, async (trx) => {
    await lockUnits(trx, [unitId]);
    const row = await insertUnitClosure(trx, {
      unitId,
      startsOn: closure.period.from,
      endsOn: closure.period.to,
      reason: closure.reason,
      note: closure.note,
    });
    const affectedStayIds = (await findBlockers(trx, unitId, closure.period, appClock().now()))
      .filter((blocker) => blocker.kind === 'stay')
      .map((blocker) => blocker.id);
    return {
      id: row.id,
      unitId: row.unit_id,
      startsOn: row.starts_on,
      endsOn: row.ends_on,
      reason: closure.reason,
      note: row.note,
      affectedStayIds,
    };
  });
}

/** closeUnit for a signed-in closer: a provider's planner only closes units of its own organisation. */
export async function closeUnitInScope(db: Kysely<Database>, scope: Scope, unitId: string, closure: NewClosure) {
  await assertUnitInScope(db, scope, unitId);
  return closeUnit(db, unitId, closure);
}

export async function deleteClosure(db: Kysely<Database>, scope: Scope, closureId: string): Promise<void> {
  await assertClosureInScope(db, scope, closureId);
  if (!(await deleteUnitClosure(db, closureId))) throw notFound('closure');
}
