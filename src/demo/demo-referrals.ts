import { generateCaregiverContacts } from './demo-caregivers.ts';
import { type Insertable, type Kysely, type Transaction, sql } from 'kysely';
import type {
  Database,
  OfferTable,
  ReferralEventTable,
  ReferralTable,
  StayEventDetails,
  StayTable,
  SurveyTable,
  TaskTable,
} from '../data/schema.ts';
import { type IsoDate, addDays } from '../domain/dates.ts';
import { type ReferralKind, type ReferrerKind, newReferralReference } from '../domain/referral.ts';
import { AFTERCARE_DUE_DAYS, type Respondent, SCORE_MAX, SCORE_MIN, SURVEY_QUESTIONS, SURVEY_VALID_DAYS } from '../domain/survey.ts';
import { DEMO_ACCOUNTS } from './demo-accounts.ts';
import type { DemoRow } from './demo-registry.ts';
import { DEFAULT_DEMO_SEED, type DemoYear } from './generate-year.ts';
import { type Random, createRandom } from './prng.ts';
import type { ReferralStatus } from '../domain/referral-lifecycle.ts';

/**
 * The referrals behind the demo year's stays, so that the central point's lists, a referral's history and the policy
 * monitor have a year to show: who asked for each stay and when, when it was offered and booked, who waited, the
 * aftercare call and the satisfaction surveys. Written after the stays, with the times a history would have had; the
 * stay triggers that write such rows as people work do not fire for this (the stays get their referral afterwards),
 * so nothing is written twice and nothing is "now".
 *
 * Every referral whose guest has left already has its aftercare task, so the minute job does not start a year of
 * aftercare calls and survey mails when the demo starts. No free text is made up: no messages, no survey comments.
 */
export interface DemoReferrals {
  readonly referrals: (Insertable<ReferralTable> & { id: string })[];
  /** Which stay belongs to which referral: set on the stays after both exist. */
  readonly stayReferrals: { stayId: string; referralId: string }[];
  readonly events: Insertable<ReferralEventTable>[];
  readonly offers: Insertable<OfferTable>[];
  readonly tasks: Insertable<TaskTable>[];
  readonly surveys: Insertable<SurveyTable>[];
}

export interface DemoReferrers {
  /** The demo GP, whose practice is in Oud-Beijerland: the Hoeksche Waard's GP referrals are hers. */
  readonly gpUserId: string;
  readonly gpOrganisationId: string | null;
  /** Referrals that came in by phone (hospital desks, case managers of other organisations) are entered by the central point. */
  readonly coordinatorUserId: string;
}

type Stay = DemoRow<StayTable>;

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const GP_REGION = 'hoeksche-waard';
const CAREGIVER_NAMES = [
  'Annie',
  'Bert',
  'Carla',
  'Dirk',
  'Els',
  'Frank',
  'Gerda',
  'Hans',
  'Ingrid',
  'Jeroen',
  'Karin',
  'Marco',
  'Monique',
  'Peter',
  'Sandra',
  'Wendy',
];

/** A moment on a Dutch calendar day (winter time is close enough for demo data). */
const moment = (date: IsoDate, hour: number) => new Date(Date.parse(`${date}T00:00:00Z`) + (hour - 1) * HOUR);

/** What every referral of the run shares: the random streams, the clock's limit, the lookups and the rows so far. */
interface Run {
  readonly year: DemoYear;
  readonly referrers: DemoReferrers;
  readonly random: Random;
  readonly ids: Random;
  /** Nothing happened after the start of the demo's today. */
  readonly latest: number;
  readonly regionOfPc4: Map<string, string>;
  readonly clientById: Map<string, DemoYear['clients'][number]>;
  readonly seriesById: Map<string, DemoYear['series'][number]>;
  readonly references: Set<string>;
  readonly result: DemoReferrals;
}

