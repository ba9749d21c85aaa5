import ical, { ICalEventStatus } from 'ical-generator';
import type { Kysely } from 'kysely';
import { clientOfStay } from '../data/ownership.repository.ts';
import type { Database } from '../data/schema.ts';
import { findStayPlace } from '../data/stay.repository.ts';
import type { Actor } from '../domain/roles.ts';
import { STAY_TYPE_LABELS, isStayType } from '../domain/stay-types.ts';
import { notFound } from '../errors.ts';
import { assertStayVisibleTo } from './scope.ts';

const STATUS: Record<string, ICalEventStatus> = {
  hold: ICalEventStatus.TENTATIVE,
  confirmed: ICalEventStatus.CONFIRMED,
  arrived: ICalEventStatus.CONFIRMED,
  departed: ICalEventStatus.CONFIRMED,
  cancelled: ICalEventStatus.CANCELLED,
  no_show: ICalEventStatus.CANCELLED,
  expired: ICalEventStatus.CANCELLED,
};

/**
 * A stay as an iCalendar (RFC 5545) file: an all-day event from arrival to departure at the location. Calendars are
 * often synchronised to outside services, so it names the place and the kind of stay, never the guest or their care.
 * The UID is the stay's id and SEQUENCE its revision, one higher after every change, so an updated file replaces the
 * old entry.
 */
export async function stayCalendar(db: Kysely<Database>, stayId: string): Promise<string> {
  const stay = await findStayPlace(db, stayId);
  if (!stay) throw notFound('stay');
  const kind = isStayType(stay.stay_type) ? STAY_TYPE_LABELS[stay.stay_type].nl : stay.stay_type;
  const calendar = ical({ prodId: { company: 'Adempauze', product: 'Tijdelijk verblijf', language: 'NL' }, name: 'Adempauze' });
  calendar.createEvent({
    id: `${stay.id}@adempauze.nl`,
    sequence: stay.revision,
    stamp: stay.updated_at,
    start: new Date(`${stay.arrival}T00:00:00Z`),
    end: new Date(`${stay.departure}T00:00:00Z`),
    allDay: true,
    summary: `${kind}: ${stay.location_name}`,
    description: `${kind} in ${stay.location_name} (${stay.unit_name}). Aankomst ${stay.arrival}, vertrek ${stay.departure}.`,
    location: {
      title: stay.location_name,
      address: `${stay.street} ${stay.house_number}, ${stay.postcode} ${stay.city}`,
      geo: { lat: stay.latitude, lon: stay.longitude },
    },
    status: STATUS[stay.status] ?? ICalEventStatus.CONFIRMED,
  });
  return calendar.toString();
}

/**
 * A stay's file for someone signed in who may see the stay (a referrer only one it referred), with the stay's client:
 * the file names the place, not the guest, but fetching it is still a look at this client's stay, for the audit.
 */
export async function stayCalendarFor(
  db: Kysely<Database>,
  actor: Actor,
  stayId: string,
): Promise<{ clientId: string | undefined; text: string }> {
  await assertStayVisibleTo(db, actor, stayId);
  const text = await stayCalendar(db, stayId);
  return { clientId: await clientOfStay(db, stayId), text };
}
