import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { pilotGuestPlans, RECOVERY_STAYS, recoveryOccupancy } from '../../src/demo/pilot-demand.ts';
import { createRandom } from '../../src/demo/prng.ts';
import type { StayType } from '../../src/domain/stay-types.ts';
import { generateDemand, separate } from './demand.ts';
import { buildWorld } from './world.ts';

describe('simulated demand', () => {
  it("keeps one guest's stay windows apart, with a day at home, and drops a wish inside the previous stay", () => {
    const wishes = separate([
      { desired: 40, nights: 4, maxShift: 7 },
      { desired: 10, nights: 5, maxShift: 7 },
      { desired: 12, nights: 3, maxShift: 7 },
      { desired: 20, nights: 4, maxShift: 7 },
    ]);
    assert.deepEqual(
      wishes.map((wish) => [wish.desired, wish.earliest, wish.latest]),
      [
        [10, 3, 12],
        [20, 18, 27],
        [40, 33, 47],
      ],
    );
    for (let i = 1; i < wishes.length; i++) {
      assert.ok(wishes[i - 1]!.latest + wishes[i - 1]!.nights < wishes[i]!.earliest);
    }
  });

  const world = buildWorld();

  it('is the same for the same seed, and every request can start within its own window', () => {
    const first = generateDemand(world, { seed: 11, warmupDays: 42 });
    assert.deepEqual(generateDemand(world, { seed: 11, warmupDays: 42 }), first);
    for (const request of first) {
      assert.ok(request.earliest <= request.desired && request.desired <= request.latest, request.id);
      assert.ok(request.arrival <= request.earliest, request.id);
    }
  });

  it("asks for the pilots' respite stays: every wish of the guest plans that was not cancelled, bar overlaps", () => {
    const window = world.window;
    const plans = pilotGuestPlans(createRandom(11), window);
    const requests = generateDemand(world, { seed: 11, warmupDays: 42 }).filter((request) => request.kind === 'respite');
    for (const regionId of ['hoeksche-waard', 'peelregio', 'zuidoost-utrecht']) {
      const wishes = plans
        .filter((plan) => plan.regionId === regionId)
        .flatMap((plan) => [...(plan.series?.stays ?? []), ...plan.stays])
        .filter((stay) => !stay.cancelReason);
      const asked = requests.filter((request) => request.regionId === regionId).length;
      assert.ok(asked <= wishes.length && asked >= 0.95 * wishes.length, `${regionId}: ${asked} of ${wishes.length}`);
    }
  });

  it("offers each pilot region's beds their occupancy target in respite and ELV together, not respite on top of it", () => {
    for (const regionId of ['hoeksche-waard', 'peelregio']) {
      const beds = world.registry.units.filter((unit) => unit.kind === 'bed' && unit.regionId === regionId);
      let target = 0;
      for (const unit of beds) {
        const recovery = unit.acceptedStayTypes.filter((type) => RECOVERY_STAYS[type as StayType]);
        if (unit.reservedFor === 'respite' || (recovery.length === 0 && unit.acceptedStayTypes.includes('respite'))) target += 0.88 * 365;
        else if (recovery.length > 0)
          target +=
            365 *
            recoveryOccupancy(
              unit.locationKey,
              recovery.every((type) => type.startsWith('crisis')),
            );
      }
      const seeds = [1, 2, 3, 4, 5, 6];
      const offered =
        seeds.reduce(
          (sum, seed) =>
            sum +
            generateDemand(world, { seed, warmupDays: 0 })
              .filter(
                (request) => request.regionId === regionId && request.unitKind === 'bed' && request.desired >= 0 && request.desired < 365,
              )
              .reduce((nights, request) => nights + request.nights, 0),
          0,
        ) / seeds.length;
      assert.ok(
        Math.abs(offered - target) < 0.1 * target,
        `${regionId}: ${Math.round(offered)} nights asked a year, ${Math.round(target)} at the targets`,
      );
    }
  });
});
