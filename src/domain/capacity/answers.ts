import type { DateRange } from '../dates.ts';
import type { DemandFigures } from './demand-model.ts';
import type { CapacityPlan } from './planner.ts';
import type { ReservationCost } from './reservation-cost.ts';

/** What GET /api/policy/demand answers: the demand model of one region for a period. */
export interface DemandModel extends DemandFigures {
  region: { id: string; name: string };
  /** The period asked for; `observed` is the part counted. */
  window: DateRange;
}

/** What GET /api/policy/capacity answers: the plan, with what could point to fewer than 5 people hidden. */
export interface CapacityAnswer extends Omit<CapacityPlan, 'reservation'> {
  reservation: CapacityPlan['reservation'] & {
    /** What keeping one bed for respite costs a year (the MKBA's price of a bed); null without a respite tariff. */
    bedYear: { cents: number; locations: number; from: string } | null;
    costs: ReservationCost[];
  };
  region: { id: string; name: string };
  window: DateRange;
  observed: DateRange & { days: number };
  threshold: number;
}

/** The tables of the demand model a CSV can hold, by the name the link uses. */
export const DEMAND_CSV_TABLES = ['stay-types', 'weeks', 'seasons', 'nights'] as const;
export type DemandCsvTable = (typeof DEMAND_CSV_TABLES)[number];

/** The tables of the capacity plan a CSV can hold. */
export const CAPACITY_CSV_TABLES = ['stay-types', 'providers', 'pooling', 'reservation'] as const;
export type CapacityCsvTable = (typeof CAPACITY_CSV_TABLES)[number];
