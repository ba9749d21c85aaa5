import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { dutchInstant, stayInstants, taskResource } from './referral.ts';

describe('FHIR referral mapping', () => {
  it('puts a day and a Dutch time on the right instant, in winter, in summer and on the days the clocks change', () => {
    assert.equal(dutchInstant('2027-01-05', '14:00'), '2027-01-05T13:00:00.000Z');
    assert.equal(dutchInstant('2027-07-05', '14:00'), '2027-07-05T12:00:00.000Z');
    assert.equal(dutchInstant('2027-03-28', '11:00'), '2027-03-28T09:00:00.000Z', 'summer time from 02:00 that night');
    assert.equal(dutchInstant('2027-10-31', '14:00'), '2027-10-31T13:00:00.000Z', 'winter time again from 03:00');
    assert.deepEqual(stayInstants('2027-03-27', '2027-03-29'), { start: '2027-03-27T13:00:00.000Z', end: '2027-03-29T09:00:00.000Z' });
  });

  it('tells a sender where its referral stands in Task terms', () => {
    const status = (referral: Parameters<typeof taskResource>[0]['status']) =>
      taskResource({ id: 'r', status: referral, clientId: 'c', createdAt: '2027-01-01T00:00:00Z', updatedAt: '2027-01-01T00:00:00Z' }, [])
        .status;
    assert.deepEqual((['new', 'triaged', 'waiting', 'proposed', 'booked', 'arrived', 'closed', 'cancelled'] as const).map(status), [
      'requested',
      'accepted',
      'on-hold',
      'in-progress',
      'completed',
      'completed',
      'completed',
      'cancelled',
    ]);
  });
});
