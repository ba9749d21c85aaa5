import { type Insertable, type Kysely, sql, type Transaction } from 'kysely';
import { pc4AreasOfMunicipalities } from '../data/pc4-table.ts';
import type { Database } from '../data/schema.ts';
import type { IsoDate } from '../domain/dates.ts';
import { seedDemoAccounts } from './demo-accounts.ts';
import { seedDemoCoPayments } from './demo-co-payments.ts';
import { seedDemoSupportInfo } from './demo-support-info.ts';
import { seedDemoReferrals } from './demo-referrals.ts';
import { generateYear } from './generate-year.ts';
import { DEMO_REGIONS } from './pilot-regions.ts';

export interface SeedDemoResult {
  /** False when the database already had a registry; then nothing was written. */
  readonly inserted: boolean;
  /** Rows inserted per table; empty when nothing was inserted. */
  readonly counts: Record<string, number>;
}

// Far below PostgreSQL's 65,535 bind parameters per statement, and few enough statements to keep PGlite quick.
const BATCH_SIZE = 500;
// Any constant: it only has to be the same for every process that seeds.
const SEED_LOCK_KEY = 72_616_375;

/**
 * Fills an empty database with the demo registry and one year of clients and stays around `today`, in one
 * transaction. A database that already has regions is left alone, so this is safe to run at every start.
 */
export async function seedDemo(db: Kysely<Database>, options: { today: IsoDate; seed?: number }): Promise<SeedDemoResult> {
  return db.transaction().execute(async (trx) => {
    // Two servers starting at once on one database: the second waits here, then finds the regions.
    await sql`SELECT pg_advisory_xact_lock(${SEED_LOCK_KEY})`.execute(trx);
    if (await trx.selectFrom('region').select('id').limit(1).executeTakeFirst()) return { inserted: false, counts: {} };
    // A year of history loaded at once: the stay trigger of 0023 writes no notices for it.
    await sql`SELECT set_config('adempauze.bulk_load', 'on', true)`.execute(trx);
    const year = generateYear({
      today: options.today,
      seed: options.seed,
      areas: pc4AreasOfMunicipalities(DEMO_REGIONS.flatMap((region) => region.municipalities)),
    });
    // What the generated year fills, in the order of the foreign keys; accounts and co-payments are added below, the
    // other tables fill up as people work.
    const tables = {
      region: year.regions,
      region_postcode: year.regionPostcodes,
      region_neighbour: year.regionNeighbours,
      organisation: year.organisations,
      location: year.locations,
      capacity_unit: year.units,
      location_tariff: year.tariffs,
      region_yearly_cost: year.yearlyCosts,
      unit_closure: year.closures,
      client: year.clients,
      stay_series: year.series,
      stay: year.stays,
    } satisfies { [T in keyof Database]?: readonly Insertable<Database[T]>[] };
    const counts: Record<string, number> = {};
    for (const [table, rows] of Object.entries(tables)) {
      await insertInBatches(trx, table as keyof Database, rows);
      counts[table] = rows.length;
    }
    // The demo's access point; a real one sets its own on /beheer (PUT /api/admin/access-point).
    await trx
      .updateTable('access_point_contact')
      .set({ phone: '0186 - 123 456', email: 'aanmeldpunt@adempauze.example', hours: 'maandag tot en met vrijdag van 8.30 tot 17.00 uur' })
      .execute();
    for (const extra of [
      await seedDemoAccounts(trx),
      await seedDemoCoPayments(trx),
      await seedDemoSupportInfo(trx),
      await seedDemoReferrals(trx, year),
    ]) {
      for (const [table, inserted] of Object.entries(extra)) counts[table] = (counts[table] ?? 0) + inserted;
    }
    return { inserted: true, counts };
  });
}

async function insertInBatches(trx: Transaction<Database>, table: keyof Database, rows: readonly object[]): Promise<void> {
  for (let start = 0; start < rows.length; start += BATCH_SIZE) {
    // The rows were checked against the table's type above; Kysely cannot follow a table chosen at run time.
    await trx
      .insertInto(table)
      .values(rows.slice(start, start + BATCH_SIZE) as never)
      .execute();
  }
}
