import type { Kysely } from 'kysely';
import { appClock } from '../clock.ts';
import { findCandidateUnits, findOccupations } from '../data/availability.repository.ts';
import { listRegionIds } from '../data/registry.repository.ts';
import type { Database } from '../data/schema.ts';
import { unplannedStayHistory } from '../data/stay-history.repository.ts';
import { type DateRange, type IsoDate, addDays, nightsBetween } from '../domain/dates.ts';
import type { Outlook } from '../domain/matching/anticipation.ts';
import { FIT_HORIZON_NIGHTS } from '../domain/matching/day-allocation.ts';
import { HISTORY_DAYS, flowsFromHistory } from '../domain/matching/expected-flows.ts';
import { NightCalendar } from '../domain/matching/night-calendar.ts';
import { groupByUnit } from './availability.service.ts';

/**
 * What the day allocation prices options against besides matching (day-allocation.ts): the units' calendar as booked
 * now, for best fit, and the regions' expected ELV and crisis flows, for anticipation. Read once per batch or offer
 * round, for every option of every referral in it: one query set, not one per option.
 */
export interface AllocationOutlook {
  /** The date of day 0. */
  today: IsoDate;
  calendar: NightCalendar;
  outlook: Outlook;
}

/** The last night (day number, 0 = today) an option of a referral may take: its wished last night, moved its flexibility later. */
export function lastNightOf(today: IsoDate, wished: DateRange, flexibilityDays: number): number {
  return nightsBetween(today, wished.to) - 1 + flexibilityDays;
}

/** Whether an outlook read earlier still serves a referral whose options reach `lastNight` (the same day, far enough). */
export function outlookCovers(outlook: AllocationOutlook, today: IsoDate, lastNight: number): boolean {
  return outlook.today === today && lastNight + FIT_HORIZON_NIGHTS < outlook.calendar.nights;
}

/**
 * The outlook for options up to `lastNight`: every unit's nights up to FIT_HORIZON_NIGHTS past it (the idle nights
 * after a stay are counted that far), and the flows from the past HISTORY_DAYS of stays.
 */
export async function loadAllocationOutlook(db: Kysely<Database>, lastNight: number): Promise<AllocationOutlook> {
  const today = appClock().today();
  const nights = Math.max(0, lastNight + 1) + FIT_HORIZON_NIGHTS;
  const window = { from: today, to: addDays(today, nights) };
  // Every region's units: a referral from outside all regions is offered all of them, and anticipation counts the free
  // beds of the region of whichever unit an option takes.
  const units = await findCandidateUnits(db, { regionIds: await listRegionIds(db), window });
  const occupations = groupByUnit(
    await findOccupations(
      db,
      units.map((unit) => unit.unitId),
      window,
      appClock().now(),
    ),
  );
  const calendar = new NightCalendar(today, nights, units, occupations);
  const history = { since: addDays(today, -HISTORY_DAYS), today };
  const flows = flowsFromHistory(await unplannedStayHistory(db, history), history);
  return {
    today,
    calendar,
    outlook: {
      today: 0,
      flows,
      freeOthers: (unitId, regionId, stayType, night) => calendar.freeOthers(unitId, regionId, stayType, night),
    },
  };
}
