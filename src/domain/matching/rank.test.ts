import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { CARE_FEATURES, effectiveFeatures, missingFeatures } from '../care-features.ts';
import { distanceKm } from '../geo.ts';
import { STAY_TYPES } from '../stay-types.ts';
import { type Need, type Candidate, SCARCE_FEATURES, exclusionOf, rankNearMisses, rankCandidates } from './rank.ts';

const OUD_BEIJERLAND = { latitude: 51.82, longitude: 4.41 };

function aCandidate(overrides: Partial<Candidate> = {}): Candidate {
  return {
    unitId: 'u1',
    unitName: 'Kamer 1',
    locationId: 'l1',
    locationName: 'Zoomwijck',
    organisationName: 'Alerimus',
    regionId: 'hoeksche-waard',
    location: OUD_BEIJERLAND,
    acceptedStayTypes: ['respite'],
    reservedFor: null,
    features: [],
    admissionHours: [],
    free: true,
    ...overrides,
  };
}

const need: Need = {
  stayType: 'respite',
  requiredFeatures: [],
  home: OUD_BEIJERLAND,
  homeRegionId: 'hoeksche-waard',
  knownLocationIds: [],
  preferredLocationIds: [],
};

describe('matching: hard constraints', () => {
  it('excludes a unit that is taken, takes another stay type, is reserved, lacks a feature, or does not admit now', () => {
    assert.equal(exclusionOf(aCandidate({ free: false }), need), 'not_free');
    assert.equal(exclusionOf(aCandidate({ acceptedStayTypes: ['elv_low_complex'] }), need), 'stay_type');
    assert.equal(exclusionOf(aCandidate({ kind: 'home_night' }), need), 'unit_kind', 'night care at home is not a bed');
    assert.equal(exclusionOf(aCandidate({ kind: 'home_night' }), { ...need, unitKind: 'home_night' }), null);
    assert.equal(exclusionOf(aCandidate({ reservedFor: 'crisis_wmo', acceptedStayTypes: ['respite', 'crisis_wmo'] }), need), 'reserved');
    assert.equal(exclusionOf(aCandidate(), { ...need, requiredFeatures: ['secured_unit'] }), 'features');
    const office = [{ weekday: 1, from: '09:00', until: '17:00' }];
    assert.equal(
      exclusionOf(aCandidate({ admissionHours: office }), { ...need, admitAt: { weekday: 1, time: '18:30' } }),
      'admission_hours',
    );
    assert.equal(exclusionOf(aCandidate({ admissionHours: office }), { ...need, admitAt: { weekday: 1, time: '10:00' } }), null);
  });
});

describe('matching: order and reasons', () => {
  it('puts a location the guest knows before a slightly nearer one, and says why', () => {
    const near = aCandidate({
      unitId: 'near',
      locationId: 'near',
      locationName: 'Dichtbij',
      location: { latitude: 51.83, longitude: 4.41 },
    });
    const known = aCandidate({
      unitId: 'known',
      locationId: 'known',
      locationName: 'Bekend',
      location: { latitude: 51.9, longitude: 4.41 },
    });
    const [first] = rankCandidates({ ...need, knownLocationIds: ['known'] }, [near, known]);
    assert.equal(first!.candidate.unitId, 'known');
    assert.ok(first!.reasons.some((reason) => reason.code === 'known_location'));
  });

  it('keeps a secured unit free for those who need it when an open one is near too', () => {
    const secured = aCandidate({ unitId: 'secured', features: ['secured_unit', 'dementia_specialised'] });
    const open = aCandidate({ unitId: 'open', location: { latitude: 51.86, longitude: 4.41 } });
    assert.deepEqual(
      rankCandidates(need, [secured, open]).map((p) => p.candidate.unitId),
      ['open', 'secured'],
    );
    assert.deepEqual(
      rankCandidates({ ...need, requiredFeatures: ['secured_unit'] }, [secured, open]).map((p) => p.candidate.unitId),
      ['secured'],
    );
  });

  it('candidates units outside the home region only after every unit inside it, marked as such', () => {
    const outside = aCandidate({ unitId: 'outside', regionId: 'drechtsteden', location: OUD_BEIJERLAND });
    const inside = aCandidate({ unitId: 'inside', location: { latitude: 51.7, longitude: 4.41 } });
    const ranked = rankCandidates(need, [outside, inside]);
    assert.deepEqual(
      ranked.map((p) => [p.candidate.unitId, p.outsideRegion]),
      [
        ['inside', false],
        ['outside', true],
      ],
    );
  });
});

