import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { addDays } from '../domain/dates.ts';
import { appClock } from '../clock.ts';
import { aClient, aLocation, aRegion, aUnit } from '../testing/fixtures.ts';
import { type TestApp, createTestApp } from '../testing/test-app.ts';

const TOKEN = 'metrics-token-for-the-test';
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/;

describe('Prometheus figures (GET /metrics)', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp({ readModel: true, metrics: { token: TOKEN } });
  });
  after(() => t.close());

  const scrape = async () => {
    const response = await t.inject({ method: 'GET', url: '/metrics', headers: { authorization: `Bearer ${TOKEN}` } }, 'anonymous');
    assert.equal(response.statusCode, 200, response.body);
    return response.body;
  };
  const value = (body: string, series: string) =>
    Number(
      body
        .split('\n')
        .find((line) => line.startsWith(`${series} `))
        ?.split(' ')[1],
    );

  it('counts requests by route pattern and status, bookings and conflicts, with no id of anything in them', async () => {
    const db = t.database.db;
    const unitId = await aUnit(db, await aLocation(db, await aRegion(db)), { activeFrom: '2020-01-01' });
    const clientId = await aClient(db, 'Ida K.');
    const arrival = addDays(appClock().today(), 20);
    const book = () =>
      t.inject({
        method: 'POST',
        url: '/api/stays',
        payload: { unitId, clientId, stayType: 'respite', arrival, departure: addDays(arrival, 3), status: 'confirmed' },
      });
    assert.equal((await book()).statusCode, 201);
    assert.equal((await book()).statusCode, 409);
    await t.inject({ method: 'GET', url: `/api/stays/${clientId}` });

    const body = await scrape();
    assert.equal(value(body, 'adempauze_bookings_total'), 1);
    assert.equal(value(body, 'adempauze_booking_conflicts_total'), 1);
    assert.equal(value(body, 'adempauze_http_requests_total{method="POST",route="/api/stays",status="201"}'), 1);
    assert.equal(value(body, 'adempauze_http_requests_total{method="GET",route="/api/stays/:id",status="404"}'), 1);
    assert.ok(value(body, 'adempauze_http_request_duration_seconds_count{method="POST",route="/api/stays"}') >= 2);
    assert.doesNotMatch(body, UUID);
  });

  it('says the read model is ready and how long a change takes to reach it', async () => {
    const body = await scrape();
    assert.equal(value(body, 'adempauze_read_model_ready'), 1);
    const lag = value(body, 'adempauze_read_model_lag_seconds');
    assert.ok(lag >= 0 && lag < 5, `lag ${lag}`);
    if (t.database.kind === 'postgres') assert.ok(value(body, 'adempauze_db_pool_connections{state="max"}') > 0);
  });

  it('answers only with the token: without it, or with another, the address does not exist', async () => {
    assert.equal((await t.inject({ method: 'GET', url: '/metrics' }, 'anonymous')).statusCode, 404);
    assert.equal(
      (await t.inject({ method: 'GET', url: '/metrics', headers: { authorization: 'Bearer wrong-token-of-some-length' } }, 'anonymous'))
        .statusCode,
      404,
    );
  });
});

describe('Prometheus figures without a token', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp({ metrics: {} });
  });
  after(() => t.close());

  it('are served on the machine itself only', async () => {
    assert.equal((await t.app.inject({ method: 'GET', url: '/metrics', remoteAddress: '127.0.0.1' })).statusCode, 200);
    assert.equal((await t.app.inject({ method: 'GET', url: '/metrics', remoteAddress: '10.1.2.3' })).statusCode, 404);
  });
});
