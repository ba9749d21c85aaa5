import { type Kysely, type Transaction, sql } from 'kysely';
import type { ClosureKind, ClosureReason } from '../domain/provider/closures.ts';
import type { Database } from './schema.ts';

/** The provider's workspace: its locations with units, closures and tariffs, the day's movements, a guest's handover. */

export async function organisationOfLocation(db: Kysely<Database>, locationId: string): Promise<string | undefined> {
  const row = await db.selectFrom('location').select('organisation_id').where('id', '=', locationId).executeTakeFirst();
  return row?.organisation_id;
}

export async function unitsOfLocations(db: Kysely<Database>, locationIds: readonly string[]) {
  if (locationIds.length === 0) return [];
  return db
    .selectFrom('capacity_unit')
    .select([
      'id',
      'location_id as locationId',
      'name',
      'kind',
      'accepted_stay_types as acceptedStayTypes',
      'reserved_for as reservedFor',
      'features',
      'active_from as activeFrom',
      'active_until as activeUntil',
    ])
    .where('location_id', 'in', [...locationIds])
    .orderBy('name')
    .orderBy('id')
    .execute();
}

/** Closures that still matter: not yet over on `today`. */
export async function openClosuresOfLocations(db: Kysely<Database>, locationIds: readonly string[], today: string) {
  if (locationIds.length === 0) return [];
  return db
    .selectFrom('unit_closure as c')
    .innerJoin('capacity_unit as u', 'u.id', 'c.unit_id')
    .select([
      'c.id',
      'c.unit_id as unitId',
      'u.location_id as locationId',
      'c.starts_on as startsOn',
      'c.ends_on as endsOn',
      'c.kind',
      'c.reason',
      'c.note',
      'c.created_at as createdAt',
    ])
    .where('u.location_id', 'in', [...locationIds])
    .where('c.ends_on', '>', today)
    .orderBy('c.starts_on')
    .orderBy('c.id')
    .execute();
}

/** Tariffs valid on `today` or later; the history stays with the claims. */
export async function currentTariffsOfLocations(db: Kysely<Database>, locationIds: readonly string[], today: string) {
  if (locationIds.length === 0) return [];
  return db
    .selectFrom('location_tariff')
    .select([
      'location_id as locationId',
      'stay_type as stayType',
      'funding',
      'housing_cents as housingCents',
      'stay_cents as stayCents',
      'care_cents as careCents',
      'valid_from as validFrom',
      'valid_until as validUntil',
    ])
    .where('location_id', 'in', [...locationIds])
    .where((eb) => eb.or([eb('valid_until', 'is', null), eb('valid_until', '>', today)]))
    .orderBy('stay_type')
    .orderBy('funding')
    .orderBy('valid_from')
    .execute();
}

/** Stays arriving or leaving on a date at these locations, with the guest's name (the desk receives the guest). */
export async function staysMovingOn(db: Kysely<Database>, date: string, locationIds: readonly string[]) {
  if (locationIds.length === 0) return [];
  return db
    .selectFrom('stay as s')
    .innerJoin('capacity_unit as u', 'u.id', 's.unit_id')
    .innerJoin('location as l', 'l.id', 'u.location_id')
    .innerJoin('client as c', 'c.id', 's.client_id')
    .select([
      's.id as stayId',
      's.client_id as clientId',
      'c.name as clientName',
      's.stay_type as stayType',
      's.arrival',
      's.departure',
      's.status',
      'u.id as unitId',
      'u.name as unitName',
      'l.id as locationId',
      'l.name as locationName',
    ])
    .where('l.id', 'in', [...locationIds])
    .where((eb) => eb.or([eb('s.arrival', '=', date), eb('s.departure', '=', date)]))
    .execute();
}

/** A stay with its guest, place and the referral it came from: the facts of a handover. */
export async function findHandoverFacts(db: Kysely<Database>, stayId: string) {
  return db
    .selectFrom('stay as s')
    .innerJoin('capacity_unit as u', 'u.id', 's.unit_id')
    .innerJoin('location as l', 'l.id', 'u.location_id')
    .innerJoin('client as c', 'c.id', 's.client_id')
    .leftJoin('referral as r', 'r.id', 's.referral_id')
    .select([
      's.id',
      's.client_id as clientId',
      's.stay_type as stayType',
      's.arrival',
      's.departure',
      's.status',
      'c.name as clientName',
      'c.date_of_birth as dateOfBirth',
      'u.id as unitId',
      'u.name as unitName',
      'u.features as unitFeatures',
      'l.id as locationId',
      'l.name as locationName',
      'l.features as locationFeatures',
      'r.id as referralId',
      'r.reference',
      'r.kind as referralKind',
      'r.caregiver_name as caregiverName',
      'r.caregiver_relation as caregiverRelation',
      'r.caregiver_phone as caregiverPhone',
      'r.caregiver_email as caregiverEmail',
      'r.provider_note as providerNote',
    ])
    .where('s.id', '=', stayId)
    .executeTakeFirst();
}

