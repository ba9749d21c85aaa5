import { z } from 'zod';
import { REFERRAL_KINDS } from '../../domain/referral.ts';
import { IsoDate, StayTypeCode, periodCheck } from './common.ts';

/** Three years at most: enough to compare a year with the two before it. */
const MAX_PERIOD_NIGHTS = 3 * 366;

const period = {
  from: IsoDate.meta({ description: 'First day of the period' }),
  to: IsoDate.meta({ description: 'Day after the period (exclusive end)' }),
};
const region = {
  regionId: z.string().min(1).max(100).optional().meta({
    description:
      'One region: its locations for occupancy and cancellations, its residents for requests, lead times, waiting and satisfaction; left out: all',
  }),
};

export const PolicyMonitorQuery = z.strictObject({ ...period, ...region }).check(periodCheck('from', 'to', MAX_PERIOD_NIGHTS));

/** The tables of the monitor by the name a CSV link uses. */
export const POLICY_CSV_TABLES = {
  'occupancy-by-location': 'occupancyByLocation',
  'occupancy-by-stay-type': 'occupancyByStayType',
  'requests-by-kind': 'requestsByKind',
  'requests-by-municipality': 'requestsByMunicipality',
  placement: 'placement',
  'lead-times': 'leadTimes',
  cancellations: 'cancellations',
  'waiting-list': 'waitingList',
  satisfaction: 'satisfaction',
} as const;

export const PolicyCsvQuery = z
  .strictObject({ table: z.enum(Object.keys(POLICY_CSV_TABLES) as [keyof typeof POLICY_CSV_TABLES]), ...period, ...region })
  .check(periodCheck('from', 'to', MAX_PERIOD_NIGHTS));

const hidden = z.boolean().meta({ description: 'Hidden because fewer than 5 people could point to a person' });
const count = z.number().int().nullable();
const decimal = z.number().nullable();

export const PolicyMonitorSchema = z
  .object({
    window: z.object({ from: IsoDate, to: IsoDate }),
    threshold: z.number().int(),
    months: z.array(z.string()),
    weeks: z.array(IsoDate),
    occupancyByLocation: z.array(
      z.object({
        month: z.string(),
        region: z.string(),
        location: z.string(),
        availableNights: z.number().int(),
        occupiedNights: z.number().int(),
        percent: decimal,
      }),
    ),
    occupancyByStayType: z.array(
      z.object({ month: z.string(), stayType: StayTypeCode, occupiedNights: count, percent: decimal, suppressed: hidden }),
    ),
    requestsByKind: z.array(z.object({ month: z.string(), kind: z.enum(REFERRAL_KINDS), requests: count, suppressed: hidden })),
    requestsByMunicipality: z.array(z.object({ municipality: z.string(), requests: count, suppressed: hidden })),
    placement: z.array(
      z.object({
        homeRegionId: z.string(),
        homeRegion: z.string(),
        within: count,
        outside: count,
        percentWithin: decimal,
        suppressed: hidden,
      }),
    ),
    leadTimes: z.array(
      z.object({
        kind: z.union([z.enum(REFERRAL_KINDS), z.literal('all')]),
        measure: z.enum(['offer', 'booking']),
        referrals: count,
        medianDays: decimal,
        p90Days: decimal,
        suppressed: hidden,
      }),
    ),
    cancellations: z.array(
      z.object({
        reason: z.string().nullable().meta({ description: 'null: all reasons given for fewer than 5 people together' }),
        stays: count,
        suppressed: hidden,
      }),
    ),
    waitingList: z.array(z.object({ week: IsoDate, waiting: count, suppressed: hidden })),
    satisfaction: z.array(
      z.object({
        respondent: z.enum(['caregiver', 'guest']),
        question: z.string(),
        answers: count,
        mean: decimal,
        suppressed: hidden,
      }),
    ),
  })
  .meta({ id: 'PolicyMonitor' });
