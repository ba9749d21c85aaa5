import { z } from 'zod';
import { SEASONS } from '../../domain/capacity/demand-model.ts';
import { CAPACITY_CSV_TABLES, DEMAND_CSV_TABLES } from '../../domain/capacity/answers.ts';
import { IsoDate, RegionId, StayTypeCode, periodCheck } from './common.ts';

/** Three years at most, as the policy monitor. */
const MAX_PERIOD_NIGHTS = 3 * 366;

const regionPeriod = {
  regionId: RegionId,
  from: IsoDate.meta({ description: 'First day of the period' }),
  to: IsoDate.meta({ description: 'Day after the period (exclusive end)' }),
};

const capacityParameters = {
  target: z.coerce
    .number()
    .refine((value) => value >= 0.001 && value <= 0.5, { params: { code: 'target_out_of_range' } })
    .default(0.03)
    .meta({ description: 'Share of requests that may be refused, 0.001–0.5 (0.03 is 3 %)', example: 0.03 }),
  reserved: z.coerce.number().int().min(0).max(500).optional().meta({
    description: 'Beds reserved for planned respite in option (c); default: as many as now. More than the region has counts as all.',
  }),
};

export const DemandQuery = z.strictObject(regionPeriod).check(periodCheck('from', 'to', MAX_PERIOD_NIGHTS));
export const DemandCsvQuery = z
  .strictObject({ table: z.enum(DEMAND_CSV_TABLES), ...regionPeriod })
  .check(periodCheck('from', 'to', MAX_PERIOD_NIGHTS));
export const CapacityQuery = z.strictObject({ ...regionPeriod, ...capacityParameters }).check(periodCheck('from', 'to', MAX_PERIOD_NIGHTS));
export const CapacityCsvQuery = z
  .strictObject({ table: z.enum(CAPACITY_CSV_TABLES), ...regionPeriod, ...capacityParameters })
  .check(periodCheck('from', 'to', MAX_PERIOD_NIGHTS));

const count = z.number().int().nullable();
const decimal = z.number().nullable();
const hidden = z
  .boolean()
  .meta({ description: 'Hidden because fewer than 5 people could point to a person, or a total would give such a count away' });
const StayTypeOrAll = z.union([StayTypeCode, z.literal('all')]);
const period = z.object({ from: IsoDate, to: IsoDate });
const region = z.object({ id: z.string(), name: z.string() });

const StayTypeDemand = z.object({
  stayType: StayTypeOrAll,
  requests: count.meta({ description: 'Stays asked for by residents, with their first night in the period' }),
  perWeek: decimal,
  dispersion: decimal.meta({ description: 'Variance ÷ mean of requests per full week: about 1 for Poisson arrivals' }),
  seasons: z.array(z.object({ season: z.enum(SEASONS), days: z.number().int(), requests: count, perWeek: decimal, suppressed: hidden })),
  nights: z.object({
    mean: decimal,
    median: decimal,
    p90: decimal,
    classes: z.array(z.object({ from: z.number().int(), to: z.number().int().nullable(), stays: count, suppressed: hidden })),
  }),
  inRegion: count,
  outsideRegion: count,
  notPlaced: count.meta({ description: 'Requests that ended (cancelled or closed) without a stay booked or taken' }),
  percentOutside: decimal,
  percentNotPlaced: decimal,
  guests: count,
  recurringGuests: count.meta({ description: 'People who asked twice or more for this stay type in the period' }),
  percentRecurring: decimal,
  suppressed: hidden,
});

export const DemandModelSchema = z
  .object({
    region,
    window: period,
    observed: period
      .extend({ days: z.number().int() })
      .meta({ description: 'The period counted: from the first day the region had a unit' }),
    threshold: z.number().int(),
    weeks: z.array(z.object({ week: IsoDate, days: z.number().int(), requests: count, suppressed: hidden })),
    stayTypes: z.array(StayTypeDemand),
    total: StayTypeDemand,
  })
  .meta({ id: 'DemandModel' });

const Estimate = z
  .object({ mean: z.number(), low: z.number(), high: z.number(), halfWidth: z.number() })
  .meta({ id: 'Estimate', description: 'Simulated mean with its confidence interval' });
const Share = z.object({
  stayType: StayTypeOrAll,
  requests: decimal.meta({ description: 'Mean simulated requests per year' }),
  refused: Estimate.nullable().meta({ description: 'Share refused (0–1)' }),
});
const Scenario = z.object({ stayTypes: z.array(Share), total: Share, busyUnits: Estimate });

export const CapacityPlanSchema = z
  .object({
    region,
    window: period,
    observed: period.extend({ days: z.number().int() }),
    threshold: z.number().int(),
    target: z.number(),
    simulation: z
      .object({
        seed: z.number().int(),
        replications: z.number().int(),
        horizonDays: z.number(),
        warmupDays: z.number(),
        confidence: z.number(),
      })
      .meta({ description: 'Independent replications of one year each after a warm-up; intervals are Student t over the replications' }),
    units: z.object({
      total: z.number().int(),
      beds: z.number().int(),
      providers: z.array(z.object({ provider: z.string(), units: z.number().int() })),
    }),
    stayTypes: z.array(
      z.object({
        stayType: StayTypeCode,
        requestsPerYear: decimal,
        meanNights: decimal,
        offeredLoad: decimal.meta({ description: 'Erlang: requests per day × mean nights, rounded to 4 decimals' }),
        currentUnits: z.number().int(),
        unitsErlang: count,
        unitsSimulation: count,
        erlangAtSimulationUnits: decimal,
        simulatedAtSimulationUnits: Estimate.nullable(),
      }),
    ),
    all: z.object({
      offeredLoad: z.number(),
      unitsErlang: z.number().int(),
      unitsSimulation: count,
      simulatedAtSimulationUnits: Estimate.nullable(),
    }),
    pooling: z.object({
      erlang: z.object({
        providers: z.array(
          z.object({ provider: z.string(), offeredLoad: z.number(), unitsErlang: z.number().int(), currentUnits: z.number().int() }),
        ),
        separateUnits: z.number().int(),
        pooledUnits: z.number().int(),
        unassignedLoad: z.number(),
      }),
      separate: Scenario,
      pooled: Scenario,
    }),
    reservation: z.object({
      beds: z.number().int(),
      reserved: z.number().int(),
      currentlyReserved: z.number().int(),
      options: z.array(Scenario.extend({ reserved: z.number().int() })),
      bedYear: z.object({ cents: z.number().int(), locations: z.number().int(), from: z.string() }).nullable().meta({
        description:
          "What one bed kept for respite costs for a year from `from`: every night at the tariff (the MKBA's price of a reserved bed), the middle of the region's locations; null without a respite tariff",
      }),
      costs: z
        .array(
          z.object({
            reserved: z.number().int(),
            costCents: z.number().int().nullable(),
            refusedPerYear: z.object({ planned: z.number().nullable(), all: z.number().nullable() }),
            step: z
              .object({ plannedSaved: z.number().nullable(), allSaved: z.number().nullable(), costCents: z.number().int().nullable() })
              .nullable(),
          }),
        )
        .meta({
          description:
            'Per number of reserved beds: the cost a year and the requests a year without a place, and the step from one bed fewer',
        }),
    }),
  })
  .meta({ id: 'CapacityPlan' });
