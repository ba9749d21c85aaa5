import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { URGENCIES } from '../triage/outcome.ts';
import {
  type ExpectedFlow,
  HELD_BED_NIGHT_KM,
  type HeldUnit,
  type Outlook,
  expectedGuests,
  flowsHeldFor,
  heldBackKm,
  poissonAbove,
} from './anticipation.ts';
import { optionsOf, type PendingRequest } from './day-allocation.ts';

const crisis: ExpectedFlow = { regionId: 'a', stayType: 'crisis_wmo', urgency: 'today', perDay: 0.2, nights: [3, 14] };
const elv: ExpectedFlow = { regionId: 'a', stayType: 'elv_low_complex', urgency: 'within_48h', perDay: 0.7, nights: [7, 35] };
const bed = (changes: Partial<HeldUnit> = {}): HeldUnit => ({
  unitId: 'u',
  regionId: 'a',
  acceptedStayTypes: ['respite', 'elv_low_complex', 'crisis_wmo'],
  outsideRegion: false,
  ...changes,
});
const outlook = (flows: readonly ExpectedFlow[], free = 0): Outlook => ({ today: 0, flows, freeOthers: () => free });

const flowArb = fc.record({
  regionId: fc.constantFrom('a', 'b'),
  stayType: fc.constantFrom('elv_low_complex', 'elv_high_complex', 'crisis_wmo', 'crisis_wlz'),
  urgency: fc.constantFrom(...URGENCIES),
  perDay: fc.double({ min: 0, max: 3, noNaN: true }),
  nights: fc.tuple(fc.integer({ min: 1, max: 20 }), fc.integer({ min: 0, max: 20 })).map(([min, more]) => [min, min + more] as const),
});
const unitArb = fc.record({
  unitId: fc.constant('u'),
  regionId: fc.constantFrom('a', 'b'),
  acceptedStayTypes: fc.subarray(['respite', 'elv_low_complex', 'elv_high_complex', 'crisis_wmo', 'crisis_wlz']),
  outsideRegion: fc.boolean(),
});

describe('anticipation', () => {
  it('counts the guests of a flow still staying a night ahead, up to the whole flow (Little)', () => {
    assert.equal(expectedGuests({ perDay: 1, nights: [3, 3] }, 0), 1);
    assert.equal(expectedGuests({ perDay: 1, nights: [3, 3] }, 10), 3);
    assert.ok(Math.abs(expectedGuests(elv, 100) - 0.7 * 21) < 1e-9);
    assert.ok(Math.abs(poissonAbove(2, 1) - (1 - 3 * Math.exp(-2))) < 1e-12);
    assert.equal(poissonAbove(0, 0), 0);
  });

  it('never holds back a bed when no urgent demand is expected', () => {
    fc.assert(
      fc.property(
        unitArb,
        fc.constantFrom(...URGENCIES),
        fc.integer({ min: -5, max: 60 }),
        fc.integer({ min: 1, max: 40 }),
        fc.array(flowArb.map((flow) => ({ ...flow, perDay: 0 }))),
        fc.nat(5),
        (unit, urgency, start, nights, flows, free) => {
          assert.equal(heldBackKm({ urgency }, unit, start, nights, outlook(flows, free)), 0);
          assert.equal(heldBackKm({ urgency }, unit, start, nights), 0);
        },
      ),
    );
  });

  it('releases a held-back bed for the urgent request it was held for, and never charges planned respite', () => {
    fc.assert(
      fc.property(
        unitArb,
        fc.array(flowArb),
        fc.integer({ min: 0, max: 30 }),
        fc.integer({ min: 1, max: 30 }),
        (unit, flows, start, nights) => {
          const home = { ...unit, outsideRegion: false };
          // A crisis in its own region pays for no flow at all; an ELV pays for crisis flows only.
          assert.equal(heldBackKm({ urgency: 'today' }, home, start, nights, outlook(flows)), 0);
          assert.ok(flowsHeldFor('within_48h', home, flows).every((flow) => flow.urgency === 'today'));
          assert.equal(heldBackKm({ urgency: 'planned' }, unit, start, nights, outlook(flows)), 0);
        },
      ),
    );
  });

  it('holds a bed for the more urgent flow, the less the more other beds are free', () => {
    const price = (free: number) => heldBackKm({ urgency: 'within_48h' }, bed(), 0, 10, outlook([crisis, elv], free));
    assert.ok(price(0) > 0);
    assert.ok(price(0) <= HELD_BED_NIGHT_KM * 10);
    fc.assert(
      fc.property(fc.nat(10), fc.nat(3), (free, more) => {
        assert.ok(price(free + more) <= price(free));
      }),
    );
    // The home region's ELV does not pay for its own ELV flow; a guest from outside the region does.
    assert.ok(heldBackKm({ urgency: 'within_48h' }, bed(), 0, 10, outlook([elv])) === 0);
    assert.ok(heldBackKm({ urgency: 'within_48h' }, bed({ outsideRegion: true }), 0, 10, outlook([elv])) > 0);
    // Another region's flow is not this bed's.
    assert.equal(heldBackKm({ urgency: 'within_48h' }, bed({ regionId: 'b', outsideRegion: true }), 0, 10, outlook([elv])), 0);
  });

  it('prices the options of the day allocation with it, so an overflow guest takes the bed the host region needs least', () => {
    const request: PendingRequest = {
      id: 'r',
      kind: 'elv',
      urgency: 'within_48h',
      burdenLevel: 'moderate',
      waitingSince: '2027-01-01T09:00',
      nights: 10,
      desired: 0,
      earliest: 0,
      latest: 0,
    };
    const neighbour = (unitId: string, regionId: string) => ({
      unitId,
      score: 5,
      outsideRegion: true,
      stayType: 'elv_low_complex',
      acceptedStayTypes: ['elv_low_complex'],
      regionId,
    });
    const flows = [{ ...elv, regionId: 'busy' }];
    const options = optionsOf(request, 0, () => [neighbour('in-busy', 'busy'), neighbour('in-quiet', 'quiet')], outlook(flows));
    const cost = new Map(options.map((option) => [option.unitId, option.cost]));
    assert.ok(cost.get('in-busy')! > cost.get('in-quiet')!);
    // Without an outlook (the app's default), the two cost the same.
    const plain = optionsOf(request, 0, () => [neighbour('in-busy', 'busy'), neighbour('in-quiet', 'quiet')]);
    assert.equal(plain[0]!.cost, plain[1]!.cost);
  });
});
