import rrule from 'rrule';
import { addDays, type IsoDate, nightsBetween } from '../domain/dates.ts';
import type { StayType } from '../domain/stay-types.ts';
import type { Random } from './prng.ts';

// rrule is a CommonJS package: Node's ESM loader offers only its default export.
const { RRule } = rrule;

/**
 * Who asks for a stay in the demo year, and when: the respite guests of the three pilots shaped after the figures
 * the reports give (see /work/shared/domain-notes.md), and the unplanned ELV and crisis flow that fills the
 * flexible beds. Days are counted from the first day of the demo window.
 */
export interface DemoWindow {
  readonly from: IsoDate;
  readonly days: number;
  /** Today's day number. */
  readonly today: number;
}

export interface StayPlan {
  readonly desired: number;
  readonly nights: number;
  /** How many days the planner may move the stay to find a free bed. */
  readonly maxShift: number;
  /** Set for a request that was cancelled. */
  readonly cancelReason?: string;
}

export interface SeriesPlan {
  readonly rrule: string;
  readonly nights: number;
  readonly stays: readonly StayPlan[];
}

export interface GuestPlan {
  readonly regionId: string;
  /** Where this guest may stay; the generator prefers the location nearest home. */
  readonly locationKeys: readonly string[];
  readonly unitKind: 'bed' | 'home_night';
  readonly stayType: 'respite' | 'wlz_respite';
  /** Only for the named profiles from the reports; the generator invents the others. */
  readonly name?: string;
  readonly age?: number;
  /** Where the guest lives: a municipality, or a place in it (the reports name the villages of before 2019). */
  readonly home?: string;
  readonly series?: SeriesPlan;
  readonly stays: readonly StayPlan[];
}

export function pilotGuestPlans(random: Random, window: DemoWindow): GuestPlan[] {
  return [...hoekscheWaard(random, window), ...peelregio(random, window), ...zuidoostUtrecht(random, window)];
}

/** Unplanned stays: weight among the types a bed accepts, and nights per stay. */
export const RECOVERY_STAYS: Partial<Record<StayType, { weight: number; nights: readonly [number, number] }>> = {
  elv_low_complex: { weight: 10, nights: [7, 35] },
  elv_high_complex: { weight: 9, nights: [10, 42] },
  elv_palliative: { weight: 2, nights: [3, 21] },
  crisis_wmo: { weight: 1.5, nights: [3, 14] },
  crisis_wlz: { weight: 1, nights: [3, 14] },
};

// Hoeksche Waard: 322 of 365 nights occupied; a bed that is not reserved "is always taken by ELV/emergency
// admissions". Elsewhere a plausible three quarters; a crisis-only bed stays emptier, crises being irregular.
const RECOVERY_OCCUPANCY: Record<string, number> = { zoomwijck: 0.92, heemzicht: 0.85, zorgwaard: 0.85 };

export function recoveryOccupancy(locationKey: string, crisisOnly: boolean): number {
  return crisisOnly ? 0.5 : (RECOVERY_OCCUPANCY[locationKey] ?? 0.75);
}

/** The access point aims to place at least 90% within the region; the rest come from a neighbour region. */
export const NEIGHBOUR_GUEST_SHARE = 0.08;

const CANCEL_RATE = 0.04;
const CANCEL_REASONS = [
  'Gast opgenomen in het ziekenhuis',
  'Mantelzorger heeft zelf opvang geregeld',
  'Gast wilde op het laatste moment niet gaan',
  'Gast is ziek (griep)',
];

function request(desired: number, nights: number, maxShift = 14): StayPlan {
  return { desired, nights, maxShift };
}

/**
 * A small share of requests is cancelled by the guest's side. Not in Hoeksche Waard: its report counts only the
 * cancellations of the admission stop, which the generator makes.
 */
function maybeCancelled(random: Random, stay: StayPlan): StayPlan {
  return random.chance(CANCEL_RATE) ? { ...stay, cancelReason: random.pick(CANCEL_REASONS) } : stay;
}

function withCancellations(random: Random, series: SeriesPlan): SeriesPlan {
  return { ...series, stays: series.stays.map((stay) => maybeCancelled(random, stay)) };
}

function occurrences(rule: string, window: DemoWindow, anchor: number): number[] {
  const dtstart = new Date(`${addDays(window.from, anchor)}T00:00:00Z`);
  return new RRule({ ...RRule.parseString(rule), dtstart })
    .all()
    .map((date) => nightsBetween(window.from, date.toISOString().slice(0, 10)));
}

/**
 * A series of `count` stays in a rhythm (an RRULE without COUNT), anchored at a random day from `earliest` so that
 * every stay falls in the window; fewer stays when not all of them fit.
 */
