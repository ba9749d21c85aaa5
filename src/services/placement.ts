import type { Kysely, Transaction } from 'kysely';
import { isActiveThroughout } from '../domain/availability.ts';
import type { DateRange } from '../domain/dates.ts';
import { findOverlappingClosureIds, findOverlappingStayIds } from '../data/stay.repository.ts';
import type { UnitDetailRow } from '../data/registry.repository.ts';
import type { Database } from '../data/schema.ts';

/** Why a stay cannot be placed on a unit for a period; null when it can. */
export type PlacementProblem =
  | { code: 'stay_type_not_accepted' }
  | { code: 'unit_inactive' }
  | { code: 'unit_closed'; closureIds: string[] }
  | { code: 'stay_conflict'; stayIds: string[] };

export function unitTakesStayType(unit: Pick<UnitDetailRow, 'acceptedStayTypes' | 'reservedFor'>, stayType: string) {
  return unit.acceptedStayTypes.includes(stayType) && (unit.reservedFor === null || unit.reservedFor === stayType);
}

/**
 * The application-level check before a write. The exclusion constraint remains the final word: this check gives
 * the caller a precise reason, the constraint guarantees no overlap even if two writers pass the check at once.
 */
export async function placementProblem(
  trx: Kysely<Database> | Transaction<Database>,
  unit: UnitDetailRow,
  stayType: string,
  period: DateRange,
  excludeStayId?: string,
): Promise<PlacementProblem | null> {
  if (!unitTakesStayType(unit, stayType)) return { code: 'stay_type_not_accepted' };
  if (!isActiveThroughout(unit, period)) return { code: 'unit_inactive' };
  const closureIds = await findOverlappingClosureIds(trx, unit.id, period.from, period.to);
  if (closureIds.length > 0) return { code: 'unit_closed', closureIds };
  const stayIds = await findOverlappingStayIds(trx, unit.id, period.from, period.to, excludeStayId);
  if (stayIds.length > 0) return { code: 'stay_conflict', stayIds };
  return null;
}
