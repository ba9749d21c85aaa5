import { BURDEN_STATEMENTS } from '../domain/burden-screening.ts';
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { ANONYMOUS_NAME } from '../data/privacy.repository.ts';
import { runRetention } from '../services/privacy.service.ts';
import { aClient, aLocation, aRegion, aUnit, inDays } from '../testing/fixtures.ts';
import { type TestApp, createTestApp } from '../testing/test-app.ts';
import { appClock } from '../clock.ts';

describe('privacy: export, erasure and retention of client data', () => {
  let t: TestApp;
  let unitId: string;

  before(async () => {
    t = await createTestApp();
    const regionId = await aRegion(t.database.db);
    unitId = await aUnit(t.database.db, await aLocation(t.database.db, regionId));
  });
  after(() => t.close());

  /** A stay written straight into the table, so it can lie in the past. */
  async function aStay(clientId: string, arrival: string, departure: string, status: string, cancelReason: string | null = null) {
    await sql`INSERT INTO stay (unit_id, client_id, stay_type, arrival, departure, status, cancel_reason)
              VALUES (${unitId}, ${clientId}, 'respite', ${arrival}, ${departure}, ${status}, ${cancelReason})`.execute(t.database.db);
  }
  const clientRow = (id: string) => t.database.db.selectFrom('client').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const registeredLongAgo = (id: string, days: number) =>
    t.database.db
      .updateTable('client')
      .set({ created_at: new Date(appClock().now().getTime() - days * 86_400_000) })
      .where('id', '=', id)
      .execute();

  it('exports everything held about a client', async () => {
    const clientId = await aClient(t.database.db, 'Ida van E.');
    await aStay(clientId, inDays(-40), inDays(-30), 'departed');
    await aStay(clientId, inDays(-20), inDays(-15), 'cancelled', 'Dochter kon toch zelf zorgen');
    const response = await t.inject({ method: 'GET', url: `/api/clients/${clientId}/export` });
    assert.equal(response.statusCode, 200, response.body);
    const data = response.json();
    assert.equal(data.client.name, 'Ida van E.');
    assert.deepEqual(
      data.stays.map((s: { status: string }) => s.status),
      ['departed', 'cancelled'],
    );
    assert.equal(data.stays[1].cancelReason, 'Dochter kon toch zelf zorgen');
    assert.deepEqual(data.caregiverCheckIns, []);
    const answers = Object.fromEntries(BURDEN_STATEMENTS.map((statement) => [statement.id, 'somewhat']));
    assert.equal((await t.inject({ method: 'POST', url: `/api/clients/${clientId}/check-ins`, payload: { answers } })).statusCode, 201);
    const again = (await t.inject({ method: 'GET', url: `/api/clients/${clientId}/export` })).json();
    assert.deepEqual(
      again.caregiverCheckIns.map((checkIn: { score: number; takenBy: string }) => [checkIn.score, checkIn.takenBy]),
      [[9, 'coordinator']],
    );
    assert.equal(again.caregiverCheckIns[0].answers.tired, 'somewhat');
  });

  it('erases a client on request but keeps the stays as anonymous records', async () => {
    const clientId = await aClient(t.database.db, 'Jan van D.');
    await aStay(clientId, inDays(-60), inDays(-50), 'cancelled', 'Jan ging naar zijn zoon Piet');
    await t.database.db
      .insertInto('burden_screening')
      .values({ client_id: clientId, answers: '{}', score: 3, taken_by: 'caregiver', recorded_by: null })
      .execute();
    await t.database.db
      .insertInto('caregiver_contact')
      .values({ client_id: clientId, contact_user_id: null, next_check_in: inDays(200) })
      .execute();
    const erased = await t.inject({ method: 'DELETE', url: `/api/clients/${clientId}` });
    assert.equal(erased.statusCode, 200, erased.body);
    assert.equal(
      (await t.database.db.selectFrom('burden_screening').select('id').where('client_id', '=', clientId).execute()).length,
      0,
      'the check-ins go',
    );
    assert.equal(
      (await t.database.db.selectFrom('caregiver_contact').select('client_id').where('client_id', '=', clientId).execute()).length,
      0,
    );
    const row = await clientRow(clientId);
    assert.equal(row.name, ANONYMOUS_NAME);
    assert.equal(row.date_of_birth, null);
    assert.ok(row.anonymised_at);
    const stays = await t.database.db.selectFrom('stay').select(['cancel_reason', 'status']).where('client_id', '=', clientId).execute();
    assert.deepEqual(stays, [{ cancel_reason: '(geanonimiseerd)', status: 'cancelled' }]);
    // Recorded with the change: the client, and the stay whose free-text reason was blanked.
    const events = await t.database.db
      .selectFrom('audit_event')
      .select(['entity', 'action', 'purpose'])
      .where('client_id', '=', clientId)
      .orderBy('id')
      .execute();
    assert.deepEqual(events, [
      { entity: 'client', action: 'anonymise', purpose: 'data_subject_request' },
      { entity: 'stay', action: 'anonymise', purpose: 'data_subject_request' },
    ]);
  });

  it('refuses to erase a client with a planned stay, and changes nothing', async () => {
    const clientId = await aClient(t.database.db, 'Rita S.');
    await aStay(clientId, inDays(10), inDays(14), 'confirmed');
    const refused = await t.inject({ method: 'DELETE', url: `/api/clients/${clientId}` });
    assert.equal(refused.statusCode, 409);
    assert.equal(refused.json().code, 'erasure_blocked');
    assert.equal((await clientRow(clientId)).name, 'Rita S.');
  });

  it('anonymises only clients whose file closed before the retention period, and is safe to run twice', async () => {
    const closedLongAgo = await aClient(t.database.db, 'Oud Dossier');
    await registeredLongAgo(closedLongAgo, 900);
    await aStay(closedLongAgo, inDays(-800), inDays(-790), 'departed');
    const recentlyBack = await aClient(t.database.db, 'Net Terug');
    await registeredLongAgo(recentlyBack, 900);
    await aStay(recentlyBack, inDays(-780), inDays(-770), 'departed');
    await aStay(recentlyBack, inDays(-100), inDays(-90), 'departed');
    const stillPlanned = await aClient(t.database.db, 'Nog Gepland');
    await registeredLongAgo(stillPlanned, 900);
    await aStay(stillPlanned, inDays(30), inDays(35), 'confirmed');
    const neverStayed = await aClient(t.database.db, 'Nooit Gelogeerd');
    await registeredLongAgo(neverStayed, 800);

    const dry = await runRetention(t.database.db, { months: 24, dryRun: true });
    assert.equal(dry.clients, 2);
    assert.equal((await clientRow(closedLongAgo)).name, 'Oud Dossier', 'a dry run changes nothing');

    const run = await runRetention(t.database.db, { months: 24 });
    assert.equal(run.clients, 2);
    assert.equal((await clientRow(closedLongAgo)).name, ANONYMOUS_NAME);
    assert.equal((await clientRow(neverStayed)).name, ANONYMOUS_NAME);
    assert.equal((await clientRow(recentlyBack)).name, 'Net Terug');
    assert.equal((await clientRow(stillPlanned)).name, 'Nog Gepland');
    const audit = await t.database.db
      .selectFrom('audit_event')
      .select(['role', 'purpose'])
      .where('client_id', '=', closedLongAgo)
      .execute();
    assert.deepEqual(audit, [{ role: 'system', purpose: 'retention' }]);

    assert.equal((await runRetention(t.database.db, { months: 24 })).clients, 0);
  });
});
