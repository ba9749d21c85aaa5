import type { Kysely } from 'kysely';
import type { Database } from './schema.ts';

/** The registry's yearly costs of a region outside the tariffs: staff, coordination and lump-sum contracts. */
export type YearlyCostRow = Awaited<ReturnType<typeof listYearlyCosts>>[number];

export async function listYearlyCosts(db: Kysely<Database>, regionId: string, id?: string) {
  let query = db
    .selectFrom('region_yearly_cost as c')
    .leftJoin('location as l', 'l.id', 'c.location_id')
    .select([
      'c.id',
      'c.region_id as regionId',
      'c.kind',
      'c.description',
      'c.location_id as locationId',
      'l.name as locationName',
      'c.cents_per_year as centsPerYear',
      'c.municipality_percent as municipalityPercent',
      'c.insurer_percent as insurerPercent',
      'c.care_office_percent as careOfficePercent',
      'c.valid_from as validFrom',
      'c.valid_until as validUntil',
    ])
    .where('c.region_id', '=', regionId);
  if (id) query = query.where('c.id', '=', id);
  return query.orderBy('c.kind').orderBy('c.valid_from').orderBy('c.id').execute();
}

export async function findYearlyCostRegion(db: Kysely<Database>, id: string) {
  return await db
    .selectFrom('region_yearly_cost')
    .select(['region_id as regionId', 'valid_from as validFrom'])
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function insertYearlyCost(
  db: Kysely<Database>,
  cost: {
    regionId: string;
    kind: 'staff' | 'coordination' | 'availability_contract';
    description: string;
    locationId: string | null;
    centsPerYear: number;
    shares: { municipality: number; insurer: number; careOffice: number };
    validFrom: string;
    validUntil: string | null;
  },
): Promise<string> {
  const row = await db
    .insertInto('region_yearly_cost')
    .values({
      region_id: cost.regionId,
      kind: cost.kind,
      description: cost.description,
      location_id: cost.locationId,
      cents_per_year: cost.centsPerYear,
      municipality_percent: cost.shares.municipality,
      insurer_percent: cost.shares.insurer,
      care_office_percent: cost.shares.careOffice,
      valid_from: cost.validFrom,
      valid_until: cost.validUntil,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function endYearlyCost(db: Kysely<Database>, id: string, validUntil: string) {
  await db.updateTable('region_yearly_cost').set({ valid_until: validUntil }).where('id', '=', id).execute();
}

export async function regionOfLocation(db: Kysely<Database>, locationId: string): Promise<string | undefined> {
  return (await db.selectFrom('location').select('region_id').where('id', '=', locationId).executeTakeFirst())?.region_id;
}
