import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { pc4Area, pc4AreasOfMunicipalities } from '../data/pc4-table.ts';
import { isoWeekday, nightsBetween } from '../domain/dates.ts';
import { type DemoYear, generateYear } from './generate-year.ts';
import { DEMO_REGIONS } from './pilot-regions.ts';
import { ageOn, summarise } from './year-summary.ts';

const TODAY = '2026-03-02';
const AREAS = pc4AreasOfMunicipalities(DEMO_REGIONS.flatMap((region) => region.municipalities));
const BLOCKING = new Set(['hold', 'confirmed', 'arrived', 'departed']);
const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

const years = new Map<number, DemoYear>();
function yearFor(seed: number): DemoYear {
  if (!years.has(seed)) years.set(seed, generateYear({ today: TODAY, seed, areas: AREAS }));
  return years.get(seed)!;
}
// The figures must hold for any seed, not only for one that happens to look right.
const SEEDS = [2019, 1, 2, 3, 4];

function within(actual: number, min: number, max: number, what: string) {
  assert.ok(actual >= min && actual <= max, `${what}: ${actual} is not within [${min}, ${max}]`);
}

function overlapping<T extends { arrival: string; departure: string }>(stays: readonly T[]): [T, T] | undefined {
  const sorted = stays.toSorted((a, b) => a.arrival.localeCompare(b.arrival));
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i]!.arrival < sorted[i - 1]!.departure) return [sorted[i - 1]!, sorted[i]!];
  }
  return undefined;
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
}

