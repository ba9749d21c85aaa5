import { SharedRun } from './shared-run.ts';
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
import { publicCaregivers } from '../data/public-status.repository.ts';
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
export function dutchDate(date: string): string {
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
    .map((user) => ({
      to: user.email!,
      subject: notice.title,
      text: `${notice.body}${notice.mailExtra ? `\n\n${notice.mailExtra}` : ''}\n\nMet vriendelijke groet,\nHet centrale aanmeldpunt\n`,
    }));
  return { rows, mails };
}

/** The referrer as a recipient, unless it has no account, is blocked, or is the central point (which hears it anyway). */
function referrerOf(recipient: ReferralRecipient | undefined): { id: string; email: string | null }[] {
  if (!recipient?.userId || recipient.disabled || recipient.role === CENTRAL_POINT) return [];
  return [{ id: recipient.userId, email: recipient.email }];
}

/** Mail goes after the commit and one failure does not stop the others: the in-app notification is already there. */
async function sendAll(mailer: Mailer, mails: readonly MailMessage[]): Promise<void> {
  if (mailer.sendMany && mails.length > 0) {
    try {
      await mailer.sendMany(mails);
    } catch (error) {
      console.error(`${mails.length} mails could not be sent:`, error);
    }
    return;
  }
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
  const { rows, mails } = spread(
    {
      kind: 'offer',
      title: `Plek vrij voor aanmelding ${reference}`,
      body:
        `Er is een plek vrij voor aanmelding ${reference}: ${offer.locationName}, ${period(offer.arrival, offer.departure)}. ` +
        `De plek is ${offer.holdHours} uur voor u vastgehouden. Bevestig of laat los.`,
      mailExtra: 'Het centrale aanmeldpunt neemt contact met u op.',
      referralId: offer.referralId,
      stayId: offer.stayId,
    },
    { roles: [CENTRAL_POINT], users: referrerOf(recipient) },
  );
  await insertNotifications(db, rows);
  await sendAll(mailer, mails);
}

type StayEvent = { kind: ReferralEventKind; stayId: string; details: StayEventDetails; referralId?: string | null };

/** The notice for a booking or change of a referral's stay, or undefined for events nobody needs to hear of. */
function stayNotice(
  event: StayEvent,
  reference: string,
  places: Map<string, UnitPlace>,
  settings: NoticeSettings,
): Omit<Notice, 'referralId'> | undefined {
  const { details, stayId } = event;
  const place = places.get(details.unitId)?.locationName ?? 'de locatie';
  const when = period(details.arrival, details.departure);
  const calendar = `Zet het verblijf in uw agenda met het agendabestand (.ics): ${calendarLink(settings, stayId)}`;
  const change = (title: string, verb: string): Omit<Notice, 'referralId'> => ({
    kind: 'change',
    stayId,
    title: `${title}: aanmelding ${reference}`,
    body:
      `Het verblijf voor aanmelding ${reference} in ${place} is ${verb}. Nieuwe data: ${when}. ` +
      `Eerst was dat ${period(details.previousArrival ?? details.arrival, details.previousDeparture ?? details.departure)}.`,
    mailExtra: `Werk uw agenda bij met het nieuwe agendabestand (.ics): ${calendarLink(settings, stayId)}`,
  });
  switch (event.kind) {
    case 'booked':
    case 'confirmed':
      return {
        kind: 'booking',
        stayId,
        title: `Verblijf geboekt: aanmelding ${reference}`,
        body: `Het verblijf voor aanmelding ${reference} is geboekt in ${place}, ${when}.`,
        mailExtra: calendar,
      };
    case 'cancelled':
      return {
        kind: 'change',
        stayId,
        title: `Verblijf geannuleerd: aanmelding ${reference}`,
        body: `Het verblijf voor aanmelding ${reference} in ${place} (${when}) is geannuleerd. Het centrale aanmeldpunt bespreekt met u wat nu.`,
      };
    case 'no_show':
      return {
        kind: 'change',
        stayId,
        title: `Gast niet gekomen: aanmelding ${reference}`,
        body:
          `De gast van aanmelding ${reference} is niet gekomen in ${place} op ${dutchDate(details.arrival)}. Het verblijf gaat niet door. ` +
          'Het centrale aanmeldpunt neemt contact met u op.',
      };
    case 'extended':
      return change('Verblijf verlengd', 'verlengd');
    case 'shortened':
      return change('Verblijf ingekort', 'ingekort');
    case 'dates_changed':
      return change('Andere data voor verblijf', 'verschoven');
    case 'moved': {
      const before = details.previousUnitId ? places.get(details.previousUnitId) : undefined;
      const where =
        before && before.locationId !== places.get(details.unitId)?.locationId
          ? `verplaatst van ${before.locationName} naar ${place}`
          : `verplaatst naar een andere plek in ${place}`;
      return {
        kind: 'change',
        stayId,
        title: `Verblijf verplaatst: aanmelding ${reference}`,
        body: `Het verblijf voor aanmelding ${reference} is ${where}. De data blijven hetzelfde: ${when}.`,
        mailExtra: `Werk uw agenda bij met het nieuwe agendabestand (.ics): ${calendarLink(settings, stayId)}`,
      };
    }
    default:
      return undefined;
  }
}

