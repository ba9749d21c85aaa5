import { effectiveBurden } from '../domain/burden-screening.ts';
import { screenedBurden } from './caregiver-contact.service.ts';
import type { Kysely } from 'kysely';
import { findPendingReferrals } from '../data/referral.repository.ts';
import type { Database } from '../data/schema.ts';
import { nightsBetween } from '../domain/dates.ts';
import { type Allocation, allocateGreedy, allocateOptimal } from '../domain/matching/batch-allocation.ts';
import { allocationRequestOf } from '../domain/matching/referral-allocation.ts';
import type { Urgency } from '../domain/triage/outcome.ts';
import { byPriority } from '../domain/waiting-list.ts';
import { AppError } from '../errors.ts';
import type { BookingSettings } from './booking.service.ts';
import { type RankedProposal, rankForReferral } from './matching.service.ts';
import { bookForReferral } from './referral-booking.service.ts';
import { appClock } from '../clock.ts';

export type AllocationMethod = 'optimal' | 'greedy';

// A batch is a coordinator waiting for an answer: stop the solver in time and say whether it proved optimality.
const SOLVER_SECONDS = 10;

interface Pending {
  referralId: string;
  reference: string;
  urgency: Urgency;
  arrival: string;
  departure: string;
  ranked: RankedProposal[];
}

/** Every pending referral with its ranked units, most urgent first (the waiting list's order: greedy goes by it). */
async function pendingWithUnits(db: Kysely<Database>): Promise<Pending[]> {
  const entries: (Pending & { burdenLevel: 'low' | 'moderate' | 'high'; waitingSince: string })[] = [];
  const pending = await findPendingReferrals(db, appClock().today());
  const screened = await screenedBurden(db, pending.map((referral) => referral.client_id));
  for (const referral of pending) {
    const { period, advice, ranked } = await rankForReferral(db, referral.id, {});
    entries.push({
      referralId: referral.id,
      reference: referral.reference,
      urgency: advice.urgency,
      burdenLevel: effectiveBurden(advice.burdenLevel, screened.get(referral.client_id)),
      waitingSince: referral.created_at.toISOString(),
      arrival: period.from,
      departure: period.to,
      ranked,
    });
  }
  return entries.sort(byPriority);
}

function planView(pending: readonly Pending[], allocation: Allocation) {
  const placed = [];
  const unplaced = [];
  let totalDistanceKm = 0;
  for (const entry of pending) {
    const option = allocation.assigned.get(entry.referralId);
    const proposal = option && entry.ranked.find((candidate) => candidate.offer.unitId === option.unitId);
    const base = { referralId: entry.referralId, reference: entry.reference, urgency: entry.urgency, arrival: entry.arrival, departure: entry.departure };
    if (!proposal) {
      unplaced.push({ ...base, candidates: entry.ranked.length });
      continue;
    }
    totalDistanceKm += proposal.distanceKm ?? 0;
    placed.push({
      ...base,
      unitId: proposal.offer.unitId,
      unitName: proposal.offer.unitName,
      locationName: proposal.offer.locationName,
      organisationName: proposal.offer.organisationName,
      stayType: proposal.stayType,
      distanceKm: proposal.distanceKm,
      outsideRegion: proposal.outsideRegion,
    });
  }
  return { placed, unplaced, totalDistanceKm: Math.round(totalDistanceKm * 10) / 10, provenOptimal: allocation.optimal };
}

async function allocate(pending: readonly Pending[], method: AllocationMethod): Promise<Allocation> {
  const today = appClock().today();
  const requests = pending.map((entry) => allocationRequestOf(
    entry.referralId,
    entry.urgency,
    nightsBetween(today, entry.arrival),
    nightsBetween(entry.arrival, entry.departure),
    entry.ranked.map((proposal) => ({ unitId: proposal.offer.unitId, score: proposal.score, outsideRegion: proposal.outsideRegion })),
  ));
  if (method === 'greedy') return allocateGreedy(requests);
  try {
    return await allocateOptimal(requests, { timeLimitSeconds: SOLVER_SECONDS });
  } catch {
    // The solver gave up on a model too large for its memory: the coordinator still gets a plan, marked not proven.
    return allocateGreedy(requests);
  }
}

/**
 * All pending referrals allocated at once, two ways: the minimum-cost assignment (most placed, then nearest to home,
 * the urgent first where they compete) and the greedy one (the waiting list's order, each its best free unit), so
 * the coordinator sees what the batch gains before holding anything.
 */
export async function planBatch(db: Kysely<Database>) {
  const pending = await pendingWithUnits(db);
  return {
    pending: pending.length,
    optimal: planView(pending, await allocate(pending, 'optimal')),
    greedy: planView(pending, await allocate(pending, 'greedy')),
  };
}

/**
 * Holds the units of one method's plan. The plan is made afresh, and a unit that someone else took in the meantime
 * is reported, not forced: the other holds stand.
 */
export async function applyBatch(db: Kysely<Database>, method: AllocationMethod, settings: BookingSettings) {
  const pending = await pendingWithUnits(db);
  const plan = planView(pending, await allocate(pending, method));
  const held = [];
  const failed = [];
  for (const placement of plan.placed) {
    try {
      const stay = await bookForReferral(db, placement.referralId, {
        unitId: placement.unitId, stayType: placement.stayType, arrival: placement.arrival, departure: placement.departure, status: 'hold',
      }, settings);
      held.push({ ...placement, stayId: stay.id });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      failed.push({ referralId: placement.referralId, reference: placement.reference, code: error.code });
    }
  }
  return { method, held, failed, unplaced: plan.unplaced, provenOptimal: plan.provenOptimal };
}
