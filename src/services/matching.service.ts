import type { Kysely } from 'kysely';
import { findCandidateUnits, findOccupations, regionWithNeighbours } from '../data/availability.repository.ts';
import { admissionHoursOf, knownLocationsOfClient } from '../data/matching.repository.ts';
import { pc4Area } from '../data/pc4-table.ts';
import { type ReferralRow, findClients, findReferral } from '../data/referral.repository.ts';
import { listRegionIds, regionOfPostcode } from '../data/registry.repository.ts';
import type { Database } from '../data/schema.ts';
import { isFreeThroughout } from '../domain/availability.ts';
import type { DateRange } from '../domain/dates.ts';
import { type Need, type Candidate, type Proposal, rankNearMisses, rankCandidates } from '../domain/matching/rank.ts';
import { entitlementWarningText } from '../domain/stay-limit-texts.ts';
import { warningsBeforeBooking } from './entitlement.service.ts';
import { proposalReasonText } from '../domain/matching/reason-texts.ts';
import type { StayType } from '../domain/stay-types.ts';
import { AppError, notFound } from '../errors.ts';
import { groupByUnit } from './availability.service.ts';
import { referralPeriod } from './referral-booking.service.ts';
import { effectiveTriage } from './triage.service.ts';
import { appClock } from '../clock.ts';

export const MAX_PROPOSALS = 10;
export const MAX_NEAR_MISSES = 5;

/** Weekday (1–7) and time of day in the Netherlands, for admission hours. */
export function dutchClock(now: Date): { weekday: number; time: string } {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/Amsterdam',
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(now);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  const weekday = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(part('weekday')) + 1;
  return { weekday, time: `${part('hour')}:${part('minute')}` };
}

async function candidatesIn(db: Kysely<Database>, regionIds: readonly string[], period: DateRange): Promise<Candidate[]> {
  const units = await findCandidateUnits(db, { regionIds, window: period });
  const occupations = groupByUnit(
    await findOccupations(
      db,
      units.map((unit) => unit.unitId),
      period,
      appClock().now(),
    ),
  );
  const hours = await admissionHoursOf(db, [...new Set(units.map((unit) => unit.locationId))]);
  return units.map((unit) => ({
    unitId: unit.unitId,
    unitName: unit.unitName,
    locationId: unit.locationId,
    locationName: unit.locationName,
    organisationName: unit.organisationName,
    regionId: unit.regionId,
    location: { latitude: unit.latitude, longitude: unit.longitude },
    acceptedStayTypes: unit.acceptedStayTypes,
    reservedFor: unit.reservedFor,
    features: unit.features,
    admissionHours: hours.get(unit.locationId) ?? [],
    free: isFreeThroughout(period, unit, occupations.get(unit.unitId) ?? []),
    kind: unit.kind,
  }));
}

export type RankedProposal = Proposal & { stayType: StayType };

/**
 * What ranking a triaged referral needs, read once: its wished dates and triage, the guest's home, region and earlier
 * locations. `rankIn` then ranks the units of some regions free for a period (one query set per period), so the
 * batch can rank the same referral for every first night its flexibility allows.
 */
export async function referralRanking(db: Kysely<Database>, referral: ReferralRow) {
  const advice = await effectiveTriage(db, referral.id);
  if (!advice) throw new AppError('not_triaged');
  const client = (await findClients(db, [referral.client_id])).get(referral.client_id)!;
  const area = client.pc4 ? pc4Area(client.pc4) : undefined;
  const homeRegionId = (client.pc4 ? await regionOfPostcode(db, client.pc4) : undefined) ?? '';
  const base = {
    requiredFeatures: advice.requiredFeatures,
    home: area ? { latitude: area.latitude, longitude: area.longitude } : null,
    homeRegionId,
    knownLocationIds: await knownLocationsOfClient(db, referral.client_id),
    preferredLocationIds: referral.preferred_location_ids,
    unitKind: referral.at_home ? ('home_night' as const) : ('bed' as const),
  };
  const placeable = advice.disposition === 'temporary_stay' && advice.stayTypes.length > 0;
  const needAt = (period: DateRange, stayType: StayType): Need => ({
    ...base,
    stayType,
    ...(advice.urgency === 'today' && period.from === appClock().today() ? { admitAt: dutchClock(appClock().now()) } : {}),
  });
  const rank = (candidates: Candidate[], period: DateRange) =>
    bestPerUnit(
      advice.stayTypes.flatMap((stayType) =>
        rankCandidates(needAt(period, stayType), candidates).map((proposal) => ({ ...proposal, stayType })),
      ),
    );
  return {
    advice,
    client,
    homeRegionId,
    placeable,
    /** The home region, or every region for a home outside all of them. */
    homeRegions: async () => (homeRegionId ? [homeRegionId] : listRegionIds(db)),
    neighbourRegions: async () => (homeRegionId ? (await regionWithNeighbours(db, homeRegionId)).filter((id) => id !== homeRegionId) : []),
    /** Free units of these regions for the period, best first, with the candidates they were ranked from. */
    async rankIn(regionIds: readonly string[], period: DateRange) {
      const candidates = placeable ? await candidatesIn(db, regionIds, period) : [];
      return { candidates, ranked: placeable ? rank(candidates, period) : [] };
    },
    rankLacking: (candidates: Candidate[], period: DateRange) =>
      bestPerUnit(
        advice.stayTypes.flatMap((stayType) =>
          rankNearMisses(needAt(period, stayType), candidates).map((proposal) => ({ ...proposal, stayType })),
        ),
      ),
  };
}