/** When a referral was asked for, offered and booked, and whether it waited for a place. */
interface Timeline {
  createdAt: number;
  arrivalAt: number;
  offerAt: number;
  bookedAt: number;
  waited: boolean;
}

export function generateReferrals(year: DemoYear, referrers: DemoReferrers, seed = DEFAULT_DEMO_SEED): DemoReferrals {
  const run: Run = {
    year,
    referrers,
    // Streams of their own: the stays of the year stay exactly as they were.
    random: createRandom(seed ^ 0x2f6b_1c3d),
    ids: createRandom(seed ^ 0x7e1a_90b5),
    latest: moment(year.today, 0).getTime(),
    regionOfPc4: new Map(year.regionPostcodes.map((row) => [row.pc4, row.region_id])),
    clientById: new Map(year.clients.map((row) => [row.id, row])),
    seriesById: new Map(year.series.map((row) => [row.id, row])),
    references: new Set<string>(),
    result: { referrals: [], stayReferrals: [], events: [], offers: [], tasks: [], surveys: [] },
  };
  for (const stays of referralGroups(year.stays)) addReferral(run, stays);
  return run.result;
}

const clamp = (run: Run, time: number) => Math.min(time, run.latest);
const between = (run: Run, min: number, max: number) => min + run.random.next() * (max - min);

function addReferral(run: Run, stays: readonly Stay[]): void {
  const first = stays[0]!;
  const client = run.clientById.get(first.client_id)!;
  const planned = first.stay_type === 'respite' || first.stay_type === 'wlz_respite';
  const kind = referralKind(first, stays.length > 1 && first.series_id !== null, run.random);
  const referralId = run.ids.uuid();
  const timeline = requestTimeline(run, first, kind, planned);
  const stepsUntil = recordStaySteps(run, referralId, stays, timeline);
  const { done, lastAt } = recordAftercare(run, referralId, client.id, stays, stepsUntil);
  run.result.referrals.push(
    referralRow(run, { referralId, stays, client, kind, planned, createdAt: timeline.createdAt, lastAt, aftercareDone: done }),
  );
}

/** Weeks ahead for planned respite, hours for ELV and crises. */
function requestTimeline(run: Run, first: Stay, kind: ReferralKind, planned: boolean): Timeline {
  const { random, latest } = run;
  const arrivalAt = moment(first.arrival, planned ? 14 : Math.round(between(run, 10, 20))).getTime();
  let createdAt: number;
  if (planned) {
    createdAt = moment(
      addDays(first.arrival, -random.int(first.series_id ? 14 : 10, first.series_id ? 56 : 60)),
      random.int(9, 16),
    ).getTime();
    if (createdAt > latest - 2 * DAY) createdAt = moment(addDays(run.year.today, -random.int(2, 20)), random.int(9, 16)).getTime();
  } else {
    createdAt = Math.min(arrivalAt - between(run, kind === 'crisis' ? 1 : 2, kind === 'crisis' ? 12 : 36) * HOUR, latest - HOUR);
  }
  const end = Math.min(arrivalAt, latest);
  // Planned respite is asked for more often than there are beds: most requests made weeks ahead wait for a place.
  const waited = planned && end - createdAt >= 14 * DAY && random.chance(0.6);
  let offerAt: number;
  let bookedAt: number;
  if (planned) {
    offerAt = createdAt + (end - createdAt) * (waited ? between(run, 0.5, 0.9) : between(run, 0.03, 0.25));
    bookedAt = first.series_id ? offerAt : offerAt + Math.min((end - offerAt) / 2, between(run, 2, 48) * HOUR);
  } else {
    offerAt = createdAt + (end - createdAt) * between(run, 0.05, 0.4);
    bookedAt = offerAt + (end - offerAt) * between(run, 0.1, 0.5);
  }
  return { createdAt, arrivalAt, offerAt, bookedAt, waited };
}

