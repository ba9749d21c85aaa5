import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { aLocation, aRegion } from '../testing/fixtures.ts';
import { type TestApp, createTestApp } from '../testing/test-app.ts';

describe("a region's yearly costs outside the tariffs (/api/regions/{regionId}/yearly-costs)", () => {
  let t: TestApp;
  let admin: Awaited<ReturnType<TestApp['signIn']>>;
  let regionId: string;
  let ownLocation: string;
  let otherLocation: string;
  const staff = {
    kind: 'staff',
    description: 'Personeel logeerhuis',
    centsPerYear: 96_800_00,
    shares: { municipality: 100, insurer: 0, careOffice: 0 },
    validFrom: '2025-01-01',
  };
  const post = (body: object, region = regionId) =>
    t.inject({ method: 'POST', url: `/api/regions/${region}/yearly-costs`, payload: body }, admin);
  const fieldCodes = (response: { json(): { errors?: { field: string; code: string }[] } }) =>
    Object.fromEntries((response.json().errors ?? []).map((error) => [error.field, error.code]));

  before(async () => {
    t = await createTestApp();
    const db = t.database.db;
    regionId = await aRegion(db, 'kosten-regio', 'Kostenregio');
    const otherRegion = await aRegion(db, 'andere-regio', 'Andere regio');
    ownLocation = await aLocation(db, regionId, { name: 'Plezant' });
    otherLocation = await aLocation(db, otherRegion, { name: 'Elders' });
    admin = await t.signIn('administrator');
  });
  after(() => t.close());

  it("records staff and a lump-sum contract for a location, and lists them with the location's name", async () => {
    const created = await post(staff);
    assert.equal(created.statusCode, 201, created.body);
    assert.deepEqual(
      { ...(created.json() as object), id: undefined },
      {
        id: undefined,
        regionId,
        kind: 'staff',
        description: 'Personeel logeerhuis',
        locationId: null,
        locationName: null,
        centsPerYear: 96_800_00,
        shares: { municipality: 100, insurer: 0, careOffice: 0 },
        validFrom: '2025-01-01',
        validUntil: null,
      },
    );
    const contract = await post({
      ...staff,
      kind: 'availability_contract',
      description: 'Lumpsum',
      locationId: ownLocation,
      shares: { municipality: 50, insurer: 50, careOffice: 0 },
    });
    assert.equal(contract.statusCode, 201, contract.body);
    const list = await t.inject({ method: 'GET', url: `/api/regions/${regionId}/yearly-costs` }, await t.signIn('policy_viewer'));
    assert.deepEqual(
      list.json().map((row: { kind: string; locationName: string | null }) => [row.kind, row.locationName]),
      [
        ['availability_contract', 'Plezant'],
        ['staff', null],
      ],
    );
  });

  it('ends a cost on a day, so the years before keep it', async () => {
    const created = (await post({ ...staff, kind: 'coordination', description: 'Coördinatie' })).json();
    const ended = await t.inject(
      { method: 'POST', url: `/api/yearly-costs/${created.id}/end`, payload: { validUntil: '2026-01-01' } },
      admin,
    );
    assert.equal(ended.statusCode, 200, ended.body);
    assert.equal(ended.json().validUntil, '2026-01-01');
    const tooEarly = await t.inject(
      { method: 'POST', url: `/api/yearly-costs/${created.id}/end`, payload: { validUntil: '2025-01-01' } },
      admin,
    );
    assert.deepEqual(fieldCodes(tooEarly), { validUntil: 'end_before_start' });
    // The MKBA of 2025 counts it whole, and of 2026 not at all.
    const mkba = async (year: number) =>
      (await t.inject({ method: 'GET', url: `/api/policy/mkba?regionId=${regionId}&year=${year}` }, admin)).json();
    assert.ok((await mkba(2025)).inputs.fixedCosts.some((cost: { kind: string }) => cost.kind === 'coordination'));
    assert.ok(!(await mkba(2026)).inputs.fixedCosts.some((cost: { kind: string }) => cost.kind === 'coordination'));
  });

  it('refuses shares that do not add up, a contract without a location of this region, and a location for staff', async () => {
    assert.deepEqual(fieldCodes(await post({ ...staff, shares: { municipality: 60, insurer: 30, careOffice: 0 } })), {
      shares: 'shares_not_100',
    });
    const noLocation = await post({ ...staff, kind: 'availability_contract' });
    assert.deepEqual(fieldCodes(noLocation), { locationId: 'required' });
    assert.equal(noLocation.json().errors[0].detail, 'Dit veld is verplicht.');
    assert.deepEqual(fieldCodes(await post({ ...staff, kind: 'availability_contract', locationId: otherLocation })), {
      locationId: 'unknown_location',
    });
    assert.deepEqual(fieldCodes(await post({ ...staff, locationId: ownLocation })), { locationId: 'contract_only' });
    assert.equal((await post(staff, 'nergens')).statusCode, 404);
  });
});