/**
 * The provider's side of a stay event: the planners of the organisation whose unit it is hear of every booking,
 * change and cancellation at once. Undefined for what is no news to them (a hold let go).
 */
function plannerNotice(event: StayEvent, reference: string | null, places: Map<string, UnitPlace>): Omit<Notice, 'referralId'> | undefined {
  const { details, stayId } = event;
  const place = places.get(details.unitId);
  if (!place) return undefined;
  const where = `${place.unitName}, ${place.locationName}`;
  const about = reference ? ` (aanmelding ${reference})` : '';
  const when = period(details.arrival, details.departure);
  switch (event.kind) {
    case 'booked':
    case 'confirmed':
      return {
        kind: 'booking',
        stayId,
        title: `Nieuwe boeking: ${where}`,
        body: `Er is een verblijf${about} geboekt in ${where}, ${when}.`,
      };
    case 'cancelled':
      if (details.previousStatus === 'hold') return undefined;
      return {
        kind: 'change',
        stayId,
        title: `Verblijf geannuleerd: ${where}`,
        body: `Het verblijf${about} in ${where} (${when}) is geannuleerd. De plek is weer vrij.`,
      };
    case 'extended':
    case 'shortened':
    case 'dates_changed':
      return {
        kind: 'change',
        stayId,
        title: `Andere data: ${where}`,
        body:
          `Het verblijf${about} in ${where} heeft nieuwe data: ${when}. ` +
          `Eerst was dat ${period(details.previousArrival ?? details.arrival, details.previousDeparture ?? details.departure)}.`,
      };
    case 'moved':
      return { kind: 'change', stayId, title: `Verblijf naar ${where}`, body: `Het verblijf${about} ${when} is verplaatst naar ${where}.` };
    default:
      return undefined;
  }
}

/** A series booked in one go is one notice: how many stays, where, from the first arrival to the last departure. */
function seriesNotice(
  events: readonly StayEvent[],
  reference: string | null,
  places: Map<string, UnitPlace>,
  audience: 'referral' | 'planner',
): Omit<Notice, 'referralId'> {
  const first = events[0]!;
  const locations = [...new Set(events.map((event) => places.get(event.details.unitId)?.locationName ?? 'de locatie'))].join(' en ');
  const arrivals = events.map((event) => event.details.arrival).sort();
  const departures = events.map((event) => event.details.departure).sort();
  const about = reference ? ` voor aanmelding ${reference}` : '';
  return {
    kind: 'booking',
    stayId: first.stayId,
    title:
      audience === 'referral'
        ? `Reeks geboekt${about}: ${events.length} verblijven`
        : `Nieuwe reeks: ${events.length} verblijven in ${locations}`,
    body:
      `Er is een reeks van ${events.length} verblijven${about} geboekt in ${locations}: ` +
      `het eerste begint ${dutchDate(arrivals[0]!)}, het laatste eindigt ${dutchDate(departures.at(-1)!)}.`,
  };
}

/**
 * Sends the notices of bookings and changes that 0013's (and 0023's) trigger marked pending: for a referral's stay in
 * the app to the central point and the referrer, and a mail to the referrer; for every stay in the app and by mail to
 * the planners of the provider. A series booked in one go is one notice each. The request that made the change
 * calls this for its stays; the minute job for all, which picks up whatever a crash or plain SQL left behind.
 */
