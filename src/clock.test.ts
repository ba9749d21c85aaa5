import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { appClock, clockFromEnvironment, clockStartingAt, fixedClock, parseClockStart, setAppClock, systemClock } from './clock.ts';
import { loadConfig } from './config.ts';

describe('the app clock', () => {
  it('starts at ADEMPAUZE_NOW and runs on at real speed', () => {
    let real = Date.parse('2026-12-05T12:00:00Z');
    const clock = clockStartingAt(parseClockStart('2027-03-31T23:30:00+02:00'), () => real);
    assert.equal(clock.now().toISOString(), '2027-03-31T21:30:00.000Z');
    assert.equal(clock.today(), '2027-03-31');
    real += 31 * 60_000;
    assert.equal(clock.now().toISOString(), '2027-03-31T22:01:00.000Z');
    assert.equal(clock.today(), '2027-04-01', 'past midnight in the Netherlands, still 31 March in UTC');
  });

  it('gives the Dutch date, not the UTC date, after midnight and across the change to summer time', () => {
    assert.equal(fixedClock(new Date('2028-03-01T00:30:00+01:00')).today(), '2028-03-01');
    assert.equal(fixedClock(new Date('2028-02-29T23:30:00Z')).today(), '2028-03-01');
    // 2027-03-28: the clocks go from 02:00 to 03:00; 00:30 UTC is 01:30 winter time, 01:30 UTC is 03:30 summer time.
    assert.equal(fixedClock(new Date('2027-03-28T00:30:00Z')).today(), '2027-03-28');
    assert.equal(fixedClock(new Date('2027-03-27T23:30:00Z')).today(), '2027-03-28');
    assert.equal(fixedClock(new Date('2027-03-27T22:59:00Z')).today(), '2027-03-27');
  });

  it('stands still when fixed', () => {
    const clock = fixedClock(new Date('2026-12-05T10:00:00Z'));
    const first = clock.now();
    first.setFullYear(2000);
    assert.equal(clock.now().toISOString(), '2026-12-05T10:00:00.000Z', 'a caller cannot move it');
  });

  it('is the real clock without ADEMPAUZE_NOW, and refuses a start without a UTC offset or that is no date', () => {
    assert.equal(clockFromEnvironment({}), systemClock);
    assert.throws(() => clockFromEnvironment({ ADEMPAUZE_NOW: '2027-03-31T23:30' }), /with its offset/);
    assert.throws(() => parseClockStart('2027-02-30T10:00:00Z'), /ADEMPAUZE_NOW/);
    assert.throws(() => parseClockStart('morgen'), /ADEMPAUZE_NOW/);
    assert.throws(() => loadConfig({ ADEMPAUZE_NOW: 'gisteren' }), /ADEMPAUZE_NOW: ADEMPAUZE_NOW must be a date and time/);
    assert.equal(loadConfig({ ADEMPAUZE_NOW: '2028-03-01T00:30:00+01:00' }).clockStart?.toISOString(), '2028-02-29T23:30:00.000Z');
    assert.equal(loadConfig({}).clockStart, undefined);
  });

  it('is one clock per process, which a test can swap and put back', () => {
    const fixed = fixedClock(new Date('2027-10-31T02:30:00+01:00'));
    const previous = setAppClock(fixed);
    try {
      assert.equal(appClock(), fixed);
      assert.equal(appClock().today(), '2027-10-31');
    } finally {
      setAppClock(previous);
    }
    assert.equal(appClock(), previous);
  });
});
