import { type IsoDate, nightsBetween } from '../dates.ts';
import { STAY_TYPES, type StayType } from '../stay-types.ts';
import type { Urgency } from '../triage/outcome.ts';
import type { ExpectedFlow } from './anticipation.ts';

/**
 * The app's anticipation (anticipation.ts) has no demand model: it expects of each region's ELV and crisis flows what
 * the region's beds took in the past year. Pure: the data layer counts the stays, this turns them into flows.
 */

/**
 * How urgent an unplanned stay type's requests are, as the triage concludes for them (triage/rules.ts): a crisis
 * admission is needed today (the caregiver dropped out, the guest is unsafe alone), an ELV within 48 hours (a
 * hospital discharge, a terminal patient). Planned stay types (respite) are no flow anticipation keeps beds for.
 * The simulation's demand model (bench/simulate/demand.ts expectedFlows) uses this mapping too.
 */
export function flowUrgency(stayType: string): Urgency | undefined {
  if (stayType.startsWith('crisis_')) return 'today';
  if (stayType.startsWith('elv_')) return 'within_48h';
  return undefined;
}

/** The stay types whose history makes a flow: what the data layer counts. */
export const FLOW_STAY_TYPES: readonly StayType[] = STAY_TYPES.filter((type) => flowUrgency(type) !== undefined);

/** How far back the history reaches: a whole year, so the seasons weigh alike. */
export const HISTORY_DAYS = 365;

/** The stays of one stay type that arrived in one region's units in the history window. */
export interface StayHistory {
  regionId: string;
  stayType: string;
  /** Each stay's length in nights. */
  nights: readonly number[];
  /** The first night any unit of the region was active: a region younger than the window counts only its own days. */
  regionActiveFrom: IsoDate;
}

/**
 * The p10 and p90 of the stays' lengths (nearest rank), not the min and max: a single stay of months (a guest waiting
 * for a nursing home) would otherwise stretch the uniform length anticipation assumes, and with it every flow's
 * guests on the far nights. With few stays they are the shortest and the longest.
 */
export function nightsRange(nights: readonly number[]): readonly [number, number] {
  if (nights.length === 0) throw new Error('nightsRange needs at least one stay');
  const sorted = [...nights].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)]!;
  // A stay of zero nights (arrived and left the same day) still takes a bed that day.
  return [Math.max(1, at(0.1)), Math.max(1, at(0.9))];
}

/**
 * The flows expected from today on: per region and stay type, the stays that arrived in the window divided by the
 * days the window counted for that region (from `since`, or from the region's first active night when later, until
 * today). No stays, no flow: with no history nothing is held back.
 */
export function flowsFromHistory(history: readonly StayHistory[], window: { since: IsoDate; today: IsoDate }): ExpectedFlow[] {
  const flows: ExpectedFlow[] = [];
  for (const entry of history) {
    const urgency = flowUrgency(entry.stayType);
    const from = entry.regionActiveFrom > window.since ? entry.regionActiveFrom : window.since;
    // A region opened today has not counted a day yet; one day at least, so its first stays are not divided by zero.
    const days = Math.max(1, nightsBetween(from, window.today));
    if (!urgency || entry.nights.length === 0) continue;
    flows.push({
      regionId: entry.regionId,
      stayType: entry.stayType,
      urgency,
      perDay: entry.nights.length / days,
      nights: nightsRange(entry.nights),
    });
  }
  return flows;
}
