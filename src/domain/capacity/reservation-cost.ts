import { PLANNED_STAY_TYPES, type ScenarioOutcome } from './planner.ts';

/**
 * "One more reserved bed": for each number of beds kept for planned respite, what it costs a year and how many
 * requests a year still find no place, beside the step from one bed fewer. The cost of a bed is the MKBA's
 * (src/domain/bed-year-cost.ts: every night at the tariff, empty or not), so the two pages give the same price.
 */
export interface ReservationCost {
  reserved: number;
  /** k × the cost of a bed for a year; null when no respite tariff is known in the region. */
  costCents: number | null;
  /** Mean requests a year without a place: planned respite (null where the demand model hides it) and all together. */
  refusedPerYear: { planned: number | null; all: number | null };
  /** Against one bed fewer: refusals saved (negative: more refusals) and the extra cost; null for 0 beds. */
  step: { plannedSaved: number | null; allSaved: number | null; costCents: number | null } | null;
}

const round1 = (value: number) => Math.round(value * 10) / 10 + 0;

function refused(outcome: ScenarioOutcome): ReservationCost['refusedPerYear'] {
  const planned = outcome.stayTypes.filter((share) => share.stayType !== 'all' && PLANNED_STAY_TYPES.includes(share.stayType));
  const perYear = (share: { requests: number | null; refused: { mean: number } | null }) =>
    share.requests === null ? null : share.requests * (share.refused?.mean ?? 0);
  const plannedValues = planned.map(perYear);
  return {
    planned:
      planned.length === 0 || plannedValues.includes(null) ? null : round1(plannedValues.reduce<number>((sum, value) => sum + value!, 0)),
    all: outcome.total.requests === null ? null : round1(perYear(outcome.total)!),
  };
}

const difference = (before: number | null, after: number | null) => (before === null || after === null ? null : round1(before - after));

export function reservationCosts(
  options: readonly (ScenarioOutcome & { reserved: number })[],
  bedYearCents: number | null,
): ReservationCost[] {
  const rows = options.map((option) => ({
    reserved: option.reserved,
    costCents: bedYearCents === null ? null : option.reserved * bedYearCents,
    refusedPerYear: refused(option),
  }));
  return rows.map((row, index) => {
    const previous = index === 0 ? undefined : rows[index - 1];
    return {
      ...row,
      step:
        previous === undefined
          ? null
          : {
              plannedSaved: difference(previous.refusedPerYear.planned, row.refusedPerYear.planned),
              allSaved: difference(previous.refusedPerYear.all, row.refusedPerYear.all),
              costCents: bedYearCents === null ? null : (row.reserved - previous.reserved) * bedYearCents,
            },
    };
  });
}
