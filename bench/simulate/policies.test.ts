import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { CARE_FEATURES } from '../../src/domain/care-features.ts';
import { exclusionOf } from '../../src/domain/matching/rank.ts';
import { adempauze } from './adempauze.ts';
import type { Placement } from './calendar.ts';
import { violations } from './check.ts';
import { generateDemand, type SimRequest } from './demand.ts';
import { aRequest, aUnit, aWorld, north } from './fixtures.ts';
import { totalCost } from './metrics.ts';
import { offlineOptimum } from './offline-optimum.ts';
import { phoneRound } from './phone-round.ts';
import { needOf, candidateOf } from './rules.ts';
import { buildWorld, type World } from './world.ts';

const LIMITS = { exactMaxOptions: 1_000_000, solveSeconds: 60, windowDays: 14, lookaheadDays: 7, blockDays: 28 };

async function allPolicies(world: World, requests: readonly SimRequest[]): Promise<Record<string, ReadonlyMap<string, Placement>>> {
  return {
    adempauze: (await adempauze(world, requests, 'optimal')).placements,
    adempauze_greedy: (await adempauze(world, requests, 'greedy')).placements,
    phone_round: phoneRound(world, requests),
    phone_round_nearest: phoneRound(world, requests, 'nearest'),
    offline_optimum: (await offlineOptimum(world, requests, LIMITS)).placements,
  };
}

/** The checks written out here rather than taken from check.ts, so the two keep each other honest. */
function assertSound(world: World, requests: readonly SimRequest[], name: string, placements: ReadonlyMap<string, Placement>) {
  const requestById = new Map(requests.map((request) => [request.id, request]));
  const stays = [...placements.values()];
  for (const placement of stays) {
    const request = requestById.get(placement.requestId)!;
    const unit = world.unitById.get(placement.unitId)!;
    assert.equal(
      exclusionOf(candidateOf(unit, true), needOf(request, placement.start, world)),
      null,
      `${name}: ${placement.requestId} on ${placement.unitId}`,
    );
    assert.equal(unit.kind, request.unitKind);
    assert.ok(
      placement.start >= request.earliest && placement.start <= request.latest,
      `${name}: ${placement.requestId} starts outside its window`,
    );
    assert.ok(
      !unit.blocked.some(([from, to]) => placement.start < to && from < placement.start + placement.nights),
      `${name}: closed unit`,
    );
    for (const other of stays) {
      if (other === placement || other.unitId !== placement.unitId) continue;
      assert.ok(
        placement.start + placement.nights <= other.start || other.start + other.nights <= placement.start,
        `${name}: ${placement.requestId} and ${other.requestId} overlap`,
      );
    }
  }
  assert.deepEqual(violations(world, requests, placements), [], name);
}

describe('the offline optimum of a group too large to solve in one go', () => {
  it('builds a sound assignment window by window, and its block bound is at most the exact optimum', async () => {
    const world = buildWorld();
    // Two weeks outside Peelregio, whose long respite windows make even a small window slow to prove.
    const requests = generateDemand(world, { seed: 3, warmupDays: 7 }).filter(
      (request) => request.desired < 14 && !['peelregio', 'eindhoven'].includes(request.regionId),
    );
    const exact = await offlineOptimum(world, requests, LIMITS);
    const split = await offlineOptimum(world, requests, { ...LIMITS, exactMaxOptions: 0 });
    assertSound(world, requests, 'windows', split.placements);
    for (const [i, component] of split.components.entries()) {
      const optimum = exact.components[i]!;
      assert.ok(optimum.optimal, 'the small year is solved exactly');
      assert.equal(component.bound, 'disjoint_blocks');
      assert.ok(
        component.lower_bound <= optimum.total_cost + 1e-6,
        `${component.regions}: bound ${component.lower_bound} > optimum ${optimum.total_cost}`,
      );
      assert.ok(component.total_cost >= optimum.total_cost - 1e-6, `${component.regions}: windows beat the optimum`);
    }
  });
});

describe('simulation policies on the demo registry', () => {
  const world = buildWorld();
  // Four weeks of demand: small enough for the exact optimum in a test.
  const requests = generateDemand(world, { seed: 7, warmupDays: 7 }).filter((request) => request.desired < 21);

  it('never double-book a unit and keep every hard constraint', async () => {
    for (const [name, placements] of Object.entries(await allPolicies(world, requests))) assertSound(world, requests, name, placements);
  });

  it('the offline optimum costs no more than any other policy under the shared cost', async () => {
    const outcomes = await allPolicies(world, requests);
    const cost = (name: string) => totalCost(requests, world.unitById, outcomes[name]!);
    // The solver works on costs rounded to hundredths: allow that much per request.
    const slack = 0.01 * requests.length;
    for (const name of ['adempauze', 'adempauze_greedy', 'phone_round', 'phone_round_nearest']) {
      assert.ok(cost('offline_optimum') <= cost(name) + slack, `${name}: ${cost(name)} < optimum ${cost('offline_optimum')}`);
    }
  });
});

