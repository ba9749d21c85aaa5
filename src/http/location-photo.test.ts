import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { aLocation, aRegion, organisationOf } from '../testing/fixtures.ts';
import { type SessionHeaders, type TestApp, createTestApp } from '../testing/test-app.ts';

/** A 1×1 PNG: the smallest real image. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

describe("photos on a location's public page", () => {
  let t: TestApp;
  let locationId: string;
  let planner: SessionHeaders;
  let otherPlanner: SessionHeaders;

  before(async () => {
    t = await createTestApp();
    const regionId = await aRegion(t.database.db);
    locationId = await aLocation(t.database.db, regionId);
    const other = await aLocation(t.database.db, regionId, { name: 'Elders' });
    planner = await t.signIn('provider_planner', await organisationOf(t.database.db, locationId));
    otherPlanner = await t.signIn('provider_planner', await organisationOf(t.database.db, other));
  });
  after(() => t.close());

  const upload = (data: Buffer, alt: string, as: SessionHeaders = planner) =>
    t.inject({ method: 'POST', url: `/api/locations/${locationId}/photos`, payload: { data: data.toString('base64'), alt } }, as);

  it('lets the provider add a photo with its text alternative, which anyone then sees', async () => {
    const added = await upload(PNG, 'De tuin met een bank onder de appelboom');
    assert.equal(added.statusCode, 201, added.body);
    const { photos } = (await t.inject({ method: 'GET', url: `/api/locations/${locationId}` }, 'anonymous')).json();
    assert.deepEqual(photos, [{ id: added.json().id, alt: 'De tuin met een bank onder de appelboom' }]);
    const image = await t.inject({ method: 'GET', url: `/api/locations/${locationId}/photos/${added.json().id}` }, 'anonymous');
    assert.equal(image.statusCode, 200);
    assert.equal(image.headers['content-type'], 'image/png');
    assert.deepEqual(image.rawPayload, PNG);
  });

  it('refuses what is not a photo whatever it is called, a photo without words, and a seventh photo', async () => {
    const text = await upload(Buffer.from('<svg onload="alert(1)"></svg>'), 'Een plaatje');
    assert.equal(text.statusCode, 400);
    assert.deepEqual(
      text.json().errors.map((e: { field: string; code: string }) => [e.field, e.code]),
      [['data', 'not_a_photo']],
    );
    assert.equal((await upload(PNG, '')).statusCode, 400);
    for (let i = 0; i < 5; i++) assert.equal((await upload(PNG, `Kamer ${i + 1}`)).statusCode, 201);
    const seventh = await upload(PNG, 'Nog een');
    assert.deepEqual(
      seventh.json().errors.map((e: { code: string }) => e.code),
      ['too_many_photos'],
    );
  });

  it("keeps another provider's planner out, and lets the provider remove a photo", async () => {
    const { photos } = (await t.inject({ method: 'GET', url: `/api/locations/${locationId}` }, 'anonymous')).json();
    assert.equal((await upload(PNG, 'Van een ander', otherPlanner)).statusCode, 404);
    const foreign = await t.inject({ method: 'DELETE', url: `/api/locations/${locationId}/photos/${photos[0].id}` }, otherPlanner);
    assert.equal(foreign.statusCode, 404);
    const removed = await t.inject({ method: 'DELETE', url: `/api/locations/${locationId}/photos/${photos[0].id}` }, planner);
    assert.equal(removed.statusCode, 204);
    assert.equal(
      (await t.inject({ method: 'GET', url: `/api/locations/${locationId}/photos/${photos[0].id}` }, 'anonymous')).statusCode,
      404,
    );
  });
});
