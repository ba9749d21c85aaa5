import type { Kysely } from 'kysely';
import { findRegionName } from '../data/mkba.repository.ts';
import type { Database } from '../data/schema.ts';
import {
  type YearlyCostRow,
  endYearlyCost,
  findYearlyCostRegion,
  insertYearlyCost,
  listYearlyCosts,
  regionOfLocation,
} from '../data/yearly-cost.repository.ts';
import type { FixedCostKind } from '../domain/mkba/mkba.ts';
import { AppError, notFound } from '../errors.ts';

/**
 * What a region pays each year outside the night tariffs, as the administrator records it: staff, coordination of the
 * access point, and lump-sum contracts for a location's beds. The MKBA counts them (mkba.service.ts).
 */
export interface YearlyCostInput {
  kind: FixedCostKind;
  description: string;
  locationId: string | null;
  centsPerYear: number;
  shares: { municipality: number; insurer: number; careOffice: number };
  validFrom: string;
  validUntil: string | null;
}

const view = (row: YearlyCostRow) => ({
  id: row.id,
  regionId: row.regionId,
  kind: row.kind,
  description: row.description,
  locationId: row.locationId,
  locationName: row.locationName,
  centsPerYear: row.centsPerYear,
  shares: { municipality: row.municipalityPercent, insurer: row.insurerPercent, careOffice: row.careOfficePercent },
  validFrom: row.validFrom,
  validUntil: row.validUntil,
});

export async function yearlyCostsOf(db: Kysely<Database>, regionId: string) {
  if ((await findRegionName(db, regionId)) === undefined) throw notFound('region');
  return (await listYearlyCosts(db, regionId)).map(view);
}

export async function addYearlyCost(db: Kysely<Database>, regionId: string, input: YearlyCostInput) {
  if ((await findRegionName(db, regionId)) === undefined) throw notFound('region');
  if (input.locationId !== null) {
    // A contract pays for beds of this region: one elsewhere would take nights out of another region's costs.
    if ((await regionOfLocation(db, input.locationId)) !== regionId)
      throw new AppError('validation_failed', { fields: [{ field: 'locationId', code: 'unknown_location' }] });
  }
  const id = await insertYearlyCost(db, { regionId, ...input });
  return view((await listYearlyCosts(db, regionId, id))[0]!);
}

/** Ends a cost on a day (exclusive): the past stays as it was, so earlier years keep their figures. */
export async function endYearlyCostOn(db: Kysely<Database>, id: string, validUntil: string) {
  const found = await findYearlyCostRegion(db, id);
  if (!found) throw notFound('information');
  if (validUntil <= found.validFrom)
    throw new AppError('validation_failed', { fields: [{ field: 'validUntil', code: 'end_before_start' }] });
  await endYearlyCost(db, id, validUntil);
  return view((await listYearlyCosts(db, found.regionId, id))[0]!);
}
