import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { PlanningDemand, PlanningStayType } from './demand-model.ts';
import { erlangB, unitsNeeded } from './erlang.ts';
import { type PlannerUnit, planCapacity } from './planner.ts';

const SIMULATION = { seed: 2019, replications: 20, horizonDays: 365, warmupDays: 90, confidence: 0.95 };
const days = 365;

/** Random (one-time) guests only: the simulation's demand is Poisson, as Erlang assumes. */
function poissonType(stayType: PlanningStayType['stayType'], requests: number, nights: number[]): PlanningStayType {
  return {
    stayType,
    requests,
    nights,
    recurringIntervals: [],
    oneTimePerDay: new Array(365).fill(requests / days),
    meanNights: nights.reduce((sum, value) => sum + value, 0) / nights.length,
  };
}

const unit = (
  provider: string,
  accepted: PlannerUnit['acceptedStayTypes'],
  reservedFor: PlannerUnit['reservedFor'] = null,
  kind: PlannerUnit['kind'] = 'bed',
): PlannerUnit => ({ provider, acceptedStayTypes: accepted, reservedFor, kind });

describe('the capacity planner', () => {
  const demand: PlanningDemand = {
    observedDays: days,
    stayTypes: [poissonType('respite', 60, [3, 5, 7, 14]), poissonType('elv_low_complex', 150, [10, 20, 30])],
  };
  const units = [
    unit('A', ['respite'], 'respite'),
    unit('A', ['respite', 'elv_low_complex']),
    unit('A', ['respite', 'elv_low_complex']),
    unit('B', ['elv_low_complex']),
    unit('B', ['elv_low_complex']),
    unit('B', ['elv_low_complex']),
    unit('B', ['elv_low_complex']),
    unit('B', ['elv_low_complex']),
    unit('C', ['respite'], 'respite', 'home_night'),
  ];
  const plan = planCapacity(demand, units, { target: 0.03, reserved: 1, simulation: SIMULATION });

  it('answers with Erlang B on the offered load, and the simulation of Poisson demand lands on it or next to it', () => {
    const [respite, elv] = plan.stayTypes;
    // 60/365 × 7.25 = 1.1918 Erlang; 150/365 × 20 = 8.2192 Erlang.
    assert.equal(respite!.offeredLoad, 1.1918);
    assert.equal(elv!.offeredLoad, 8.2192);
    assert.equal(respite!.unitsErlang, unitsNeeded(1.1918, 0.03));
    assert.equal(elv!.unitsErlang, unitsNeeded(8.2192, 0.03));
    for (const row of plan.stayTypes) {
      assert.ok(
        Math.abs(row.unitsSimulation! - row.unitsErlang!) <= 1,
        `${row.stayType}: ${row.unitsSimulation} against ${row.unitsErlang}`,
      );
      assert.ok(row.simulatedAtSimulationUnits!.mean <= 0.03);
      assert.equal(row.erlangAtSimulationUnits, Math.round(erlangB(row.unitsSimulation!, row.offeredLoad!) * 10_000) / 10_000);
    }
    assert.deepEqual(
      plan.stayTypes.map((row) => row.currentUnits),
      [4, 7],
    );
    assert.equal(plan.all.offeredLoad, 9.411);
    assert.equal(plan.all.unitsErlang, unitsNeeded(9.411, 0.03));
  });

  it("shares each stay type's load over the providers in proportion to their units, and one pool needs fewer units", () => {
    const loads = plan.pooling.erlang.providers.map((provider) => provider.offeredLoad);
    assert.ok(Math.abs(loads.reduce((sum, load) => sum + load, 0) - plan.all.offeredLoad) < 1e-3);
    assert.deepEqual(
      plan.pooling.erlang.providers.map((provider) => [provider.provider, provider.currentUnits]),
      [
        ['A', 3],
        ['B', 5],
        ['C', 1],
      ],
    );
    assert.ok(plan.pooling.erlang.pooledUnits < plan.pooling.erlang.separateUnits);
    assert.ok(plan.pooling.pooled.total.refused!.mean <= plan.pooling.separate.total.refused!.mean);
  });

  it('compares every number of reserved beds, the night at home staying with respite in each', () => {
    assert.equal(plan.reservation.beds, 8);
    assert.deepEqual(
      plan.reservation.options.map((option) => option.reserved),
      [0, 1, 2, 3, 4, 5, 6, 7, 8],
    );
    assert.equal(plan.reservation.currentlyReserved, 1);
    const refused = (k: number, stayType: string) =>
      plan.reservation.options[k]!.stayTypes.find((row) => row.stayType === stayType)!.refused!.mean;
    // Reserving more beds for respite refuses less respite and more ELV; with every bed reserved ELV has none.
    assert.ok(refused(4, 'respite') <= refused(0, 'respite'));
    assert.ok(refused(4, 'elv_low_complex') >= refused(0, 'elv_low_complex'));
    assert.equal(refused(8, 'elv_low_complex'), 1);
  });

  it('gives no simulated answer where nothing is known about the stay lengths, and copes with no demand at all', () => {
    const unknown = planCapacity(
      { observedDays: days, stayTypes: [{ ...poissonType('crisis_wmo', 4, [1]), nights: [], meanNights: null }] },
      units,
      { target: 0.03, reserved: 0, simulation: SIMULATION },
    );
    assert.deepEqual(
      [unknown.stayTypes[0]!.offeredLoad, unknown.stayTypes[0]!.unitsErlang, unknown.stayTypes[0]!.unitsSimulation],
      [null, null, null],
    );
    const none = planCapacity({ observedDays: days, stayTypes: [] }, units, { target: 0.03, reserved: 0, simulation: SIMULATION });
    assert.deepEqual([none.all.offeredLoad, none.all.unitsErlang, none.pooling.pooled.total.refused], [0, 0, null]);
  });
});
