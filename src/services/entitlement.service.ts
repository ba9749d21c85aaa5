import type { Kysely } from 'kysely';
import { entitlementOf, listEntitlements, placedStaysOfClient, saveEntitlement } from '../data/entitlement.repository.ts';
import { pc4Area, knownMunicipalities } from '../data/pc4-table.ts';
import type { Database } from '../data/schema.ts';
import { withTransaction } from '../data/change-author.ts';
import type { DateRange } from '../domain/dates.ts';
import { type Entitlement, type EntitlementWarning, entitlementWarnings } from '../domain/stay-limits.ts';
import { AppError } from '../errors.ts';

export { listEntitlements };

/** An administrator sets a municipality's entitlements; the municipality must be one of the PC4 table's. */
export async function setEntitlement(db: Kysely<Database>, entitlement: Entitlement): Promise<Entitlement> {
  if (!knownMunicipalities().has(entitlement.municipality)) {
    throw new AppError('validation_failed', { fields: [{ field: 'municipality', code: 'not_a_municipality' }] });
  }
  return withTransaction(db, (trx) => saveEntitlement(trx, entitlement));
}

/**
 * What to warn about before booking this stay type for this client and period: the rules of the municipality the
 * client lives in (by the PC4 of their home), against the client's other stays. No home postcode, no rule: no warning.
 */
export async function warningsBeforeBooking(
  db: Kysely<Database>,
  client: { id: string; pc4: string | null },
  stayType: string,
  period: DateRange,
): Promise<EntitlementWarning[]> {
  const municipality = client.pc4 ? pc4Area(client.pc4)?.municipality : undefined;
  if (!municipality) return [];
  const entitlement = await entitlementOf(db, municipality);
  if (!entitlement) return [];
  const others = (await placedStaysOfClient(db, client.id)).map((stay) => ({
    stayType: stay.stayType,
    period: { from: stay.arrival, to: stay.departure },
  }));
  return entitlementWarnings(entitlement, { stayType, period }, others);
}
