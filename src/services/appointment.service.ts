import type { Kysely } from 'kysely';
import {
  cancelPlannedAppointment,
  findAppointmentLocation,
  hasPlannedAppointment,
  insertAppointment,
  listAppointmentsOfReferral,
  plannedAppointmentsOnDay,
} from '../data/appointment.repository.ts';
import { withTransaction } from '../data/change-author.ts';
import { insertNotifications, plannersOf } from '../data/notification.repository.ts';
import { findReferral, moveReferral } from '../data/referral.repository.ts';
import type { Database } from '../data/schema.ts';
import type { IsoDate } from '../domain/dates.ts';
import { APPOINTMENT_KINDS, type AppointmentKind } from '../domain/appointments.ts';
import { mayMove } from '../domain/referral-lifecycle.ts';
import { AppError, notFound, outOfScope } from '../errors.ts';
import { type NoticeSettings, dutchDate } from './notification.service.ts';
import { type Scope, inScope } from './scope.ts';
import { appClock } from '../clock.ts';

export interface NewAppointment {
  locationId: string;
  date: IsoDate;
  /** Local (Dutch) clock times, "HH:MM". */
  from: string;
  until: string;
  note?: string;
}

const KIND_NL: Record<AppointmentKind, string> = { tour: 'Rondleiding', trial_stay: 'Proeflogeren' };

/**
 * The central point plans a tour or a trial stay for such a request at a location: the referral is then booked, the
 * provider's planners hear of it at once, and a caregiver who gave an e-mail address gets the appointment by mail.
 */
export async function planAppointment(db: Kysely<Database>, referralId: string, request: NewAppointment, notices?: NoticeSettings) {
  const referral = await findReferral(db, referralId);
  if (!referral) throw notFound('referral');
  if (!(APPOINTMENT_KINDS as readonly string[]).includes(referral.kind)) {
    throw new AppError('validation_failed', { fields: [{ field: 'referral', code: 'not_an_appointment' }] });
  }
  if (!mayMove('plan_appointment', referral.status)) {
    throw new AppError('referral_not_changeable', { params: { action: 'change', reason: 'closed', status: referral.status } });
  }
  const fields = [
    ...(request.date < appClock().today() ? [{ field: 'date', code: 'date_in_past' }] : []),
    ...(request.until <= request.from ? [{ field: 'until', code: 'until_before_from' }] : []),
  ];
  if (fields.length > 0) throw new AppError('validation_failed', { fields });
  const location = await findAppointmentLocation(db, request.locationId);
  if (!location) throw new AppError('validation_failed', { fields: [{ field: 'locationId', code: 'unknown_location' }] });

  const kind = referral.kind as AppointmentKind;
  const appointment = await withTransaction(db, async (trx) => {
    const row = await insertAppointment(trx, {
      referralId,
      locationId: location.id,
      kind,
      date: request.date,
      from: request.from,
      until: request.until,
      note: request.note ?? null,
    });
    await moveReferral(trx, referralId, 'plan_appointment');
    return row;
  });

  const when = `${dutchDate(request.date)}, ${request.from} tot ${request.until}`;
  const planners = (await plannersOf(db, [location.organisation_id])).get(location.organisation_id)!;
  await insertNotifications(
    db,
    planners.map((planner) => ({
      user_id: planner.id,
      kind: 'booking' as const,
      referral_id: referralId,
      stay_id: null,
      title: `${KIND_NL[kind]} gepland: ${location.name}`,
      body: `${KIND_NL[kind]} (aanmelding ${referral.reference}) in ${location.name} op ${when}.${request.note ? ` ${request.note}` : ''}`,
    })),
  );
  if (notices && referral.caregiver_email) {
    try {
      await notices.mailer.send({
        to: referral.caregiver_email,
        subject: `${KIND_NL[kind]} in ${location.name}`,
        text:
          `Beste ${referral.caregiver_name ?? 'mantelzorger'},\n\nDe afspraak voor ${KIND_NL[kind].toLowerCase()} staat vast: ${when}, ` +
          `in ${location.name}, ${location.street} ${location.house_number}, ${location.city}. Uw kenmerk is ${referral.reference}.\n\n` +
          'Kunt u niet? Bel of mail het centrale aanmeldpunt.\n\nMet vriendelijke groet,\nHet centrale aanmeldpunt\n',
      });
    } catch (error) {
      // The appointment stands; the central point sees it on the referral and can call.
      console.error(`The appointment mail for ${referral.reference} could not be sent:`, error);
    }
  }
  return {
    id: appointment.id,
    kind,
    locationId: location.id,
    locationName: location.name,
    startsAt: appointment.starts_at.toISOString(),
    endsAt: appointment.ends_at.toISOString(),
    status: 'planned' as const,
    note: request.note ?? null,
  };
}

/** A referral's appointments, earliest first. */
export async function appointmentsOfReferral(db: Kysely<Database>, scope: Scope, referralId: string) {
  const referral = await findReferral(db, referralId);
  if (!referral) throw notFound('referral');
  if (!inScope(scope, referral.referrer_organisation_id ?? undefined)) throw outOfScope('referral', referral.client_id);
  const rows = await listAppointmentsOfReferral(db, referralId);
  return rows.map(({ starts_at: startsAt, ends_at: endsAt, ...row }) => ({
    ...row,
    kind: row.kind as AppointmentKind,
    status: row.status as 'planned' | 'cancelled',
    startsAt: startsAt.toISOString(),
    endsAt: endsAt.toISOString(),
  }));
}

/** Cancels an appointment; with none planned any more, the referral is open again for another date. */
export async function cancelAppointment(db: Kysely<Database>, appointmentId: string) {
  await withTransaction(db, async (trx) => {
    const referralId = await cancelPlannedAppointment(trx, appointmentId);
    if (!referralId) throw notFound('appointment');
    if (!(await hasPlannedAppointment(trx, referralId))) await moveReferral(trx, referralId, 'cancel_last_appointment');
  });
}

/** The appointments on a day at the provider's locations (or all, for the central point), with whom to expect. */
export async function appointmentsOnDay(db: Kysely<Database>, scope: Scope, date: IsoDate) {
  const rows = await plannedAppointmentsOnDay(db, date, scope.kind === 'organisation' ? scope.organisationId : undefined);
  return rows.map(({ starts_at: startsAt, ends_at: endsAt, ...row }) => ({
    ...row,
    kind: row.kind as AppointmentKind,
    startsAt: startsAt.toISOString(),
    endsAt: endsAt.toISOString(),
  }));
}
