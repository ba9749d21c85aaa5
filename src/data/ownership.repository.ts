import type { Kysely } from 'kysely';
import type { Database } from './schema.ts';

/** Which organisation runs the location a record belongs to: the basis of organisation scoping. */
export async function organisationOfStay(db: Kysely<Database>, stayId: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('stay')
    .innerJoin('capacity_unit', 'capacity_unit.id', 'stay.unit_id')
    .innerJoin('location', 'location.id', 'capacity_unit.location_id')
    .select('location.organisation_id')
    .where('stay.id', '=', stayId)
    .executeTakeFirst();
  return row?.organisation_id;
}

export async function organisationOfUnit(db: Kysely<Database>, unitId: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('capacity_unit')
    .innerJoin('location', 'location.id', 'capacity_unit.location_id')
    .select('location.organisation_id')
    .where('capacity_unit.id', '=', unitId)
    .executeTakeFirst();
  return row?.organisation_id;
}

export async function organisationOfClosure(db: Kysely<Database>, closureId: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('unit_closure')
    .innerJoin('capacity_unit', 'capacity_unit.id', 'unit_closure.unit_id')
    .innerJoin('location', 'location.id', 'capacity_unit.location_id')
    .select('location.organisation_id')
    .where('unit_closure.id', '=', closureId)
    .executeTakeFirst();
  return row?.organisation_id;
}

/** The organisation that referred the guest of a stay (a GP practice, a hospital), if the stay came from a referral. */
export async function clientOfStay(db: Kysely<Database>, stayId: string): Promise<string | undefined> {
  return (await db.selectFrom('stay').select('client_id').where('id', '=', stayId).executeTakeFirst())?.client_id;
}

export async function clientOfReferral(db: Kysely<Database>, referralId: string): Promise<string | undefined> {
  return (await db.selectFrom('referral').select('client_id').where('id', '=', referralId).executeTakeFirst())?.client_id;
}

export async function referringOrganisationOfStay(db: Kysely<Database>, stayId: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('stay')
    .innerJoin('referral', 'referral.id', 'stay.referral_id')
    .select('referral.referrer_organisation_id')
    .where('stay.id', '=', stayId)
    .executeTakeFirst();
  return row?.referrer_organisation_id ?? undefined;
}

export async function organisationOfLocation(db: Kysely<Database>, locationId: string): Promise<string | undefined> {
  const row = await db.selectFrom('location').select('organisation_id').where('id', '=', locationId).executeTakeFirst();
  return row?.organisation_id;
}