/** A step as 0013's trigger writes it: the stay as it was right after the step. Returns its (clamped) time. */
function recordEvent(
  run: Run,
  referralId: string,
  stay: Stay | null,
  kind: ReferralEventTable['kind'],
  at: number,
  actorRole: string,
  previousStatus?: Stay['status'],
): number {
  const status: Stay['status'] =
    kind === 'booked' ? (previousStatus === 'hold' ? 'hold' : 'confirmed') : kind === 'confirmed' ? 'confirmed' : (kind as Stay['status']);
  const previous = kind === 'booked' ? undefined : previousStatus;
  const details: StayEventDetails | Record<string, never> = stay
    ? { unitId: stay.unit_id, arrival: stay.arrival, departure: stay.departure, status, ...(previous ? { previousStatus: previous } : {}) }
    : {};
  run.result.events.push({
    referral_id: referralId,
    stay_id: stay?.id ?? null,
    kind,
    at: new Date(clamp(run, at)),
    actor_role: actorRole,
    details: JSON.stringify(details),
    notice_pending: false,
  });
  return clamp(run, at);
}

/** The waiting, the offer, the booking and what became of each stay. Returns the time of the last step. */
function recordStaySteps(run: Run, referralId: string, stays: readonly Stay[], timeline: Timeline): number {
  const { createdAt, arrivalAt, offerAt, bookedAt, waited } = timeline;
  const first = stays[0]!;
  const event = (stay: Stay | null, kind: ReferralEventTable['kind'], at: number, actorRole: string, previousStatus?: Stay['status']) =>
    recordEvent(run, referralId, stay, kind, at, actorRole, previousStatus);
  if (waited) event(null, 'waiting', createdAt + between(run, 0.5, 2) * DAY, 'coordinator');
  let bookingAt = bookedAt;
  let lastAt = createdAt;
  for (const [index, stay] of stays.entries()) {
    if (index === 0) {
      if (first.series_id) {
        lastAt = event(stay, 'booked', bookedAt, 'coordinator');
      } else {
        lastAt = event(stay, 'booked', offerAt, 'coordinator', 'hold');
        // An offer from the waiting list is a hold like any other, remembered in offer.
        if (waited)
          run.result.offers.push({
            referral_id: referralId,
            stay_id: stay.id,
            unit_id: stay.unit_id,
            created_at: new Date(clamp(run, offerAt)),
          });
        lastAt = event(stay, 'confirmed', bookedAt, 'coordinator', 'hold');
      }
    } else if (first.series_id) {
      event(stay, 'booked', bookedAt, 'coordinator');
    } else {
      // Booked again after an admission stop cancelled the first stay.
      bookingAt = Math.max(bookingAt, lastAt) + between(run, 2, 24) * HOUR;
      lastAt = event(stay, 'booked', Math.min(bookingAt, moment(stay.arrival, 12).getTime()), 'coordinator');
    }
    const stayArrival = index === 0 ? arrivalAt : moment(stay.arrival, 14).getTime();
    if (stay.status === 'cancelled') {
      lastAt = Math.max(
        lastAt,
        event(stay, 'cancelled', bookingAt + (stayArrival - bookingAt) * between(run, 0.3, 0.95), 'coordinator', 'confirmed'),
      );
    }
    if (stay.status === 'arrived' || stay.status === 'departed')
      lastAt = Math.max(lastAt, event(stay, 'arrived', stayArrival, 'provider_planner', 'confirmed'));
    if (stay.status === 'departed')
      lastAt = Math.max(lastAt, event(stay, 'departed', moment(stay.departure, 11).getTime(), 'provider_planner', 'arrived'));
    run.result.stayReferrals.push({ stayId: stay.id, referralId });
  }
  return lastAt;
}

