import type { Kysely } from 'kysely';
import type { CoPaymentRule, TariffPeriod } from '../domain/costs.ts';
import type { Database } from './schema.ts';
import type { StayType } from '../domain/stay-types.ts';

/** What pricing a stay needs: its dates and type, the client's home area, and the tariffs of its location. */
export async function findStayForCosts(db: Kysely<Database>, stayId: string) {
  return db
    .selectFrom('stay as s')
    .innerJoin('capacity_unit as u', 'u.id', 's.unit_id')
    .innerJoin('location as l', 'l.id', 'u.location_id')
    .innerJoin('client as c', 'c.id', 's.client_id')
    .leftJoin('referral as r', 'r.id', 's.referral_id')
    .select([
      's.id',
      's.stay_type',
      's.arrival',
      's.departure',
      's.status',
      's.client_id',
      'u.location_id',
      'l.name as location_name',
      'c.name as client_name',
      'c.date_of_birth',
      'c.bsn',
      'c.pc4',
      'r.reference',
    ])
    .where('s.id', '=', stayId)
    .executeTakeFirst();
}

export type StayForCosts = NonNullable<Awaited<ReturnType<typeof findStayForCosts>>>;

/** Stays with a night in the month that were (or are) really used: booked, arrived or departed. */
export async function findStaysInMonth(db: Kysely<Database>, monthStart: string, nextMonthStart: string): Promise<string[]> {
  const rows = await db
    .selectFrom('stay')
    .select('id')
    .where('status', 'in', ['confirmed', 'arrived', 'departed'])
    .where('arrival', '<', nextMonthStart)
    .where('departure', '>', monthStart)
    .orderBy('arrival')
    .orderBy('id')
    .execute();
  return rows.map((row) => row.id);
}

export async function tariffsOf(db: Kysely<Database>, locationId: string, stayType: StayType): Promise<TariffPeriod[]> {
  const rows = await db
    .selectFrom('location_tariff')
    .select(['valid_from', 'valid_until', 'housing_cents', 'stay_cents', 'care_cents'])
    .where('location_id', '=', locationId)
    .where('stay_type', '=', stayType)
    .where('funding', '=', 'in_kind')
    .execute();
  return rows.map((row) => ({
    validFrom: row.valid_from,
    validUntil: row.valid_until,
    housingCents: row.housing_cents,
    stayCents: row.stay_cents,
    careCents: row.care_cents,
  }));
}

export async function coPaymentRulesOf(db: Kysely<Database>, municipality: string): Promise<CoPaymentRule[]> {
  const rows = await db
    .selectFrom('co_payment_rule')
    .select(['valid_from', 'valid_until', 'cents_per_night'])
    .where('municipality', '=', municipality)
    .execute();
  return rows.map((row) => ({ validFrom: row.valid_from, validUntil: row.valid_until, centsPerNight: row.cents_per_night }));
}
