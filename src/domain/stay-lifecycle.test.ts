import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { STAY_STATUSES, allowedDateChange, canMove, nextStatus } from './stay-lifecycle.ts';

describe('stay lifecycle', () => {
  it('walks hold → confirmed → arrived → departed', () => {
    assert.equal(nextStatus('confirm', 'hold'), 'confirmed');
    assert.equal(nextStatus('arrive', 'confirmed'), 'arrived');
    assert.equal(nextStatus('depart', 'arrived'), 'departed');
  });

  it('ends nothing twice: no step leaves cancelled, departed, no-show or expired', () => {
    for (const status of ['cancelled', 'departed', 'no_show', 'expired'] as const) {
      for (const action of ['confirm', 'cancel', 'arrive', 'depart', 'no_show'] as const) {
        assert.equal(nextStatus(action, status), undefined, `${action} from ${status}`);
      }
      assert.equal(allowedDateChange(status), 'none');
      assert.equal(canMove(status), false);
    }
  });

  it('lets an arrived guest change only the departure, and not be moved', () => {
    assert.equal(allowedDateChange('arrived'), 'departure_only');
    assert.equal(canMove('arrived'), false);
    assert.equal(nextStatus('cancel', 'arrived'), undefined);
  });

  it('knows every status', () => {
    assert.deepEqual([...STAY_STATUSES].sort(), ['arrived', 'cancelled', 'confirmed', 'departed', 'expired', 'hold', 'no_show']);
  });
});
