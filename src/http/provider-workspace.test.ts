import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { InjectOptions } from 'fastify';
import { sql } from 'kysely';
import { aClient, aLocation, aRegion, aUnit, inDays, organisationOf, triageAnswers } from '../testing/fixtures.ts';
import { type SessionHeaders, type TestApp, createTestApp } from '../testing/test-app.ts';
import { appClock } from '../clock.ts';

/**
 * The provider's workspace on a real database: two providers in one region. A's planner works with A's locations,
 * guests and closures only; B's answer like records that do not exist. The central point may read and help.
 */
describe("the provider's workspace", () => {
  let t: TestApp;
  let regionId: string;
  const a = { organisationId: '', locationId: '', unitId: '', secondUnitId: '', retiredUnitId: '' };
  const b = { organisationId: '', locationId: '', unitId: '', clientId: '', stayId: '', closureId: '' };
  let plannerA: SessionHeaders;
  let plannerB: SessionHeaders;
  let coordinator: SessionHeaders;

  const call = (request: InjectOptions, as?: SessionHeaders) => t.inject(request, as);
  /** A problem document without the address it echoes: what must be the same for a foreign and an unknown id. */
  const withoutInstance = (response: { json(): unknown }) => ({ ...(response.json() as object), instance: '' });

  async function aStay(unitId: string, clientId: string, arrival: string, departure: string, status: 'hold' | 'confirmed' = 'confirmed') {
    const response = await call({
      method: 'POST',
      url: '/api/stays',
      payload: { unitId, clientId, stayType: 'respite', arrival, departure, status },
    });
    assert.equal(response.statusCode, 201, response.body);
    return response.json().id as string;
  }

  before(async () => {
    t = await createTestApp();
    const db = t.database.db;
    regionId = await aRegion(db);
    await db.insertInto('region_postcode').values({ pc4: '3262', region_id: regionId }).execute();
    a.locationId = await aLocation(db, regionId, { name: 'Wijkpension Alfa', features: ['wheelchair_accessible'] });
    b.locationId = await aLocation(db, regionId, { name: 'Logeerhuis Bravo' });
    a.organisationId = await organisationOf(db, a.locationId);
    b.organisationId = await organisationOf(db, b.locationId);
    a.unitId = await aUnit(db, a.locationId, { name: 'Kamer 1' });
    a.secondUnitId = await aUnit(db, a.locationId, { name: 'Kamer 2', reservedFor: 'respite' });
    a.retiredUnitId = await aUnit(db, a.locationId, { name: 'Kamer 3', activeFrom: inDays(-400), activeUntil: inDays(-10) });
    b.unitId = await aUnit(db, b.locationId, { name: 'Kamer Bravo' });
    b.clientId = await aClient(db, 'Bertus Bravo');
    b.stayId = await aStay(b.unitId, b.clientId, appClock().today(), inDays(3));
    const closureOfB = await call({
      method: 'POST',
      url: `/api/units/${b.unitId}/closures`,
      payload: { startsOn: inDays(20), endsOn: inDays(22), reason: 'maintenance', note: 'Schilderwerk Bravo' },
    });
    b.closureId = closureOfB.json().id;
    await db
      .insertInto('location_tariff')
      .values([
        {
          location_id: a.locationId,
          stay_type: 'respite',
          housing_cents: 5000,
          stay_cents: 4000,
          care_cents: 6000,
          valid_from: inDays(-100),
        },
        { location_id: a.locationId, stay_type: 'crisis_wmo', stay_cents: 20000, valid_from: inDays(-500), valid_until: inDays(-100) },
        { location_id: b.locationId, stay_type: 'respite', stay_cents: 24930, valid_from: inDays(-100) },
      ])
      .execute();
    [plannerA, plannerB, coordinator] = await Promise.all([
      t.signIn('provider_planner', a.organisationId),
      t.signIn('provider_planner', b.organisationId),
      t.signIn('coordinator'),
    ]);
  });
  after(() => t.close());

  const lastAuditId = async () =>
    Number((await t.database.db.selectFrom('audit_event').select(sql<string>`coalesce(max(id), 0)`.as('id')).executeTakeFirstOrThrow()).id);
  const auditAfter = (id: number) =>
    t.database.db
      .selectFrom('audit_event')
      .selectAll()
      .where('id', '>', String(id) as never)
      .orderBy('id')
      .execute();

  describe('overview of locations, units, closures and tariffs', () => {
    it("shows A's planner A's locations only, with units, closures ahead and current tariffs", async () => {
      const response = await call({ method: 'GET', url: '/api/provider/overview' }, plannerA);
      assert.equal(response.statusCode, 200, response.body);
      const overview = response.json();
      assert.deepEqual(
        overview.locations.map((l: { name: string }) => l.name),
        ['Wijkpension Alfa'],
      );
      const [location] = overview.locations;
      assert.deepEqual(location.features, ['wheelchair_accessible']);
      assert.deepEqual(
        location.units.map((u: { name: string }) => u.name),
        ['Kamer 1', 'Kamer 2', 'Kamer 3'],
      );
      assert.equal(location.units[1].reservedFor, 'respite');
      assert.deepEqual(
        location.tariffs.map((tariff: { stayType: string; housingCents: number }) => [tariff.stayType, tariff.housingCents]),
        [['respite', 5000]],
        'the tariff that ended is history',
      );
      assert.ok(!response.body.includes('Bravo'), response.body);
    });

    it('lets the central point see every provider, or pick one; a planner cannot pick another', async () => {
      const all = (await call({ method: 'GET', url: '/api/provider/overview' }, coordinator)).json();
      assert.deepEqual(
        all.locations.map((l: { name: string }) => l.name),
        ['Logeerhuis Bravo', 'Wijkpension Alfa'],
      );
      const onlyB = (await call({ method: 'GET', url: `/api/provider/overview?organisationId=${b.organisationId}` }, coordinator)).json();
      assert.deepEqual(
        onlyB.locations.map((l: { name: string }) => l.name),
        ['Logeerhuis Bravo'],
      );
      assert.equal(onlyB.locations[0].closures[0].note, 'Schilderwerk Bravo');

      const other = await call({ method: 'GET', url: `/api/provider/overview?organisationId=${b.organisationId}` }, plannerA);
      const unknown = await call({ method: 'GET', url: `/api/provider/overview?organisationId=${randomUUID()}` }, plannerA);
      assert.equal(other.statusCode, 404);
      assert.deepEqual(withoutInstance(other), withoutInstance(unknown));
      assert.ok(!other.body.includes('Bravo'));
    });

    it('is not for referrers or policy staff', async () => {
      for (const role of ['referrer', 'policy_viewer'] as const) {
        const response = await call(
          { method: 'GET', url: '/api/provider/overview' },
          await t.signIn(role, role === 'referrer' ? a.organisationId : null),
        );
        assert.equal(response.statusCode, 403, role);
      }
    });
  });

  describe("the day's arrivals and departures", () => {
    let arriving: string;
    let leaving: string;
    let clientId: string;

    before(async () => {
      clientId = await aClient(t.database.db, 'Annie Alfa');
      arriving = await aStay(a.unitId, clientId, appClock().today(), inDays(4));
      // The API books nothing in the past; a stay that began before today is put in the database directly.
      leaving = (
        await t.database.db
          .insertInto('stay')
          .values({
            unit_id: a.secondUnitId,
            client_id: await aClient(t.database.db, 'Piet Alfa'),
            stay_type: 'respite',
            arrival: inDays(-5),
            departure: appClock().today(),
            status: 'confirmed',
          })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
      await aStay(a.secondUnitId, clientId, inDays(30), inDays(31), 'hold');
    });

    it('lists who comes and who leaves today, with the name and the buttons that apply', async () => {
      const response = await call({ method: 'GET', url: '/api/provider/movements' }, plannerA);
      assert.equal(response.statusCode, 200, response.body);
      const day = response.json();
      assert.equal(day.date, appClock().today());
      assert.equal(day.locations.length, 1);
      const [location] = day.locations;
      assert.deepEqual(
        location.arrivals.map((m: { stayId: string; clientName: string; unitName: string; actions: string[] }) => [
          m.stayId,
          m.clientName,
          m.unitName,
          m.actions,
        ]),
        [[arriving, 'Annie Alfa', 'Kamer 1', ['arrive', 'no_show']]],
      );
      // Booked but never recorded as arrived: the desk records the arrival first.
      assert.deepEqual(
        location.departures.map((m: { stayId: string; actions: string[] }) => [m.stayId, m.actions]),
        [[leaving, ['arrive']]],
      );
      assert.ok(!response.body.includes('Bertus'), "B's guest arrives today too, elsewhere");
    });

    it('follows what the desk records with the existing transitions', async () => {
      assert.equal((await call({ method: 'POST', url: `/api/stays/${arriving}/arrive`, payload: {} }, plannerA)).statusCode, 200);
      assert.equal((await call({ method: 'POST', url: `/api/stays/${leaving}/arrive`, payload: {} }, plannerA)).statusCode, 200);
      const [location] = (await call({ method: 'GET', url: '/api/provider/movements' }, plannerA)).json().locations;
      assert.deepEqual(
        location.arrivals.map((m: { status: string; actions: string[] }) => [m.status, m.actions]),
        [['arrived', []]],
      );
      assert.deepEqual(
        location.departures.map((m: { status: string; actions: string[] }) => [m.status, m.actions]),
        [['arrived', ['depart']]],
      );
    });

    it('shows another day on request, and the whole region to the central point', async () => {
      const later = (await call({ method: 'GET', url: `/api/provider/movements?date=${inDays(4)}` }, plannerA)).json();
      assert.deepEqual(
        later.locations[0].departures.map((m: { stayId: string }) => m.stayId),
        [arriving],
      );
      const region = (await call({ method: 'GET', url: '/api/provider/movements' }, coordinator)).json();
      assert.deepEqual(
        region.locations.map((l: { locationName: string; arrivals: unknown[] }) => [l.locationName, l.arrivals.length]),
        [
          ['Logeerhuis Bravo', 1],
          ['Wijkpension Alfa', 1],
        ],
      );
      const wrong = await call({ method: 'GET', url: '/api/provider/movements?date=2027-02-30' }, plannerA);
      assert.equal(wrong.statusCode, 400);
      assert.equal(wrong.json().errors[0].field, 'date');
    });

    it('is audited as a read for care delivery by the planner of A', async () => {
      const before = await lastAuditId();
      const shown = (await call({ method: 'GET', url: '/api/provider/movements' }, plannerA))
        .json()
        .locations.flatMap((location: { arrivals: { clientId: string }[]; departures: { clientId: string }[] }) =>
          [...location.arrivals, ...location.departures].map((stay) => stay.clientId),
        );
      const rows = await auditAfter(before);
      // One row per guest the list shows, so each lands in that guest's access report.
      assert.deepEqual(rows.map((row) => row.client_id).sort(), [...new Set(shown)].sort());
      for (const row of rows) {
        assert.deepEqual(
          [row.entity, row.action, row.purpose, row.role, row.organisation_id, row.outcome],
          ['stay', 'read', 'care_delivery', 'provider_planner', a.organisationId, 'success'],
        );
      }
    });
  });

  describe('the handover of a stay', () => {
    let stayId: string;
    let clientId: string;

    before(async () => {
      const created = await call({
        method: 'POST',
        url: '/api/referrals',
        payload: {
          kind: 'respite_once',
          referrerKind: 'casemanager_dementia',
          client: { name: 'Jannie de Wit', dateOfBirth: '1938-06-12', postcode: '3262 GD', bsn: '111222333', phone: '0612345678' },
          caregiver: { name: 'Kees de Wit', relation: 'child', phone: '06 98765432' },
          consent: { given: true, by: 'Jannie de Wit' },
          message: 'Vertrouwelijk bericht aan het aanmeldpunt',
          providerNote: 'Slechtziend: spreek haar aan voor u haar aanraakt',
        },
      });
      assert.equal(created.statusCode, 201, created.body);
      const referralId = created.json().id;
      const triaged = await call({
        method: 'POST',
        url: `/api/referrals/${referralId}/triage`,
        payload: {
          answers: triageAnswers({
            mobility: 'wheelchair',
            dementia: 'moderate',
            wandering: true,
            night_care: 'nursing',
            nursing_acts: ['wound_care'],
            diet: 'Glutenvrij',
            ...{ burden_tired: '2', burden_worry: '2' },
          }),
        },
      });
      assert.equal(triaged.statusCode, 201, triaged.body);
      const booked = await call({
        method: 'POST',
        url: `/api/referrals/${referralId}/stays`,
        payload: {
          unitId: a.unitId,
          stayType: 'respite',
          arrival: inDays(40),
          departure: inDays(47),
          status: 'confirmed',
          // The room lacks some of what she needs: the coordinator books it anyway, and the handover tells the staff.
          featureOverride: { reason: 'Enige plek dichtbij; dochter waakt de eerste nachten' },
        },
      });
      assert.equal(booked.statusCode, 201, booked.body);
      stayId = booked.json().id;
      clientId = booked.json().clientId;
    });

    it('gives the staff the stay, the guest, the caregiver and the care needs from triage', async () => {
      const response = await call({ method: 'GET', url: `/api/stays/${stayId}/handover` }, plannerA);
      assert.equal(response.statusCode, 200, response.body);
      const handover = response.json();
      assert.deepEqual(handover.guest, { name: 'Jannie de Wit', dateOfBirth: '1938-06-12' });
      assert.deepEqual(
        [handover.stayType, handover.arrival, handover.departure, handover.status],
        ['respite', inDays(40), inDays(47), 'confirmed'],
      );
      assert.deepEqual(handover.caregiver, { name: 'Kees de Wit', relation: 'child', phone: '06 98765432', email: null });
      assert.equal(handover.note, 'Slechtziend: spreek haar aan voor u haar aanraakt');
      assert.equal(handover.unit.name, 'Kamer 1');
      assert.equal(handover.location.name, 'Wijkpension Alfa');
      const care = handover.care;
      assert.deepEqual(
        [care.mobility, care.adlDependency, care.dementia, care.wandering, care.nightCare, care.diet],
        ['wheelchair', 'partial', 'moderate', true, 'nursing', 'Glutenvrij'],
      );
      assert.deepEqual(care.nursingActs, ['wound_care']);
      assert.deepEqual(care.requiredFeatures, ['dementia_specialised', 'nursing_24h', 'secured_unit', 'wheelchair_accessible']);
      assert.deepEqual(care.contraIndications, ['wandering_needs_secured_unit', 'needs_24h_nursing']);
      // The location is wheelchair accessible; the rest is not there, and the staff should know before the guest comes.
      assert.deepEqual(care.missingFeatures, ['dementia_specialised', 'nursing_24h', 'secured_unit']);
    });

    it("leaves out what is not the provider's business", async () => {
      const body = (await call({ method: 'GET', url: `/api/stays/${stayId}/handover` }, plannerA)).body;
      for (const secret of ['111222333', '0612345678', 'Vertrouwelijk', 'burden', 'urgency', 'financing', 'casemanager']) {
        assert.ok(!body.includes(secret), `the handover contains "${secret}"`);
      }
    });

    it('follows the triagist when the features were overridden', async () => {
      const stay = (await call({ method: 'GET', url: `/api/stays/${stayId}` })).json();
      const override = await call({
        method: 'POST',
        url: `/api/referrals/${stay.referralId}/triage/overrides`,
        payload: { topic: 'features', value: ['wheelchair_accessible'], reason: 'Overleg met casemanager: mild beloop' },
      });
      assert.equal(override.statusCode, 200, override.body);
      const care = (await call({ method: 'GET', url: `/api/stays/${stayId}/handover` }, plannerA)).json().care;
      assert.deepEqual([care.requiredFeatures, care.featuresSetByTriagist, care.missingFeatures], [['wheelchair_accessible'], true, []]);
    });

    it('has only the stay and the guest when the stay did not come from a triaged referral', async () => {
      const handover = (await call({ method: 'GET', url: `/api/stays/${b.stayId}/handover` }, plannerB)).json();
      assert.deepEqual([handover.guest.name, handover.referral, handover.caregiver, handover.care], ['Bertus Bravo', null, null, null]);
    });

    it('is audited as a read for care delivery, naming the stay and the client', async () => {
      const before = await lastAuditId();
      await call({ method: 'GET', url: `/api/stays/${stayId}/handover` }, plannerA);
      const rows = await auditAfter(before);
      assert.equal(rows.length, 1);
      assert.deepEqual(
        [rows[0]!.entity, rows[0]!.action, rows[0]!.purpose, rows[0]!.record_id, rows[0]!.client_id, rows[0]!.organisation_id],
        ['stay', 'read', 'care_delivery', stayId, clientId, a.organisationId],
      );
    });

    it('stops showing care needs and the caregiver once the guest will not come', async () => {
      const other = await call({ method: 'GET', url: `/api/stays/${stayId}` });
      const cancelled = await call(
        { method: 'POST', url: `/api/stays/${stayId}/cancel`, payload: { reason: 'Gast blijft toch thuis' } },
        plannerA,
      );
      assert.equal(cancelled.statusCode, 200, cancelled.body);
      const handover = (await call({ method: 'GET', url: `/api/stays/${stayId}/handover` }, plannerA)).json();
      assert.deepEqual(
        [handover.guest.name, handover.status, handover.withheld, handover.care, handover.caregiver, handover.note],
        ['Jannie de Wit', 'cancelled', 'not_coming', null, null, null],
      );
      assert.equal(other.json().referralId, handover.referral.id);
    });

    it("answers B's planner exactly as for a stay that does not exist, and lets the central point read", async () => {
      const foreign = await call({ method: 'GET', url: `/api/stays/${stayId}/handover` }, plannerB);
      const unknown = await call({ method: 'GET', url: `/api/stays/${randomUUID()}/handover` }, plannerB);
      assert.equal(foreign.statusCode, 404);
      assert.deepEqual(withoutInstance(foreign), withoutInstance(unknown));
      assert.ok(!foreign.body.includes('Jannie') && !foreign.body.includes('Alfa'));
      assert.equal((await call({ method: 'GET', url: `/api/stays/${stayId}/handover` }, coordinator)).statusCode, 200);
    });
  });

  describe('proposed placements: the provider accepts or declines', () => {
    async function aProposal(name: string, arrival: number) {
      const created = await call({
        method: 'POST',
        url: '/api/referrals',
        payload: {
          kind: 'respite_once',
          referrerKind: 'gp',
          client: { name, dateOfBirth: '1941-01-01', postcode: '3262 GD' },
          consent: { given: true, by: name },
        },
      });
      const referralId = created.json().id as string;
      await call({ method: 'POST', url: `/api/referrals/${referralId}/triage`, payload: { answers: triageAnswers() } });
      const held = await call({
        method: 'POST',
        url: `/api/referrals/${referralId}/stays`,
        payload: {
          unitId: a.unitId,
          stayType: 'respite',
          arrival: inDays(arrival),
          departure: inDays(arrival + 3),
          status: 'hold',
          holdMinutes: 240,
        },
      });
      assert.equal(held.statusCode, 201, held.body);
      return { referralId, stayId: held.json().id as string, reference: created.json().reference as string };
    }

    it("lists the places held at A's locations for A's planner only, with the time to answer", async () => {
      const proposal = await aProposal('Aart Aanbod', 120);
      const listed = (await call({ method: 'GET', url: '/api/provider/placements' }, plannerA)).json();
      const mine = listed.find((p: { stayId: string }) => p.stayId === proposal.stayId);
      assert.deepEqual(
        [mine.clientName, mine.reference, mine.unitName, mine.arrival],
        ['Aart Aanbod', proposal.reference, 'Kamer 1', inDays(120)],
      );
      assert.ok(Date.parse(mine.answerBefore) > appClock().now().getTime() + 3 * 3_600_000);
      assert.ok(
        !(await call({ method: 'GET', url: '/api/provider/placements' }, plannerB))
          .json()
          .some((p: { stayId: string }) => p.stayId === proposal.stayId),
      );
      assert.equal((await call({ method: 'POST', url: `/api/stays/${proposal.stayId}/accept` }, plannerB)).statusCode, 404);
    });

    it('books the place when A accepts; the referral is booked', async () => {
      const proposal = await aProposal('Bep Bevestigd', 130);
      const accepted = await call({ method: 'POST', url: `/api/stays/${proposal.stayId}/accept` }, plannerA);
      assert.equal(accepted.statusCode, 200, accepted.body);
      assert.equal(accepted.json().status, 'confirmed');
      assert.equal((await call({ method: 'GET', url: `/api/referrals/${proposal.referralId}` })).json().status, 'booked');
      assert.equal(
        (await call({ method: 'POST', url: `/api/stays/${proposal.stayId}/accept` }, plannerA)).statusCode,
        409,
        'only a proposal can be accepted',
      );
    });

    it('frees the place when A declines, and gives the referral back to the central point with the reason', async () => {
      const proposal = await aProposal('Cor Cancel', 140);
      assert.equal(
        (await call({ method: 'POST', url: `/api/stays/${proposal.stayId}/decline`, payload: {} }, plannerA)).statusCode,
        400,
        'a reason is needed',
      );
      const declined = await call(
        { method: 'POST', url: `/api/stays/${proposal.stayId}/decline`, payload: { reason: 'Tillift is die week in onderhoud' } },
        plannerA,
      );
      assert.equal(declined.statusCode, 200, declined.body);
      assert.deepEqual(
        [declined.json().status, declined.json().cancelReason],
        ['cancelled', 'Afgewezen door de zorgaanbieder: Tillift is die week in onderhoud'],
      );
      assert.equal((await call({ method: 'GET', url: `/api/referrals/${proposal.referralId}` })).json().status, 'triaged');
      const notices = (await call({ method: 'GET', url: '/api/notifications' }, coordinator)).json();
      const told = notices.find((n: { title: string }) => n.title === `Plaatsing afgewezen: aanmelding ${proposal.reference}`);
      assert.match(told.body, /Reden: Tillift is die week in onderhoud/);
    });
  });

  describe('closing units and stopping admissions', () => {
    const gridOf = async (locationId: string, from: string, to: string) => {
      const response = await call(
        { method: 'GET', url: `/api/availability/grid?regionId=${regionId}&from=${from}&to=${to}&locationId=${locationId}` },
        coordinator,
      );
      assert.equal(response.statusCode, 200, response.body);
      return response.json().units as { unitId: string; states: string[] }[];
    };

    it('stops admissions at a whole location in one go: one closure per unit in use, shown on the board', async () => {
      const guest = await aStay(a.secondUnitId, await aClient(t.database.db, 'Gast Tijdens Stop'), inDays(60), inDays(63));
      const response = await call(
        {
          method: 'POST',
          url: `/api/locations/${a.locationId}/closures`,
          payload: { units: 'all', startsOn: inDays(61), endsOn: inDays(68), reason: 'admission_stop', note: 'Griepuitbraak' },
        },
        plannerA,
      );
      assert.equal(response.statusCode, 201, response.body);
      const closures = response.json().closures as { unitId: string; affectedStayIds: string[] }[];
      assert.deepEqual(closures.map((c) => c.unitId).sort(), [a.unitId, a.secondUnitId].sort(), 'the retired unit has nothing to close');
      assert.deepEqual(closures.find((c) => c.unitId === a.secondUnitId)!.affectedStayIds, [guest]);
      assert.equal((await call({ method: 'GET', url: `/api/stays/${guest}` })).json().status, 'confirmed', 'the planned guest is kept');

      const grid = await gridOf(a.locationId, inDays(61), inDays(68));
      for (const unitId of [a.unitId, a.secondUnitId]) {
        assert.deepEqual(
          [...new Set(grid.find((u) => u.unitId === unitId)!.states)].filter((s) => s !== 'booked'),
          ['closed'],
          unitId,
        );
      }

      const [location] = (await call({ method: 'GET', url: '/api/provider/overview' }, plannerA)).json().locations;
      const stop = location.closures.find((c: { note: string }) => c.note === 'Griepuitbraak');
      assert.deepEqual(
        [stop.wholeLocation, stop.reason, stop.closureIds.length, stop.startsOn, stop.endsOn],
        [true, 'admission_stop', 2, inDays(61), inDays(68)],
      );

      const reopened = await call(
        { method: 'POST', url: `/api/locations/${a.locationId}/reopen`, payload: { closureIds: stop.closureIds } },
        plannerA,
      );
      assert.equal(reopened.statusCode, 204, reopened.body);
      const after = await gridOf(a.locationId, inDays(61), inDays(68));
      assert.ok(after.every((u) => !u.states.includes('closed')));
    });

    it('asks before closing over booked guests: moves one to a free unit of its own, and tells the central point of the other', async () => {
      const first = await aStay(a.unitId, await aClient(t.database.db, 'Eerste Gast'), inDays(90), inDays(93));
      const second = await aStay(a.unitId, await aClient(t.database.db, 'Tweede Gast'), inDays(94), inDays(96));
      const body = { units: [a.unitId], startsOn: inDays(90), endsOn: inDays(97), reason: 'maintenance', note: 'Nieuwe vloer' };
      const check = await call({ method: 'POST', url: `/api/locations/${a.locationId}/closures/check`, payload: body }, plannerA);
      assert.equal(check.statusCode, 200, check.body);
      const guests = check.json() as { stayId: string; guestName: string; moveTo: { unitId: string }[] }[];
      assert.deepEqual(
        guests.map((g) => [g.stayId, g.guestName]),
        [
          [first, 'Eerste Gast'],
          [second, 'Tweede Gast'],
        ],
      );
      assert.ok(
        guests[0]!.moveTo.some((option) => option.unitId === a.secondUnitId),
        'the free room of the same provider',
      );
      assert.ok(
        guests.every((g) => g.moveTo.every((option) => option.unitId !== a.unitId && option.unitId !== b.unitId)),
        'not the closing unit, not another provider',
      );
      assert.equal(
        (await t.database.db.selectFrom('unit_closure').select('id').where('note', '=', 'Nieuwe vloer').execute()).length,
        0,
        'the check closes nothing',
      );

      const wrong = await call(
        {
          method: 'POST',
          url: `/api/locations/${a.locationId}/closures`,
          payload: { ...body, moves: [{ stayId: first, unitId: a.unitId }] },
        },
        plannerA,
      );
      assert.equal(wrong.statusCode, 400);
      assert.deepEqual(
        wrong.json().errors.map((e: { field: string; code: string }) => [e.field, e.code]),
        [['moves.0.unitId', 'unit_closing']],
      );

      const closed = await call(
        {
          method: 'POST',
          url: `/api/locations/${a.locationId}/closures`,
          payload: { ...body, moves: [{ stayId: first, unitId: a.secondUnitId }] },
        },
        plannerA,
      );
      assert.equal(closed.statusCode, 201, closed.body);
      assert.deepEqual(closed.json().closures[0].affectedStayIds, [second]);
      assert.equal((await call({ method: 'GET', url: `/api/stays/${first}` })).json().unitId, a.secondUnitId);
      const told = (await call({ method: 'GET', url: '/api/notifications' }, coordinator))
        .json()
        .filter((n: { stayId: string; title: string }) => n.stayId === second && n.title.startsWith('Gast geboekt in een gesloten plek'));
      assert.equal(told.length, 1);
      assert.match(told[0].body, /Kamer 1 van Wijkpension Alfa is dicht/);
    });

    it('closes one chosen unit for next week', async () => {
      const response = await call(
        {
          method: 'POST',
          url: `/api/locations/${a.locationId}/closures`,
          payload: { units: [a.unitId], startsOn: inDays(7), endsOn: inDays(14), reason: 'maintenance', note: 'Nieuwe vloer' },
        },
        plannerA,
      );
      assert.equal(response.statusCode, 201, response.body);
      const grid = await gridOf(a.locationId, inDays(7), inDays(14));
      assert.deepEqual(grid.find((u) => u.unitId === a.unitId)!.states, Array(7).fill('closed'));
      assert.ok(!grid.find((u) => u.unitId === a.secondUnitId)!.states.includes('closed'));
      const group = (await call({ method: 'GET', url: '/api/provider/overview' }, plannerA))
        .json()
        .locations[0].closures.find((c: { note: string }) => c.note === 'Nieuwe vloer');
      assert.equal(group.wholeLocation, false);
    });

    it('names every mistake beside its field at once, in plain words, and closes nothing', async () => {
      const before = await t.database.db.selectFrom('unit_closure').select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow();
      const response = await call(
        {
          method: 'POST',
          url: `/api/locations/${a.locationId}/closures`,
          payload: { units: [a.unitId], startsOn: inDays(14), endsOn: inDays(7), reason: 'maintenance', note: ' ' },
        },
        plannerA,
      );
      assert.equal(response.statusCode, 400);
      const errors = response.json().errors as { field: string; code: string; detail: string }[];
      assert.deepEqual(errors.map((e) => [e.field, e.code]).sort(), [
        ['endsOn', 'ends_before_start'],
        ['note', 'too_short'],
      ]);
      assert.equal(errors.find((e) => e.field === 'endsOn')!.detail, 'Kies een datum na de eerste dag dat het dicht is.');

      const past = await call(
        {
          method: 'POST',
          url: `/api/locations/${a.locationId}/closures`,
          payload: { units: 'all', startsOn: inDays(-1), endsOn: inDays(2), reason: 'other', note: 'Te laat' },
          headers: { 'accept-language': 'en' },
        },
        plannerA,
      );
      assert.deepEqual(
        past.json().errors.map((e: { field: string; detail: string }) => [e.field, e.detail]),
        [['startsOn', 'This date is in the past.']],
      );

      const foreignUnit = await call(
        {
          method: 'POST',
          url: `/api/locations/${a.locationId}/closures`,
          payload: { units: [a.unitId, b.unitId], startsOn: inDays(5), endsOn: inDays(6), reason: 'other', note: 'Verkeerde kamer' },
        },
        plannerA,
      );
      assert.equal(foreignUnit.statusCode, 400);
      assert.deepEqual(
        foreignUnit.json().errors.map((e: { field: string; code: string }) => [e.field, e.code]),
        [['units.1', 'unknown_unit']],
      );
      const afterwards = await t.database.db
        .selectFrom('unit_closure')
        .select(sql<number>`count(*)::int`.as('n'))
        .executeTakeFirstOrThrow();
      assert.equal(afterwards.n, before.n);
    });

    it("keeps A's planner away from B's location and closures, as if they did not exist, and changes nothing", async () => {
      const closuresBefore = await t.database.db.selectFrom('unit_closure').selectAll().orderBy('id').execute();
      const attempts: [string, (id: string) => InjectOptions][] = [
        [
          'close',
          (id) => ({
            method: 'POST',
            url: `/api/locations/${id}/closures`,
            payload: { units: 'all', startsOn: inDays(5), endsOn: inDays(6), reason: 'other', note: 'Van A' },
          }),
        ],
        ['reopen', (id) => ({ method: 'POST', url: `/api/locations/${id}/reopen`, payload: { closureIds: [b.closureId] } })],
      ];
      for (const [name, request] of attempts) {
        const foreign = await call(request(b.locationId), plannerA);
        const unknown = await call(request(randomUUID()), plannerA);
        assert.equal(foreign.statusCode, 404, `${name}: ${foreign.body}`);
        assert.deepEqual(withoutInstance(foreign), withoutInstance(unknown), name);
        assert.ok(!foreign.body.includes('Bravo') && !foreign.body.includes(b.organisationId), name);
      }
      // B's closure named through A's own location: all or nothing, and nothing it is.
      const own = (
        await call(
          {
            method: 'POST',
            url: `/api/locations/${a.locationId}/closures`,
            payload: { units: [a.secondUnitId], startsOn: inDays(90), endsOn: inDays(91), reason: 'other', note: 'Eigen' },
          },
          plannerA,
        )
      ).json();
      const mixed = await call(
        { method: 'POST', url: `/api/locations/${a.locationId}/reopen`, payload: { closureIds: [own.closures[0].id, b.closureId] } },
        plannerA,
      );
      assert.equal(mixed.statusCode, 404);
      assert.equal(mixed.json().code, 'not_found');
      const closuresAfter = await t.database.db.selectFrom('unit_closure').selectAll().orderBy('id').execute();
      assert.deepEqual(
        closuresAfter.filter((c) => c.id !== own.closures[0].id),
        closuresBefore,
      );
      assert.ok(
        closuresAfter.some((c) => c.id === own.closures[0].id),
        'not even its own closure was reopened',
      );
    });

    it('lets the central point stop admissions anywhere', async () => {
      const response = await call(
        {
          method: 'POST',
          url: `/api/locations/${b.locationId}/closures`,
          payload: {
            units: 'all',
            startsOn: inDays(100),
            endsOn: inDays(101),
            reason: 'admission_stop',
            note: 'Op verzoek van de aanbieder',
          },
        },
        coordinator,
      );
      assert.equal(response.statusCode, 201, response.body);
      const reopen = await call(
        {
          method: 'POST',
          url: `/api/locations/${b.locationId}/reopen`,
          payload: { closureIds: response.json().closures.map((c: { id: string }) => c.id) },
        },
        coordinator,
      );
      assert.equal(reopen.statusCode, 204);
    });
  });
});