/** Aftercare after the first departure: the call, and the two survey links of which some were answered. */
function recordAftercare(
  run: Run,
  referralId: string,
  clientId: string,
  stays: readonly Stay[],
  lastAt: number,
): { done: boolean; lastAt: number } {
  const { random, ids, latest, result } = run;
  const departed = stays.filter((stay) => stay.status === 'departed').sort((a, b) => a.departure.localeCompare(b.departure))[0];
  if (!departed) return { done: false, lastAt };
  const doneAt = moment(addDays(departed.departure, random.int(1, AFTERCARE_DUE_DAYS + 1)), random.int(9, 16)).getTime();
  const done = doneAt <= latest;
  result.tasks.push({
    referral_id: referralId,
    client_id: clientId,
    kind: 'aftercare_call',
    status: done ? 'done' : 'open',
    due_on: addDays(departed.departure, AFTERCARE_DUE_DAYS),
    note: null,
    done_at: done ? new Date(doneAt) : null,
    done_by: done ? run.referrers.coordinatorUserId : null,
    created_at: new Date(clamp(run, moment(departed.departure, 12).getTime())),
  });
  const sentAt = clamp(run, moment(departed.departure, 12).getTime());
  for (const [respondent, share] of [
    ['caregiver', 0.45],
    ['guest', 0.3],
  ] as const) {
    const answeredAt = sentAt + between(run, 1, 12) * DAY;
    const answered = answeredAt <= latest && random.chance(share);
    result.surveys.push({
      stay_id: departed.id,
      referral_id: referralId,
      client_id: clientId,
      respondent,
      token_hash: `${ids.uuid()}${ids.uuid()}`.replaceAll('-', ''),
      expires_at: new Date(sentAt + SURVEY_VALID_DAYS * DAY),
      answered_at: answered ? new Date(answeredAt) : null,
      scores: answered ? JSON.stringify(surveyScores(respondent, random)) : null,
      comment: null,
      created_at: new Date(sentAt),
    });
  }
  return { done, lastAt: done ? Math.max(lastAt, doneAt) : lastAt };
}

function newReference(run: Run): string {
  let reference = '';
  while (reference === '' || run.references.has(reference)) reference = newReferralReference(() => run.random.int(0, 255));
  run.references.add(reference);
  return reference;
}

/** The referral itself: who asked, for whom, what was wished, and where it stands now. */
function referralRow(
  run: Run,
  facts: {
    referralId: string;
    stays: readonly Stay[];
    client: DemoYear['clients'][number];
    kind: ReferralKind;
    planned: boolean;
    createdAt: number;
    lastAt: number;
    aftercareDone: boolean;
  },
): DemoReferrals['referrals'][number] {
  const { random, result } = run;
  const { referralId, stays, client, kind, planned, createdAt } = facts;
  const first = stays[0]!;
  const status = referralStatus(stays, facts.aftercareDone);
  const homeRegion = run.regionOfPc4.get(client.pc4 ?? '') ?? null;
  const referrer = referrerOf(kind, homeRegion, run.referrers, random);
  const relation = random.weighted([
    ['partner', 0.55],
    ['child', 0.4],
    ['other', 0.05],
  ] as const);
  const surnameInitial = / ([A-Z]\.)$/.exec(client.name)?.[1];
  const caregiverName = `${random.pick(CAREGIVER_NAMES)}${surnameInitial && relation !== 'other' ? ` ${surnameInitial}` : ''}`;
  const series = first.series_id ? run.seriesById.get(first.series_id) : undefined;
  return {
    id: referralId,
    reference: newReference(run),
    status,
    source: referrer.kind === 'caregiver' ? 'public' : 'professional',
    referrer_kind: referrer.kind,
    referrer_user_id: referrer.userId,
    referrer_organisation_id: referrer.organisationId,
    kind,
    client_id: client.id,
    partner_client_id: null,
    caregiver_name: caregiverName,
    caregiver_relation: relation,
    caregiver_works: relation === 'child' ? random.chance(0.6) : relation === 'partner' ? false : null,
    caregiver_phone: null,
    // example.org is reserved for examples: mail to it goes nowhere.
    caregiver_email: referrer.kind === 'caregiver' ? `mantelzorger-${result.referrals.length + 1}@example.org` : null,
    wished_arrival: first.arrival,
    wished_departure: first.departure,
    flexibility_days: planned ? 7 : 0,
    recurrence: series?.rrule ?? null,
    preferred_location_ids: [],
    indication_wmo: first.stay_type === 'respite' || first.stay_type === 'crisis_wmo',
    indication_wlz_profile:
      first.stay_type === 'wlz_respite' || first.stay_type === 'crisis_wlz' ? random.pick(['VV4', 'VV5', 'VV6']) : null,
    indication_zvw_nursing: first.stay_type.startsWith('elv_'),
    consent_at: new Date(createdAt),
    consent_given_by: referrer.kind === 'caregiver' ? caregiverName : client.name,
    message: null,
    cancel_reason: status === 'cancelled' ? stays.at(-1)!.cancel_reason : null,
    created_at: new Date(createdAt),
    updated_at: new Date(clamp(run, facts.lastAt)),
  };
}

