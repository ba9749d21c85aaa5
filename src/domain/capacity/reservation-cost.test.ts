import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Estimate } from './confidence.ts';
import type { ScenarioOutcome } from './planner.ts';
import { reservationCosts } from './reservation-cost.ts';

const estimate = (mean: number): Estimate => ({ mean, low: mean, high: mean, halfWidth: 0 });
const option = (
  reserved: number,
  respite: number,
  elv: number,
  respiteRequests: number | null = 100,
): ScenarioOutcome & { reserved: number } => ({
  reserved,
  stayTypes: [
    { stayType: 'respite', requests: respiteRequests, refused: estimate(respite) },
    { stayType: 'elv_low_complex', requests: 300, refused: estimate(elv) },
  ],
  total: { stayType: 'all', requests: 400, refused: estimate((100 * respite + 300 * elv) / 400) },
  busyUnits: estimate(5),
});

describe('what one more reserved bed costs and saves', () => {
  it('prices k beds at k bed-years and counts the refusals a year it saves against one bed fewer', () => {
    // A bed at € 150 a night for 365 nights: € 54,750 a year.
    const rows = reservationCosts([option(0, 0.2, 0.05), option(1, 0.1, 0.06), option(2, 0.05, 0.08)], 5_475_000);
    assert.deepEqual(
      rows.map((row) => [row.reserved, row.costCents, row.refusedPerYear.planned, row.refusedPerYear.all]),
      [
        [0, 0, 20, 35], // 100 × 20 % + 300 × 5 %
        [1, 5_475_000, 10, 28],
        [2, 10_950_000, 5, 29],
      ],
    );
    assert.equal(rows[0]!.step, null);
    // The first bed: 10 respite refusals fewer, 7 fewer in all, for € 54,750.
    assert.deepEqual(rows[1]!.step, { plannedSaved: 10, allSaved: 7, costCents: 5_475_000 });
    // The second saves respite 5 refusals but costs ELV more: one refusal more in all.
    assert.deepEqual(rows[2]!.step, { plannedSaved: 5, allSaved: -1, costCents: 5_475_000 });
  });

  it('leaves out what it cannot know: no tariff, or respite requests hidden for privacy', () => {
    const rows = reservationCosts([option(0, 0.2, 0.05, null), option(1, 0.1, 0.06, null)], null);
    assert.deepEqual(rows[1], {
      reserved: 1,
      costCents: null,
      refusedPerYear: { planned: null, all: 28 },
      step: { plannedSaved: null, allSaved: 7, costCents: null },
    });
  });
});
