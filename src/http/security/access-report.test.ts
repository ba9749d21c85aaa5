import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { InjectOptions } from 'fastify';
import { sql } from 'kysely';
import { aLocation, aRegion, aUnit, organisationOf } from '../../testing/fixtures.ts';
import { type SessionHeaders, type TestApp, createTestApp } from '../../testing/test-app.ts';
import { appClock } from '../../clock.ts';

/**
 * AVG art. 15 / NEN 7513: a client may ask who looked at their data. Every read that shows the client, also in a
 * list or an export, and every attempt from another organisation, must land in that client's access report.
 */
describe("every read that shows a client lands in that client's access report", () => {
  let t: TestApp;
  let clientId: string;
  let otherClientId: string;
  let stayId: string;
  let referralId: string;
  let planner: SessionHeaders;
  let outsider: SessionHeaders;
  let referrer: SessionHeaders;
  let otherReferrer: SessionHeaders;
  const today = appClock().today();

  before(async () => {
    t = await createTestApp();
    const db = t.database.db;
    const regionId = await aRegion(db);
    const locationId = await aLocation(db, regionId, { name: 'Het Anker' });
    const organisationId = await organisationOf(db, locationId);
    const otherOrganisationId = await organisationOf(db, await aLocation(db, regionId));
    const unitId = await aUnit(db, locationId);
    planner = await t.signIn('provider_planner', organisationId);
    outsider = await t.signIn('provider_planner', otherOrganisationId);
    referrer = await t.signIn('referrer', otherOrganisationId);
    otherReferrer = await t.signIn('referrer', organisationId);
    await db
      .insertInto('location_tariff')
      .values({
        location_id: locationId,
        stay_type: 'respite',
        housing_cents: 8000,
        stay_cents: 7000,
        care_cents: 0,
        valid_from: '2000-01-01',
        valid_until: null,
      })
      .execute();

    const referral = await t.inject(
      {
        method: 'POST',
        url: '/api/referrals',
        payload: {
          kind: 'respite_once',
          referrerKind: 'gp',
          client: { name: 'Gerda Inzage', dateOfBirth: '1939-04-04', postcode: '3262 GD' },
          consent: { given: true, by: 'Gerda Inzage' },
        },
      },
      referrer,
    );
    assert.equal(referral.statusCode, 201, referral.body);
    referralId = referral.json().id;
    clientId = (await t.inject({ method: 'GET', url: `/api/referrals/${referralId}` })).json().clientId;
    // A stay that arrives today (the provider's movements) and one last month (the claims).
    stayId = (
      await sql<{ id: string }>`INSERT INTO stay (unit_id, client_id, referral_id, stay_type, arrival, departure, status)
      VALUES (${unitId}, ${clientId}, ${referralId}, 'respite', ${today}, (${today}::date + 3), 'confirmed') RETURNING id`.execute(db)
    ).rows[0]!.id;
    await sql`INSERT INTO stay (unit_id, client_id, stay_type, arrival, departure, status)
      VALUES (${unitId}, ${clientId}, 'respite', (${today}::date - 40), (${today}::date - 37), 'departed')`.execute(db);
    otherClientId = (await db.insertInto('client').values({ name: 'Niet Getoond', pc4: '3262' }).returning('id').executeTakeFirstOrThrow())
      .id;
  });
  after(() => t.close());

  const lastMonth = () => {
    const date = new Date(`${today}T00:00:00Z`);
    date.setUTCDate(date.getUTCDate() - 40);
    return date.toISOString().slice(0, 7);
  };

  /** Sends the request and answers the access-report rows it wrote for the client. */
  async function reportRowsOf(request: InjectOptions, as?: SessionHeaders) {
    const before = (
      await t.database.db.selectFrom('audit_event').select(sql<string>`coalesce(max(id), 0)`.as('id')).executeTakeFirstOrThrow()
    ).id;
    const response = await t.inject(request, as);
    const rows = await t.database.db
      .selectFrom('audit_event')
      .selectAll()
      .where('id', '>', before as never)
      .execute();
    return {
      response,
      mine: rows.filter((row) => row.client_id === clientId),
      others: rows.filter((row) => row.client_id === otherClientId),
    };
  }

  for (const [what, request, as] of [
    ["the central point's referral inbox", () => ({ method: 'GET', url: '/api/referrals' }), () => undefined],
    ["the referrer's own list", () => ({ method: 'GET', url: '/api/referrals' }), () => referrer],
    ["the provider's arrivals and departures", () => ({ method: 'GET', url: `/api/provider/movements?date=${today}` }), () => planner],
    ["the month's claims", () => ({ method: 'GET', url: `/api/claims?month=${lastMonth()}&financier=wmo` }), () => undefined],
    ['the claims as CSV', () => ({ method: 'GET', url: `/api/claims.csv?month=${lastMonth()}&financier=wmo` }), () => undefined],
    ["the stay's calendar file", () => ({ method: 'GET', url: `/api/stays/${stayId}/calendar.ics` }), () => referrer],
    ['the stay', () => ({ method: 'GET', url: `/api/stays/${stayId}` }), () => planner],
    ["the stay's costs", () => ({ method: 'GET', url: `/api/stays/${stayId}/costs` }), () => undefined],
    ["the stay's handover", () => ({ method: 'GET', url: `/api/stays/${stayId}/handover` }), () => planner],
    ['the units the stay could move to', () => ({ method: 'GET', url: `/api/stays/${stayId}/move-options` }), () => undefined],
    ['the referral', () => ({ method: 'GET', url: `/api/referrals/${referralId}` }), () => referrer],
    ["the referral's stays", () => ({ method: 'GET', url: `/api/referrals/${referralId}/stays` }), () => referrer],
    ["the referral's history", () => ({ method: 'GET', url: `/api/referrals/${referralId}/history` }), () => referrer],
    ["the referral's appointments", () => ({ method: 'GET', url: `/api/referrals/${referralId}/appointments` }), () => referrer],
  ] as const) {
    it(`${what}: a successful read names the client`, async () => {
      const { response, mine, others } = await reportRowsOf(request() as InjectOptions, as());
      assert.equal(response.statusCode, 200, response.body);
      assert.equal(mine.length, 1, `${what}: ${mine.length} rows for the client`);
      assert.equal(mine[0]!.outcome, 'success');
      assert.equal(others.length, 0, 'a client the answer does not show is not named');
    });
  }

  it("an attempt from another organisation: 404 as for nothing, denied in the client's report", async () => {
    for (const [request, as] of [
      [{ method: 'GET', url: `/api/stays/${stayId}` }, outsider],
      [{ method: 'GET', url: `/api/stays/${stayId}/handover` }, outsider],
      [{ method: 'GET', url: `/api/referrals/${referralId}` }, otherReferrer],
      [{ method: 'GET', url: `/api/referrals/${referralId}/history` }, otherReferrer],
    ] as const) {
      const { response, mine } = await reportRowsOf(request, as);
      assert.equal(response.statusCode, 404, `${request.url}: ${response.body}`);
      assert.doesNotMatch(response.body, new RegExp(clientId), 'the answer gives nothing away');
      assert.equal(mine.length, 1, `${request.url}: the attempt is in the client's report`);
      assert.equal(mine[0]!.outcome, 'denied');
    }
  });

  it('the access report itself lists these reads', async () => {
    const report = await t.inject({ method: 'GET', url: `/api/admin/clients/${clientId}/access-report` }, await t.signIn('administrator'));
    assert.equal(report.statusCode, 200, report.body);
    assert.ok(JSON.stringify(report.json()).includes('denied'));
  });
});
