import { type Kysely, sql } from 'kysely';
import type { IsoDate } from '../domain/dates.ts';
import type { Database } from './schema.ts';

/** Tours and trial stays at a location: appointments for a referral, not stays, so they hold no bed. */

/** A Dutch wall-clock time on a date as an instant, whatever the server's time zone (summer and winter time alike). */
const dutchInstant = (date: IsoDate, time: string) => sql<Date>`((${date}::date + ${time}::time) AT TIME ZONE 'Europe/Amsterdam')`;

/** The location an appointment is planned at: its organisation's planners hear of it, the caregiver gets its address. */
export async function findAppointmentLocation(db: Kysely<Database>, locationId: string) {
  return db
    .selectFrom('location')
    .select(['id', 'name', 'organisation_id', 'street', 'house_number', 'city'])
    .where('id', '=', locationId)
    .executeTakeFirst();
}

/** A planned appointment on a day from one local (Dutch) clock time until another. */
export async function insertAppointment(
  trx: Kysely<Database>,
  appointment: {
    referralId: string;
    locationId: string;
    kind: 'tour' | 'trial_stay';
    date: IsoDate;
    from: string;
    until: string;
    note: string | null;
  },
) {
  return trx
    .insertInto('appointment')
    .values({
      referral_id: appointment.referralId,
      location_id: appointment.locationId,
      kind: appointment.kind,
      starts_at: dutchInstant(appointment.date, appointment.from),
      ends_at: dutchInstant(appointment.date, appointment.until),
      note: appointment.note,
    })
    .returning(['id', 'starts_at', 'ends_at'])
    .executeTakeFirstOrThrow();
}

/** A referral's appointments with their location's name, earliest first. */
export async function listAppointmentsOfReferral(db: Kysely<Database>, referralId: string) {
  return db
    .selectFrom('appointment as a')
    .innerJoin('location as l', 'l.id', 'a.location_id')
    .select(['a.id', 'a.kind', 'a.location_id as locationId', 'l.name as locationName', 'a.starts_at', 'a.ends_at', 'a.status', 'a.note'])
    .where('a.referral_id', '=', referralId)
    .orderBy('a.starts_at')
    .execute();
}

/** Cancels a planned appointment; the referral it was for, or undefined when there is no such planned appointment. */
export async function cancelPlannedAppointment(trx: Kysely<Database>, appointmentId: string): Promise<string | undefined> {
  const row = await trx
    .updateTable('appointment')
    .set({ status: 'cancelled' })
    .where('id', '=', appointmentId)
    .where('status', '=', 'planned')
    .returning('referral_id')
    .executeTakeFirst();
  return row?.referral_id;
}

export async function hasPlannedAppointment(trx: Kysely<Database>, referralId: string): Promise<boolean> {
  const left = await trx
    .selectFrom('appointment')
    .select('id')
    .where('referral_id', '=', referralId)
    .where('status', '=', 'planned')
    .executeTakeFirst();
  return left !== undefined;
}

/**
 * The planned appointments on a (Dutch) day, at one organisation's locations or at all, with the client and the
 * caregiver to expect.
 */
export async function plannedAppointmentsOnDay(db: Kysely<Database>, date: IsoDate, organisationId: string | undefined) {
  let query = db
    .selectFrom('appointment as a')
    .innerJoin('location as l', 'l.id', 'a.location_id')
    .innerJoin('referral as r', 'r.id', 'a.referral_id')
    .innerJoin('client as c', 'c.id', 'r.client_id')
    .select([
      'a.id',
      'a.kind',
      'l.id as locationId',
      'l.name as locationName',
      'a.starts_at',
      'a.ends_at',
      'a.note',
      'r.reference',
      'r.client_id as clientId',
      'c.name as clientName',
      'r.caregiver_name as caregiverName',
      'r.caregiver_phone as caregiverPhone',
    ])
    .where('a.status', '=', 'planned')
    .where(sql<boolean>`(a.starts_at AT TIME ZONE 'Europe/Amsterdam')::date = ${date}::date`);
  if (organisationId !== undefined) query = query.where('l.organisation_id', '=', organisationId);
  return query.orderBy('a.starts_at').execute();
}