export async function deliverStayNotices(
  db: Kysely<Database>,
  settings: NoticeSettings,
  only: { stayIds?: readonly string[] } = {},
): Promise<number> {
  const { mails, count } = await withTransaction(db, async (trx) => {
    const events = (await claimPendingNotices(trx, { stayIds: only.stayIds, limit: BATCH })).sort(
      (a, b) => a.at.getTime() - b.at.getTime(),
    );
    const stayEvents = events.filter(
      (event): event is typeof event & { stayId: string; details: StayEventDetails } => event.stayId !== null && 'unitId' in event.details,
    );
    const referralIds = stayEvents.flatMap((event) => (event.referralId ? [event.referralId] : []));
    const recipients = await referralRecipients(trx, referralIds);
    const caregivers = await publicCaregivers(trx, referralIds);
    const places = await unitPlaces(
      trx,
      stayEvents.flatMap((event) => [event.details.unitId, ...(event.details.previousUnitId ? [event.details.previousUnitId] : [])]),
    );
    const planners = await plannersOf(
      trx,
      [...places.values()].map((place) => place.organisationId),
    );
    const plannersAt = (unitId: string | undefined) => (unitId ? planners.get(places.get(unitId)?.organisationId ?? '') : undefined) ?? [];
    // The stays of one series booked together go as one group; every other event on its own.
    const groups = new Map<string, (typeof stayEvents)[number][]>();
    for (const event of stayEvents) {
      const key =
        (event.kind === 'booked' || event.kind === 'confirmed') && event.details.seriesId
          ? `${event.kind} ${event.details.seriesId}`
          : `${event.stayId} ${groups.size}`;
      groups.set(key, [...(groups.get(key) ?? []), event]);
    }
    const rows: NewNotification[] = [];
    const mails: MailMessage[] = [];
    const add = (notice: Notice, to: { roles: readonly string[]; users: readonly { id: string; email: string | null }[] }) => {
      const spreadOut = spread(notice, to);
      rows.push(...spreadOut.rows);
      mails.push(...spreadOut.mails);
    };
    for (const group of groups.values()) {
      const first = group[0]!;
      const recipient = first.referralId ? recipients.get(first.referralId) : undefined;
      const reference = recipient?.reference ?? null;
      const referralNotice =
        group.length > 1 ? seriesNotice(group, reference, places, 'referral') : stayNotice(first, reference ?? '', places, settings);
      if (first.referralId && referralNotice)
        add({ ...referralNotice, referralId: first.referralId }, { roles: [CENTRAL_POINT], users: referrerOf(recipient) });
      // A caregiver who asked through the public form hears of every change too, by mail (it has no account).
      const caregiver = first.referralId ? caregivers.get(first.referralId) : undefined;
      if (caregiver && referralNotice) mails.push(caregiverChangeMail(caregiver, referralNotice.title));
      // The planners of each organisation hear of their own stays; a stay moved away also to the ones it left.
      const byOrganisation = new Map<string, typeof group>();
      for (const event of group) {
        const organisationId = places.get(event.details.unitId)?.organisationId ?? '';
        byOrganisation.set(organisationId, [...(byOrganisation.get(organisationId) ?? []), event]);
      }
      for (const own of byOrganisation.values()) {
        const notice = own.length > 1 ? seriesNotice(own, reference, places, 'planner') : plannerNotice(own[0]!, reference, places);
        if (notice) add({ ...notice, referralId: first.referralId }, { roles: [], users: plannersAt(own[0]!.details.unitId) });
      }
      const left = first.kind === 'moved' ? first.details.previousUnitId : undefined;
      if (left && places.get(left)?.organisationId !== places.get(first.details.unitId)?.organisationId) {
        const before = places.get(left)!;
        add(
          {
            kind: 'change',
            stayId: first.stayId,
            referralId: first.referralId,
            title: `Verblijf elders geplaatst: ${before.unitName}, ${before.locationName}`,
            body:
              `Het verblijf${reference ? ` (aanmelding ${reference})` : ''} ${period(first.details.arrival, first.details.departure)} gaat niet meer door in ` +
              `${before.unitName} van ${before.locationName}: het is naar een andere locatie verplaatst. De plek is weer vrij.`,
          },
          { roles: [], users: plannersAt(left) },
        );
      }
    }
    await insertNotifications(trx, rows);
    return { mails, count: events.length };
  });
  await sendAll(settings.mailer, mails);
  return count;
}

