import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  BURDEN_ANSWERS,
  BURDEN_STATEMENTS,
  type BurdenAnswers,
  MAX_BURDEN_SCORE,
  burdenLevelOf,
  effectiveBurden,
  nextCheckIn,
  scoreBurden,
} from './burden-screening.ts';

const all = (answer: 'no' | 'somewhat' | 'yes') =>
  Object.fromEntries(BURDEN_STATEMENTS.map((statement) => [statement.id, answer])) as BurdenAnswers;
const anyAnswers = fc.record(
  Object.fromEntries(BURDEN_STATEMENTS.map((statement) => [statement.id, fc.constantFrom(...BURDEN_ANSWERS)])),
) as fc.Arbitrary<BurdenAnswers>;

describe('the burden screening (EDIZ-style)', () => {
  it('has nine statements and counts "somewhat" and "yes" as one point each', () => {
    assert.equal(MAX_BURDEN_SCORE, 9);
    assert.deepEqual(scoreBurden(all('no')), { score: 0, level: 'low' });
    assert.deepEqual(scoreBurden(all('somewhat')), { score: 9, level: 'high' });
    assert.deepEqual(scoreBurden({ ...all('no'), tired: 'yes', worry: 'somewhat', no_own_time: 'yes', health: 'yes' }), {
      score: 4,
      level: 'moderate',
    });
  });

  it('bands the score 0–3 low, 4–6 moderate, 7–9 high', () => {
    assert.deepEqual([0, 3, 4, 6, 7, 9].map(burdenLevelOf), ['low', 'low', 'moderate', 'moderate', 'high', 'high']);
  });

  it('never scores lower when an answer gets heavier', () => {
    fc.assert(
      fc.property(anyAnswers, fc.constantFrom(...BURDEN_STATEMENTS.map((statement) => statement.id)), (answers, id) => {
        const heavier = { ...answers, [id]: 'yes' } as BurdenAnswers;
        const { score } = scoreBurden(answers);
        assert.ok(scoreBurden(heavier).score >= score);
        assert.ok(score >= 0 && score <= MAX_BURDEN_SCORE);
      }),
    );
  });

  it("lets a heavier screening raise the triage's burden for the waiting list, never lower it", () => {
    assert.equal(effectiveBurden('low', 'high'), 'high');
    assert.equal(effectiveBurden('high', 'low'), 'high');
    assert.equal(effectiveBurden('moderate', undefined), 'moderate');
  });

  it('asks again a year later', () => {
    assert.equal(nextCheckIn('2027-03-01'), '2028-02-29');
  });
});
