import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  cancellationTable,
  leadTimeTable,
  occupancyByLocation,
  occupancyByStayType,
  placementTable,
  requestTables,
  satisfactionTable,
  waitingListTable,
} from './figures.ts';

const capacity = [
  { locationId: 'a', location: 'Zoomwijck', region: 'Hoeksche Waard', month: '2027-01', availableNights: 310 },
  { locationId: 'b', location: 'Plezant', region: 'Peelregio', month: '2027-01', availableNights: 217 },
  { locationId: 'b', location: 'Plezant', region: 'Peelregio', month: '2027-02', availableNights: 0 },
];

describe('policy monitor tables', () => {
  it('gives each location its occupied share of the nights it had, and leaves out months without capacity', () => {
    const rows = occupancyByLocation(capacity, [
      { locationId: 'a', month: '2027-01', nights: 200 },
      { locationId: 'a', month: '2027-01', nights: 79 },
      { locationId: 'b', month: '2027-01', nights: 217 },
    ]);
    assert.deepEqual(rows, [
      { month: '2027-01', region: 'Hoeksche Waard', location: 'Zoomwijck', availableNights: 310, occupiedNights: 280, percent: 90.3 },
      { month: '2027-01', region: 'Peelregio', location: 'Plezant', availableNights: 217, occupiedNights: 215, percent: 99.1 },
    ]);
  });

  it('splits occupancy by kind of stay as shares of all nights, hiding kinds with fewer than 5 guests and one more in that month', () => {
    const rows = occupancyByStayType(capacity, [
      { month: '2027-01', stayType: 'respite', nights: 300, people: 25 },
      { month: '2027-01', stayType: 'elv_high_complex', nights: 150, people: 8 },
      { month: '2027-01', stayType: 'elv_palliative', nights: 20, people: 2 },
      { month: '2027-01', stayType: 'crisis_wmo', nights: 0, people: 0 },
    ]);
    assert.deepEqual(rows, [
      { month: '2027-01', stayType: 'elv_high_complex', occupiedNights: null, percent: null, suppressed: true },
      { month: '2027-01', stayType: 'elv_palliative', occupiedNights: null, percent: null, suppressed: true },
      { month: '2027-01', stayType: 'respite', occupiedNights: 300, percent: 56.9, suppressed: false },
    ]);
  });

  it('counts requests by kind and by municipality, protecting the total they share', () => {
    const municipalityOf = (pc4: string | null) =>
      ({ '3262': 'Oud-Beijerland', '3264': 'Oud-Beijerland', '3291': 'Strijen' })[pc4 ?? ''] ?? 'onbekend';
    const { byKind, byMunicipality } = requestTables(
      [
        { month: '2027-01', kind: 'respite_once', requests: 12, people: 11 },
        { month: '2027-01', kind: 'crisis', requests: 6, people: 6 },
        { month: '2027-02', kind: 'respite_once', requests: 9, people: 9 },
      ],
      [
        { pc4: '3262', requests: 10, people: 10 },
        { pc4: '3264', requests: 4, people: 4 },
        { pc4: '3291', requests: 9, people: 9 },
        { pc4: null, requests: 4, people: 3 },
      ],
      municipalityOf,
    );
    // "onbekend" has 3 people. Both tables add up to one total, so the smallest other cell goes: January's crisis
    // requests; then January's column would give that away, so its respite requests go too.
    assert.deepEqual(byKind, [
      { month: '2027-01', kind: 'crisis', requests: null, suppressed: true },
      { month: '2027-01', kind: 'respite_once', requests: null, suppressed: true },
      { month: '2027-02', kind: 'respite_once', requests: 10, suppressed: false },
    ]);
    // Oud-Beijerland's two postcode areas add up.
    assert.deepEqual(byMunicipality, [
      { municipality: 'Oud-Beijerland', requests: 15, suppressed: false },
      { municipality: 'Strijen', requests: 10, suppressed: false },
      { municipality: 'onbekend', requests: null, suppressed: true },
    ]);
  });

  it('shows the share placed in the own region only where both counts can be shown', () => {
    const rows = placementTable(
      [
        { homeRegionId: 'hw', homeRegion: 'Hoeksche Waard', within: true, requests: 26, people: 24 },
        { homeRegionId: 'hw', homeRegion: 'Hoeksche Waard', within: false, requests: 2, people: 2 },
        { homeRegionId: 'peel', homeRegion: 'Peelregio', within: true, requests: 90, people: 80 },
        { homeRegionId: 'peel', homeRegion: 'Peelregio', within: false, requests: 7, people: 7 },
        { homeRegionId: 'zou', homeRegion: 'Zuidoost Utrecht', within: true, requests: 40, people: 40 },
        { homeRegionId: 'zou', homeRegion: 'Zuidoost Utrecht', within: false, requests: 9, people: 8 },
      ],
      "Alle regio's",
    );
    assert.deepEqual(
      rows.map((row) => [row.homeRegion, row.within, row.outside, row.percentWithin]),
      [
        ['Hoeksche Waard', null, null, null],
        // Both columns lost a cell to Hoeksche Waard: hiding one more region keeps every column and row safe. Shown counts
        // are rounded to 5 (7 → 5), and the share is of the rounded counts.
        ['Peelregio', 90, 5, 94.7],
        ['Zuidoost Utrecht', null, null, null],
        ["Alle regio's", 155, 20, 88.6],
      ],
    );
    assert.deepEqual(placementTable([], 'Alle'), []);
  });

  it('gives median and 90th percentile days to the first offer and to the booking, per kind and for all', () => {
    const leadTimes = [
      ...[1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((days, i) => ({
        kind: 'respite_once' as const,
        person: `r${i}`,
        daysToOffer: days,
        daysToBooking: days + 1,
      })),
      ...[0.1, 0.2, 0.3].map((days, i) => ({ kind: 'crisis' as const, person: `c${i}`, daysToOffer: days, daysToBooking: null })),
      { kind: 'crisis' as const, person: 'c9', daysToOffer: null, daysToBooking: null },
    ];
    const rows = leadTimeTable(leadTimes);
    assert.deepEqual(rows, [
      { kind: 'crisis', measure: 'offer', referrals: null, medianDays: null, p90Days: null, suppressed: true },
      // With crisis hidden, respite alone would give it away against "all": respite is hidden as well.
      { kind: 'respite_once', measure: 'offer', referrals: null, medianDays: null, p90Days: null, suppressed: true },
      { kind: 'all', measure: 'offer', referrals: 15, medianDays: 4, p90Days: 8.8, suppressed: false },
      { kind: 'respite_once', measure: 'booking', referrals: 10, medianDays: 6.5, p90Days: 10.1, suppressed: false },
      { kind: 'all', measure: 'booking', referrals: 10, medianDays: 6.5, p90Days: 10.1, suppressed: false },
    ]);
  });

  it('names a cancellation reason only when given for 5 different people, and puts the rest under "other"', () => {
    const many = (reason: string, people: number, stays = people) =>
      Array.from({ length: stays }, (_x, i) => ({ reason, person: `${reason}-${i % people}` }));
    const rows = cancellationTable([
      ...many('Gast opgenomen in het ziekenhuis', 6),
      ...many('  gast opgenomen   in het ziekenhuis ', 1).map((row) => ({ ...row, person: 'extra' })),
      // One person's series cancelled five times with the same (identifying) words: still one person.
      ...many('Mevrouw Jansen is verhuisd naar Breda', 1, 5),
      ...many('Mantelzorger heeft zelf opvang geregeld', 5),
      ...many('', 4),
    ]);
    assert.deepEqual(rows, [
      { reason: 'Gast opgenomen in het ziekenhuis', stays: 5, suppressed: false },
      { reason: 'Mantelzorger heeft zelf opvang geregeld', stays: 5, suppressed: false },
      { reason: null, stays: 10, suppressed: false },
    ]);
    assert.ok(!JSON.stringify(rows).includes('Jansen'));
    const few = cancellationTable([...many('Gast is ziek', 5), ...many('Iets anders', 2)]);
    assert.deepEqual(few, [
      { reason: 'Gast is ziek', stays: null, suppressed: true },
      { reason: null, stays: null, suppressed: true },
    ]);
  });

  it('counts who is on the waiting list each Monday, hiding 1 to 4', () => {
    const spells = [
      ...Array.from({ length: 6 }, (_x, i) => ({ person: `p${i}`, from: '2027-01-01', until: i < 3 ? '2027-01-11' : null })),
      { person: 'p0', from: '2027-01-12', until: '2027-01-20' },
    ];
    assert.deepEqual(waitingListTable(['2026-12-28', '2027-01-04', '2027-01-11', '2027-01-18'], spells), [
      { week: '2026-12-28', waiting: 0, suppressed: false },
      { week: '2027-01-04', waiting: 5, suppressed: false },
      { week: '2027-01-11', waiting: null, suppressed: true },
      { week: '2027-01-18', waiting: null, suppressed: true },
    ]);
  });

  it('gives the mean score per question with its number of answers, hidden under 5 people', () => {
    const answers = [
      ...[5, 4, 4, 5, 3].map((score, i) => ({
        respondent: 'caregiver' as const,
        person: `c${i}`,
        scores: { overall: score, rest: 4, arranging: 2, again: 5 },
      })),
      { respondent: 'guest' as const, person: 'g', scores: { overall: 1, care: 1, welcome: 1 } },
    ];
    const rows = satisfactionTable(answers);
    assert.deepEqual(rows.slice(0, 4), [
      { respondent: 'caregiver', question: 'overall', answers: 5, mean: 4.2, suppressed: false },
      { respondent: 'caregiver', question: 'rest', answers: 5, mean: 4, suppressed: false },
      { respondent: 'caregiver', question: 'arranging', answers: 5, mean: 2, suppressed: false },
      { respondent: 'caregiver', question: 'again', answers: 5, mean: 5, suppressed: false },
    ]);
    assert.deepEqual(
      rows.slice(4).map((row) => [row.question, row.mean, row.suppressed]),
      [
        ['overall', null, true],
        ['care', null, true],
        ['welcome', null, true],
      ],
    );
  });
});
