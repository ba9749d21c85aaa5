import type { Kysely } from 'kysely';
import { findOccupations } from '../data/availability.repository.ts';
import { coPaymentRulesOf, tariffsOf } from '../data/costs.repository.ts';
import { photosOfLocation } from '../data/location-photo.repository.ts';
import { pc4Area } from '../data/pc4-table.ts';
import { findCalendarUnits } from '../data/public-calendar.repository.ts';
import { listLocations } from '../data/registry.repository.ts';
import type { Database } from '../data/schema.ts';
import { financierOf, validOn } from '../domain/costs.ts';
import { type IsoDate, addDays } from '../domain/dates.ts';
import { distanceKm } from '../domain/geo.ts';
import { weeksAtAGlance } from '../domain/nearby.ts';
import { type PublicAvailability, WEEK_NIGHTS, publicCalendar } from '../domain/public-calendar.ts';
import { unitTakesStayType } from '../domain/stay-types.ts';
import type { StayType } from '../domain/stay-types.ts';
import { AppError } from '../errors.ts';
import { appClock } from '../clock.ts';

/** A caregiver compares a handful of places; more is a list nobody reads on a phone. */
const NEAREST = 10;

export interface NearbyLocation {
  id: string;
  name: string;
  organisationName: string;
  city: string;
  distanceKm: number;
  description: string | null;
  homeliness: string | null;
  features: string[];
  phone: string | null;
  photo: { id: string; alt: string } | null;
  /** What a night costs (housing, stay and care), paid by the financier; null when no tariff is known today. */
  tariffCentsPerNight: number | null;
  /** The municipality's usual co-payment (eigen bijdrage) a night for a Wmo stay; null when there is none. */
  coPaymentCentsPerNight: number | null;
  weeks: { from: IsoDate; availability: PublicAvailability }[];
}

/**
 * The locations nearest to a home postcode that take the stay type, nearest first, with what each offers, what a
 * night costs and whether there is room in each of the coming weeks. Anyone may ask: only free / limited / full.
 */
export async function locationsNear(
  db: Kysely<Database>,
  query: { postcode: string; stayType: StayType; weeks: number },
  today: IsoDate = appClock().today(),
): Promise<{ postcode: string; place: string; municipality: string; locations: NearbyLocation[] }> {
  const home = pc4Area(query.postcode.slice(0, 4));
  if (!home) throw new AppError('validation_failed', { fields: [{ field: 'postcode', code: 'postcode_unknown' }] });
  const window = { from: today, to: addDays(today, query.weeks * WEEK_NIGHTS) };
  const byDistance = (await listLocations(db, {}))
    .map((location) => ({ location, distance: distanceKm(home, location) }))
    .sort((a, b) => a.distance - b.distance);
  const coPayment = financierOf(query.stayType) === 'wmo' ? validOn(await coPaymentRulesOf(db, home.municipality), today) : undefined;

  const locations: NearbyLocation[] = [];
  for (const { location, distance } of byDistance) {
    if (locations.length === NEAREST) break;
    const units = (await findCalendarUnits(db, location.id, window)).filter((unit) => unitTakesStayType(unit, query.stayType));
    if (units.length === 0) continue;
    const occupations = await findOccupations(
      db,
      units.map((unit) => unit.unitId),
      window,
      appClock().now(),
    );
    const [calendar] = publicCalendar(
      window,
      units.map((unit) => ({
        ...unit,
        occupations: occupations.filter((row) => row.unitId === unit.unitId).map((row) => ({ kind: row.kind, range: row.range })),
      })),
    ).filter((week) => week.stayType === query.stayType);
    if (!calendar) continue;
    const tariff = validOn(await tariffsOf(db, location.id, query.stayType), today);
    const [photo] = await photosOfLocation(db, location.id);
    locations.push({
      id: location.id,
      name: location.name,
      organisationName: location.organisationName,
      city: location.city,
      distanceKm: Math.round(distance * 10) / 10,
      description: location.description,
      homeliness: location.homeliness,
      features: location.features,
      phone: location.phone,
      photo: photo ?? null,
      tariffCentsPerNight: tariff ? tariff.housingCents + tariff.stayCents + tariff.careCents : null,
      coPaymentCentsPerNight: coPayment?.centsPerNight ?? null,
      weeks: weeksAtAGlance(window.from, calendar.days),
    });
  }
  return { postcode: query.postcode, place: home.place, municipality: home.municipality, locations };
}