/** Plain words for a caregiver: what changed, and where to look (the link from the receipt: only its hash is kept). */
function caregiverChangeMail(caregiver: { email: string; reference: string }, what: string): MailMessage {
  return {
    to: caregiver.email,
    subject: `Nieuws over uw aanvraag ${caregiver.reference}`,
    text:
      `Er is iets veranderd aan uw aanvraag ${caregiver.reference}: ${what}.\n\n` +
      'Hoe het nu staat, ziet u op uw eigen pagina. De link staat in de mail die u kreeg toen u de aanvraag stuurde.\n',
  };
}

/** Requests that change stays at the same moment share one delivery of their notices (one transaction for all). */
const sharedDeliveries = new WeakMap<NoticeSettings, SharedRun<string>>();

/**
 * Called by a service right after it changed stays. The change stands whatever happens here: a notice that fails
 * stays pending, and the minute job sends it.
 */
export async function noticeAfterChange(db: Kysely<Database>, settings: NoticeSettings | undefined, ...stayIds: string[]): Promise<void> {
  if (!settings || stayIds.length === 0) return;
  let shared = sharedDeliveries.get(settings);
  if (!shared) {
    shared = new SharedRun<string>(async (ids) => void (await deliverStayNotices(db, settings, { stayIds: ids })));
    sharedDeliveries.set(settings, shared);
  }
  try {
    await shared.add(stayIds);
  } catch (error) {
    console.error(`Notices for stays ${stayIds.join(', ')} are left for the minute job:`, error);
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
    const recipients = await referralRecipients(
      trx,
      stays.flatMap((stay) => (stay.referralId ? [stay.referralId] : [])),
    );
    const places = await unitPlaces(
      trx,
      stays.map((stay) => stay.unitId),
    );
    const planners = await plannersOf(
      trx,
      [...places.values()].map((place) => place.organisationId),
    );
    const rows: NewNotification[] = [];
    const mails: MailMessage[] = [];
    for (const stay of stays) {
      const place = places.get(stay.unitId);
      if (!place) continue;
      const about = stay.reference ? ` (aanmelding ${stay.reference})` : '';
      const when = `Aankomst morgen, ${dutchDate(stay.arrival)}; vertrek ${dutchDate(stay.departure)}.`;
      const referrer = stay.referralId ? referrerOf(recipients.get(stay.referralId)) : [];
      const forReferrer = spread(
        {
          kind: 'reminder',
          title: `Morgen begint het verblijf${about}`,
          referralId: stay.referralId,
          stayId: stay.id,
          body: `Herinnering: morgen begint het verblijf${about} in ${place.locationName}. ${when}`,
        },
        { roles: [], users: referrer },
      );
      const forPlanners = spread(
        {
          kind: 'reminder',
          title: `Morgen komt een gast: ${place.unitName}, ${place.locationName}`,
          referralId: stay.referralId,
          stayId: stay.id,
          body: `Herinnering: morgen komt een gast${about} in ${place.unitName} van ${place.locationName}. ${when}`,
        },
        { roles: [], users: planners.get(place.organisationId)! },
      );
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
    const maySeeClient =
      actor.role === 'coordinator' || (actor.role === 'referrer' && row.referrer_organisation_id === actor.organisationId);
    return {
      id: row.id,
      kind: row.kind,
      title: row.title,
      body: row.body,
      referralId: row.referral_id,
      stayId: row.stay_id,
      reference: row.reference,
      clientId: maySeeClient ? row.client_id : null,
      clientName: maySeeClient ? row.client_name : null,
      createdAt: row.created_at.toISOString(),
      read: row.read_at !== null,
    };
  });
}

export async function markRead(db: Kysely<Database>, actor: Actor, id: string): Promise<void> {
  if (!(await markNotificationRead(db, id, actor.userId, actor.role))) throw notFound('notification');
}
