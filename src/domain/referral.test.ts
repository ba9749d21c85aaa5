import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { needsCoupleRoom, wishedPeriod } from './referral.ts';

const TODAY = '2027-03-10';
const referral = (
  kind: 'crisis' | 'elv_after_hospital' | 'respite_once',
  dates: { wishedArrival?: string; wishedDeparture?: string; expectedNights?: number },
) => ({
  kind,
  wishedArrival: dates.wishedArrival ?? null,
  wishedDeparture: dates.wishedDeparture ?? null,
  expectedNights: dates.expectedNights ?? null,
});

describe('the period a referral looks for a place for', () => {
  it('takes the wished dates when both are there, whatever the kind', () => {
    assert.deepEqual(wishedPeriod(referral('crisis', { wishedArrival: '2027-03-11', wishedDeparture: '2027-03-20' }), TODAY), {
      from: '2027-03-11',
      to: '2027-03-20',
      openEnded: false,
    });
  });

  it('books a crisis without dates from today for the expected length, open-ended', () => {
    assert.deepEqual(wishedPeriod(referral('crisis', {}), TODAY), { from: TODAY, to: '2027-03-24', openEnded: true });
    assert.deepEqual(wishedPeriod(referral('crisis', { expectedNights: 5 }), TODAY), { from: TODAY, to: '2027-03-15', openEnded: true });
  });

  it('gives ELV after hospital four weeks from the discharge date when no end is known', () => {
    assert.deepEqual(wishedPeriod(referral('elv_after_hospital', { wishedArrival: '2027-03-31' }), TODAY), {
      from: '2027-03-31',
      to: '2027-04-28',
      openEnded: true,
    });
  });

  it('names the missing date of a planned stay instead of guessing it', () => {
    assert.deepEqual(wishedPeriod(referral('respite_once', {}), TODAY), { missing: 'wishedArrival' });
    assert.deepEqual(wishedPeriod(referral('respite_once', { wishedArrival: '2027-04-01' }), TODAY), { missing: 'wishedDeparture' });
    assert.deepEqual(wishedPeriod(referral('respite_once', { wishedArrival: '2027-04-01', expectedNights: 7 }), TODAY), {
      from: '2027-04-01',
      to: '2027-04-08',
      openEnded: true,
    });
  });
});

describe('needsCoupleRoom', () => {
  it('asks a couple room for a couple stay, or a recurring stay with a partner, away from home only', () => {
    assert.equal(needsCoupleRoom({ kind: 'couple_stay', hasPartner: true, atHome: false }), true);
    assert.equal(needsCoupleRoom({ kind: 'respite_recurring', hasPartner: true, atHome: false }), true);
    assert.equal(needsCoupleRoom({ kind: 'respite_recurring', hasPartner: false, atHome: false }), false);
    assert.equal(needsCoupleRoom({ kind: 'couple_stay', hasPartner: true, atHome: true }), false);
  });
});
