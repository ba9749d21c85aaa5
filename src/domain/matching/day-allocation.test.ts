import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  FIT_HORIZON_NIGHTS,
  IDLE_NIGHT_KM,
  type PendingRequest,
  type RankedUnit,
  SHIFT_KM_PER_DAY,
  allocateDay,
  idleNightsKm,
  kindOfStayType,
  needlessFlexibilityKm,
  optionCost,
  optionsOf,
  startsOf,
} from './day-allocation.ts';
import { OUTSIDE_REGION_KM } from './referral-allocation.ts';

const request = (id: string, changes: Partial<PendingRequest> = {}): PendingRequest => ({
  id,
  kind: 'respite',
  urgency: 'planned',
  burdenLevel: 'moderate',
  waitingSince: '2027-01-01T09:00',
  nights: 5,
  desired: 10,
  earliest: 10,
  latest: 10,
  ...changes,
});
const unit = (unitId: string, score: number, changes: Partial<RankedUnit> = {}): RankedUnit => ({
  unitId,
  score,
  outsideRegion: false,
  stayType: 'respite',
  acceptedStayTypes: ['respite'],
  ...changes,
});

describe('the day allocation', () => {
  it('tries the wished night first, then the nearest, later before earlier on a tie, never before today', () => {
    assert.deepEqual(startsOf({ desired: 10, earliest: 8, latest: 12 }), [10, 11, 9, 12, 8]);
    assert.deepEqual(startsOf({ desired: 10, earliest: 8, latest: 12 }, 10), [10, 11, 12]);
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 30 }),
        fc.integer({ min: 0, max: 10 }),
        fc.integer({ min: 0, max: 10 }),
        fc.integer({ min: 0, max: 40 }),
        (desired, before, after, today) => {
          const starts = startsOf({ desired, earliest: desired - before, latest: desired + after }, today);
          const distances = starts.map((start) => Math.abs(start - desired));
          assert.deepEqual(
            distances,
            [...distances].sort((a, b) => a - b),
          );
          assert.ok(starts.every((start) => start >= today && start >= desired - before && start <= desired + after));
        },
      ),
    );
  });

  it('prices a unit by its score, its region, the unplanned stay types it also takes, and each day moved', () => {
    const wide = unit('u', 7, { outsideRegion: true, acceptedStayTypes: ['respite', 'elv_low_complex', 'crisis_wmo'] });
    assert.equal(needlessFlexibilityKm('respite', wide.acceptedStayTypes), 10);
    assert.equal(optionCost(request('r'), wide, 12), 7 + OUTSIDE_REGION_KM + 10 + 2 * SHIFT_KM_PER_DAY.respite);
    assert.equal(kindOfStayType('elv_palliative'), 'elv');
    assert.equal(kindOfStayType('crisis_wlz'), 'crisis');
    assert.equal(kindOfStayType('wlz_respite'), 'respite');
  });

  it('prefers, between units about as good, the one whose calendar the stay fits best (best fit)', () => {
    const fits = unit('fits', 3, { freeAround: { before: 0, after: 1 } });
    const cuts = unit('cuts', 3, { freeAround: { before: 20, after: 30 } });
    assert.equal(idleNightsKm(fits.freeAround), IDLE_NIGHT_KM);
    assert.equal(idleNightsKm(cuts.freeAround), IDLE_NIGHT_KM * 2 * FIT_HORIZON_NIGHTS);
    assert.ok(optionCost(request('r'), fits, 10) < optionCost(request('r'), cuts, 10));
    // Never more than a few km: a nearer unit still wins, and without the calendar (the app's callers) nothing changes.
    assert.ok(
      optionCost(request('r'), unit('near', 0, { freeAround: cuts.freeAround }), 10) <
        optionCost(request('r'), unit('far', 6, { freeAround: fits.freeAround }), 10),
    );
    assert.equal(optionCost(request('r'), unit('u', 3), 10), 3);
  });

  it('offers each unit from every night still open, ranked from that night', () => {
    const options = optionsOf(request('r', { earliest: 9, latest: 11 }), 9, (start) => (start === 10 ? [unit('a', 3)] : [unit('b', 4)]));
    assert.deepEqual(options, [
      { unitId: 'a', start: 10, cost: 3 },
      { unitId: 'b', start: 11, cost: 4 + SHIFT_KM_PER_DAY.respite },
      { unitId: 'b', start: 9, cost: 4 + SHIFT_KM_PER_DAY.respite },
    ]);
  });

  it('places two guests who want the one unit on the same night when one of them may move', async () => {
    const first = request('first', { waitingSince: '2027-01-01T08:00' });
    // Free from night 10 (what the first wants too) and again from night 15, after the first's stay.
    const flexible = request('flexible', { earliest: 8, latest: 16 });
    const only = (start: number) => [unit('kamer', 2)].map((u) => ({ unitId: u.unitId, start, cost: optionCost(first, u, start) }));
    const batch = [
      { request: first, options: only(10) },
      { request: flexible, options: optionsOf(flexible, 8, (start) => (start === 10 || start === 15 ? [unit('kamer', 2)] : [])) },
    ];
    for (const method of ['greedy', 'optimal'] as const) {
      const allocation = await allocateDay(batch, method, { timeLimitSeconds: 5 });
      assert.equal(allocation.assigned.get('first')?.start, 10, method);
      assert.equal(allocation.assigned.get('flexible')?.start, 15, method);
      assert.deepEqual(allocation.unplaced, [], method);
    }
  });

  it('lets the solver give the contested unit to the one who has no other, where greedy cannot', async () => {
    const urgent = request('urgent', { urgency: 'today', kind: 'crisis', nights: 3, desired: 0, earliest: 0, latest: 0 });
    const planned = request('planned', { nights: 3, desired: 0, earliest: 0, latest: 0 });
    const batch = [
      {
        request: urgent,
        options: [
          { unitId: 'near', start: 0, cost: 2 },
          { unitId: 'far', start: 0, cost: 20 },
        ],
      },
      { request: planned, options: [{ unitId: 'near', start: 0, cost: 3 }] },
    ];
    const greedy = await allocateDay(batch, 'greedy', { timeLimitSeconds: 5 });
    assert.deepEqual(greedy.unplaced, ['planned']);
    const optimal = await allocateDay(batch, 'optimal', { timeLimitSeconds: 5 });
    assert.deepEqual(optimal.unplaced, []);
    assert.equal(optimal.assigned.get('urgent')?.unitId, 'far');
    assert.ok(optimal.solved && optimal.optimal);
  });
});