/**
 * The stays that one referral asked for: a series together, a stay cancelled by an admission stop together with the
 * stay booked again right after it (the generator records them one after the other), every other stay on its own.
 */
function referralGroups(stays: readonly Stay[]): Stay[][] {
  const groups: Stay[][] = [];
  const bySeries = new Map<string, Stay[]>();
  for (let i = 0; i < stays.length; i++) {
    const stay = stays[i]!;
    if (stay.series_id) {
      if (!bySeries.has(stay.series_id)) groups.push(bySeries.set(stay.series_id, []).get(stay.series_id)!);
      bySeries.get(stay.series_id)!.push(stay);
      continue;
    }
    const next = stays[i + 1];
    if (
      stay.cancel_reason === 'Opnamestop op de locatie' &&
      next &&
      !next.series_id &&
      next.client_id === stay.client_id &&
      next.status !== 'cancelled'
    ) {
      groups.push([stay, next]);
      i++;
    } else {
      groups.push([stay]);
    }
  }
  for (const group of groups) group.sort((a, b) => a.arrival.localeCompare(b.arrival));
  return groups;
}

function referralKind(first: Stay, series: boolean, random: Random): ReferralKind {
  switch (first.stay_type) {
    case 'respite':
      return series ? 'respite_recurring' : first.departure === addDays(first.arrival, 1) ? 'trial_stay' : 'respite_once';
    case 'wlz_respite':
      return 'wlz_respite';
    case 'crisis_wmo':
    case 'crisis_wlz':
      return 'crisis';
    case 'elv_palliative':
      return random.chance(0.6) ? 'elv_from_gp' : 'elv_after_hospital';
    default:
      return random.chance(0.65) ? 'elv_after_hospital' : 'elv_from_gp';
  }
}

function referrerOf(kind: ReferralKind, homeRegion: string | null, referrers: DemoReferrers, random: Random) {
  const referrerKind: ReferrerKind =
    kind === 'elv_after_hospital'
      ? 'hospital_transfer'
      : kind === 'elv_from_gp'
        ? 'gp'
        : kind === 'crisis'
          ? random.weighted([
              ['gp', 0.4],
              ['casemanager_dementia', 0.3],
              ['social_team', 0.15],
              ['wmo_consultant', 0.15],
            ] as const)
          : random.chance(0.25)
            ? 'caregiver'
            : random.weighted([
                ['casemanager_dementia', 0.4],
                ['wmo_consultant', 0.25],
                ['gp', 0.2],
                ['district_nursing', 0.15],
              ] as const);
  if (referrerKind === 'caregiver') return { kind: referrerKind, userId: null, organisationId: null };
  if (referrerKind === 'gp' && homeRegion === GP_REGION)
    return { kind: referrerKind, userId: referrers.gpUserId, organisationId: referrers.gpOrganisationId };
  return { kind: referrerKind, userId: referrers.coordinatorUserId, organisationId: null };
}

