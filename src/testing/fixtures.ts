import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../data/schema.ts';
import { addDays } from '../domain/dates.ts';
import { appClock } from '../clock.ts';
import type { StayType } from '../domain/stay-types.ts';

/** Small builders named after the domain, so a test reads as the situation it sets up. */

export async function aRegion(db: Kysely<Database>, id = `region-${randomUUID().slice(0, 8)}`, name = 'Testregio') {
  await db
    .insertInto('region')
    .values({ id, name, municipalities: ['Hoeksche Waard'] })
    .execute();
  return id;
}

export async function neighbours(db: Kysely<Database>, a: string, b: string) {
  await db
    .insertInto('region_neighbour')
    .values([
      { region_id: a, neighbour_id: b },
      { region_id: b, neighbour_id: a },
    ])
    .execute();
}

export async function aLocation(
  db: Kysely<Database>,
  regionId: string,
  overrides: {
    name?: string;
    features?: string[];
    latitude?: number;
    longitude?: number;
    admissionHours?: { weekday: number; from: string; until: string }[];
  } = {},
) {
  const organisation = await db
    .insertInto('organisation')
    .values({ name: 'Zorggroep Test', agb_code: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  const location = await db
    .insertInto('location')
    .values({
      organisation_id: organisation.id,
      region_id: regionId,
      name: overrides.name ?? 'Wijkpension De Test',
      street: 'Teststraat',
      house_number: '1',
      postcode: '3262 AB',
      city: 'Oud-Beijerland',
      pc4: '3262',
      latitude: overrides.latitude ?? 51.82,
      longitude: overrides.longitude ?? 4.41,
      features: overrides.features ?? [],
      admission_hours: JSON.stringify(overrides.admissionHours ?? [{ weekday: 1, from: '09:00', until: '17:00' }]),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return location.id;
}

export async function aUnit(
  db: Kysely<Database>,
  locationId: string,
  overrides: {
    name?: string;
    accepted?: StayType[];
    reservedFor?: StayType | null;
    features?: string[];
    activeFrom?: string;
    activeUntil?: string | null;
    kind?: 'bed' | 'home_night';
  } = {},
) {
  const unit = await db
    .insertInto('capacity_unit')
    .values({
      location_id: locationId,
      kind: overrides.kind ?? 'bed',
      name: overrides.name ?? `Kamer ${randomUUID().slice(0, 4)}`,
      accepted_stay_types: overrides.accepted ?? ['respite', 'elv_low_complex', 'crisis_wmo'],
      reserved_for: overrides.reservedFor ?? null,
      features: overrides.features ?? [],
      active_from: overrides.activeFrom ?? addDays(appClock().today(), -400),
      active_until: overrides.activeUntil ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return unit.id;
}

export async function aClient(db: Kysely<Database>, name = 'Jan de T.') {
  const client = await db.insertInto('client').values({ name, pc4: '3262' }).returning('id').executeTakeFirstOrThrow();
  return client.id;
}

/** A date this many days from today: tests book in the future so "not in the past" holds. */
export function inDays(days: number): string {
  return addDays(appClock().today(), days);
}

export async function organisationOf(db: Kysely<Database>, locationId: string): Promise<string> {
  return (await db.selectFrom('location').select('organisation_id').where('id', '=', locationId).executeTakeFirstOrThrow()).organisation_id;
}

/** Every caregiver-burden question of the triage answered the same: '0' never, '1' sometimes, '2' often. */
export function burdenAnswers(value: '0' | '1' | '2') {
  return { burden_tired: value, burden_health: value, burden_own_time: value, burden_worry: value, burden_relationship: value };
}

/**
 * Answers to the current triage questionnaire (version 2) for a stable person at home who needs some help with
 * daily care and whose caregiver copes (planned Wmo respite); a test overrides what its situation changes.
 */
export function triageAnswers(changes: Record<string, boolean | string | string[] | number> = {}) {
  return {
    from_hospital: false,
    needed_today: false,
    specialist_intervention: false,
    medically_stable: true,
    treatment_or_observation: false,
    unplanned_nursing: false,
    life_expectancy_short: false,
    rehabilitation_needed: false,
    return_home_expected: true,
    infection_isolation: false,
    adl_dependency: 'partial',
    mobility: 'walks',
    night_care: 'none',
    dementia: 'none',
    wandering: false,
    behaviour_problems: false,
    korsakov: false,
    psychiatric: false,
    addiction: false,
    wlz_status: 'none',
    caregiver_dropped_out: false,
    partner_stays_too: false,
    ...burdenAnswers('1'),
    ...changes,
  };
}
