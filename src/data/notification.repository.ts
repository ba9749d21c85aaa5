import { type Insertable, type Kysely, sql } from 'kysely';
import type { Database, NotificationTable } from './schema.ts';

export type NewNotification = Insertable<NotificationTable>;

export async function insertNotifications(db: Kysely<Database>, notifications: readonly NewNotification[]): Promise<void> {
  if (notifications.length === 0) return;
  await db
    .insertInto('notification')
    .values([...notifications])
    .execute();
}

/** A person's own notifications and those for everyone with their role (the central point's inbox). */
/** A person's notifications, with the referral's client and sending organisation for naming the client to those allowed. */
export async function notificationsFor(db: Kysely<Database>, userId: string, role: string, limit: number) {
  return db
    .selectFrom('notification as n')
    .leftJoin('referral as r', 'r.id', 'n.referral_id')
    .leftJoin('client as c', 'c.id', 'r.client_id')
    .selectAll('n')
    .select(['r.client_id', 'c.name as client_name', 'r.referrer_organisation_id', 'r.reference'])
    .where((eb) => eb.or([eb('n.user_id', '=', userId), eb('n.role', '=', role)]))
    .orderBy('n.created_at', 'desc')
    .limit(limit)
    .execute();
}

export async function markNotificationRead(db: Kysely<Database>, id: string, userId: string, role: string): Promise<boolean> {
  const result = await db
    .updateTable('notification')
    .set({ read_at: sql<Date>`app_now()` })
    .where('id', '=', id)
    .where((eb) => eb.or([eb('user_id', '=', userId), eb('role', '=', role)]))
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Who to tell about a referral: its reference and the account of the person who referred. */
export async function referralRecipients(db: Kysely<Database>, referralIds: readonly string[]) {
  if (referralIds.length === 0) return new Map<string, ReferralRecipient>();
  const rows = await db
    .selectFrom('referral as r')
    .leftJoin('app_user as u', 'u.id', 'r.referrer_user_id')
    .select(['r.id', 'r.reference', 'r.referrer_user_id as userId', 'u.email', 'u.role', 'u.disabled'])
    .where('r.id', 'in', [...new Set(referralIds)])
    .execute();
  return new Map(rows.map((row) => [row.id, row as ReferralRecipient]));
}

export interface ReferralRecipient {
  id: string;
  reference: string;
  userId: string | null;
  email: string | null;
  role: string | null;
  disabled: boolean | null;
}

/** Unit, location and organisation of units, for texts that name the place. */
export async function unitPlaces(db: Kysely<Database>, unitIds: readonly string[]) {
  if (unitIds.length === 0) return new Map<string, UnitPlace>();
  const rows = await db
    .selectFrom('capacity_unit as u')
    .innerJoin('location as l', 'l.id', 'u.location_id')
    .select(['u.id', 'u.name as unitName', 'l.id as locationId', 'l.name as locationName', 'l.organisation_id as organisationId'])
    .where('u.id', 'in', [...new Set(unitIds)])
    .execute();
  return new Map(rows.map((row) => [row.id, row]));
}

export interface UnitPlace {
  id: string;
  unitName: string;
  locationId: string;
  locationName: string;
  organisationId: string;
}

/** The accounts that plan at an organisation's locations and can still sign in. */
/** The active planners of each organisation, in one round trip (an organisation without any maps to []). */
export async function plannersOf(db: Kysely<Database>, organisationIds: readonly string[]) {
  const planners = new Map<string, { id: string; email: string | null }[]>(organisationIds.map((id) => [id, []]));
  if (organisationIds.length === 0) return planners;
  const rows = await db
    .selectFrom('app_user')
    .select(['id', 'email', 'organisation_id as organisationId'])
    .where('role', '=', 'provider_planner')
    .where('organisation_id', 'in', [...new Set(organisationIds)])
    .where('disabled', '=', false)
    .orderBy('email')
    .execute();
  for (const row of rows) planners.get(row.organisationId!)?.push({ id: row.id, email: row.email });
  return planners;
}

/**
 * Claims the day-before reminder of every booked stay arriving on `arrival` that has not had one for that date.
 * The primary key of stay_reminder is the claim: of two processes running this at once, the second waits for the
 * first's transaction and then finds the rows taken, so each stay is reminded once.
 */
export async function claimArrivalReminders(db: Kysely<Database>, arrival: string) {
  const claimed = await db
    .insertInto('stay_reminder')
    .columns(['stay_id', 'arrival'])
    .expression((eb) => eb.selectFrom('stay').select(['id', 'arrival']).where('status', '=', 'confirmed').where('arrival', '=', arrival))
    .onConflict((conflict) => conflict.columns(['stay_id', 'arrival']).doNothing())
    .returning('stay_id')
    .execute();
  if (claimed.length === 0) return [];
  return db
    .selectFrom('stay as s')
    .leftJoin('referral as r', 'r.id', 's.referral_id')
    .select(['s.id', 's.unit_id as unitId', 's.arrival', 's.departure', 's.referral_id as referralId', 'r.reference'])
    .where(
      's.id',
      'in',
      claimed.map((row) => row.stay_id),
    )
    .orderBy('s.id')
    .execute();
}