/**
 * Every free unit that meets the hard constraints for one of the advised stay types of a triaged referral, best
 * first (see rankCandidates), one entry per unit; when nothing fits in the home region, the neighbour regions' units,
 * marked as outside the region: the proposals.
 */
async function rankForReferral(db: Kysely<Database>, referralId: string, dates: Partial<DateRange>) {
  const referral = await findReferral(db, referralId);
  if (!referral) throw notFound('referral');
  // Dates not given are the referral's wished dates (for crisis and ELV: from today, for the expected length).
  const wished = referralPeriod(referral);
  const from = dates.from ?? ('from' in wished ? wished.from : undefined);
  const to = dates.to ?? ('to' in wished ? wished.to : undefined);
  if (!from || !to || to <= from)
    throw new AppError('referral_dates_missing', { params: { field: 'missing' in wished ? wished.missing : 'wishedDeparture' } });
  const period: DateRange = { from, to };
  const ranking = await referralRanking(db, referral);
  const { advice, client, homeRegionId } = ranking;
  if (!ranking.placeable) {
    return { period, advice, ranked: [] as RankedProposal[], nearMisses: [], warnings: [], outsideEveryRegion: false };
  }
  const warnings = await warningsPerStayType(db, { id: client.id, pc4: client.pc4 }, advice.stayTypes, period);
  // A home outside every region: the nearest units of any region, each marked as outside the region.
  let { candidates, ranked } = await ranking.rankIn(await ranking.homeRegions(), period);
  if (ranked.length === 0 && homeRegionId) ({ candidates, ranked } = await ranking.rankIn(await ranking.neighbourRegions(), period));
  const nearMisses =
    advice.requiredFeatures.length > 0
      ? (ranking.rankLacking(candidates, period) as (RankedProposal & { missingFeatures: string[] })[])
      : [];
  return { period, advice, ranked, nearMisses, warnings, outsideEveryRegion: Boolean(client.pc4) && !homeRegionId };
}

/** The entitlement warnings for each advised stay type in the period, so the coordinator sees them before booking. */
async function warningsPerStayType(
  db: Kysely<Database>,
  client: { id: string; pc4: string | null },
  stayTypes: readonly StayType[],
  period: DateRange,
) {
  const perType = await Promise.all(
    stayTypes.map(async (stayType) =>
      (await warningsBeforeBooking(db, client, stayType, period)).map((warning) => ({ stayType, ...warning })),
    ),
  );
  return perType.flat();
}

/** The best proposals for a triaged referral, each with its reasons in plain language. */
export async function proposeUnits(db: Kysely<Database>, referralId: string, dates: Partial<DateRange>, locale: 'nl' | 'en') {
  const { period, advice, ranked, nearMisses, warnings, outsideEveryRegion } = await rankForReferral(db, referralId, dates);
  return {
    period,
    stayTypes: advice.stayTypes,
    disposition: advice.disposition,
    requiredFeatures: advice.requiredFeatures,
    outsideEveryRegion,
    warnings: warnings.map((warning) => ({
      stayType: warning.stayType,
      code: warning.code,
      text: entitlementWarningText(warning, locale),
    })),
    proposals: ranked.slice(0, MAX_PROPOSALS).map((proposal) => proposalView(proposal, locale)),
    nearMisses: nearMisses
      .slice(0, MAX_NEAR_MISSES)
      .map((proposal) => ({ ...proposalView(proposal, locale), missingFeatures: proposal.missingFeatures })),
  };
}

export function proposalView(proposal: RankedProposal, locale: 'nl' | 'en') {
  return {
    unitId: proposal.candidate.unitId,
    unitName: proposal.candidate.unitName,
    locationId: proposal.candidate.locationId,
    locationName: proposal.candidate.locationName,
    organisationName: proposal.candidate.organisationName,
    regionId: proposal.candidate.regionId,
    stayType: proposal.stayType,
    distanceKm: proposal.distanceKm,
    outsideRegion: proposal.outsideRegion,
    reasons: proposal.reasons.map((reason) => ({ code: reason.code, text: proposalReasonText(reason, locale) })),
  };
}

/** A unit that fits several advised stay types is proposed once, for the type it ranks best. */
function bestPerUnit(proposals: RankedProposal[]): RankedProposal[] {
  const ordered = [...proposals].sort((a, b) => Number(a.outsideRegion) - Number(b.outsideRegion) || a.score - b.score);
  const seen = new Set<string>();
  return ordered.filter((proposal) => !seen.has(proposal.candidate.unitId) && seen.add(proposal.candidate.unitId));
}