const point = fc.record({
  latitude: fc.double({ min: 50.8, max: 53.5, noNaN: true }),
  longitude: fc.double({ min: 3.4, max: 7.2, noNaN: true }),
});
const featureSet = fc.subarray([...CARE_FEATURES]);
const candidate = fc.record({
  unitId: fc.uuid(),
  unitName: fc.constantFrom('Kamer 1', 'Kamer 2'),
  locationId: fc.constantFrom('a', 'b', 'c', 'd'),
  locationName: fc.constantFrom('A', 'B', 'C'),
  organisationName: fc.constant('Org'),
  regionId: fc.constantFrom('home', 'next'),
  location: point,
  acceptedStayTypes: fc.subarray([...STAY_TYPES], { minLength: 1 }),
  reservedFor: fc.constantFrom(null, 'respite', 'crisis_wmo'),
  features: featureSet,
  admissionHours: fc.constantFrom([], [{ weekday: 1, from: '09:00', until: '17:00' }]),
  free: fc.boolean(),
});
const aNeed = fc.record({
  stayType: fc.constantFrom(...STAY_TYPES),
  requiredFeatures: fc.subarray([...CARE_FEATURES], { maxLength: 2 }),
  home: point,
  homeRegionId: fc.constant('home'),
  knownLocationIds: fc.constant([] as string[]),
  preferredLocationIds: fc.constant([] as string[]),
  admitAt: fc.option(fc.record({ weekday: fc.integer({ min: 1, max: 7 }), time: fc.constantFrom('08:00', '12:00', '22:00') }), {
    nil: undefined,
  }),
});

describe('matching properties', () => {
  it('never proposes a unit that breaks a hard constraint, and leaves out none that keeps them all', () => {
    fc.assert(
      fc.property(aNeed, fc.array(candidate, { maxLength: 30 }), (theNeed, candidates) => {
        const proposed = rankCandidates(theNeed, candidates);
        for (const proposal of proposed) {
          const o = proposal.candidate;
          assert.ok(o.free && o.acceptedStayTypes.includes(theNeed.stayType));
          assert.ok(o.reservedFor === null || o.reservedFor === theNeed.stayType);
          // What the unit candidates includes what its care implies (24-hour nursing supervises at night).
          assert.ok(theNeed.requiredFeatures.every((feature) => effectiveFeatures(o.features, []).includes(feature)));
        }
        assert.equal(proposed.length, candidates.filter((o) => exclusionOf(o, theNeed) === null).length);
      }),
      { numRuns: 500 },
    );
  });

  it('candidates as near misses exactly the units that keep every hard constraint but a required feature, with what they lack', () => {
    fc.assert(
      fc.property(aNeed, fc.array(candidate, { maxLength: 30 }), (theNeed, candidates) => {
        const nearMisses = rankNearMisses(theNeed, candidates);
        const proposedIds = new Set(rankCandidates(theNeed, candidates).map((proposal) => proposal.candidate.unitId));
        for (const miss of nearMisses) {
          assert.ok(!proposedIds.has(miss.candidate.unitId));
          assert.ok(miss.missingFeatures.length > 0);
          assert.equal(exclusionOf(miss.candidate, { ...theNeed, requiredFeatures: [] }), null);
          assert.deepEqual(miss.missingFeatures, missingFeatures(miss.candidate.features, theNeed.requiredFeatures));
        }
        const expected = candidates.filter(
          (o) => exclusionOf(o, theNeed) === 'features' && exclusionOf(o, { ...theNeed, requiredFeatures: [] }) === null,
        );
        assert.equal(nearMisses.length, expected.length);
      }),
      { numRuns: 500 },
    );
  });

  it('with no history, preference or needless scarce care, puts the nearest feasible unit of the home region first', () => {
    const plainOffer = candidate.map((o) => ({
      ...o,
      features: o.features.filter((f) => !(SCARCE_FEATURES as readonly string[]).includes(f)),
    }));
    fc.assert(
      fc.property(
        aNeed.map((n) => ({
          ...n,
          requiredFeatures: n.requiredFeatures.filter((f) => !(SCARCE_FEATURES as readonly string[]).includes(f)),
        })),
        fc.array(plainOffer, { maxLength: 30 }),
        (theNeed, candidates) => {
          const proposed = rankCandidates(theNeed, candidates);
          const feasible = candidates.filter((o) => exclusionOf(o, theNeed) === null);
          if (feasible.length === 0) return;
          const inside = feasible.filter((o) => o.regionId === theNeed.homeRegionId);
          const pool = inside.length > 0 ? inside : feasible;
          const nearest = Math.min(...pool.map((o) => Math.round(distanceKm(theNeed.home, o.location) * 10) / 10));
          assert.equal(proposed[0]!.distanceKm, nearest);
        },
      ),
      { numRuns: 500 },
    );
  });
});
