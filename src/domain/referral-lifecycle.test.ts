import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  CHANGEABLE_STATUSES,
  FINAL_STATUSES,
  REFERRAL_STATUSES,
  type ReferralAction,
  mayMove,
  moveOf,
  statusFromStays,
} from './referral-lifecycle.ts';

describe('referral lifecycle', () => {
  it('a triage moves a new referral on and leaves a waiting or placed one where it is', () => {
    assert.equal(moveOf('triage').to, 'triaged');
    assert.ok(mayMove('triage', 'new'));
    assert.ok(!mayMove('triage', 'waiting'));
    assert.ok(!mayMove('triage', 'booked'));
  });

  it('only a triaged referral goes on the waiting list; aftercare follows a departure and ends in closed', () => {
    assert.deepEqual(
      REFERRAL_STATUSES.filter((status) => mayMove('put_on_waiting_list', status)),
      ['triaged'],
    );
    assert.deepEqual(
      REFERRAL_STATUSES.filter((status) => mayMove('start_aftercare', status)),
      ['departed'],
    );
    assert.deepEqual(
      REFERRAL_STATUSES.filter((status) => mayMove('finish_aftercare', status)),
      ['aftercare'],
    );
    assert.equal(moveOf('finish_aftercare').to, 'closed');
  });

  it('nothing moves a closed or withdrawn referral, and every move ends in a known status', () => {
    const actions: ReferralAction[] = [
      'triage',
      'put_on_waiting_list',
      'plan_appointment',
      'cancel_last_appointment',
      'start_aftercare',
      'finish_aftercare',
      'withdraw',
      'close',
    ];
    for (const action of actions) {
      for (const status of FINAL_STATUSES) assert.ok(!mayMove(action, status), `${action} from ${status}`);
      assert.ok(REFERRAL_STATUSES.includes(moveOf(action).to));
    }
    assert.ok(CHANGEABLE_STATUSES.every((status) => mayMove('withdraw', status)));
  });

  it('the furthest live stay decides; cancelled, expired and no-show stays leave it triaged', () => {
    assert.equal(statusFromStays(['departed', 'arrived']), 'arrived');
    assert.equal(statusFromStays(['hold', 'confirmed']), 'booked');
    assert.equal(statusFromStays(['hold', 'departed']), 'proposed');
    assert.equal(statusFromStays(['departed', 'cancelled']), 'departed');
    assert.equal(statusFromStays(['cancelled', 'expired', 'no_show']), 'triaged');
    assert.equal(statusFromStays([]), 'triaged');
  });
});
