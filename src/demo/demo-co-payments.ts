import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../data/schema.ts';
import { DEMO_REGIONS } from './pilot-regions.ts';

/**
 * Co-payment per night of a Wmo stay in the demo municipalities (and, below, their entitlements). The reports give no amounts, so these are
 * invented round figures (some municipalities charge nothing), from 2024 on.
 */
const CENTS_PER_NIGHT = [0, 1250, 1750] as const;

/**
 * Entitlements in the demo municipalities, also invented: every other municipality pays a Wmo crisis stay of at most
 * 14 nights and 28 respite nights a year; the others set no limit, so the demo shows both.
 */
const DEMO_ENTITLEMENT = { crisis_max_nights: 14, respite_nights_per_year: 28 } as const;

export async function seedDemoCoPayments(
  trx: Transaction<Database> | Kysely<Database>,
): Promise<{ co_payment_rule: number; municipality_entitlement: number }> {
  const municipalities = [...new Set(DEMO_REGIONS.flatMap((region) => region.municipalities))].sort();
  const rows = municipalities.map((municipality, index) => ({
    municipality,
    cents_per_night: CENTS_PER_NIGHT[index % CENTS_PER_NIGHT.length]!,
    valid_from: '2024-01-01',
    valid_until: null,
  }));
  await trx.insertInto('co_payment_rule').values(rows).execute();
  const entitlements = municipalities.filter((_, index) => index % 2 === 0).map((municipality) => ({ municipality, ...DEMO_ENTITLEMENT }));
  await trx.insertInto('municipality_entitlement').values(entitlements).execute();
  return { co_payment_rule: rows.length, municipality_entitlement: entitlements.length };
}
