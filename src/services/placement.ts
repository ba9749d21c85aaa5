import type { Kysely, Transaction } from 'kysely';
import { isActiveThroughout } from '../domain/availability.ts';
import { effectiveFeatures, missingFeatures } from '../domain/care-features.ts';
import type { DateRange } from '../domain/dates.ts';
import { unitTakesStayType } from '../domain/stay-types.ts';
import { type Blocker, expireHoldsById, findBlockers } from '../data/stay.repository.ts';
import type { UnitDetailRow } from '../data/registry.repository.ts';
import type { Database } from '../data/schema.ts';
import { appClock } from '../clock.ts';

/** Why a stay cannot be placed on a unit for a period; null when it can. */
export type PlacementProblem =
  | { code: 'stay_type_not_accepted' }
  | { code: 'unit_inactive' }
  | { code: 'unit_closed'; closureIds: string[] }
  | { code: 'stay_conflict'; stayIds: string[] }
  | { code: 'client_already_staying'; stayIds: string[] }
  | { code: 'unit_lacks_features'; missing: string[] };

/** What the unit itself allows, without looking at other stays: its stay types, its features, when it is open. */
export function unitRuleProblem(
  unit: Pick<UnitDetailRow, 'acceptedStayTypes' | 'reservedFor' | 'locationFeatures' | 'unitFeatures' | 'activeFrom' | 'activeUntil'>,
  stayType: string,
  period: DateRange,
  requiredFeatures: readonly string[],
): PlacementProblem | null {
  if (!unitTakesStayType(unit, stayType)) return { code: 'stay_type_not_accepted' };
  const missing = missingFeatures(effectiveFeatures(unit.locationFeatures, unit.unitFeatures), requiredFeatures);
  if (missing.length > 0) return { code: 'unit_lacks_features', missing };
  if (!isActiveThroughout(unit, period)) return { code: 'unit_inactive' };
  return null;
}

/**
 * The application-level check before a write. The exclusion constraint remains the final word: this check gives
 * the caller a precise reason, the constraint guarantees no overlap even if two writers pass the check at once.
 * `requiredFeatures` are what the guest needs (none when a coordinator overrode them); the trigger
 * stay_required_features checks them again.
 * With `expireLapsedHolds` (inside a write transaction) holds past their expiry are marked expired, so the
 * constraints no longer count them. The client's own stays are checked too (stay_client_no_overlap); a move or
 * date change passes its own stay as `excludeStayId`.
 */
export async function placementProblem(
  db: Kysely<Database> | Transaction<Database>,
  unit: UnitDetailRow,
  stayType: string,
  period: DateRange,
  options: { clientId: string; excludeStayId?: string; expireLapsedHolds?: boolean; requiredFeatures?: readonly string[] },
): Promise<PlacementProblem | null> {
  const ruleProblem = unitRuleProblem(unit, stayType, period, options.requiredFeatures ?? []);
  if (ruleProblem) return ruleProblem;
  const blockers = await findBlockers(db, unit.id, period, appClock().now(), options);
  const idsOf = (kind: Blocker['kind']) => blockers.filter((b) => b.kind === kind).map((b) => b.id);
  // The guest first: another room cannot help a client who is already staying somewhere those nights.
  if (idsOf('client_stay').length > 0) return { code: 'client_already_staying', stayIds: idsOf('client_stay') };
  if (idsOf('closure').length > 0) return { code: 'unit_closed', closureIds: idsOf('closure') };
  if (idsOf('stay').length > 0) return { code: 'stay_conflict', stayIds: idsOf('stay') };
  if (options.expireLapsedHolds) await expireHoldsById(db, [...idsOf('lapsed_hold'), ...idsOf('client_lapsed_hold')]);
  return null;
}
