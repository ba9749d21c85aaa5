import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { divideCents, financierOf, stayCosts, type TariffPeriod } from './costs.ts';
import { addDays, nightsBetween } from './dates.ts';

// Hoeksche Waard 2019: € 150 a night, housing € 80 + stay € 70.
const HOEKSCHE_WAARD: TariffPeriod = { validFrom: '2019-01-01', validUntil: null, housingCents: 8000, stayCents: 7000, careCents: 0 };

describe('cost of a stay', () => {
  it('a 12-night respite stay in the Hoeksche Waard costs the municipality € 1 800', () => {
    const result = stayCosts({ stayType: 'respite', arrival: '2019-05-06', departure: '2019-05-18' }, [HOEKSCHE_WAARD], []);
    assert.deepEqual(result, {
      ok: true,
      lines: [{ financier: 'wmo', month: '2019-05', nights: 12, cents: 180_000 }],
      totalCents: 180_000,
    });
  });

  it('prices each night by the tariff valid that night and claims it in the month of the night', () => {
    const tariffs: TariffPeriod[] = [
      { validFrom: '2019-01-01', validUntil: '2020-01-01', housingCents: 8000, stayCents: 7000, careCents: 2000 },
      { validFrom: '2020-01-01', validUntil: null, housingCents: 8200, stayCents: 7200, careCents: 2100 },
    ];
    const result = stayCosts({ stayType: 'respite', arrival: '2019-12-30', departure: '2020-01-02' }, tariffs, []);
    assert.ok(result.ok);
    assert.deepEqual(result.lines, [
      { financier: 'wmo', month: '2019-12', nights: 2, cents: 30_000 },
      { financier: 'zvw', month: '2019-12', nights: 2, cents: 4_000 },
      { financier: 'wmo', month: '2020-01', nights: 1, cents: 15_400 },
      { financier: 'zvw', month: '2020-01', nights: 1, cents: 2_100 },
    ]);
  });

  it('lets the client pay the co-payment out of the Wmo part', () => {
    const result = stayCosts(
      { stayType: 'respite', arrival: '2019-05-06', departure: '2019-05-10' },
      [HOEKSCHE_WAARD],
      [{ validFrom: '2019-01-01', validUntil: null, centsPerNight: 1750 }],
    );
    assert.ok(result.ok);
    assert.deepEqual(
      result.lines.map((line) => [line.financier, line.cents]),
      [
        ['client', 7_000],
        ['wmo', 53_000],
      ],
    );
  });

  it('sends an ELV stay to the health insurer and a Wlz stay to the care office, without co-payment', () => {
    const elv = stayCosts(
      { stayType: 'elv_high_complex', arrival: '2019-05-06', departure: '2019-05-08' },
      [HOEKSCHE_WAARD],
      [{ validFrom: '2019-01-01', validUntil: null, centsPerNight: 1750 }],
    );
    assert.ok(elv.ok);
    assert.deepEqual(
      elv.lines.map((line) => [line.financier, line.cents]),
      [['zvw', 30_000]],
    );
    const wlz = stayCosts({ stayType: 'wlz_respite', arrival: '2019-05-06', departure: '2019-05-07' }, [HOEKSCHE_WAARD], []);
    assert.ok(wlz.ok);
    assert.deepEqual(
      wlz.lines.map((line) => line.financier),
      ['wlz'],
    );
  });

  it('refuses to route a stay type it does not know, rather than charging the municipality', () => {
    assert.equal(financierOf('crisis_wlz'), 'wlz');
    assert.throws(() => financierOf('holiday'), /unknown stay type "holiday"/);
  });

  it('splits fairly on request: equal thirds, or the stay to the Wmo and the care to the Zvw', () => {
    const tariff: TariffPeriod = { validFrom: '2019-01-01', validUntil: null, housingCents: 8000, stayCents: 7000, careCents: 5831 };
    const thirds = stayCosts({ stayType: 'elv_low_complex', arrival: '2019-05-06', departure: '2019-05-07' }, [tariff], [], 'equal_thirds');
    assert.ok(thirds.ok);
    assert.deepEqual(
      thirds.lines.map((line) => [line.financier, line.cents]),
      [
        ['wlz', 6943],
        ['wmo', 6944],
        ['zvw', 6944],
      ],
    );
    const split = stayCosts(
      { stayType: 'elv_low_complex', arrival: '2019-05-06', departure: '2019-05-07' },
      [tariff],
      [],
      'stay_wmo_care_zvw',
    );
    assert.ok(split.ok);
    assert.deepEqual(
      split.lines.map((line) => [line.financier, line.cents]),
      [
        ['wmo', 15_000],
        ['zvw', 5_831],
      ],
    );
  });

  it('names the nights without a valid tariff instead of guessing', () => {
    const result = stayCosts({ stayType: 'respite', arrival: '2018-12-30', departure: '2019-01-02' }, [HOEKSCHE_WAARD], []);
    assert.deepEqual(result, { ok: false, nightsWithoutTariff: ['2018-12-30', '2018-12-31'] });
  });

  it('never loses or makes a cent: the lines add up to the nightly tariffs, whatever the split', () => {
    const tariff = fc.record({ housingCents: fc.nat(30_000), stayCents: fc.nat(30_000), careCents: fc.nat(30_000) });
    fc.assert(
      fc.property(
        tariff,
        tariff,
        fc.integer({ min: 0, max: 60 }),
        fc.integer({ min: 1, max: 40 }),
        fc.nat(5000),
        fc.constantFrom('respite', 'crisis_wmo', 'elv_low_complex', 'wlz_respite'),
        fc.constantFrom('by_route', 'equal_thirds', 'stay_wmo_care_zvw') as fc.Arbitrary<'by_route'>,
        (first, second, offset, nights, coPayment, stayType, mode) => {
          const change = '2027-02-01';
          const tariffs = [
            { ...first, validFrom: '2026-01-01', validUntil: change },
            { ...second, validFrom: change, validUntil: null },
          ];
          const arrival = addDays('2027-01-01', offset);
          const departure = addDays(arrival, nights);
          const result = stayCosts(
            { stayType, arrival, departure },
            tariffs,
            [{ validFrom: '2026-01-01', validUntil: null, centsPerNight: coPayment }],
            mode,
          );
          assert.ok(result.ok);
          let expected = 0;
          for (let i = 0; i < nightsBetween(arrival, departure); i++) {
            const t = addDays(arrival, i) < change ? first : second;
            expected += t.housingCents + t.stayCents + t.careCents;
          }
          assert.equal(result.totalCents, expected);
          assert.ok(result.lines.every((line) => line.cents > 0 && line.nights > 0));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('divides cents into parts that add up exactly', () => {
    fc.assert(
      fc.property(fc.nat(1_000_000), fc.array(fc.integer({ min: 1, max: 10 }), { minLength: 1, maxLength: 5 }), (cents, weights) => {
        const parts = divideCents(cents, weights);
        assert.equal(
          parts.reduce((sum, part) => sum + part, 0),
          cents,
        );
      }),
    );
  });
});
