import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { weekGlance, weeksAtAGlance } from './nearby.ts';
import { PUBLIC_AVAILABILITY } from './public-calendar.ts';

describe('a week at a glance', () => {
  it('is full only when no night has a place, free only when every night is free', () => {
    assert.equal(weekGlance(Array(7).fill('full')), 'full');
    assert.equal(weekGlance(Array(7).fill('free')), 'free');
    assert.equal(weekGlance(['free', 'free', 'free', 'free', 'free', 'free', 'full']), 'limited');
    assert.equal(weekGlance(['limited', 'limited', 'limited', 'limited', 'limited', 'limited', 'limited']), 'limited');
  });

  it('never says full while a night has a place, nor free while a night is short', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PUBLIC_AVAILABILITY), { minLength: 7, maxLength: 7 }), (nights) => {
        const glance = weekGlance(nights);
        if (nights.some((night) => night !== 'full')) assert.notEqual(glance, 'full');
        if (nights.some((night) => night !== 'free')) assert.notEqual(glance, 'free');
      }),
    );
  });

  it('cuts a window into whole weeks from its first night', () => {
    const nights = [...Array(7).fill('free'), ...Array(7).fill('full'), 'free'];
    assert.deepEqual(weeksAtAGlance('2027-03-01', nights), [
      { from: '2027-03-01', availability: 'free' },
      { from: '2027-03-08', availability: 'full' },
    ]);
  });
});