describe('generateYear', () => {
  it('is deterministic for a seed and differs between seeds', () => {
    assert.deepEqual(generateYear({ today: TODAY, seed: 5, areas: AREAS }), generateYear({ today: TODAY, seed: 5, areas: AREAS }));
    assert.notDeepEqual(yearFor(1).stays, yearFor(2).stays);
  });

  it('covers 365 days: nine months before today and three after', () => {
    const year = yearFor(2019);
    assert.deepEqual(year.window, { from: '2025-06-01', to: '2026-06-01' });
    assert.ok(year.stays.every((stay) => stay.arrival >= year.window.from && stay.departure <= year.window.to));
  });

  describe('matches the pilot reports', () => {
    for (const seed of SEEDS) {
      it(`Hoeksche Waard: 28 guests, 12–14 nights, mostly once, average age 79, beds nearly always taken (seed ${seed})`, () => {
        const figures = summarise(yearFor(seed))['hoeksche-waard']!;
        within(figures.guests, 26, 30, 'guests');
        within(figures.avgNights, 11, 15, 'average nights');
        within(figures.returningShare, 0, 0.35, 'share returning');
        within(figures.avgAge, 77, 81, 'average age');
        // 322 of 365 nights occupied.
        within(figures.occupancy, 0.8, 0.95, 'occupancy');
        assert.ok(figures.recoveryStays > 100, 'the flexible beds take ELV and crisis admissions');
      });

      it(`Peelregio: 93 guests, 3–7 nights, 80% return, half 1–4 stays, a quarter 5–10, a quarter more (seed ${seed})`, () => {
        const figures = summarise(yearFor(seed)).peelregio!;
        within(figures.guests, 84, 100, 'guests');
        within(figures.avgNights, 3, 7, 'average nights');
        within(figures.returningShare, 0.7, 0.9, 'share returning');
        within(figures.stayCountShares.oneToFour, 0.4, 0.6, 'share with 1–4 stays');
        within(figures.stayCountShares.fiveToTen, 0.15, 0.35, 'share with 5–10 stays');
        within(figures.stayCountShares.moreThanTen, 0.15, 0.35, 'share with more than 10 stays');
      });

      it(`Zuidoost Utrecht: 17 guests, 2 days to 2 weeks, half of them about 14 days (seed ${seed})`, () => {
        const year = yearFor(seed);
        const figures = summarise(year)['zuidoost-utrecht']!;
        within(figures.guests, 15, 19, 'guests');
        const bedIds = new Set(
          year.units
            .filter((unit) => unit.kind === 'bed' && ['In de Dennen', 'De Schutsmantel'].includes(locationName(year, unit.location_id)))
            .map((unit) => unit.id),
        );
        const stays = year.stays.filter((stay) => bedIds.has(stay.unit_id) && stay.status !== 'cancelled');
        assert.ok(stays.every((stay) => within14(nightsBetween(stay.arrival, stay.departure))));
        const longStayGuests = new Set(
          stays.filter((stay) => nightsBetween(stay.arrival, stay.departure) >= 12).map((stay) => stay.client_id),
        );
        within(longStayGuests.size / figures.guests, 0.35, 0.65, 'share of guests with a stay of about 14 days');
        assert.ok(figures.homeNightStays > 0, 'logeerzorg thuis has nights');
      });
    }
  });

  it('includes the client profiles from the reports, living where the reports say', () => {
    const year = yearFor(2019);
    const profiles = [
      ['Johan K.', 78, 'Zeist'],
      ['Ida S.', 86, 'Nieuw-Beijerland'],
      ['Jan B.', 75, 'Oud-Beijerland'],
      ['Jannie D.', 86, 'Strijen'],
      ['Piet H.', 77, 'Helmond'],
      ['Rita M.', 85, 'Gemert-Bakel'],
    ] as const;
    for (const [name, age, home] of profiles) {
      const client = year.clients.find((candidate) => candidate.name === name);
      assert.ok(client, name);
      assert.equal(ageOn(client.date_of_birth!, TODAY), age, name);
      const area = pc4Area(client.pc4!);
      assert.ok(area?.municipality === home || area?.place === home, `${name} lives in ${area?.place}, ${area?.municipality}`);
    }
    const stays = (name: string) => {
      const client = year.clients.find((candidate) => candidate.name === name)!;
      return year.stays
        .filter((stay) => stay.client_id === client.id && stay.status !== 'cancelled')
        .toSorted((a, b) => a.arrival.localeCompare(b.arrival));
    };
    // Piet: four days a month, as a series.
    assert.ok(stays('Piet H.').length >= 11 && stays('Piet H.').every((stay) => stay.series_id !== null));
    // Rita: a trial night, a monthly series and one stay of two weeks.
    assert.ok(stays('Rita M.').some((stay) => nightsBetween(stay.arrival, stay.departure) === 1));
    assert.ok(stays('Rita M.').some((stay) => nightsBetween(stay.arrival, stay.departure) === 14));
    // Johan: two weeks first, then a few days every two months.
    const [johanFirst, ...johanLater] = stays('Johan K.');
    assert.equal(nightsBetween(johanFirst!.arrival, johanFirst!.departure), 14);
    assert.ok(johanLater.length >= 3 && johanLater.every((stay) => nightsBetween(stay.arrival, stay.departure) === 3));
  });

  it('has a guest who comes for a weekend every quarter', () => {
    const year = yearFor(2019);
    const series = year.series.find((candidate) => candidate.rrule.startsWith('FREQ=MONTHLY;INTERVAL=3;BYDAY=+2FR'));
    assert.ok(series);
    const stays = year.stays.filter((stay) => stay.series_id === series.id && stay.status !== 'cancelled');
    assert.ok(stays.length >= 3);
    assert.ok(stays.every((stay) => isoWeekday(stay.arrival) === 5 && nightsBetween(stay.arrival, stay.departure) === 2));
  });

  describe('keeps the rules the database and the booking service enforce', () => {
    for (const seed of SEEDS) {
      it(`seed ${seed}`, () => {
        const year = yearFor(seed);
        const units = new Map(year.units.map((unit) => [unit.id, unit]));
        const locations = new Map(year.locations.map((location) => [location.id, location]));
        const blocking = year.stays.filter((stay) => BLOCKING.has(stay.status));

        for (const [unitId, stays] of groupBy(blocking, (stay) => stay.unit_id)) {
          assert.equal(overlapping(stays), undefined, `overlap on unit ${unitId}`);
        }
        for (const [clientId, stays] of groupBy(blocking, (stay) => stay.client_id)) {
          assert.equal(overlapping(stays), undefined, `client ${clientId} in two places`);
        }
        for (const closure of year.closures) {
          const hit = blocking.find(
            (stay) => stay.unit_id === closure.unit_id && stay.arrival < closure.ends_on && closure.starts_on < stay.departure,
          );
          assert.equal(hit, undefined, `stay in closure ${closure.note}`);
        }
        for (const stay of year.stays) {
          const unit = units.get(stay.unit_id)!;
          const location = locations.get(unit.location_id)!;
          assert.ok(unit.accepted_stay_types.includes(stay.stay_type), `${stay.stay_type} on ${unit.name}`);
          assert.ok(stay.arrival >= unit.active_from, 'stay before the unit opens');
          const admits = (JSON.parse(location.admission_hours) as { weekday: number }[]).map((hours) => hours.weekday);
          if (stay.status !== 'cancelled')
            assert.ok(admits.includes(isoWeekday(stay.arrival)), `arrival on a closed day at ${location.name}`);
          assert.equal(stay.cancel_reason !== null, stay.status === 'cancelled');
          assert.equal(stay.hold_expires_at, null);
          const expected = stay.departure <= TODAY ? 'departed' : stay.arrival < TODAY ? 'arrived' : 'confirmed';
          if (stay.status !== 'cancelled') assert.equal(stay.status, expected);
          // Nobody books an ELV or crisis admission months ahead.
          if (!['respite', 'wlz_respite'].includes(stay.stay_type)) assert.ok(stay.arrival <= TODAY);
        }
        const seriesNights = new Map(year.series.map((series) => [series.id, series.nights]));
        for (const stay of year.stays.filter((candidate) => candidate.series_id !== null)) {
          assert.equal(nightsBetween(stay.arrival, stay.departure), seriesNights.get(stay.series_id!));
        }
      });
    }
  });

  it('gives clients minimal data: a first name and initial, an age of 75–90 and a home PC4 of the demo regions', () => {
    const year = yearFor(2019);
    const served = new Set(year.regionPostcodes.map((row) => row.pc4));
    for (const client of year.clients) {
      assert.match(client.name, /^[A-Z][a-z]+ [A-Z]\.$/);
      within(ageOn(client.date_of_birth!, TODAY), 75, 90, `age of ${client.name}`);
      assert.ok(served.has(client.pc4!), client.pc4!);
    }
    assert.equal(new Set(year.clients.map((client) => client.name)).size, year.clients.length, 'names are unique');
  });

  it('assigns every PC4 to at most one region and fixes valid, distinct UUIDs for all rows', () => {
    const year = yearFor(2019);
    const pc4s = year.regionPostcodes.map((row) => row.pc4);
    assert.equal(new Set(pc4s).size, pc4s.length);
    const ids = [year.organisations, year.locations, year.units, year.tariffs, year.closures, year.clients, year.series, year.stays]
      .flat()
      .map((row) => row.id);
    assert.ok(ids.every((id) => UUID_V4.test(id)));
    assert.equal(new Set(ids).size, ids.length);
  });
});

function locationName(year: DemoYear, locationId: string): string {
  return year.locations.find((location) => location.id === locationId)!.name;
}

function within14(nights: number): boolean {
  return nights >= 2 && nights <= 14;
}