/** What the status trigger of 0009 would have made of these stays, and after a departure the aftercare step. */
function referralStatus(stays: readonly Stay[], aftercareDone: boolean): ReferralStatus {
  const has = (status: Stay['status']) => stays.some((stay) => stay.status === status);
  if (has('arrived')) return 'arrived';
  if (has('confirmed')) return 'booked';
  if (has('departed')) return aftercareDone ? 'closed' : 'aftercare';
  return 'cancelled';
}

/** Mostly content, some less so; arranging the stay scores a little lower than the stay itself. */
function surveyScores(respondent: Respondent, random: Random): Record<string, number> {
  const base = random.weighted([
    [5, 0.35],
    [4, 0.42],
    [3, 0.15],
    [2, 0.05],
    [1, 0.03],
  ] as const);
  return Object.fromEntries(
    SURVEY_QUESTIONS[respondent].map((question) => {
      const shift = random.weighted([
        [-1, question.id === 'arranging' ? 0.35 : 0.15],
        [0, 0.7],
        [1, 0.15],
      ] as const);
      return [question.id, Math.min(SCORE_MAX, Math.max(SCORE_MIN, base + shift))];
    }),
  );
}

// Far below PostgreSQL's 65,535 bind parameters per statement.
const BATCH_SIZE = 500;

/** Inserts the demo referrals inside the demo seed's transaction, after the accounts; answers rows per table. */
export async function seedDemoReferrals(trx: Transaction<Database> | Kysely<Database>, year: DemoYear): Promise<Record<string, number>> {
  const emails = (role: string) => DEMO_ACCOUNTS.find((account) => account.role === role)!.email;
  const users = await trx
    .selectFrom('app_user')
    .select(['id', 'email', 'organisation_id'])
    .where('email', 'in', [emails('referrer'), emails('coordinator')])
    .execute();
  const gp = users.find((user) => user.email === emails('referrer'))!;
  const coordinator = users.find((user) => user.email === emails('coordinator'))!;
  const demo = generateReferrals(year, { gpUserId: gp.id, gpOrganisationId: gp.organisation_id, coordinatorUserId: coordinator.id });
  const batches = <T>(rows: readonly T[]) =>
    Array.from({ length: Math.ceil(rows.length / BATCH_SIZE) }, (_x, i) => rows.slice(i * BATCH_SIZE, (i + 1) * BATCH_SIZE));
  for (const rows of batches(demo.referrals)) await trx.insertInto('referral').values(rows).execute();
  // Setting stay.referral_id fires neither the status nor the history trigger (they watch other columns).
  for (const rows of batches(demo.stayReferrals)) {
    await sql`UPDATE stay SET referral_id = link.referral_id
                FROM jsonb_to_recordset(${JSON.stringify(rows.map((row) => ({ stay_id: row.stayId, referral_id: row.referralId })))}::jsonb)
                  AS link (stay_id uuid, referral_id uuid)
               WHERE stay.id = link.stay_id`.execute(trx);
  }
  for (const rows of batches(demo.events)) await trx.insertInto('referral_event').values(rows).execute();
  for (const rows of batches(demo.offers)) await trx.insertInto('offer').values(rows).execute();
  for (const rows of batches(demo.tasks)) await trx.insertInto('task').values(rows).execute();
  for (const rows of batches(demo.surveys)) await trx.insertInto('survey').values(rows).execute();
  const caregivers = generateCaregiverContacts(demo.tasks, coordinator.id, year.today);
  for (const rows of batches(caregivers.contacts)) await trx.insertInto('caregiver_contact').values(rows).execute();
  for (const rows of batches(caregivers.screenings)) await trx.insertInto('burden_screening').values(rows).execute();
  return {
    referral: demo.referrals.length,
    referral_event: demo.events.length,
    offer: demo.offers.length,
    task: demo.tasks.length,
    survey: demo.surveys.length,
    caregiver_contact: caregivers.contacts.length,
    burden_screening: caregivers.screenings.length,
  };
}
