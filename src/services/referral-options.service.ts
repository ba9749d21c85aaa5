import type { Kysely } from 'kysely';
import type { ReferralRow } from '../data/referral.repository.ts';
import type { Database } from '../data/schema.ts';
import { effectiveBurden } from '../domain/burden-screening.ts';
import { type DateRange, addDays, nightsBetween } from '../domain/dates.ts';
import type { AllocationOption } from '../domain/matching/batch-allocation.ts';
import { type PendingRequest, type RankedUnit, kindOfStayType, optionsOf, startsOf } from '../domain/matching/day-allocation.ts';
import type { BurdenLevel } from '../domain/triage/outcome.ts';
import { type RankedProposal, referralRanking } from './matching.service.ts';
import { type AllocationOutlook, lastNightOf, loadAllocationOutlook, outlookCovers } from './allocation-outlook.service.ts';
import { appClock } from '../clock.ts';

export interface ReferralOptions {
  request: PendingRequest;
  options: AllocationOption[];
  /** The ranked unit behind each option, by optionKey. */
  proposals: Map<string, RankedProposal>;
}

export const optionKey = (option: Pick<AllocationOption, 'unitId' | 'start'>) => `${option.unitId}@${option.start}`;

/**
 * A triaged referral as the day allocation sees it (day 0 is today): its window (the wished first night, moved at
 * most its flexibility either way, never before today) and its options, the units free from each of those nights,
 * priced. The home region first: the neighbour regions only when no unit in the home region is free on any of them.
 * For the batch and for the waiting list's offers alike, which pass the outlook they read once for all their
 * referrals (allocation-outlook.service.ts); without one that covers this referral's nights, it reads its own.
 */
export async function referralOptions(
  db: Kysely<Database>,
  referral: ReferralRow,
  wished: DateRange,
  context: { screenedBurden?: BurdenLevel; outlook?: AllocationOutlook } = {},
): Promise<ReferralOptions> {
  const today = appClock().today();
  const lastNight = lastNightOf(today, wished, referral.flexibility_days);
  const { calendar, outlook } =
    context.outlook && outlookCovers(context.outlook, today, lastNight) ? context.outlook : await loadAllocationOutlook(db, lastNight);
  const ranking = await referralRanking(db, referral);
  const desired = nightsBetween(today, wished.from);
  const request: PendingRequest = {
    id: referral.id,
    kind: kindOfStayType(ranking.advice.stayTypes[0] ?? 'respite'),
    urgency: ranking.advice.urgency,
    burdenLevel: effectiveBurden(ranking.advice.burdenLevel, context.screenedBurden),
    waitingSince: referral.created_at.toISOString(),
    nights: nightsBetween(wished.from, wished.to),
    desired,
    earliest: Math.max(0, desired - referral.flexibility_days),
    latest: desired + referral.flexibility_days,
  };
  const proposals = new Map<string, RankedProposal>();
  const optionsIn = async (regionIds: readonly string[]) => {
    const byStart = new Map<number, RankedUnit[]>();
    for (const start of startsOf(request, 0)) {
      const from = addDays(today, start);
      const { ranked } = await ranking.rankIn(regionIds, { from, to: addDays(from, request.nights) });
      for (const proposal of ranked) proposals.set(optionKey({ unitId: proposal.candidate.unitId, start }), proposal);
      byStart.set(
        start,
        ranked.map((proposal) => ({
          unitId: proposal.candidate.unitId,
          score: proposal.score,
          outsideRegion: proposal.outsideRegion,
          stayType: proposal.stayType,
          acceptedStayTypes: proposal.candidate.acceptedStayTypes,
          regionId: proposal.candidate.regionId,
          freeAround: calendar.freeAround(proposal.candidate.unitId, start, start + request.nights),
        })),
      );
    }
    return optionsOf(request, 0, (start) => byStart.get(start) ?? [], outlook);
  };
  let options = await optionsIn(await ranking.homeRegions());
  if (options.length === 0) options = await optionsIn(await ranking.neighbourRegions());
  return { request, options, proposals };
}
