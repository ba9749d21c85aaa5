import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { carriedLoad, erlangB, offeredLoad, unitsNeeded } from './erlang.ts';

/**
 * Published Erlang B values. A table gives, for n units and a blocking share E, the most load A (in Erlang, rounded to
 * three decimals) that n units carry at E. Each was checked independently of this code with the textbook formula
 * B = (Aⁿ/n!) / Σₖ₌₀ⁿ Aᵏ/k! in exact rational arithmetic (Python's fractions.Fraction): the value of B at the table's
 * A is given after each row.
 *
 * - Lucent Technologies' "Erlang-B capacity table, voice channels needed for 2 % blocking", as reproduced in the
 *   WirelessU course "Read an Erlang Table" (garywagoner.tripod.com/traffic/ERLANG.HTML). Its row for 61 channels
 *   (50.389) is a misprint: B(61, 50.389) = 0.01911, and 2 % is reached only at about 50.5, so it is left out.
 * - Westbay Engineers' Erlang calculator manual, "How much traffic?" (erlang.com): 15 lines at 1 % carry 8.108 Erlang.
 * - The classic check value B(10 units, 5 Erlang) = 0.01838 (to five decimals) and the small cases that follow from
 *   the definition: B(1, A) = A / (1 + A), B(2, 1) = 1/5, B(3, 1) = 1/16.
 */
const TABLE: { units: number; load: number; blocking: number; source: string; exact: number }[] = [
  { units: 3, load: 0.602, blocking: 0.02, source: 'Lucent 2 %', exact: 0.019983478 },
  { units: 5, load: 1.657, blocking: 0.02, source: 'Lucent 2 %', exact: 0.019994171 },
  { units: 9, load: 4.345, blocking: 0.02, source: 'Lucent 2 %', exact: 0.020005911 },
  { units: 15, load: 9.01, blocking: 0.02, source: 'Lucent 2 %', exact: 0.020005183 },
  { units: 31, load: 22.827, blocking: 0.02, source: 'Lucent 2 %', exact: 0.020001599 },
  { units: 89, load: 77.342, blocking: 0.02, source: 'Lucent 2 %', exact: 0.020000578 },
  { units: 15, load: 8.108, blocking: 0.01, source: 'Westbay 1 %', exact: 0.009999632 },
];

/** The textbook formula, summed directly: fine in floating point for the small n used here. */
function direct(units: number, load: number): number {
  let term = 1;
  let sum = 1;
  for (let k = 1; k <= units; k++) {
    term *= load / k;
    sum += term;
  }
  return term / sum;
}

