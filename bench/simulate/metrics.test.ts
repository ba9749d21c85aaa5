import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { aRequest, aUnit, north } from './fixtures.ts';
import { figures, occupancyPct, totalCost } from './metrics.ts';

describe('simulation figures', () => {
  const near = aUnit('near', { location: north(2) });
  const far = aUnit('far', { location: north(10), regionId: 'b' }, [[5, 10]]);
  const units = [near, far];
  const requests = [
    aRequest('in', { nights: 4 }),
    aRequest('late', { nights: 2, arrival: 4, desired: 4, earliest: 4, latest: 6 }),
    aRequest('out', { nights: 3 }),
    aRequest('none'),
  ];
  const placements = new Map([
    ['in', { requestId: 'in', unitId: 'near', start: 0, nights: 4 }],
    ['late', { requestId: 'late', unitId: 'near', start: 6, nights: 2 }],
    ['out', { requestId: 'out', unitId: 'far', start: 1, nights: 3 }],
  ]);

  it('counts in region, outside and not placed over all requests, distance and wait over the placed', () => {
    const result = figures({ requests, units, from: 0, to: 10 }, placements);
    assert.equal(result.requests, 4);
    assert.equal(result.placed_in_region_pct, 50);
    assert.equal(result.placed_outside_region_pct, 25);
    assert.equal(result.not_placed_pct, 25);
    // 2, 2 and 10 km; the 90th percentile interpolates between the two highest.
    assert.ok(Math.abs(result.mean_km - 14 / 3) < 0.02, `mean ${result.mean_km}`);
    assert.ok(Math.abs(result.p90_km - (2 + 0.8 * 8)) < 0.03, `p90 ${result.p90_km}`);
    // 0, 2 and 1 days late.
    assert.equal(result.mean_wait_days, 1);
    // Open: near 10 nights, far 5 (closed 5–9); taken: 4 + 2 on near, 3 on far.
    assert.equal(result.occupancy_pct, 60);
  });

  it('counts only the nights inside the year, and only on the units asked about, towards occupancy', () => {
    const stays = [
      { requestId: 'x', unitId: 'near', start: -3, nights: 5 },
      { requestId: 'y', unitId: 'far', start: 0, nights: 4 },
    ];
    assert.equal(occupancyPct({ units: [near], from: 0, to: 10 }, stays), 20);
  });

  it('prices an outcome with the shared cost: km, 200 outside the region, no-bed by urgency', () => {
    const cost = totalCost(requests, new Map(units.map((unit) => [unit.candidate.unitId, unit])), placements);
    // in: 2 km; late: 2 km + 2 days × 30; out: 10 km + 200 + a day × 30; none: 2 000 (within 48 hours).
    assert.ok(Math.abs(cost - (2 + 2 + 60 + 10 + 200 + 30 + 2000)) < 0.1, `cost ${cost}`);
  });
});
