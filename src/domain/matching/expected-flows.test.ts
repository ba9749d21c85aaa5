import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { STAY_TYPES } from '../stay-types.ts';
import { FLOW_STAY_TYPES, flowUrgency, flowsFromHistory, nightsRange } from './expected-flows.ts';

const window = { since: '2026-03-31', today: '2027-03-31' };

describe('expected flows from a region’s history', () => {
  it('expects crisis today and ELV within 48 hours, and no flow of planned stays', () => {
    assert.equal(flowUrgency('crisis_wmo'), 'today');
    assert.equal(flowUrgency('crisis_wlz'), 'today');
    for (const type of ['elv_low_complex', 'elv_high_complex', 'elv_palliative']) assert.equal(flowUrgency(type), 'within_48h');
    assert.equal(flowUrgency('respite'), undefined);
    assert.equal(flowUrgency('wlz_respite'), undefined);
    assert.deepEqual(
      [...FLOW_STAY_TYPES].sort(),
      STAY_TYPES.filter((type) => type.startsWith('elv_') || type.startsWith('crisis_')).sort(),
    );
  });

  it('divides the stays by the year, or by the days since the region opened when it is younger', () => {
    const [elv] = flowsFromHistory(
      [{ regionId: 'a', stayType: 'elv_low_complex', nights: [10, 20, 30, 40], regionActiveFrom: '2020-01-01' }],
      window,
    );
    assert.deepEqual(elv, { regionId: 'a', stayType: 'elv_low_complex', urgency: 'within_48h', perDay: 4 / 365, nights: [10, 40] });
    const [young] = flowsFromHistory([{ regionId: 'b', stayType: 'crisis_wmo', nights: [5, 5], regionActiveFrom: '2027-03-21' }], window);
    assert.equal(young?.perDay, 2 / 10);
    assert.equal(young?.urgency, 'today');
  });

  it('makes no flow without stays, nor of a planned stay type', () => {
    assert.deepEqual(
      flowsFromHistory(
        [
          { regionId: 'a', stayType: 'elv_palliative', nights: [], regionActiveFrom: '2020-01-01' },
          { regionId: 'a', stayType: 'respite', nights: [7, 7], regionActiveFrom: '2020-01-01' },
        ],
        window,
      ),
      [],
    );
  });

  it('takes the p10 and p90 of the lengths, leaving one outlier of months out', () => {
    const nights = [...Array.from({ length: 19 }, (_, i) => 10 + i), 120];
    assert.deepEqual(nightsRange(nights), [11, 27]);
  });

  it('keeps the length range within the observed stays, shortest first, never below one night', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(200), { minLength: 1, maxLength: 60 }), (nights) => {
        const [low, high] = nightsRange(nights);
        assert.ok(low <= high);
        assert.ok(low >= Math.max(1, Math.min(...nights)));
        assert.ok(high <= Math.max(1, Math.max(...nights)));
        assert.ok(nights.some((n) => Math.max(1, n) === low));
        assert.ok(nights.some((n) => Math.max(1, n) === high));
      }),
    );
  });

  it('expects as many a day as arrived over the days counted, for any history', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 90 }), { maxLength: 40 }),
        fc.constantFrom(...STAY_TYPES),
        fc.integer({ min: -100, max: 400 }),
        (nights, stayType, openedDaysAgo) => {
          const opened = new Date(Date.UTC(2027, 2, 31 - openedDaysAgo)).toISOString().slice(0, 10);
          const flows = flowsFromHistory([{ regionId: 'a', stayType, nights, regionActiveFrom: opened }], window);
          if (nights.length === 0 || !flowUrgency(stayType)) return assert.deepEqual(flows, []);
          const days = Math.max(1, Math.min(365, openedDaysAgo));
          assert.equal(flows.length, 1);
          assert.ok(Math.abs(flows[0]!.perDay * days - nights.length) < 1e-9);
        },
      ),
    );
  });
});
