import type { Kysely } from 'kysely';
import { unitPlaces } from '../data/notification.repository.ts';
import {
  aftercareTasksOf,
  cancelReasons,
  offersOf,
  recordedEventsOf,
  referralCreation,
  triageOverridesOf,
  triagesOf,
} from '../data/referral-event.repository.ts';
import type { Database } from '../data/schema.ts';
import { stayEventDetails } from '../data/stored-json.ts';
import { notFound, outOfScope } from '../errors.ts';
import { type Scope, inScope } from './scope.ts';

export const HISTORY_KINDS = [
  'created',
  'triaged',
  'triage_override',
  'waiting',
  'offer',
  'booked',
  'confirmed',
  'cancelled',
  'expired',
  'no_show',
  'arrived',
  'departed',
  'extended',
  'shortened',
  'dates_changed',
  'moved',
  'aftercare_started',
  'aftercare_done',
  'referral_changed',
  'referral_withdrawn',
  'referral_closed',
] as const;
export type HistoryKind = (typeof HISTORY_KINDS)[number];

export interface HistoryEvent {
  kind: HistoryKind;
  at: string;
  /** The role of whoever did it, when known; null for the system (expiry, the waiting list) and public requests. */
  actorRole: string | null;
  stayId: string | null;
  details: HistoryDetails;
}

/**
 * Places, dates and statuses; the cancellation reason (as the stay now holds it) and the topic of a triage override.
 * No answers, outcomes or notes: those are in the triage and task records, for the central point only.
 */
export interface HistoryDetails {
  source?: 'professional' | 'public';
  questionnaireVersion?: string;
  topic?: string;
  status?: string;
  previousStatus?: string;
  unitId?: string;
  unitName?: string;
  locationName?: string;
  arrival?: string;
  departure?: string;
  previousArrival?: string;
  previousDeparture?: string;
  previousUnitId?: string;
  previousUnitName?: string;
  previousLocationName?: string;
  reason?: string | null;
  dueOn?: string;
  /** Which fields of the referral a change touched (names, not values). */
  fields?: string[];
}

export interface ReferralHistory {
  referralId: string;
  reference: string;
  clientId: string;
  events: HistoryEvent[];
}

/** A referral's timeline, oldest first; the same scope as the referral itself (others answer 404). */
export async function referralHistory(db: Kysely<Database>, scope: Scope, referralId: string): Promise<ReferralHistory> {
  const referral = await referralCreation(db, referralId);
  if (!referral) throw notFound('referral');
  if (!inScope(scope, referral.organisationId ?? undefined)) throw outOfScope('referral', referral.clientId);
  const [recorded, triages, overrides, offers, tasks] = await Promise.all([
    recordedEventsOf(db, referralId),
    triagesOf(db, referralId),
    triageOverridesOf(db, referralId),
    offersOf(db, referralId),
    aftercareTasksOf(db, referralId),
  ]);
  const stayDetails = recorded.flatMap((event) => stayEventDetails(event.details) ?? []);
  const places = await unitPlaces(db, [
    ...stayDetails.flatMap((details) => [details.unitId, ...(details.previousUnitId ? [details.previousUnitId] : [])]),
    ...offers.map((offer) => offer.unitId),
  ]);
  const reasons = await cancelReasons(
    db,
    recorded.flatMap((event) => (event.kind === 'cancelled' && event.stayId ? [event.stayId] : [])),
  );
  const place = (unitId: string) => ({ unitId, unitName: places.get(unitId)?.unitName, locationName: places.get(unitId)?.locationName });

  // In the order of the lifecycle, so that a stable sort by time keeps that order for equal times.
  const events: HistoryEvent[] = [
    { kind: 'created', at: referral.at.toISOString(), actorRole: referral.actorRole, stayId: null, details: { source: referral.source } },
    ...triages.map((triage) => ({
      kind: 'triaged' as const,
      at: triage.at.toISOString(),
      actorRole: triage.actorRole,
      stayId: null,
      details: { questionnaireVersion: triage.questionnaireVersion },
    })),
    ...overrides.map((override) => ({
      kind: 'triage_override' as const,
      at: override.at.toISOString(),
      actorRole: override.actorRole,
      stayId: null,
      details: { topic: override.topic },
    })),
    ...recorded.map((event) => {
      const details: HistoryDetails = {};
      const stay = stayEventDetails(event.details);
      if (stay) {
        Object.assign(details, { status: stay.status, ...place(stay.unitId), arrival: stay.arrival, departure: stay.departure });
        if (stay.previousStatus) details.previousStatus = stay.previousStatus;
        if (stay.previousArrival)
          Object.assign(details, { previousArrival: stay.previousArrival, previousDeparture: stay.previousDeparture });
        if (stay.previousUnitId) {
          const before = place(stay.previousUnitId);
          Object.assign(details, {
            previousUnitId: before.unitId,
            previousUnitName: before.unitName,
            previousLocationName: before.locationName,
          });
        }
        if (event.kind === 'cancelled' && event.stayId) details.reason = reasons.get(event.stayId) ?? null;
      }
      if ('fields' in event.details) details.fields = event.details.fields;
      // The reason as the referral now holds it, so erasure and retention blank it here too.
      if (event.kind === 'referral_withdrawn') details.reason = referral.cancelReason;
      if (event.kind === 'referral_closed') details.reason = referral.closeReason;
      return { kind: event.kind, at: event.at.toISOString(), actorRole: event.actorRole, stayId: event.stayId, details };
    }),
    ...offers.map((offer) => ({
      kind: 'offer' as const,
      at: offer.at.toISOString(),
      actorRole: null,
      stayId: offer.stayId,
      details: { ...place(offer.unitId), arrival: offer.arrival, departure: offer.departure },
    })),
    ...tasks.flatMap((task) => [
      {
        kind: 'aftercare_started' as const,
        at: task.createdAt.toISOString(),
        actorRole: null,
        stayId: null,
        details: { dueOn: task.dueOn },
      },
      ...(task.doneAt
        ? [{ kind: 'aftercare_done' as const, at: task.doneAt.toISOString(), actorRole: task.doneByRole, stayId: null, details: {} }]
        : []),
    ]),
  ];
  events.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  return { referralId: referral.id, reference: referral.reference, clientId: referral.clientId, events: events.map(dropUndefined) };
}

function dropUndefined(event: HistoryEvent): HistoryEvent {
  return { ...event, details: Object.fromEntries(Object.entries(event.details).filter(([, value]) => value !== undefined)) };
}
