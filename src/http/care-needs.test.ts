import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { addDays } from '../domain/dates.ts';
import { MAX_STAY_NIGHTS } from '../domain/stay-limits.ts';
import { pc4Area } from '../data/pc4-table.ts';
import { aLocation, aRegion, aUnit, inDays, triageAnswers } from '../testing/fixtures.ts';
import { type TestApp, createTestApp } from '../testing/test-app.ts';

/** Placements never break a care need, limits say what is wrong, and a home outside every region still gets places. */
describe('care needs, limits and entitlements over HTTP', () => {
  let t: TestApp;
  let plainUnit: string;
  let otherPlainUnit: string;
  let securedUnit: string;
  const arrival = inDays(40);
  const departure = inDays(47);

  before(async () => {
    t = await createTestApp();
    const db = t.database.db;
    const region = await aRegion(db);
    await db
      .insertInto('region_postcode')
      .values([{ pc4: '3262', region_id: region }])
      .execute();
    const anyHour = { admissionHours: [] };
    plainUnit = await aUnit(db, await aLocation(db, region, { name: 'Wijkpension', latitude: 51.823, longitude: 4.413, ...anyHour }), {
      name: 'Kamer 1',
    });
    otherPlainUnit = await aUnit(db, await aLocation(db, region, { name: 'Logeerhuis', latitude: 51.83, longitude: 4.42, ...anyHour }), {
      name: 'Kamer 2',
    });
    securedUnit = await aUnit(
      db,
      await aLocation(db, region, { name: 'De Hof', latitude: 51.75, longitude: 4.55, features: ['secured_unit'], ...anyHour }),
      { name: 'Kamer 3' },
    );
  });
  after(() => t.close());

  const refer = async (payload: Record<string, unknown> = {}, postcode = '3262 GD') => {
    const response = await t.inject({
      method: 'POST',
      url: '/api/referrals',
      payload: {
        kind: 'respite_once',
        referrerKind: 'gp',
        client: { name: 'Gerrit Dwaal', dateOfBirth: '1939-04-04', postcode },
        consent: { given: true, by: 'Gerrit Dwaal' },
        wishedArrival: arrival,
        wishedDeparture: departure,
        ...payload,
      },
    });
    return response;
  };
  const triaged = async (answers: Record<string, unknown>, postcode?: string) => {
    const created = await refer({}, postcode);
    assert.equal(created.statusCode, 201, created.body);
    const triage = await t.inject({
      method: 'POST',
      url: `/api/referrals/${created.json().id}/triage`,
      payload: { answers: triageAnswers(answers as Record<string, string>) },
    });
    assert.equal(triage.statusCode, 201, triage.body);
    return created.json() as { id: string; outsideEveryRegion: boolean };
  };

  it('a night-wandering client with dementia gets the secured unit, and the plain rooms only as near misses', async () => {
    const referral = await triaged({ dementia: 'mild', wandering: true, night_care: 'supervision' });
    const proposals = (await t.inject({ method: 'GET', url: `/api/referrals/${referral.id}/proposals` })).json();
    assert.deepEqual(proposals.requiredFeatures, ['secured_unit']);
    assert.deepEqual(
      proposals.proposals.map((p: { unitId: string }) => p.unitId),
      [securedUnit],
    );
    assert.deepEqual(
      proposals.nearMisses.map((p: { unitId: string; missingFeatures: string[] }) => [p.unitId, p.missingFeatures]),
      [
        [plainUnit, ['secured_unit']],
        [otherPlainUnit, ['secured_unit']],
      ],
    );
  });

  it("refuses a hold on a unit without a required feature (409, in words), books it with a coordinator's reason, and shows the reason", async () => {
    const referral = await triaged({ wandering: true });
    const hold = { unitId: plainUnit, stayType: 'respite', arrival, departure, status: 'hold' };
    const refused = await t.inject({ method: 'POST', url: `/api/referrals/${referral.id}/stays`, payload: hold });
    assert.equal(refused.statusCode, 409, refused.body);
    assert.equal(refused.json().code, 'unit_lacks_features');
    assert.match(refused.json().detail, /Gesloten afdeling/);
    assert.deepEqual(refused.json().missingFeatures, ['secured_unit']);

    const tooShort = await t.inject({
      method: 'POST',
      url: `/api/referrals/${referral.id}/stays`,
      payload: { ...hold, featureOverride: { reason: 'ok' } },
    });
    assert.equal(tooShort.statusCode, 400, 'an override needs a real reason');
    const reason = 'Dochter slaapt de hele week mee; gesloten plekken vol';
    const booked = await t.inject({
      method: 'POST',
      url: `/api/referrals/${referral.id}/stays`,
      payload: { ...hold, featureOverride: { reason } },
    });
    assert.equal(booked.statusCode, 201, booked.body);
    assert.deepEqual(booked.json().requiredFeatures, ['secured_unit']);
    assert.equal(booked.json().featureOverride.reason, reason);
    assert.ok(booked.json().featureOverride.by, 'who decided is kept');

    const stays = (await t.inject({ method: 'GET', url: `/api/referrals/${referral.id}/stays` })).json();
    assert.equal(stays[0].featureOverrideReason, reason);
    const audited = await t.database.db
      .selectFrom('audit_event')
      .select(['action', 'user_id'])
      .where('entity', '=', 'stay')
      .where('record_id', '=', booked.json().id)
      .execute();
    assert.ok(
      audited.some((event) => event.action === 'create' && event.user_id),
      'the booking with its override is in the audit log',
    );

    // The override was for that room: moving to another plain room is refused again.
    const moved = await t.inject({ method: 'POST', url: `/api/stays/${booked.json().id}/move`, payload: { unitId: otherPlainUnit } });
    assert.equal(moved.statusCode, 409, moved.body);
    assert.equal(moved.json().code, 'unit_lacks_features');
    const options = (await t.inject({ method: 'GET', url: `/api/stays/${booked.json().id}/move-options` })).json();
    assert.ok(
      options.every((option: { unitId: string }) => option.unitId !== otherPlainUnit),
      'move options give what the guest needs',
    );
  });

  it('refuses a referral or a stay longer than half a year, and says why', async () => {
    const long = await refer({ wishedDeparture: addDays(arrival, 400) });
    assert.equal(long.statusCode, 400);
    const error = long.json().errors.find((e: { field: string }) => e.field === 'wishedDeparture');
    assert.equal(error.code, 'stay_too_long');
    assert.match(error.detail, new RegExp(`hoogstens ${MAX_STAY_NIGHTS} nachten`));

    const referral = await triaged({});
    const booked = await t.inject({
      method: 'POST',
      url: `/api/referrals/${referral.id}/stays`,
      payload: { unitId: otherPlainUnit, stayType: 'respite', arrival, departure, status: 'confirmed' },
    });
    assert.equal(booked.statusCode, 201, booked.body);
    const extended = await t.inject({
      method: 'PATCH',
      url: `/api/stays/${booked.json().id}/dates`,
      payload: { departure: addDays(arrival, MAX_STAY_NIGHTS + 1) },
    });
    assert.equal(extended.statusCode, 400, extended.body);
    assert.equal(extended.json().errors[0].code, 'stay_too_long');
  });

  it("warns before booking past the municipality's entitlements; only an administrator sets them", async () => {
    const municipality = pc4Area('3262')!.municipality;
    const entitlement = { municipality, crisisMaxNights: 14, respiteNightsPerYear: 5 };
    const byCoordinator = await t.inject({ method: 'PUT', url: '/api/entitlements', payload: entitlement });
    assert.equal(byCoordinator.statusCode, 403);
    const admin = await t.signIn('administrator');
    const unknown = await t.inject(
      { method: 'PUT', url: '/api/entitlements', payload: { ...entitlement, municipality: 'Atlantis' } },
      admin,
    );
    assert.equal(unknown.statusCode, 400);
    assert.equal((await t.inject({ method: 'PUT', url: '/api/entitlements', payload: entitlement }, admin)).statusCode, 200);

    const referral = await triaged({});
    const proposals = (await t.inject({ method: 'GET', url: `/api/referrals/${referral.id}/proposals` })).json();
    assert.equal(proposals.warnings.length, 1);
    assert.equal(proposals.warnings[0].code, 'respite_nights_over_year');
    assert.match(proposals.warnings[0].text, new RegExp(`boven de 5 nachten per jaar die de gemeente ${municipality} betaalt`));
    assert.ok(proposals.proposals.length > 0, 'a warning, not a refusal');
  });

  it("says at intake that a home lies outside every region, and offers the nearest regions' places, marked", async () => {
    const referral = await triaged({}, '9901 AA');
    assert.equal(referral.outsideEveryRegion, true);
    const proposals = (await t.inject({ method: 'GET', url: `/api/referrals/${referral.id}/proposals` })).json();
    assert.equal(proposals.outsideEveryRegion, true);
    assert.ok(proposals.proposals.length > 0);
    assert.ok(
      proposals.proposals.every(
        (p: { outsideRegion: boolean; reasons: { code: string }[] }) =>
          p.outsideRegion && p.reasons.some((r) => r.code === 'outside_region'),
      ),
    );
    const inside = await refer();
    assert.equal(inside.json().outsideEveryRegion, false);
  });
});