function series(random: Random, window: DemoWindow, rhythm: string, count: number, nights: number, earliest = 0): SeriesPlan {
  for (let fitting = count; fitting > 0; fitting--) {
    const rule = `${rhythm};COUNT=${fitting}`;
    const starts = occurrences(rule, window, earliest);
    const latest = Math.max(earliest, window.days - nights - (starts.at(-1)! - starts[0]!));
    // A rule like "second Monday" starts some days after its anchor and so shifts its end: walk back until it fits.
    for (let anchor = random.int(earliest, latest); anchor >= earliest; anchor--) {
      const fitted = occurrences(rule, window, anchor);
      if (fitted.at(-1)! + nights <= window.days) {
        return { rrule: rule, nights, stays: fitted.map((desired) => request(desired, nights, 7)) };
      }
    }
  }
  throw new Error(`No stay of the series ${rhythm} fits in the demo year after day ${earliest}`);
}

function triangular(random: Random, min: number, max: number, mode: number): number {
  const u = random.next();
  const split = (mode - min) / (max - min);
  const value = u < split ? min + Math.sqrt(u * (max - min) * (mode - min)) : max - Math.sqrt((1 - u) * (max - min) * (max - mode));
  return Math.round(value);
}

// [place, weight]: "most guests live in Oud-Beijerland; few requests come from Korendijk and Cromstrijen" (former
// municipalities, here by one of their villages: Binnenmaas, Strijen, Korendijk and Cromstrijen in that order).
const HOEKSCHE_WAARD_HOMES: readonly (readonly [string, number])[] = [
  ['Oud-Beijerland', 6],
  ['Puttershoek', 1],
  ['Mijnsheerenland', 1],
  ['Strijen', 1],
  ['Nieuw-Beijerland', 0.5],
  ['Numansdorp', 0.5],
];

/** 28 guests (29 requests), 12–14 nights on average, mostly once; one guest a weekend every quarter. */
function hoekscheWaard(random: Random, window: DemoWindow): GuestPlan[] {
  const guest = (plan: Partial<GuestPlan>): GuestPlan => ({
    regionId: 'hoeksche-waard',
    locationKeys: ['zoomwijck', 'heemzicht'],
    unitKind: 'bed',
    stayType: 'respite',
    stays: [],
    ...plan,
  });
  const home = () => random.weighted(HOEKSCHE_WAARD_HOMES);
  const today = window.today;
  const plans = [
    // Ida stayed 10 days and would like to come every two to three months.
    guest({ name: 'Ida S.', age: 86, home: 'Nieuw-Beijerland', stays: [request(today - 120, 10, 7), request(today + 50, 10, 7)] }),
    // Jan stayed 10 days; half a year later he comes back for a week while Gerda is on holiday.
    guest({ name: 'Jan B.', age: 75, home: 'Oud-Beijerland', stays: [request(today - 170, 10, 7), request(today + 15, 7, 7)] }),
    guest({ name: 'Jannie D.', age: 86, home: 'Strijen', stays: [request(today - 60, 14, 7)] }),
    guest({ home: home(), series: series(random, window, 'FREQ=MONTHLY;INTERVAL=3;BYDAY=+2FR', 4, 2) }),
  ];
  // The coordinator books the bought bed nearly back to back (322 of 365 nights); what does not fit there takes a
  // flexible bed. The first three guests come back later in the year.
  let cursor = random.int(0, 7);
  for (let i = 0; i < 24; i++) {
    const nights = triangular(random, 8, 21, 17);
    const first = cursor + nights <= window.days ? cursor : random.int(0, window.days - nights);
    cursor += nights + random.int(0, 2);
    const stays = [request(first, nights)];
    if (i < 3) stays.push(request(first + nights + random.int(45, 150), random.int(8, 14)));
    plans.push(guest({ home: home(), stays }));
  }
  // The 29th request was withdrawn before the stay.
  const withdrawn = random.int(0, window.days - 12);
  plans.push(
    guest({
      home: home(),
      stays: [{ desired: withdrawn, nights: 12, maxShift: 0, cancelReason: 'Mantelzorger heeft zelf opvang geregeld' }],
    }),
  );
  return plans;
}

// [nights, weight]
const PEEL_NIGHTS: readonly (readonly [number, number])[] = [
  [3, 3],
  [4, 3],
  [5, 2],
  [6, 1],
  [7, 2],
];
const PEEL_SERIES_NIGHTS: readonly (readonly [number, number])[] = [
  [3, 2],
  [4, 3],
  [5, 1],
];
const WEEKDAY_CODES = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];

