import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { admissionHoursText } from './admission-hours.ts';

describe('admission hours in words', () => {
  it('takes days in a row with the same hours together', () => {
    const weekdays = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, from: '09:00', until: '17:00' }));
    assert.deepEqual(admissionHoursText([...weekdays, { weekday: 6, from: '10:00', until: '12:00' }], 'nl'), [
      'ma–vr 09:00–17:00',
      'za 10:00–12:00',
    ]);
  });

  it('keeps days apart when a day in between differs or is missing, whatever the order given', () => {
    const hours = [
      { weekday: 3, from: '09:00', until: '17:00' },
      { weekday: 1, from: '09:00', until: '17:00' },
    ];
    assert.deepEqual(admissionHoursText(hours, 'en'), ['Mon 09:00–17:00', 'Wed 09:00–17:00']);
    assert.deepEqual(admissionHoursText([], 'nl'), []);
  });
});
