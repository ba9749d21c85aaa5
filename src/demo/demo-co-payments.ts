import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../data/schema.ts';
import { DEMO_REGIONS } from './pilot-regions.ts';

/**
 * Co-payment per night of a Wmo stay in the demo municipalities. The reports give no amounts, so these are
 * invented round figures (some municipalities charge nothing), from 2024 on.
 */
const CENTS_PER_NIGHT = [0, 1250, 1750] as const;

export async function seedDemoCoPayments(trx: Transaction<Database> | Kysely<Database>): Promise<{ co_payment_rule: number }> {
  const municipalities = [...new Set(DEMO_REGIONS.flatMap((region) => region.municipalities))].sort();
  const rows = municipalities.map((municipality, index) => ({
    municipality,
    cents_per_night: CENTS_PER_NIGHT[index % CENTS_PER_NIGHT.length]!,
    valid_from: '2024-01-01',
    valid_until: null,
  }));
  await trx.insertInto('co_payment_rule').values(rows).execute();
  return { co_payment_rule: rows.length };
}