/**
 * 93 guests, 3–7 nights; 80% come back; about half stay 1–4 times a year, a quarter 5–10 times and a quarter more
 * than 10 times. Regular guests follow a series; Wlz clients (a minority) come on their indication.
 */
function peelregio(random: Random, window: DemoWindow): GuestPlan[] {
  const guest = (plan: Partial<GuestPlan>): GuestPlan => ({
    regionId: 'peelregio',
    locationKeys: ['plezant'],
    unitKind: 'bed',
    stayType: 'respite',
    stays: [],
    ...plan,
  });
  const regular = (rhythm: string, count: number) =>
    guest({
      stayType: random.chance(0.25) ? 'wlz_respite' : 'respite',
      series: withCancellations(random, series(random, window, rhythm, count, random.weighted(PEEL_SERIES_NIGHTS))),
    });
  const occasional = (count: number) =>
    guest({
      stayType: random.chance(0.1) ? 'wlz_respite' : 'respite',
      stays: Array.from({ length: count }, () => {
        const nights = random.weighted(PEEL_NIGHTS);
        // Without a fixed rhythm the family can move a stay by up to four weeks.
        return maybeCancelled(random, request(random.int(0, window.days - nights), nights, 28));
      }),
    });

  const plans = [guest({ name: 'Piet H.', age: 77, home: 'Helmond', series: series(random, window, 'FREQ=MONTHLY;BYDAY=+2MO', 12, 4) })];
  // Rita started with a trial night, then four days a month, and once two weeks while her daughter was away.
  const trial = random.int(0, 20);
  const rita = series(random, window, 'FREQ=MONTHLY;BYDAY=+3TH', 10, 4, trial + 14);
  const longStay = rita.stays[Math.floor(rita.stays.length / 2)]!.desired + 6;
  plans.push(
    guest({ name: 'Rita M.', age: 85, home: 'Gemert-Bakel', series: rita, stays: [request(trial, 1, 7), request(longStay, 14, 7)] }),
  );
  // More than ten stays: every three or four weeks, or a fixed day each month. Counts leave room for a cancellation.
  for (let i = 0; i < 22; i++) {
    plans.push(
      random.chance(0.5)
        ? regular(`FREQ=WEEKLY;INTERVAL=${random.pick([3, 4])}`, random.int(12, 13))
        : regular(`FREQ=MONTHLY;BYDAY=+${random.int(1, 2)}${random.pick(WEEKDAY_CODES)}`, 12),
    );
  }
  // Five to ten stays, spread over the whole year so the house is not fuller in the middle of it.
  for (let i = 0; i < 22; i++) {
    const count = random.int(5, 10);
    plans.push(regular(`FREQ=WEEKLY;INTERVAL=${Math.floor((window.days - 14) / 7 / (count - 1))}`, count));
  }
  for (let i = 0; i < 27; i++) plans.push(occasional(random.int(2, 4)));
  for (let i = 0; i < 20; i++) plans.push(occasional(1));
  return plans;
}

/** 17 guests, from 2 days to 2 weeks, half of them about 14 days; and five guests of "logeerzorg thuis". */
function zuidoostUtrecht(random: Random, window: DemoWindow): GuestPlan[] {
  const guest = (plan: Partial<GuestPlan>): GuestPlan => ({
    regionId: 'zuidoost-utrecht',
    locationKeys: ['in-de-dennen', 'schutsmantel'],
    unitKind: 'bed',
    stayType: 'respite',
    stays: [],
    ...plan,
  });
  // Johan stayed two weeks; now he comes for a few days every two months.
  const johanFirst = random.int(10, 40);
  const plans = [
    guest({
      name: 'Johan K.',
      age: 78,
      home: 'Zeist',
      stays: [request(johanFirst, 14, 7)],
      series: series(random, window, 'FREQ=MONTHLY;INTERVAL=2;BYDAY=+1MO', 4, 3, johanFirst + 60),
    }),
  ];
  for (let i = 0; i < 16; i++) {
    const long = i < 8;
    const returns = i === 8 || i === 9;
    const nights = long ? random.int(12, 14) : random.int(2, 7);
    const first = random.int(0, window.days - nights - (returns ? 100 : 0));
    const stays = [maybeCancelled(random, request(first, nights))];
    if (returns) stays.push(maybeCancelled(random, request(first + nights + random.int(30, 90), random.int(2, 7))));
    plans.push(guest({ stays }));
  }
  for (let i = 0; i < 5; i++) {
    const stays = Array.from({ length: random.int(3, 6) }, () =>
      maybeCancelled(random, request(random.int(window.today - 180, window.today + 60), random.int(1, 3))),
    );
    plans.push(guest({ locationKeys: ['in-de-dennen'], unitKind: 'home_night', stays }));
  }
  return plans;
}
