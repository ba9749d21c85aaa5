import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { STAY_STATUSES, type StayStatus } from '../stay-lifecycle.ts';
import { type MovementStay, movementActions, movementsOfDay } from './movements.ts';

const DAY = '2027-03-01';
const ZOOMWIJCK = { id: 'loc-z', name: 'Zoomwijck' };
const HOF = { id: 'loc-h', name: 'Hof van Heinenoord' };

function stay(
  id: string,
  arrival: string,
  departure: string,
  status: StayStatus,
  unitName = 'Kamer 1',
  location = ZOOMWIJCK,
): MovementStay {
  return {
    stayId: id,
    clientId: `client-${id}`,
    clientName: `Gast ${id}`,
    stayType: 'respite',
    arrival,
    departure,
    status,
    unitId: `unit-${unitName}`,
    unitName,
    locationId: location.id,
    locationName: location.name,
  };
}

describe("a day's arrivals and departures", () => {
  it('lists who comes and who leaves per location, locations by name, guests by unit', () => {
    const day = movementsOfDay(
      DAY,
      [
        stay('a', DAY, '2027-03-05', 'confirmed', 'Kamer 10'),
        stay('b', DAY, '2027-03-08', 'confirmed', 'Kamer 2'),
        stay('c', '2027-02-20', DAY, 'arrived', 'Kamer 3'),
        stay('d', DAY, '2027-03-03', 'confirmed', 'Kamer 1', HOF),
      ],
      [ZOOMWIJCK, HOF],
    );
    assert.deepEqual(
      day.map((l) => l.locationName),
      ['Hof van Heinenoord', 'Zoomwijck'],
    );
    const zoomwijck = day[1]!;
    assert.deepEqual(
      zoomwijck.arrivals.map((m) => m.stayId),
      ['b', 'a'],
      'Kamer 2 before Kamer 10',
    );
    assert.deepEqual(
      zoomwijck.departures.map((m) => m.stayId),
      ['c'],
    );
    assert.deepEqual(
      day[0]!.arrivals.map((m) => m.stayId),
      ['d'],
    );
  });

  it('keeps a quiet location in the list, with nobody', () => {
    const day = movementsOfDay(DAY, [], [ZOOMWIJCK]);
    assert.deepEqual(day, [{ locationId: 'loc-z', locationName: 'Zoomwijck', arrivals: [], departures: [] }]);
  });

  it('leaves out stays that will not come: cancelled and expired', () => {
    const day = movementsOfDay(
      DAY,
      [stay('x', DAY, '2027-03-04', 'cancelled'), stay('y', DAY, '2027-03-04', 'expired'), stay('z', '2027-02-25', DAY, 'no_show')],
      [ZOOMWIJCK],
    );
    assert.deepEqual(day[0]!.arrivals, []);
    assert.deepEqual(day[0]!.departures, []);
  });

  it('offers the buttons the lifecycle allows', () => {
    assert.deepEqual(movementActions('arrival', 'confirmed'), ['arrive', 'no_show']);
    assert.deepEqual(movementActions('arrival', 'arrived'), []);
    assert.deepEqual(movementActions('arrival', 'hold'), []);
    assert.deepEqual(movementActions('departure', 'arrived'), ['depart']);
    // Never recorded as arrived: that comes first.
    assert.deepEqual(movementActions('departure', 'confirmed'), ['arrive']);
    assert.deepEqual(movementActions('departure', 'departed'), []);
  });

  it('puts every stay that moves that day in exactly the lists it belongs to', () => {
    const dates = fc.constantFrom('2027-02-27', '2027-02-28', DAY, '2027-03-02');
    const aStay = fc.record({
      id: fc.uuid(),
      arrival: dates,
      nights: fc.integer({ min: 1, max: 3 }),
      status: fc.constantFrom(...STAY_STATUSES),
    });
    fc.assert(
      fc.property(fc.array(aStay, { maxLength: 20 }), (drawn) => {
        const stays = drawn.map((s) => {
          const departure = new Date(Date.parse(`${s.arrival}T00:00:00Z`) + s.nights * 86_400_000).toISOString().slice(0, 10);
          return stay(s.id, s.arrival, departure, s.status);
        });
        const [location] = movementsOfDay(DAY, stays, [ZOOMWIJCK]);
        for (const m of location!.arrivals) assert.equal(m.arrival, DAY);
        for (const m of location!.departures) assert.equal(m.departure, DAY);
        const live = (s: MovementStay) => !['cancelled', 'expired'].includes(s.status);
        assert.equal(location!.arrivals.length, stays.filter((s) => s.arrival === DAY && live(s)).length);
        assert.equal(
          location!.departures.length,
          stays.filter((s) => s.departure === DAY && live(s) && s.status !== 'no_show' && s.status !== 'hold').length,
        );
      }),
    );
  });
});