/** Places held for a referral at the given locations that are still open for an answer, earliest arrival first. */
export async function heldPlacements(db: Kysely<Database>, locationIds: readonly string[], now: Date) {
  if (locationIds.length === 0) return [];
  return db
    .selectFrom('stay as s')
    .innerJoin('capacity_unit as u', 'u.id', 's.unit_id')
    .innerJoin('location as l', 'l.id', 'u.location_id')
    .innerJoin('client as c', 'c.id', 's.client_id')
    .innerJoin('referral as r', 'r.id', 's.referral_id')
    .select([
      's.id as stayId',
      'r.reference',
      's.client_id as clientId',
      'c.name as clientName',
      's.stay_type as stayType',
      's.arrival',
      's.departure',
      's.hold_expires_at as answerBefore',
      'u.name as unitName',
      'l.name as locationName',
    ])
    .where('l.id', 'in', [...locationIds])
    .where('s.status', '=', 'hold')
    .where('s.hold_expires_at', '>', now)
    .orderBy('s.arrival')
    .orderBy('s.id')
    .execute();
}

export async function insertClosures(
  trx: Transaction<Database>,
  closures: readonly { unitId: string; startsOn: string; endsOn: string; kind: ClosureKind; reason: ClosureReason; note: string }[],
) {
  return trx
    .insertInto('unit_closure')
    .values(
      closures.map((c) => ({ unit_id: c.unitId, starts_on: c.startsOn, ends_on: c.endsOn, kind: c.kind, reason: c.reason, note: c.note })),
    )
    .returning(['id', 'unit_id as unitId', 'starts_on as startsOn', 'ends_on as endsOn', 'kind', 'reason', 'note'])
    .execute();
}

/** Stays that occupy one of the units during the period: a closure keeps them, the provider decides about them. */
export async function occupyingStays(trx: Kysely<Database>, unitIds: readonly string[], period: { from: string; to: string }) {
  if (unitIds.length === 0) return [];
  return trx
    .selectFrom('stay')
    .select(['id', 'unit_id as unitId'])
    .where('unit_id', 'in', [...unitIds])
    .where('status', 'in', ['hold', 'confirmed', 'arrived'])
    .where(sql<boolean>`period && daterange(${period.from}::date, ${period.to}::date, '[)')`)
    .orderBy('arrival')
    .orderBy('id')
    .execute();
}

/** The stays a closure would meet, with who and where: what the planner is asked about before closing. */
export async function occupyingStayDetails(db: Kysely<Database>, unitIds: readonly string[], period: { from: string; to: string }) {
  if (unitIds.length === 0) return [];
  return db
    .selectFrom('stay as s')
    .innerJoin('client as c', 'c.id', 's.client_id')
    .innerJoin('capacity_unit as u', 'u.id', 's.unit_id')
    .leftJoin('referral as r', 'r.id', 's.referral_id')
    .select([
      's.id as stayId',
      's.unit_id as unitId',
      's.client_id as clientId',
      's.stay_type as stayType',
      'c.name as guestName',
      'u.name as unitName',
      's.arrival',
      's.departure',
      's.status',
      's.referral_id as referralId',
      'r.reference',
      's.required_features as requiredFeatures',
    ])
    .where('s.unit_id', 'in', [...unitIds])
    .where('s.status', 'in', ['hold', 'confirmed', 'arrived'])
    .where(sql<boolean>`s.period && daterange(${period.from}::date, ${period.to}::date, '[)')`)
    .orderBy('s.arrival')
    .orderBy('s.id')
    .execute();
}

/** Of these closures, the ones on units of the location, locked until the transaction ends. */
export async function closuresAtLocation(trx: Transaction<Database>, closureIds: readonly string[], locationId: string) {
  if (closureIds.length === 0) return [];
  return trx
    .selectFrom('unit_closure as c')
    .innerJoin('capacity_unit as u', 'u.id', 'c.unit_id')
    .select(['c.id', 'c.unit_id as unitId', 'c.kind', 'c.starts_on as startsOn'])
    .where('c.id', 'in', [...closureIds])
    .where('u.location_id', '=', locationId)
    .forUpdate('c')
    .execute();
}

export async function deleteClosures(trx: Transaction<Database>, closureIds: readonly string[]): Promise<void> {
  if (closureIds.length > 0)
    await trx
      .deleteFrom('unit_closure')
      .where('id', 'in', [...closureIds])
      .execute();
}

export async function setClosuresEnd(trx: Transaction<Database>, closureIds: readonly string[], endsOn: string): Promise<void> {
  if (closureIds.length > 0)
    await trx
      .updateTable('unit_closure')
      .set({ ends_on: endsOn })
      .where('id', 'in', [...closureIds])
      .execute();
}

/** Stays with their place and referral: what the central point is told of guests left booked in a closed period. */
export async function strandedStays(db: Kysely<Database>, stayIds: readonly string[]) {
  return db
    .selectFrom('stay as s')
    .innerJoin('capacity_unit as u', 'u.id', 's.unit_id')
    .innerJoin('location as l', 'l.id', 'u.location_id')
    .leftJoin('referral as r', 'r.id', 's.referral_id')
    .select([
      's.id',
      's.arrival',
      's.departure',
      's.referral_id as referralId',
      'r.reference',
      'u.name as unitName',
      'l.name as locationName',
    ])
    .where('s.id', 'in', [...stayIds])
    .execute();
}