const stayTypes = ['respite', 'elv_low_complex', 'elv_high_complex', 'crisis_wmo'] as const;
const unitArbitrary = fc.record({
  region: fc.constantFrom('a', 'b'),
  km: fc.integer({ min: 1, max: 30 }),
  types: fc.subarray([...stayTypes], { minLength: 1 }),
  reserved: fc.boolean(),
  features: fc.subarray([...CARE_FEATURES], { maxLength: 2 }),
  officeHours: fc.boolean(),
  closed: fc.option(fc.tuple(fc.integer({ min: 0, max: 20 }), fc.integer({ min: 1, max: 10 })), { nil: undefined }),
});
const requestArbitrary = fc.record({
  region: fc.constantFrom('a', 'b'),
  type: fc.constantFrom(...stayTypes),
  features: fc.subarray([...CARE_FEATURES], { maxLength: 1 }),
  arrival: fc.integer({ min: 0, max: 20 }),
  lead: fc.integer({ min: 0, max: 5 }),
  nights: fc.integer({ min: 1, max: 8 }),
  flexibility: fc.integer({ min: 0, max: 4 }),
  hour: fc.integer({ min: 0, max: 23 }),
});

describe('simulation policies on random small worlds', () => {
  it('never double-book, keep the hard constraints, and never beat the optimum', async () => {
    let placed = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(unitArbitrary, { minLength: 1, maxLength: 4 }),
        fc.array(requestArbitrary, { minLength: 1, maxLength: 10 }),
        async (unitSpecs, requestSpecs) => {
          const world = aWorld(
            unitSpecs.map((spec, i) =>
              aUnit(
                `u${i}`,
                {
                  regionId: spec.region,
                  location: north(spec.km),
                  acceptedStayTypes: spec.types,
                  reservedFor: spec.reserved ? spec.types[0]! : null,
                  features: spec.features,
                  admissionHours: spec.officeHours ? [1, 2, 3, 4, 5].map((weekday) => ({ weekday, from: '09:00', until: '17:00' })) : [],
                },
                spec.closed ? [[spec.closed[0], spec.closed[0] + spec.closed[1]]] : [],
              ),
            ),
          );
          const requests = requestSpecs.map((spec, i) => {
            const planned = spec.type === 'respite';
            const desired = spec.arrival + (planned ? spec.lead : 0);
            return aRequest(`q${i}`, {
              kind: planned ? 'respite' : spec.type.startsWith('crisis') ? 'crisis' : 'elv',
              stayType: spec.type,
              urgency: planned ? 'planned' : spec.type.startsWith('crisis') ? 'today' : 'within_48h',
              regionId: spec.region,
              requiredFeatures: spec.features,
              nights: spec.nights,
              arrival: spec.arrival,
              arrivalTime: `${String(spec.hour).padStart(2, '0')}:30`,
              desired,
              earliest: planned ? Math.max(spec.arrival, desired - spec.flexibility) : spec.arrival,
              latest: desired + spec.flexibility,
            });
          });
          const outcomes = await allPolicies(world, requests);
          for (const [name, placements] of Object.entries(outcomes)) assertSound(world, requests, name, placements);
          placed += outcomes.offline_optimum!.size;
          const optimum = totalCost(requests, world.unitById, outcomes.offline_optimum!);
          for (const name of ['adempauze', 'adempauze_greedy', 'phone_round', 'phone_round_nearest']) {
            assert.ok(optimum <= totalCost(requests, world.unitById, outcomes[name]!) + 0.01 * requests.length, name);
          }
        },
      ),
      { numRuns: 100 },
    );
    // The random worlds must place something, or the property says nothing.
    assert.ok(placed > 100, `only ${placed} placements in 100 worlds`);
  });
});

describe('the phone round and the access point choose differently', () => {
  const world = aWorld([
    aUnit('far', { location: north(20), organisationName: 'Aa Zorg' }),
    aUnit('near', { location: north(1), organisationName: 'Zz Zorg' }),
  ]);

  it('the phone round takes the first provider in the alphabet with a free unit, the access point the nearest', async () => {
    const requests = [aRequest('q')];
    assert.equal(phoneRound(world, requests).get('q')?.unitId, 'far');
    assert.equal((await adempauze(world, requests, 'optimal')).placements.get('q')?.unitId, 'near');
  });

  it('the access point books a home-region unit that frees up within the wait before a neighbour region', async () => {
    const twoRegions = aWorld([aUnit('home', { location: north(5) }), aUnit('neighbour', { location: north(2), regionId: 'b' })]);
    const requests = [aRequest('first', { nights: 2, latest: 0 }), aRequest('second', { nights: 3, latest: 3 })];
    const access = (await adempauze(twoRegions, requests, 'optimal')).placements;
    assert.deepEqual([access.get('second')?.unitId, access.get('second')?.start], ['home', 2]);
    const phone = phoneRound(twoRegions, requests);
    assert.deepEqual([phone.get('second')?.unitId, phone.get('second')?.start], ['neighbour', 0]);
  });
});
