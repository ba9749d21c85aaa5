import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { deliverStayNotices } from '../services/notification.service.ts';
import { aClient, aLocation, aRegion, aUnit, inDays, organisationOf } from '../testing/fixtures.ts';
import { type SessionHeaders, type TestApp, createTestApp } from '../testing/test-app.ts';
import { createMailer } from '../services/mail/mailer.ts';
import { actingAs } from '../data/change-author.ts';

const COORDINATOR = { userId: null, email: null, role: 'coordinator', organisationId: null, purpose: 'care_coordination', ip: null };

/**
 * The busiest write, counted in statements (each a round trip to the database), not timed: a regression shows
 * here on any machine. The app is wired as src/main.ts wires it, with the read model and the session cache; the
 * cache's time to live is long here, so that the count does not depend on how fast the machine is.
 */
describe('round trips of a booking over HTTP', () => {
  let t: TestApp;
  let coordinator: SessionHeaders;
  let locationId: string;

  before(async () => {
    // No poll of its own: the read model polls when a write asks for it, so the count does not depend on timing.
    t = await createTestApp({ readModel: true, readModelPollMs: 3_600_000, logStatements: true, auth: { sessionCacheMs: 3_600_000 } });
    locationId = await aLocation(t.database.db, await aRegion(t.database.db));
    // A planner of the provider: every booking is news for them, so the notices have someone to go to.
    await t.signIn('provider_planner', await organisationOf(t.database.db, locationId));
    coordinator = await t.signIn('coordinator');
    // The session's first use is recorded once and the session is cached; the count starts after it.
    assert.equal((await t.inject({ method: 'GET', url: '/api/auth/session' }, coordinator)).statusCode, 200);
  });
  after(() => t.close());

  const book = async (unitId: string, arrival: string, departure: string) => {
    const clientId = await aClient(t.database.db);
    await t.availability!.sync();
    t.statements!.reset();
    const response = await t.inject(
      { method: 'POST', url: '/api/stays', payload: { unitId, clientId, stayType: 'respite', arrival, departure, status: 'confirmed' } },
      coordinator,
    );
    return { response, sent: [...t.statements!.statements] };
  };

  it('books in one round trip, place_stay (the session is cached), then delivers the notices in one transaction', async () => {
    const { response, sent } = await book(await aUnit(t.database.db, locationId), inDays(10), inDays(14));
    assert.equal(response.statusCode, 201, response.body);
    assert.match(sent[0]!, /FROM place_stay\(/, sent.join('\n'));
    // Read your writes without a poll: the booking put its stay into the read model itself.
    assert.ok(!sent.some((statement) => statement.includes('availability_change')), sent.join('\n'));
    assert.ok(
      t
        .availability!.occupationsOf(response.json().unitId, { from: inDays(10), to: inDays(14) })
        .some((o) => o.key === `stay:${response.json().id}`),
    );
    const notices = sent.slice(1);
    assert.equal(notices.length, 8, `the notices of one booking: ${notices.join('\n')}`);
    const notification = await t.database.db.selectFrom('notification').select('title').where('stay_id', '=', response.json().id).execute();
    assert.equal(notification.length, 1, 'the planner is told');

    // Ten bookings' notices delivered together cost what one booking's cost: the round trips do not grow with them.
    const stayIds: string[] = [];
    for (let i = 0; i < 10; i++) {
      const unitId = await aUnit(t.database.db, locationId);
      const [row] = await t.database.db
        .insertInto('stay')
        .values({
          unit_id: unitId,
          client_id: await aClient(t.database.db),
          stay_type: 'respite',
          arrival: inDays(20),
          departure: inDays(22),
          status: 'confirmed',
        })
        .returning('id')
        .execute();
      stayIds.push(row!.id);
    }
    await t.availability!.sync();
    t.statements!.reset();
    const settings = { mailer: createMailer(t.database.db, undefined), publicUrl: 'http://localhost' };
    const delivered = await actingAs(COORDINATOR, () => deliverStayNotices(t.database.db, settings, { stayIds }));
    assert.equal(delivered, 10);
    assert.equal(t.statements!.statements.length, notices.length, t.statements!.statements.join('\n'));
  });

  it('answers a conflict in two round trips: place_stay refused, the audit of the refusal', async () => {
    const unitId = await aUnit(t.database.db, locationId);
    assert.equal((await book(unitId, inDays(30), inDays(35))).response.statusCode, 201);
    const { response, sent } = await book(unitId, inDays(33), inDays(38));
    assert.equal(response.statusCode, 409, response.body);
    assert.ok(response.json().alternatives.otherDates.length > 0, 'alternatives from the read model');
    // A refused booking changed nothing, so its answer waits for no poll of the change feed.
    assert.equal(sent.length, 2, sent.join('\n'));
    assert.match(sent[1]!, /insert into "audit_event"/);
  });
});
