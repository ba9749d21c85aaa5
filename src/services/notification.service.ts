import type { Kysely } from 'kysely';
import { withTransaction } from '../data/change-author.ts';
import {
  type NewNotification,
  type ReferralRecipient,
  type UnitPlace,
  claimArrivalReminders,
  insertNotifications,
  markNotificationRead,
  notificationsFor,
  plannersOf,
  referralRecipients,
  unitPlaces,
} from '../data/notification.repository.ts';
import { claimPendingNotices } from '../data/referral-event.repository.ts';
import type { Database, ReferralEventKind, StayEventDetails } from '../data/schema.ts';
import { addDays } from '../domain/dates.ts';
import type { Actor } from '../domain/roles.ts';
import { notFound } from '../errors.ts';
import type { MailMessage, Mailer } from './mail/mailer.ts';
import { appClock } from '../clock.ts';

/**
 * Everything the app tells people about offers, bookings, changes and arrivals, in the app and by mail. Texts name
 * the referral's reference, the place and the dates: never the guest, their care or a cancellation's reason, because
 * mail leaves the app and notifications are read by whole teams.
 */
export interface NoticeSettings {
  mailer: Mailer;
  /** For links in mail. */
  publicUrl: string;
}

const BATCH = 200;
const CENTRAL_POINT = 'coordinator';