describe('Erlang B', () => {
  it("matches published table values, within the rounding of the table's load to three decimals", () => {
    for (const row of TABLE) {
      const computed = erlangB(row.units, row.load);
      assert.ok(Math.abs(computed - row.exact) < 1e-9, `${row.source}, ${row.units} units: ${computed} against ${row.exact}`);
      assert.ok(
        erlangB(row.units, row.load - 0.0005) <= row.blocking && row.blocking <= erlangB(row.units, row.load + 0.0005),
        `${row.source}: ${row.units} units carry ${row.load} Erlang at ${row.blocking}`,
      );
      // So the table read backwards: this load needs exactly these units.
      assert.equal(unitsNeeded(row.load - 0.0005, row.blocking), row.units, row.source);
    }
  });

  it('gives the check value B(10, 5) = 0.01838 and the small cases of the definition', () => {
    assert.equal(Number(erlangB(10, 5).toFixed(5)), 0.01838);
    // Exact: 0.018384570336648132 (fractions.Fraction).
    assert.ok(Math.abs(erlangB(10, 5) - 0.018384570336648132) < 1e-15);
    assert.equal(erlangB(1, 1), 0.5);
    assert.ok(Math.abs(erlangB(1, 0.25) - 0.2) < 1e-15);
    assert.ok(Math.abs(erlangB(2, 1) - 0.2) < 1e-15);
    assert.ok(Math.abs(erlangB(3, 1) - 0.0625) < 1e-15);
    assert.equal(erlangB(0, 3), 1);
    assert.equal(erlangB(4, 0), 0);
  });

  it('agrees with the directly summed formula where that is still exact enough', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 60 }), fc.double({ min: 0, max: 80, noNaN: true }), (units, load) => {
        assert.ok(Math.abs(erlangB(units, load) - direct(units, load)) < 1e-12);
      }),
    );
  });

  it('stays finite and exact for thousands of units, where Aⁿ/n! would overflow', () => {
    // Exact (fractions.Fraction, by the same recursion): B(2000, 1900) = 0.000678969…; 1 895 units give 0.019774… ≤ 2 %.
    assert.ok(Math.abs(erlangB(2000, 1900) - 0.0006789692964986019) < 1e-12);
    assert.equal(unitsNeeded(1900, 0.02), 1895);
  });

  it('refuses fewer with more units and more with more load', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 200 }),
        fc.double({ min: 0.001, max: 300, noNaN: true }),
        fc.double({ min: 0, max: 50, noNaN: true }),
        (units, load, extra) => {
          const blocking = erlangB(units, load);
          assert.ok(blocking >= 0 && blocking <= 1);
          // Strictly fewer, until the share is too small for a double (B(73, 0.001) is below 10⁻³⁰⁰).
          assert.ok(blocking < 1e-300 ? erlangB(units + 1, load) <= blocking : erlangB(units + 1, load) < blocking);
          assert.ok(erlangB(units, load + extra) >= blocking);
          assert.ok(carriedLoad(units, load) <= Math.min(units, load) + 1e-9);
        },
      ),
    );
  });

  it('finds the smallest number of units that meets the target, more for more load or a stricter target', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 300, noNaN: true }),
        fc.double({ min: 0.001, max: 0.5, noNaN: true }),
        fc.double({ min: 0, max: 30, noNaN: true }),
        fc.double({ min: 0.5, max: 1, noNaN: true }),
        (load, target, extraLoad, stricter) => {
          const units = unitsNeeded(load, target);
          // No load, no units: B(0, 0) = 1 counts a share of no requests at all.
          if (load > 0) assert.ok(erlangB(units, load) <= target);
          if (units > 0) assert.ok(erlangB(units - 1, load) > target);
          assert.ok(unitsNeeded(load + extraLoad, target) >= units);
          assert.ok(unitsNeeded(load, target * stricter) >= units);
        },
      ),
    );
  });

  it('never loses more in one shared pool than in two separate pools with the same units and load (the pooling effect)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 40 }),
        fc.integer({ min: 0, max: 40 }),
        fc.double({ min: 0, max: 50, noNaN: true }),
        fc.double({ min: 0, max: 50, noNaN: true }),
        fc.double({ min: 0.005, max: 0.3, noNaN: true }),
        (units1, units2, load1, load2, target) => {
          const lostApart = load1 * erlangB(units1, load1) + load2 * erlangB(units2, load2);
          const lostTogether = (load1 + load2) * erlangB(units1 + units2, load1 + load2);
          assert.ok(lostTogether <= lostApart + 1e-9, `${lostTogether} > ${lostApart}`);
          assert.ok(unitsNeeded(load1 + load2, target) <= unitsNeeded(load1, target) + unitsNeeded(load2, target));
        },
      ),
    );
  });

  it('computes the offered load as arrivals per day times the mean stay, and refuses nonsense', () => {
    // 93 guests with 4 stays of 5 nights a year: 372 / 365 × 5 ≈ 5.1 beds busy on average.
    assert.ok(Math.abs(offeredLoad(372 / 365, 5) - 5.0959) < 1e-4);
    assert.throws(() => offeredLoad(-1, 5), RangeError);
    assert.throws(() => erlangB(1.5, 2), RangeError);
    assert.throws(() => erlangB(2, Number.NaN), RangeError);
    assert.throws(() => unitsNeeded(2, 0), RangeError);
    assert.throws(() => unitsNeeded(2, 1), RangeError);
    assert.equal(unitsNeeded(0, 0.03), 0);
  });
});
