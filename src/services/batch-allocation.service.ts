import type { Kysely } from 'kysely';
import { screenedBurden } from './caregiver-contact.service.ts';
import { findPendingReferrals } from '../data/referral.repository.ts';
import type { Database } from '../data/schema.ts';
import { type DateRange, addDays } from '../domain/dates.ts';
import type { Allocation } from '../domain/matching/batch-allocation.ts';
import { type AllocationMethod, allocateDay, waitingEntryOf } from '../domain/matching/day-allocation.ts';
import { byPriority } from '../domain/waiting-list.ts';
import { AppError } from '../errors.ts';
import type { BookingSettings } from './booking.service.ts';
import { type ReferralOptions, optionKey, referralOptions } from './referral-options.service.ts';
import { bookForReferral } from './referral-booking.service.ts';
import { lastNightOf, loadAllocationOutlook } from './allocation-outlook.service.ts';
import { appClock } from '../clock.ts';

export type { AllocationMethod } from '../domain/matching/day-allocation.ts';

// A batch is a coordinator waiting for an answer: stop the solver in time and say whether it proved optimality.
const SOLVER_SECONDS = 10;

/** A pending referral with its options (see referralOptions). */
type Pending = ReferralOptions & { reference: string; wished: DateRange };

/** Every pending referral with its options, for the day's batch, in the waiting list's order (greedy goes by it). */
async function pendingWithOptions(db: Kysely<Database>): Promise<Pending[]> {
  // One day for the whole batch: the referrals found pending and the outlook they are priced against.
  const today = appClock().today();
  const pending = await findPendingReferrals(db, today);
  if (pending.length === 0) return [];
  const screened = await screenedBurden(
    db,
    pending.map((referral) => referral.client_id),
  );
  const wishedOf = (referral: (typeof pending)[number]) => ({ from: referral.wished_arrival!, to: referral.wished_departure! });
  // One calendar and one set of flows for the whole batch, up to the last night any of its options may take.
  const lastNight = pending.reduce(
    (last, referral) => Math.max(last, lastNightOf(today, wishedOf(referral), referral.flexibility_days)),
    0,
  );
  const outlook = await loadAllocationOutlook(db, lastNight);
  const entries: Pending[] = [];
  for (const referral of pending) {
    const wished = wishedOf(referral);
    const options = await referralOptions(db, referral, wished, { screenedBurden: screened.get(referral.client_id), outlook });
    entries.push({ ...options, reference: referral.reference, wished });
  }
  return entries.sort((a, b) => byPriority(waitingEntryOf(a.request), waitingEntryOf(b.request)));
}

function planView(pending: readonly Pending[], allocation: Allocation) {
  const today = appClock().today();
  const placed = [];
  const unplaced = [];
  let totalDistanceKm = 0;
  for (const entry of pending) {
    const option = allocation.assigned.get(entry.request.id);
    const proposal = option && entry.proposals.get(optionKey(option));
    const base = {
      referralId: entry.request.id,
      reference: entry.reference,
      urgency: entry.request.urgency,
      wishedArrival: entry.wished.from,
    };
    if (!option || !proposal) {
      unplaced.push({
        ...base,
        arrival: entry.wished.from,
        departure: entry.wished.to,
        candidates: new Set(entry.options.map((candidate) => candidate.unitId)).size,
      });
      continue;
    }
    totalDistanceKm += proposal.distanceKm ?? 0;
    const arrival = addDays(today, option.start);
    placed.push({
      ...base,
      arrival,
      departure: addDays(arrival, entry.request.nights),
      unitId: proposal.candidate.unitId,
      unitName: proposal.candidate.unitName,
      locationName: proposal.candidate.locationName,
      organisationName: proposal.candidate.organisationName,
      stayType: proposal.stayType,
      distanceKm: proposal.distanceKm,
      outsideRegion: proposal.outsideRegion,
    });
  }
  return { placed, unplaced, totalDistanceKm: Math.round(totalDistanceKm * 10) / 10, provenOptimal: allocation.optimal };
}

async function allocate(pending: readonly Pending[], method: AllocationMethod): Promise<Allocation> {
  const batch = pending.map(({ request, options }) => ({ request, options }));
  try {
    return await allocateDay(batch, method, { timeLimitSeconds: SOLVER_SECONDS });
  } catch {
    // The solver gave up on a model too large for its memory: the coordinator still gets a plan, marked not proven.
    return allocateDay(batch, 'greedy', { timeLimitSeconds: SOLVER_SECONDS });
  }
}

/**
 * All pending referrals allocated at once, two ways: the minimum-cost assignment (most placed, then nearest to home,
 * the urgent first where they compete) and the greedy one (the waiting list's order, each its best free unit), so
 * the coordinator sees what the batch gains before holding anything.
 */
export async function planBatch(db: Kysely<Database>) {
  const pending = await pendingWithOptions(db);
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
  const pending = await pendingWithOptions(db);
  const plan = planView(pending, await allocate(pending, method));
  const held = [];
  const failed = [];
  for (const placement of plan.placed) {
    try {
      const stay = await bookForReferral(
        db,
        placement.referralId,
        {
          unitId: placement.unitId,
          stayType: placement.stayType,
          arrival: placement.arrival,
          departure: placement.departure,
          status: 'hold',
        },
        settings,
      );
      held.push({ ...placement, stayId: stay.id });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      failed.push({ referralId: placement.referralId, reference: placement.reference, code: error.code });
    }
  }
  return { method, held, failed, unplaced: plan.unplaced, provenOptimal: plan.provenOptimal };
}
