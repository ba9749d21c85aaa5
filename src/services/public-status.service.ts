import type { Kysely } from 'kysely';
import { findAccessPointContact, findReferralByStatusToken, updateAccessPointContact } from '../data/public-status.repository.ts';
import type { Database } from '../data/schema.ts';
import { staysOfReferral } from '../data/stay.repository.ts';
import { CHANGEABLE_STATUSES } from '../domain/referral-lifecycle.ts';
import { notFound } from '../errors.ts';
import { tokenHash } from './auth/tokens.ts';
import { stayCalendar } from './calendar.service.ts';
import { changeCaregiverContact, checkInAsked, recordScreening } from './caregiver-contact.service.ts';
import type { BurdenAnswers } from '../domain/burden-screening.ts';
import type { NoticeSettings } from './notification.service.ts';
import { changePublicRequest, withdrawPublicRequest } from './referral-change.service.ts';

async function requestOf(db: Kysely<Database>, token: string) {
  const request = await findReferralByStatusToken(db, tokenHash(token));
  // A link that does not exist answers like any other unknown address: it gives nothing away.
  if (!request) throw notFound('referral');
  return request;
}

/**
 * What the caregiver sees on the status page: where the request stands, the place and dates once held or booked, and
 * how to reach the access point. No names or care details: the link may be forwarded.
 */
export async function publicStatus(db: Kysely<Database>, token: string) {
  const request = await requestOf(db, token);
  const stays = (await staysOfReferral(db, request.id)).filter((stay) => stay.status !== 'cancelled' && stay.status !== 'expired');
  return {
    clientId: request.clientId,
    view: {
      reference: request.reference,
      kind: request.kind,
      status: request.status,
      sentAt: request.createdAt.toISOString(),
      wishedArrival: request.wishedArrival,
      wishedDeparture: request.wishedDeparture,
      canChange: CHANGEABLE_STATUSES.includes(request.status),
      message: request.message,
      stays: stays.map((stay) => ({
        id: stay.id,
        status: stay.status,
        arrival: stay.arrival,
        departure: stay.departure,
        locationName: stay.locationName,
      })),
      accessPoint: await findAccessPointContact(db),
      ...(await checkInOnStatusPage(db, request.clientId)),
    },
  };
}

/** One booked stay of the request as an .ics file, for the caregiver's own calendar. */
export async function publicStayCalendar(db: Kysely<Database>, token: string, stayId: string): Promise<{ clientId: string; text: string }> {
  const request = await requestOf(db, token);
  const stay = (await staysOfReferral(db, request.id)).find((candidate) => candidate.id === stayId);
  if (!stay) throw notFound('stay');
  return { clientId: request.clientId, text: await stayCalendar(db, stay.id) };
}

export async function withdrawByCaregiver(db: Kysely<Database>, token: string, reason: string, notices: NoticeSettings): Promise<string> {
  const request = await requestOf(db, token);
  await withdrawPublicRequest(db, request.id, reason, notices);
  return request.clientId;
}

/** New wished dates or a note from the caregiver, while the request has no place yet. */
export async function changeByCaregiver(
  db: Kysely<Database>,
  token: string,
  change: { wishedArrival?: string | null; wishedDeparture?: string | null; message?: string | null },
  notices: NoticeSettings,
): Promise<string> {
  const request = await requestOf(db, token);
  await changePublicRequest(db, request.id, change, notices);
  return request.clientId;
}

async function checkInOnStatusPage(db: Kysely<Database>, clientId: string) {
  const { due, optedOut, contactName } = await checkInAsked(db, clientId);
  return { contactPerson: contactName, checkIn: { asked: due, optedOut } };
}

/** "How are you doing?" answered on the status page: stored for the contact person, with advice back. */
export async function checkInByCaregiver(db: Kysely<Database>, token: string, answers: BurdenAnswers, locale: 'nl' | 'en') {
  const request = await requestOf(db, token);
  return {
    clientId: request.clientId,
    result: await recordScreening(db, request.clientId, answers, { takenBy: 'caregiver', userId: null }, locale),
  };
}

/** The caregiver says no (or yes again) to the yearly check-in. */
export async function checkInPreference(db: Kysely<Database>, token: string, optedOut: boolean): Promise<string> {
  const request = await requestOf(db, token);
  await changeCaregiverContact(db, request.clientId, { optedOut });
  return request.clientId;
}

export const accessPointContact = findAccessPointContact;

export async function changeAccessPointContact(
  db: Kysely<Database>,
  contact: { phone?: string | null; email?: string | null; hours?: string | null },
) {
  return updateAccessPointContact(db, { phone: contact.phone ?? null, email: contact.email ?? null, hours: contact.hours ?? null });
}