const DUTCH_DATE = new Intl.DateTimeFormat('nl-NL', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** "vrijdag 12 maart 2027": calendar dates are UTC midnights in this app. */
function dutchDate(date: string): string {
  return DUTCH_DATE.format(new Date(`${date}T00:00:00Z`));
}

const period = (arrival: string, departure: string) => `van ${dutchDate(arrival)} tot ${dutchDate(departure)}`;
const calendarLink = (settings: NoticeSettings, stayId: string) => `${settings.publicUrl}/api/stays/${stayId}/calendar.ics`;

interface Notice {
  kind: NewNotification['kind'];
  title: string;
  body: string;
  referralId: string | null;
  stayId: string;
  /** Said in the mail only, after the body. */
  mailExtra?: string;
}

/** The in-app rows of one notice, and the mail for the referrer, when it has an account that can still read it. */
function spread(notice: Notice, recipients: { roles: readonly string[]; users: readonly { id: string; email: string | null }[] }) {
  const base = { kind: notice.kind, title: notice.title, body: notice.body, referral_id: notice.referralId, stay_id: notice.stayId };
  const rows: NewNotification[] = [
    ...recipients.roles.map((role) => ({ ...base, role })),
    ...recipients.users.map((user) => ({ ...base, user_id: user.id })),
  ];
  const mails: MailMessage[] = recipients.users
    .filter((user) => user.email)
    .map((user) => ({ to: user.email!, subject: notice.title, text: `${notice.body}${notice.mailExtra ? `\n\n${notice.mailExtra}` : ''}\n\nMet vriendelijke groet,\nHet centrale aanmeldpunt\n` }));
  return { rows, mails };
}

/** The referrer as a recipient, unless it has no account, is blocked, or is the central point (which hears it anyway). */
function referrerOf(recipient: ReferralRecipient | undefined): { id: string; email: string | null }[] {
  if (!recipient?.userId || recipient.disabled || recipient.role === CENTRAL_POINT) return [];
  return [{ id: recipient.userId, email: recipient.email }];
}

/** Mail goes after the commit and one failure does not stop the others: the in-app notification is already there. */
async function sendAll(mailer: Mailer, mails: readonly MailMessage[]): Promise<void> {
  for (const mail of mails) {
    try {
      await mailer.send(mail);
    } catch (error) {
      console.error(`Mail "${mail.subject}" could not be sent:`, error);
    }
  }
}

/** A waiting referral got a unit on hold: the central point and the referrer hear of it. */
export async function notifyOffer(
  db: Kysely<Database>,
  mailer: Mailer,
  offer: { referralId: string; stayId: string; locationName: string; arrival: string; departure: string; holdHours: number },
): Promise<void> {
  const recipient = (await referralRecipients(db, [offer.referralId])).get(offer.referralId);
  const reference = recipient?.reference ?? '';
  const { rows, mails } = spread({
    kind: 'offer',
    title: `Plek vrij voor aanmelding ${reference}`,
    body: `Er is een plek vrij voor aanmelding ${reference}: ${offer.locationName}, ${period(offer.arrival, offer.departure)}. `
      + `De plek is ${offer.holdHours} uur voor u vastgehouden. Bevestig of laat los.`,
    mailExtra: 'Het centrale aanmeldpunt neemt contact met u op.',
    referralId: offer.referralId,
    stayId: offer.stayId,
  }, { roles: [CENTRAL_POINT], users: referrerOf(recipient) });
  await insertNotifications(db, rows);
  await sendAll(mailer, mails);
}

type StayEvent = { kind: ReferralEventKind; stayId: string; details: StayEventDetails };

/** The notice for a booking or change of a referral's stay, or undefined for events nobody needs to hear of. */
function stayNotice(event: StayEvent, reference: string, places: Map<string, UnitPlace>, settings: NoticeSettings): Omit<Notice, 'referralId'> | undefined {
  const { details, stayId } = event;
  const place = places.get(details.unitId)?.locationName ?? 'de locatie';
  const when = period(details.arrival, details.departure);
  const calendar = `Zet het verblijf in uw agenda met het agendabestand (.ics): ${calendarLink(settings, stayId)}`;
  const change = (title: string, verb: string): Omit<Notice, 'referralId'> => ({
    kind: 'change', stayId, title: `${title}: aanmelding ${reference}`,
    body: `Het verblijf voor aanmelding ${reference} in ${place} is ${verb}. Nieuwe data: ${when}. `
      + `Eerst was dat ${period(details.previousArrival ?? details.arrival, details.previousDeparture ?? details.departure)}.`,
    mailExtra: `Werk uw agenda bij met het nieuwe agendabestand (.ics): ${calendarLink(settings, stayId)}`,
  });
  switch (event.kind) {
    case 'booked':
    case 'confirmed':
      return {
        kind: 'booking', stayId, title: `Verblijf geboekt: aanmelding ${reference}`,
        body: `Het verblijf voor aanmelding ${reference} is geboekt in ${place}, ${when}.`, mailExtra: calendar,
      };
    case 'cancelled':
      return {
        kind: 'change', stayId, title: `Verblijf geannuleerd: aanmelding ${reference}`,
        body: `Het verblijf voor aanmelding ${reference} in ${place} (${when}) is geannuleerd. Het centrale aanmeldpunt bespreekt met u wat nu.`,
      };
    case 'no_show':
      return {
        kind: 'change', stayId, title: `Gast niet gekomen: aanmelding ${reference}`,
        body: `De gast van aanmelding ${reference} is niet gekomen in ${place} op ${dutchDate(details.arrival)}. Het verblijf gaat niet door. `
          + 'Het centrale aanmeldpunt neemt contact met u op.',
      };
    case 'extended':
      return change('Verblijf verlengd', 'verlengd');
    case 'shortened':
      return change('Verblijf ingekort', 'ingekort');
    case 'dates_changed':
      return change('Andere data voor verblijf', 'verschoven');
    case 'moved': {
      const before = details.previousUnitId ? places.get(details.previousUnitId) : undefined;
      const where = before && before.locationId !== places.get(details.unitId)?.locationId
        ? `verplaatst van ${before.locationName} naar ${place}`
        : `verplaatst naar een andere plek in ${place}`;
      return {
        kind: 'change', stayId, title: `Verblijf verplaatst: aanmelding ${reference}`,
        body: `Het verblijf voor aanmelding ${reference} is ${where}. De data blijven hetzelfde: ${when}.`,
        mailExtra: `Werk uw agenda bij met het nieuwe agendabestand (.ics): ${calendarLink(settings, stayId)}`,
      };
    }
    default:
      return undefined;
  }
}

/**
 * Sends the notices of bookings and changes of referrals' stays that 0013's trigger marked pending: in the app to
 * the central point and the referrer, and a mail to the referrer. The request that made the change calls it for its
 * stay; the minute job calls it for all, which picks up whatever a crash or a change in plain SQL left behind.
 */
export async function deliverStayNotices(db: Kysely<Database>, settings: NoticeSettings, only: { stayId?: string } = {}): Promise<number> {
  const { mails, count } = await withTransaction(db, async (trx) => {
    const events = (await claimPendingNotices(trx, { stayId: only.stayId, limit: BATCH }))
      .sort((a, b) => a.at.getTime() - b.at.getTime());
    const stayEvents = events.filter((event): event is typeof event & { stayId: string; details: StayEventDetails } =>
      event.stayId !== null && 'unitId' in event.details);
    const recipients = await referralRecipients(trx, stayEvents.map((event) => event.referralId));
    const places = await unitPlaces(trx, stayEvents.flatMap((event) => [event.details.unitId, ...(event.details.previousUnitId ? [event.details.previousUnitId] : [])]));
    const rows: NewNotification[] = [];
    const mails: MailMessage[] = [];
    for (const event of stayEvents) {
      const recipient = recipients.get(event.referralId);
      const notice = stayNotice(event, recipient?.reference ?? '', places, settings);
      if (!notice) continue;
      const spreadOut = spread({ ...notice, referralId: event.referralId }, { roles: [CENTRAL_POINT], users: referrerOf(recipient) });
      rows.push(...spreadOut.rows);
      mails.push(...spreadOut.mails);
    }
    await insertNotifications(trx, rows);
    return { mails, count: events.length };
  });
  await sendAll(settings.mailer, mails);
  return count;
}

/**
 * Called by a service right after it changed a referral's stay. The change stands whatever happens here: a notice
 * that fails stays pending, and the minute job sends it.
 */
export async function noticeAfterChange(db: Kysely<Database>, settings: NoticeSettings | undefined, stay: { id: string; referralId: string | null }): Promise<void> {
  if (!settings || !stay.referralId) return;
  try {
    await deliverStayNotices(db, settings, { stayId: stay.id });
  } catch (error) {
    console.error(`Notices for stay ${stay.id} are left for the minute job:`, error);
  }
}

/**
 * The day before a booked stay begins: a reminder to the referrer (if the stay came from a referral) and to the
 * planners of the organisation whose unit it is, in the app and by mail. Once per stay and arrival date, also with
 * several processes (see claimArrivalReminders).
 */
export async function sendArrivalReminders(db: Kysely<Database>, settings: NoticeSettings, today = appClock().today()): Promise<number> {
  const { mails, count } = await withTransaction(db, async (trx) => {
    const stays = await claimArrivalReminders(trx, addDays(today, 1));
    const recipients = await referralRecipients(trx, stays.flatMap((stay) => (stay.referralId ? [stay.referralId] : [])));
    const places = await unitPlaces(trx, stays.map((stay) => stay.unitId));
    const planners = new Map<string, { id: string; email: string | null }[]>();
    const rows: NewNotification[] = [];
    const mails: MailMessage[] = [];
    for (const stay of stays) {
      const place = places.get(stay.unitId);
      if (!place) continue;
      if (!planners.has(place.organisationId)) planners.set(place.organisationId, await plannersOf(trx, place.organisationId));
      const about = stay.reference ? ` (aanmelding ${stay.reference})` : '';
      const when = `Aankomst morgen, ${dutchDate(stay.arrival)}; vertrek ${dutchDate(stay.departure)}.`;
      const referrer = stay.referralId ? referrerOf(recipients.get(stay.referralId)) : [];
      const forReferrer = spread({
        kind: 'reminder', title: `Morgen begint het verblijf${about}`, referralId: stay.referralId, stayId: stay.id,
        body: `Herinnering: morgen begint het verblijf${about} in ${place.locationName}. ${when}`,
      }, { roles: [], users: referrer });
      const forPlanners = spread({
        kind: 'reminder', title: `Morgen komt een gast: ${place.unitName}, ${place.locationName}`, referralId: stay.referralId, stayId: stay.id,
        body: `Herinnering: morgen komt een gast${about} in ${place.unitName} van ${place.locationName}. ${when}`,
      }, { roles: [], users: planners.get(place.organisationId)! });
      rows.push(...forReferrer.rows, ...forPlanners.rows);
      mails.push(...forReferrer.mails, ...forPlanners.mails);
    }
    await insertNotifications(trx, rows);
    return { mails, count: stays.length };
  });
  await sendAll(settings.mailer, mails);
  return count;
}

/** A person's notifications, newest first. */
/**
 * The signed-in person's notifications. The client is named to those who may see the referral: the central point,
 * and the referrer's own organisation; anyone else gets the reference only.
 */
export async function myNotifications(db: Kysely<Database>, actor: Actor, limit = 100) {
  return (await notificationsFor(db, actor.userId, actor.role, limit)).map((row) => {
    const maySeeClient = actor.role === 'coordinator' || (actor.role === 'referrer' && row.referrer_organisation_id === actor.organisationId);
    return {
      id: row.id, kind: row.kind, title: row.title, body: row.body, referralId: row.referral_id, stayId: row.stay_id,
      reference: row.reference, clientName: maySeeClient ? row.client_name : null,
      createdAt: row.created_at.toISOString(), read: row.read_at !== null,
    };
  });
}

export async function markRead(db: Kysely<Database>, actor: Actor, id: string): Promise<void> {
  if (!(await markNotificationRead(db, id, actor.userId, actor.role))) throw notFound('notification');
}
