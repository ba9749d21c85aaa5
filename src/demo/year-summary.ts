import { type IsoDate, nightsBetween } from '../domain/dates.ts';
import type { DemoYear } from './generate-year.ts';

/** The figures the pilot reports give, computed from a generated year so they can be compared. */
export interface RegionFigures {
  /** Respite guests (Wmo or Wlz, in a bed) with at least one stay that was not cancelled. */
  readonly guests: number;
  readonly stays: number;
  readonly avgNights: number;
  /** Share of guests who came more than once. */
  readonly returningShare: number;
  /** How guests divide by their number of stays, as the Peelregio report counts them. */
  readonly stayCountShares: { readonly oneToFour: number; readonly fiveToTen: number; readonly moreThanTen: number };
  readonly avgAge: number;
  /** Nights of "logeerzorg thuis". */
  readonly homeNightStays: number;
  /** ELV and crisis stays. */
  readonly recoveryStays: number;
  readonly cancelledStays: number;
  /** Occupied share of the open bed nights from the window's start until today; the future is not booked yet. */
  readonly occupancy: number;
}

const RESPITE_TYPES = new Set(['respite', 'wlz_respite']);

export function summarise(year: DemoYear): Record<string, RegionFigures> {
  const regionOfLocation = new Map(year.locations.map((location) => [location.id, location.region_id]));
  const units = new Map(year.units.map((unit) => [unit.id, { ...unit, regionId: regionOfLocation.get(unit.location_id)! }]));
  const birthDates = new Map(year.clients.map((client) => [client.id, client.date_of_birth]));
  const elapsed = nightsBetween(year.window.from, year.today);
  const dayOf = (date: IsoDate) => nightsBetween(year.window.from, date);

  // Per bed and elapsed day: 0 open, 1 occupied, 2 closed or not yet active.
  const beds = new Map<string, Uint8Array>();
  for (const unit of units.values()) {
    if (unit.kind !== 'bed') continue;
    const days = new Uint8Array(elapsed);
    days.fill(2, 0, Math.max(0, dayOf(unit.active_from)));
    beds.set(unit.id, days);
  }
  for (const closure of year.closures) {
    beds.get(closure.unit_id)?.fill(2, Math.max(0, dayOf(closure.starts_on)), Math.max(0, dayOf(closure.ends_on)));
  }

  const perRegion = new Map(
    year.regions.map((region) => [
      region.id,
      { nightsPerGuest: new Map<string, number[]>(), homeNightStays: 0, recoveryStays: 0, cancelledStays: 0 },
    ]),
  );
  for (const stay of year.stays) {
    const unit = units.get(stay.unit_id)!;
    const region = perRegion.get(unit.regionId)!;
    if (stay.status === 'cancelled') {
      region.cancelledStays++;
      continue;
    }
    beds.get(unit.id)?.fill(1, Math.max(0, dayOf(stay.arrival)), Math.max(0, Math.min(elapsed, dayOf(stay.departure))));
    if (unit.kind === 'home_night') region.homeNightStays++;
    else if (RESPITE_TYPES.has(stay.stay_type)) {
      const nights = region.nightsPerGuest.get(stay.client_id) ?? [];
      nights.push(nightsBetween(stay.arrival, stay.departure));
      region.nightsPerGuest.set(stay.client_id, nights);
    } else region.recoveryStays++;
  }

  const summary: Record<string, RegionFigures> = {};
  for (const [regionId, region] of perRegion) {
    const perGuest = [...region.nightsPerGuest];
    const allNights = perGuest.flatMap(([, nights]) => nights);
    const shareOfGuests = (test: (stays: number) => boolean) =>
      ratio(perGuest.filter(([, nights]) => test(nights.length)).length, perGuest.length);
    const regionBeds = [...beds].filter(([unitId]) => units.get(unitId)!.regionId === regionId).map(([, days]) => days);
    const count = (state: number) => regionBeds.reduce((sum, days) => sum + days.filter((day) => day === state).length, 0);
    summary[regionId] = {
      guests: perGuest.length,
      stays: allNights.length,
      avgNights: ratio(sum(allNights), allNights.length),
      returningShare: shareOfGuests((stays) => stays > 1),
      stayCountShares: {
        oneToFour: shareOfGuests((stays) => stays <= 4),
        fiveToTen: shareOfGuests((stays) => stays >= 5 && stays <= 10),
        moreThanTen: shareOfGuests((stays) => stays > 10),
      },
      avgAge: ratio(sum(perGuest.map(([clientId]) => ageOn(birthDates.get(clientId)!, year.today))), perGuest.length),
      homeNightStays: region.homeNightStays,
      recoveryStays: region.recoveryStays,
      cancelledStays: region.cancelledStays,
      occupancy: ratio(count(1), count(0) + count(1)),
    };
  }
  return summary;
}

export function ageOn(dateOfBirth: IsoDate, date: IsoDate): number {
  const years = Number(date.slice(0, 4)) - Number(dateOfBirth.slice(0, 4));
  return date.slice(4) < dateOfBirth.slice(4) ? years - 1 : years;
}

const sum = (values: readonly number[]) => values.reduce((total, value) => total + value, 0);
const ratio = (part: number, whole: number) => (whole === 0 ? 0 : part / whole);
