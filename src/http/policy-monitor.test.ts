import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import type { PolicyMonitor } from '../services/policy.service.ts';
import { aLocation, aUnit } from '../testing/fixtures.ts';
import { type TestApp, createTestApp } from '../testing/test-app.ts';
import type { ReferralKind } from '../domain/referral.ts';
import type { ReferralStatus } from '../domain/referral-lifecycle.ts';
import type { StayType } from '../domain/stay-types.ts';

/**
 * The policy monitor on the real database. Everything is written with fixed times in January and February 2025, so
 * each figure can be worked out by hand; stays get their referral after they are written, so the history trigger
 * adds no events "now" and every step of a referral has the time the test gives it.
 */
const WINDOW = { from: '2025-01-01', to: '2025-03-01' };

describe('policy monitor', () => {
  let t: TestApp;
  let monitor: PolicyMonitor;

  before(async () => {
    t = await createTestApp();
    const db = t.database.db;
    await db
      .insertInto('region')
      .values([
        { id: 'hw', name: 'Hoeksche Waard', municipalities: ['Hoeksche Waard', 'Zwijndrecht', 'Dordrecht'] },
        { id: 'peel', name: 'Peelregio', municipalities: ['Helmond'] },
      ])
      .execute();
    await db
      .insertInto('region_postcode')
      .values([
        { pc4: '3262', region_id: 'hw' },
        { pc4: '3331', region_id: 'hw' },
        { pc4: '3311', region_id: 'hw' },
        { pc4: '5701', region_id: 'peel' },
      ])
      .execute();
    const zoomwijck = await aLocation(db, 'hw', { name: 'Zoomwijck' });
    const plezant = await aLocation(db, 'peel', { name: 'Plezant' });
    const accepted: StayType[] = ['respite', 'crisis_wmo', 'elv_palliative'];
    const [a1, a2, b1] = [
      await aUnit(db, zoomwijck, { accepted, activeFrom: '2024-01-01' }),
      await aUnit(db, zoomwijck, { accepted, activeFrom: '2024-01-01' }),
      await aUnit(db, plezant, { accepted, activeFrom: '2024-01-01' }),
    ];
    await db
      .insertInto('unit_closure')
      .values([
        { unit_id: a2, starts_on: '2025-01-10', ends_on: '2025-01-15', reason: 'maintenance', note: null },
        // Overlaps the first: its nights count once.
        { unit_id: a2, starts_on: '2025-01-12', ends_on: '2025-01-14', reason: 'other', note: null },
      ])
      .execute();

    const at = (iso: string, plusHours = 0) => new Date(Date.parse(`${iso}Z`) + plusHours * 3_600_000);
    const aStay = async (
      unitId: string,
      pc4: string,
      stayType: string,
      arrival: string,
      departure: string,
      status = 'departed',
      cancelReason: string | null = null,
    ) => {
      const client = await db.insertInto('client').values({ name: 'Gast', pc4 }).returning('id').executeTakeFirstOrThrow();
      const stay = await sql<{ id: string }>`INSERT INTO stay (unit_id, client_id, stay_type, arrival, departure, status, cancel_reason)
        VALUES (${unitId}, ${client.id}, ${stayType}, ${arrival}, ${departure}, ${status}, ${cancelReason}) RETURNING id`.execute(db);
      return { clientId: client.id, stayId: stay.rows[0]!.id };
    };
    const aReferral = async (clientId: string, kind: ReferralKind, createdAt: Date, stayId?: string, status: ReferralStatus = 'closed') => {
      const referral = await db
        .insertInto('referral')
        .values({
          reference: `AP-${randomUUID().slice(0, 6).toUpperCase()}`,
          status,
          source: 'public',
          referrer_kind: 'caregiver',
          referrer_user_id: null,
          referrer_organisation_id: null,
          kind,
          client_id: clientId,
          partner_client_id: null,
          caregiver_name: 'Mantelzorger',
          caregiver_relation: 'child',
          caregiver_works: null,
          caregiver_phone: null,
          caregiver_email: null,
          recurrence: null,
          indication_wlz_profile: null,
          consent_at: createdAt,
          consent_given_by: 'Mantelzorger',
          message: null,
          created_at: createdAt,
          updated_at: at('2025-03-15T00:00:00'),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      if (stayId) await db.updateTable('stay').set({ referral_id: referral.id }).where('id', '=', stayId).execute();
      return referral.id;
    };
    const anEvent = (referralId: string, stayId: string | null, kind: 'waiting' | 'booked' | 'confirmed', when: Date, status?: string) =>
      db
        .insertInto('referral_event')
        .values({ referral_id: referralId, stay_id: stayId, kind, at: when, details: JSON.stringify(status ? { status } : {}) })
        .execute();

    // Zoomwijck, January: six respite guests from the Hoeksche Waard, four nights each, referred in December.
    for (let i = 0; i < 6; i++) {
      const day = String(1 + 4 * i).padStart(2, '0');
      const stay = await aStay(a1, i < 4 ? '3262' : '3311', 'respite', `2025-01-${day}`, `2025-01-${String(5 + 4 * i).padStart(2, '0')}`);
      const referral = await aReferral(stay.clientId, 'respite_once', at(`2024-12-0${1 + i}T10:00:00`), stay.stayId);
      await anEvent(referral, stay.stayId, 'booked', at(`2024-12-0${1 + i}T10:00:00`, 24), 'confirmed');
    }
    // One palliative guest from Helmond at Zoomwijck, 20 January – 3 February: 12 nights in January, 2 in February.
    const palliative = await aStay(a2, '5701', 'elv_palliative', '2025-01-20', '2025-02-03');
    const palliativeReferral = await aReferral(palliative.clientId, 'elv_from_gp', at('2025-01-19T08:00:00'), palliative.stayId);
    await anEvent(palliativeReferral, palliative.stayId, 'booked', at('2025-01-19T08:00:00', 12), 'confirmed');
    // Plezant, January: five crisis admissions of two nights, guests from Zwijndrecht (so outside their own region).
    for (let i = 0; i < 5; i++) {
      const stay = await aStay(
        b1,
        '3331',
        'crisis_wmo',
        `2025-01-${String(1 + 2 * i).padStart(2, '0')}`,
        `2025-01-${String(3 + 2 * i).padStart(2, '0')}`,
      );
      const created = at(`2025-01-0${1 + 2 * i}T02:00:00`);
      const referral = await aReferral(stay.clientId, 'crisis', created, stay.stayId);
      await anEvent(referral, stay.stayId, 'booked', at(`2025-01-0${1 + 2 * i}T02:00:00`, 6), 'confirmed');
    }
    // Plezant, February: five respite guests from Helmond who waited from 7 to 14 January for an offer.
    for (let i = 0; i < 5; i++) {
      const stay = await aStay(
        b1,
        '5701',
        'respite',
        `2025-02-${String(1 + 4 * i).padStart(2, '0')}`,
        `2025-02-${String(5 + 4 * i).padStart(2, '0')}`,
      );
      const referral = await aReferral(stay.clientId, 'respite_once', at('2025-01-06T09:00:00', i), stay.stayId);
      await anEvent(referral, null, 'waiting', at('2025-01-07T10:00:00'));
      await anEvent(referral, stay.stayId, 'booked', at('2025-01-14T09:00:00', i), 'hold');
      await anEvent(referral, stay.stayId, 'confirmed', at('2025-01-15T09:00:00', i), 'confirmed');
      for (const [respondent, count] of [
        ['caregiver', 5],
        ['guest', 4],
      ] as const) {
        if (i >= count) continue;
        await db
          .insertInto('survey')
          .values({
            stay_id: stay.stayId,
            referral_id: referral,
            client_id: stay.clientId,
            respondent,
            token_hash: randomUUID(),
            expires_at: at('2025-03-30T00:00:00'),
            answered_at: at('2025-02-25T12:00:00'),
            scores: JSON.stringify(
              respondent === 'caregiver'
                ? { overall: [5, 4, 4, 5, 3][i], rest: 4, arranging: 3, again: 5 }
                : { overall: 5, care: 5, welcome: 5 },
            ),
            comment: 'Mijn moeder Truus had het erg naar haar zin.',
          })
          .execute();
      }
    }
    // Two tours asked for in February from Dordrecht; one of them has been waiting since 3 February.
    for (let i = 0; i < 2; i++) {
      const client = await db.insertInto('client').values({ name: 'Gast', pc4: '3311' }).returning('id').executeTakeFirstOrThrow();
      const referral = await aReferral(client.id, 'tour', at('2025-02-03T07:00:00', i), undefined, i === 0 ? 'waiting' : 'new');
      if (i === 0) await anEvent(referral, null, 'waiting', at('2025-02-03T08:00:00'));
    }
    // Cancelled stays in February: two reasons given for five people each, and one that describes a person.
    for (const reason of ['Gast opgenomen in het ziekenhuis', 'Mantelzorger heeft zelf opvang geregeld']) {
      for (let i = 0; i < 5; i++) await aStay(a1, '3262', 'respite', '2025-02-10', '2025-02-14', 'cancelled', reason);
    }
    await aStay(a1, '3262', 'respite', '2025-02-20', '2025-02-24', 'cancelled', 'Mevrouw De Vries verhuist naar haar dochter in Breda');

    const response = await t.inject({ method: 'GET', url: '/api/policy/monitor', query: WINDOW }, await t.signIn('policy_viewer'));
    assert.equal(response.statusCode, 200, response.body);
    monitor = response.json();
  });
  after(() => t.close());

  it('gives the months and Mondays of the period', () => {
    assert.deepEqual(monitor.window, WINDOW);
    assert.equal(monitor.threshold, 5);
    assert.deepEqual(monitor.months, ['2025-01', '2025-02']);
    assert.deepEqual(monitor.weeks, [
      '2025-01-06',
      '2025-01-13',
      '2025-01-20',
      '2025-01-27',
      '2025-02-03',
      '2025-02-10',
      '2025-02-17',
      '2025-02-24',
    ]);
  });

  it('gives each location its occupied share of the unit-nights it had, closures left out', () => {
    assert.deepEqual(monitor.occupancyByLocation, [
      // Two units in January less 5 closed nights: 57; 6 × 4 respite nights and 12 palliative ones (36, shown as 35:
      // occupied nights are rounded to 5, so two periods a day apart do not give away the guests of that night).
      { month: '2025-01', region: 'Hoeksche Waard', location: 'Zoomwijck', availableNights: 57, occupiedNights: 35, percent: 61.4 },
      { month: '2025-02', region: 'Hoeksche Waard', location: 'Zoomwijck', availableNights: 56, occupiedNights: 0, percent: 0 },
      { month: '2025-01', region: 'Peelregio', location: 'Plezant', availableNights: 31, occupiedNights: 10, percent: 32.3 },
      { month: '2025-02', region: 'Peelregio', location: 'Plezant', availableNights: 28, occupiedNights: 20, percent: 71.4 },
    ]);
  });

  it('splits occupancy by kind of stay, hiding a kind with fewer than 5 guests and the next smallest of that month', () => {
    assert.deepEqual(monitor.occupancyByStayType, [
      { month: '2025-01', stayType: 'crisis_wmo', occupiedNights: null, percent: null, suppressed: true },
      { month: '2025-01', stayType: 'elv_palliative', occupiedNights: null, percent: null, suppressed: true },
      { month: '2025-01', stayType: 'respite', occupiedNights: 25, percent: 28.4, suppressed: false },
      { month: '2025-02', stayType: 'elv_palliative', occupiedNights: null, percent: null, suppressed: true },
      { month: '2025-02', stayType: 'respite', occupiedNights: null, percent: null, suppressed: true },
    ]);
  });

  it('counts requests made in the period by month and kind, and by home municipality, with small counts hidden', () => {
    assert.deepEqual(monitor.requestsByKind, [
      { month: '2025-01', kind: 'crisis', requests: null, suppressed: true },
      { month: '2025-01', kind: 'elv_from_gp', requests: null, suppressed: true },
      { month: '2025-01', kind: 'respite_once', requests: 5, suppressed: false },
      { month: '2025-02', kind: 'tour', requests: null, suppressed: true },
    ]);
    assert.deepEqual(monitor.requestsByMunicipality, [
      { municipality: 'Helmond', requests: 5, suppressed: false },
      { municipality: 'Zwijndrecht', requests: 5, suppressed: false },
      { municipality: 'Dordrecht', requests: null, suppressed: true },
    ]);
  });

  it('shows the share placed in the own region where no hidden count can be worked out', () => {
    assert.deepEqual(monitor.placement, [
      { homeRegionId: 'hw', homeRegion: 'Hoeksche Waard', within: 0, outside: 5, percentWithin: 0, suppressed: false },
      { homeRegionId: 'peel', homeRegion: 'Peelregio', within: null, outside: null, percentWithin: null, suppressed: true },
      { homeRegionId: 'all', homeRegion: "Alle regio's", within: null, outside: null, percentWithin: null, suppressed: true },
    ]);
  });

  it('gives median and 90th percentile days from referral to the first offer and to the booking', () => {
    const offer = monitor.leadTimes.filter((row) => row.measure === 'offer');
    assert.deepEqual(offer, [
      // The palliative referral alone is hidden; crisis (also 5 people, first in order) goes with it.
      { kind: 'crisis', measure: 'offer', referrals: null, medianDays: null, p90Days: null, suppressed: true },
      { kind: 'elv_from_gp', measure: 'offer', referrals: null, medianDays: null, p90Days: null, suppressed: true },
      { kind: 'respite_once', measure: 'offer', referrals: 5, medianDays: 8, p90Days: 8, suppressed: false },
      { kind: 'all', measure: 'offer', referrals: 10, medianDays: 0.5, p90Days: 8, suppressed: false },
    ]);
    const booking = monitor.leadTimes.find((row) => row.measure === 'booking' && row.kind === 'respite_once');
    assert.deepEqual(booking, { kind: 'respite_once', measure: 'booking', referrals: 5, medianDays: 9, p90Days: 9, suppressed: false });
  });

  it('names a cancellation reason only when given for at least 5 people, and never shows other free text', () => {
    assert.deepEqual(monitor.cancellations, [
      { reason: 'Gast opgenomen in het ziekenhuis', stays: null, suppressed: true },
      { reason: 'Mantelzorger heeft zelf opvang geregeld', stays: 5, suppressed: false },
      { reason: null, stays: null, suppressed: true },
    ]);
    const text = JSON.stringify(monitor);
    for (const identifying of ['Vries', 'Breda', 'Truus']) assert.ok(!text.includes(identifying), `${identifying} is shown`);
  });

  it('counts the waiting list each Monday, hiding 1 to 4 people', () => {
    const byWeek = Object.fromEntries(monitor.waitingList.map((row) => [row.week, row.waiting]));
    assert.equal(byWeek['2025-01-06'], 0);
    assert.equal(byWeek['2025-01-13'], 5);
    assert.equal(byWeek['2025-01-20'], 0);
    assert.equal(byWeek['2025-02-03'], null);
    assert.equal(byWeek['2025-02-24'], null);
  });

  it('gives the mean score per survey question, hidden for fewer than 5 answers', () => {
    const caregiver = monitor.satisfaction.filter((row) => row.respondent === 'caregiver');
    assert.deepEqual(
      caregiver.map((row) => [row.question, row.answers, row.mean]),
      [
        ['overall', 5, 4.2],
        ['rest', 5, 4],
        ['arranging', 5, 3],
        ['again', 5, 5],
      ],
    );
    assert.ok(
      monitor.satisfaction
        .filter((row) => row.respondent === 'guest')
        .every((row) => row.suppressed && row.mean === null && row.answers === null),
    );
  });

  it('counts only what falls in the period chosen', async () => {
    const february = (
      await t.inject({ method: 'GET', url: '/api/policy/monitor', query: { from: '2025-02-01', to: '2025-03-01' } })
    ).json() as PolicyMonitor;
    assert.deepEqual(february.months, ['2025-02']);
    assert.deepEqual(
      february.occupancyByLocation.map((row) => row.month),
      ['2025-02', '2025-02'],
    );
    assert.deepEqual(february.requestsByKind, [{ month: '2025-02', kind: 'tour', requests: null, suppressed: true }]);
    assert.deepEqual(february.leadTimes, []);
    const withDecember = (
      await t.inject({ method: 'GET', url: '/api/policy/monitor', query: { from: '2024-12-01', to: '2025-03-01' } })
    ).json() as PolicyMonitor;
    assert.deepEqual(withDecember.requestsByKind[0], { month: '2024-12', kind: 'respite_once', requests: 5, suppressed: false });
  });

  it('withstands a differencing attack: periods a day apart never differ by 1 to 4 in any count', async () => {
    // The attack that recovered hidden cells: the same tables for [1 January, d) and [1 January, d + 1), for every d.
    const counts = (monitor: PolicyMonitor) => {
      const found = new Map<string, number>();
      const walk = (value: unknown, path: string) => {
        if (Array.isArray(value))
          value.forEach((item, index) => {
            walk(item, `${path}[${keyOf(item) ?? index}]`);
          });
        else if (value && typeof value === 'object') for (const [key, inner] of Object.entries(value)) walk(inner, `${path}.${key}`);
        else if (typeof value === 'number' && /\.(requests|within|outside|referrals|stays|waiting|answers|occupiedNights)$/.test(path))
          found.set(path, value);
      };
      const keyOf = (item: unknown) =>
        item && typeof item === 'object'
          ? Object.entries(item)
              .filter(([key, inner]) => typeof inner === 'string' && key !== 'percent')
              .map(([, inner]) => inner)
              .join('|') || undefined
          : undefined;
      walk({ ...monitor, window: undefined }, '');
      return found;
    };
    let previous: Map<string, number> | undefined;
    let compared = 0;
    for (let day = 2; day <= 32; day++) {
      const to = day <= 31 ? `2025-01-${String(day).padStart(2, '0')}` : '2025-02-01';
      const answer = await t.inject(
        { method: 'GET', url: '/api/policy/monitor', query: { from: '2025-01-01', to } },
        await t.signIn('policy_viewer'),
      );
      assert.equal(answer.statusCode, 200, answer.body);
      const current = counts(answer.json());
      for (const [path, value] of current) {
        const before = previous?.get(path);
        if (before === undefined) continue;
        compared++;
        assert.ok(Math.abs(value - before) % 5 === 0, `${path}: ${before} → ${value} up to ${to} tells how many people that day`);
      }
      previous = current;
    }
    assert.ok(compared > 100, `compared ${compared} cells`);
  });

  it('narrows to one region: its locations for occupancy, its residents for requests', async () => {
    const peel = (
      await t.inject({ method: 'GET', url: '/api/policy/monitor', query: { ...WINDOW, regionId: 'peel' } })
    ).json() as PolicyMonitor;
    assert.deepEqual([...new Set(peel.occupancyByLocation.map((row) => row.location))], ['Plezant']);
    assert.ok(
      peel.placement.every((row) => row.homeRegion === 'Peelregio' || row.homeRegion === "Alle regio's"),
      JSON.stringify(peel.placement),
    );
    const everywhere = monitor.requestsByMunicipality.map((row) => row.municipality);
    const inPeel = peel.requestsByMunicipality.map((row) => row.municipality);
    assert.ok(
      inPeel.every((municipality) => municipality === 'Helmond' || municipality === 'overige gemeenten'),
      inPeel.join(),
    );
    assert.ok(everywhere.length > inPeel.length);
    const hw = (
      await t.inject({ method: 'GET', url: '/api/policy/monitor', query: { ...WINDOW, regionId: 'hw' } })
    ).json() as PolicyMonitor;
    assert.deepEqual([...new Set(hw.occupancyByLocation.map((row) => row.location))], ['Zoomwijck']);
    const csv = await t.inject({
      method: 'GET',
      url: '/api/policy/monitor.csv',
      query: { ...WINDOW, regionId: 'hw', table: 'occupancy-by-location' },
    });
    assert.ok(!csv.body.includes('Plezant'));
    assert.match(String(csv.headers['content-disposition']), /beleidsmonitor-occupancy-by-location-hw-/);
    assert.equal(
      (await t.inject({ method: 'GET', url: '/api/policy/monitor', query: { ...WINDOW, regionId: 'nergens' } })).statusCode,
      404,
    );
  });

  it('refuses a period that is not one, naming the field', async () => {
    const cases: [Record<string, string>, string, string][] = [
      [{ from: '2025-03-01', to: '2025-02-01' }, 'to', 'departure_before_arrival'],
      [{ from: '2025-02-30', to: '2025-03-01' }, 'from', 'invalid_date'],
      [{ from: '2020-01-01', to: '2025-03-01' }, 'to', 'period_too_long'],
      [{ to: '2025-03-01' }, 'from', 'required'],
    ];
    for (const [query, field, code] of cases) {
      const response = await t.inject({ method: 'GET', url: '/api/policy/monitor', query });
      assert.equal(response.statusCode, 400, JSON.stringify(query));
      assert.deepEqual(
        response.json().errors.map((error: { field: string; code: string }) => [error.field, error.code]),
        [[field, code]],
      );
    }
    const unknownTable = await t.inject({ method: 'GET', url: '/api/policy/monitor.csv', query: { ...WINDOW, table: 'clients' } });
    assert.equal(unknownTable.statusCode, 400);
    assert.equal(unknownTable.json().errors[0].field, 'table');
  });

  it('gives every table as CSV for Dutch spreadsheets: BOM, semicolons, decimal commas, hidden counts empty', async () => {
    const csv = await t.inject({ method: 'GET', url: '/api/policy/monitor.csv', query: { ...WINDOW, table: 'occupancy-by-location' } });
    assert.equal(csv.statusCode, 200);
    assert.match(String(csv.headers['content-type']), /^text\/csv; charset=utf-8/);
    assert.match(
      String(csv.headers['content-disposition']),
      /attachment; filename="beleidsmonitor-occupancy-by-location-2025-01-01-2025-03-01.csv"/,
    );
    assert.ok(csv.body.startsWith('\uFEFF'));
    const lines = csv.body.slice(1).trim().split('\n');
    assert.equal(lines[0], 'maand;regio;locatie;beschikbare_nachten;bezette_nachten;bezetting_pct');
    assert.equal(lines[1], '2025-01;Hoeksche Waard;Zoomwijck;57;35;61,4');
    const cancelled = (await t.inject({ method: 'GET', url: '/api/policy/monitor.csv', query: { ...WINDOW, table: 'cancellations' } }))
      .body;
    assert.deepEqual(cancelled.slice(1).trim().split('\n'), [
      'reden;geannuleerde_verblijven;verborgen',
      'Gast opgenomen in het ziekenhuis;;ja',
      'Mantelzorger heeft zelf opvang geregeld;5;nee',
      'overige redenen;;ja',
    ]);
    for (const table of [
      'occupancy-by-stay-type',
      'requests-by-kind',
      'requests-by-municipality',
      'placement',
      'lead-times',
      'waiting-list',
      'satisfaction',
    ]) {
      const response = await t.inject({ method: 'GET', url: '/api/policy/monitor.csv', query: { ...WINDOW, table } });
      assert.equal(response.statusCode, 200, `${table}: ${response.body}`);
      assert.ok(response.body.startsWith('\uFEFF') && response.body.split('\n').length > 2, table);
    }
  });

  it('is for policy staff, the central point and administrators only', async () => {
    for (const role of ['coordinator', 'administrator'] as const) {
      const response = await t.inject({ method: 'GET', url: '/api/policy/monitor', query: WINDOW }, await t.signIn(role));
      assert.equal(response.statusCode, 200, role);
    }
    const organisationId = (await t.database.db.selectFrom('organisation').select('id').executeTakeFirstOrThrow()).id;
    for (const role of ['referrer', 'provider_planner'] as const) {
      const response = await t.inject(
        { method: 'GET', url: '/api/policy/monitor.csv', query: { ...WINDOW, table: 'placement' } },
        await t.signIn(role, organisationId),
      );
      assert.equal(response.statusCode, 403, role);
    }
    assert.equal((await t.inject({ method: 'GET', url: '/api/policy/monitor', query: WINDOW }, 'anonymous')).statusCode, 401);
  });
});
