import { effectiveBurden } from '../domain/burden-screening.ts';
import { screenedBurden } from './caregiver-contact.service.ts';
import type { Kysely } from 'kysely';
import { withTransaction } from '../data/change-author.ts';
import { findReferral, moveReferral } from '../data/referral.repository.ts';
import type { Database } from '../data/schema.ts';
import { addDays } from '../domain/dates.ts';
import { mayMove } from '../domain/referral-lifecycle.ts';
import { insertOffer, offeredUnitIds, referralsWaiting, returnLapsedOffersToWaiting } from '../data/waiting-list.repository.ts';
import { OFFER_HOURS, type WaitingEntry, byPriority } from '../domain/waiting-list.ts';
import { AppError, notFound } from '../errors.ts';
import type { BookingSettings, Stay } from './booking.service.ts';
import type { Mailer } from './mail/mailer.ts';
import { optionKey, referralOptions } from './referral-options.service.ts';
import { notifyOffer } from './notification.service.ts';
import { bookForReferral, referralPeriod } from './referral-booking.service.ts';
import { lastNightOf, loadAllocationOutlook } from './allocation-outlook.service.ts';
import { effectiveTriage, effectiveTriages } from './triage.service.ts';
import { appClock } from '../clock.ts';

/** No unit fits now: the referral waits for one, with its wished dates. */
export async function putOnWaitingList(db: Kysely<Database>, referralId: string): Promise<{ id: string; status: string }> {
  const referral = await findReferral(db, referralId);
  if (!referral) throw notFound('referral');
  if (!(await effectiveTriage(db, referralId))) throw new AppError('not_triaged');
  const period = referralPeriod(referral);
  if ('missing' in period) throw new AppError('referral_dates_missing', { params: { field: period.missing } });
  const status = referral.status;
  if (status !== 'waiting' && !mayMove('put_on_waiting_list', status)) throw new AppError('invalid_transition', { params: { status } });
  await withTransaction(db, (trx) => moveReferral(trx, referralId, 'put_on_waiting_list'));
  return { id: referralId, status: 'waiting' };
}

/** The waiting list in the order offers are made. */
export async function waitingList(db: Kysely<Database>) {
  const entries: (WaitingEntry & {
    reference: string;
    wishedArrival: string | null;
    wishedDeparture: string | null;
    stayTypes: string[];
  })[] = [];
  const waiting = await referralsWaiting(db);
  // Every minute's offer run reads this list: the triages of all waiting referrals in two queries, not two each.
  const triages = await effectiveTriages(
    db,
    waiting.map((referral) => referral.id),
  );
  const screened = await screenedBurden(
    db,
    waiting.map((referral) => referral.client_id),
  );
  for (const referral of waiting) {
    const advice = triages.get(referral.id);
    if (!advice) continue;
    // Crisis and ELV without dates wait from today, for their expected length.
    const period = referralPeriod(referral);
    entries.push({
      referralId: referral.id,
      reference: referral.reference,
      urgency: advice.urgency,
      burdenLevel: effectiveBurden(advice.burdenLevel, screened.get(referral.client_id)),
      waitingSince: referral.created_at.toISOString(),
      wishedArrival: 'from' in period ? period.from : referral.wished_arrival,
      wishedDeparture: 'to' in period ? period.to : referral.wished_departure,
      stayTypes: advice.stayTypes,
    });
  }
  return entries.sort(byPriority);
}

/**
 * Offers freed capacity to the waiting list, best first: each waiting referral with a free unit (that it was not
 * offered before) for its wished dates, or for dates within its flexibility at the day allocation's price per day
 * moved, gets a hold for OFFER_HOURS, and the central point and the referrer hear of it.
 * An offer that lapses puts the referral back on the list and the unit passes to the next. Runs after a cancellation
 * and every minute.
 */
export async function makeOffers(db: Kysely<Database>, mailer: Mailer, settings: BookingSettings): Promise<number> {
  await returnLapsedOffersToWaiting(db);
  let offers = 0;
  const today = appClock().today();
  const round = [];
  for (const entry of await waitingList(db)) {
    if (!entry.wishedArrival || !entry.wishedDeparture) continue;
    const referral = await findReferral(db, entry.referralId);
    if (referral) round.push({ entry, referral, wished: { from: entry.wishedArrival, to: entry.wishedDeparture } });
  }
  if (round.length === 0) return 0;
  // One calendar and one set of flows for the round, up to the last night any offer may take; each hold made below
  // is written into the calendar, so the next referral's options are priced against it.
  const lastNight = round.reduce((last, { referral, wished }) => Math.max(last, lastNightOf(today, wished, referral.flexibility_days)), 0);
  const outlook = await loadAllocationOutlook(db, lastNight);
  for (const { entry, referral, wished } of round) {
    // The wished nights, or others within the referral's flexibility: the cheapest option not offered before.
    const { request, options, proposals } = await referralOptions(db, referral, wished, { outlook });
    if (request.latest < 0) continue;
    const seen = await offeredUnitIds(db, entry.referralId);
    const option = options.filter((candidate) => !seen.has(candidate.unitId)).sort((a, b) => a.cost - b.cost)[0];
    const best = option && proposals.get(optionKey(option));
    if (!option || !best) continue;
    const arrival = addDays(today, option.start);
    const departure = addDays(arrival, request.nights);
    let stay: Stay;
    try {
      stay = await bookForReferral(
        db,
        entry.referralId,
        {
          unitId: best.candidate.unitId,
          stayType: best.stayType,
          arrival,
          departure,
          status: 'hold',
          holdMinutes: OFFER_HOURS * 60,
        },
        settings,
      );
    } catch (error) {
      // Someone else took the unit a moment ago: the next run tries again.
      // The guest got a place elsewhere for those nights in the meantime: no offer either.
      if (error instanceof AppError && (error.code === 'stay_conflict' || error.code === 'client_already_staying')) continue;
      throw error;
    }
    offers++;
    outlook.calendar.book(best.candidate.unitId, option.start, request.nights);
    await insertOffer(db, { referralId: entry.referralId, stayId: stay.id, unitId: best.candidate.unitId });
    await notifyOffer(db, mailer, {
      referralId: entry.referralId,
      stayId: stay.id,
      locationName: best.candidate.locationName,
      arrival,
      departure,
      holdHours: OFFER_HOURS,
    });
  }
  return offers;
}
