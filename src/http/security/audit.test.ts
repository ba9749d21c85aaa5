import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { InjectOptions } from 'fastify';
import { sql } from 'kysely';
import { insertUser } from '../../data/account.repository.ts';
import type { Role } from '../../domain/roles.ts';
import { hashPassword } from '../../services/auth/password-hash.ts';
import { aClient, aLocation, aRegion, aUnit, inDays, organisationOf } from '../../testing/fixtures.ts';
import { type SessionHeaders, type TestApp, createTestApp } from '../../testing/test-app.ts';
import { CSRF_HEADER, SESSION_COOKIE } from './session-cookie.ts';

/**
 * NEN 7513: every read and change of personal data leaves exactly one audit_event row saying who (user, role,
 * organisation), what (action, entity, record), about whom (client), why (purpose), how it ended and from where.
 */
type AuditRule = { entity: string; action: string; purpose: string };
const rule = (entity: string, action: string, purpose: string): AuditRule => ({ entity, action, purpose });

/** Operations that show or change personal data, with what their audit row must say. */
const AUDITED: Record<string, AuditRule> = {
  'POST /api/clients': rule('client', 'create', 'care_coordination'),
  'GET /api/clients/{id}': rule('client', 'read', 'care_coordination'),
  'GET /api/clients/{id}/export': rule('client', 'export', 'data_subject_request'),
  'DELETE /api/clients/{id}': rule('client', 'anonymise', 'data_subject_request'),
  'POST /api/referrals': rule('referral', 'create', 'care_coordination'),
  'GET /api/referrals': rule('referral', 'read', 'care_coordination'),
  'GET /api/referrals/{id}': rule('referral', 'read', 'care_coordination'),
  'GET /api/referrals/{id}/history': rule('referral', 'read', 'care_coordination'),
  'GET /api/referrals/{id}/stays': rule('referral', 'read', 'care_coordination'),
  'PATCH /api/referrals/{id}': rule('referral', 'update', 'care_coordination'),
  'POST /api/referrals/{id}/appointments': rule('referral', 'update', 'care_coordination'),
  'GET /api/referrals/{id}/appointments': rule('referral', 'read', 'care_coordination'),
  'POST /api/appointments/{id}/cancel': rule('referral', 'update', 'care_coordination'),
  'GET /api/provider/appointments': rule('referral', 'read', 'care_delivery'),
  'POST /api/referrals/{id}/close': rule('referral', 'update', 'care_coordination'),
  'POST /api/public/requests': rule('referral', 'create', 'care_coordination'),
  'POST /api/referrals/{id}/triage': rule('referral', 'create', 'care_coordination'),
  'GET /api/referrals/{id}/triage': rule('referral', 'read', 'care_coordination'),
  'POST /api/referrals/{id}/triage/overrides': rule('referral', 'update', 'care_coordination'),
  'GET /api/referrals/{id}/proposals': rule('referral', 'read', 'care_coordination'),
  'GET /api/allocations/batch': rule('referral', 'read', 'care_coordination'),
  'POST /api/allocations/batch': rule('stay', 'create', 'care_coordination'),
  'POST /api/referrals/{id}/stays': rule('stay', 'create', 'care_coordination'),
  'GET /api/tasks': rule('task', 'read', 'care_coordination'),
  'POST /api/tasks/{id}/done': rule('task', 'update', 'care_coordination'),
  'POST /api/public/surveys/{token}': rule('survey', 'update', 'care_coordination'),
  'POST /api/stays': rule('stay', 'create', 'care_coordination'),
  'GET /api/stays/{id}': rule('stay', 'read', 'care_coordination'),
  'GET /api/stays/{id}/costs': rule('stay', 'read', 'care_coordination'),
  'GET /api/stays/{id}/handover': rule('stay', 'read', 'care_delivery'),
  'GET /api/provider/movements': rule('stay', 'read', 'care_delivery'),
  'GET /api/provider/placements': rule('stay', 'read', 'care_delivery'),
  'POST /api/locations/{id}/closures/check': rule('stay', 'read', 'care_delivery'),
  'POST /api/stays/{id}/accept': rule('stay', 'update', 'care_coordination'),
  'POST /api/stays/{id}/decline': rule('stay', 'update', 'care_coordination'),
  'GET /api/claims': rule('stay', 'export', 'care_coordination'),
  'GET /api/claims.csv': rule('stay', 'export', 'care_coordination'),
  'POST /api/referrals/{id}/wait': rule('referral', 'update', 'care_coordination'),
  'GET /api/waiting-list': rule('referral', 'read', 'care_coordination'),
  'GET /api/notifications': rule('referral', 'read', 'care_coordination'),
  'GET /api/public/status/{token}': rule('referral', 'read', 'care_coordination'),
  'GET /api/public/status/{token}/stays/{stayId}/calendar.ics': rule('referral', 'export', 'care_coordination'),
  'POST /api/public/status/{token}/withdraw': rule('referral', 'update', 'care_coordination'),
  'POST /api/public/status/{token}/change': rule('referral', 'update', 'care_coordination'),
  'POST /api/public/status/{token}/check-in': rule('referral', 'create', 'care_coordination'),
  'PUT /api/public/status/{token}/check-in-preference': rule('referral', 'update', 'care_coordination'),
  'GET /api/clients/{id}/caregiver-contact': rule('caregiver_contact', 'read', 'care_coordination'),
  'PUT /api/clients/{id}/caregiver-contact': rule('caregiver_contact', 'update', 'care_coordination'),
  'POST /api/clients/{id}/check-ins': rule('caregiver_contact', 'create', 'care_coordination'),
  'GET /api/check-ins': rule('caregiver_contact', 'read', 'care_coordination'),
  'POST /fhir/R4/ServiceRequest': rule('referral', 'create', 'care_coordination'),
  'GET /fhir/R4/ServiceRequest/{id}': rule('referral', 'read', 'care_coordination'),
  'PUT /fhir/R4/ServiceRequest/{id}': rule('referral', 'update', 'care_coordination'),
  'GET /fhir/R4/Task': rule('referral', 'read', 'care_coordination'),
  'GET /fhir/R4/Task/{id}': rule('referral', 'read', 'care_coordination'),
  'GET /fhir/R4/Appointment': rule('referral', 'read', 'care_coordination'),
  'GET /api/admin/api-clients': rule('api_client', 'read', 'account_management'),
  'POST /api/admin/api-clients': rule('api_client', 'create', 'account_management'),
  'DELETE /api/admin/api-clients/{id}': rule('api_client', 'update', 'account_management'),
  'GET /api/stays/{id}/calendar.ics': rule('stay', 'export', 'care_coordination'),
  'POST /api/stays/{id}/confirm': rule('stay', 'update', 'care_coordination'),
  'POST /api/stays/{id}/arrive': rule('stay', 'update', 'care_coordination'),
  'POST /api/stays/{id}/depart': rule('stay', 'update', 'care_coordination'),
  'POST /api/stays/{id}/no-show': rule('stay', 'update', 'care_coordination'),
  'POST /api/stays/{id}/cancel': rule('stay', 'update', 'care_coordination'),
  'PATCH /api/stays/{id}/dates': rule('stay', 'update', 'care_coordination'),
  'POST /api/stays/{id}/move': rule('stay', 'update', 'care_coordination'),
  'GET /api/stays/{id}/move-options': rule('stay', 'read', 'care_coordination'),
  'POST /api/series': rule('series', 'create', 'care_coordination'),
  'POST /api/admin/users': rule('user', 'create', 'account_management'),
  'PATCH /api/admin/users/{id}': rule('user', 'update', 'account_management'),
  'POST /api/admin/role-grants/{id}/approve': rule('user', 'update', 'account_management'),
  'POST /api/admin/role-grants/{id}/reject': rule('user', 'update', 'account_management'),
  'GET /api/admin/audit': rule('audit', 'read', 'accountability'),
  'GET /api/admin/audit.csv': rule('audit', 'export', 'accountability'),
  'GET /api/admin/clients/{id}/access-report': rule('audit', 'export', 'data_subject_request'),
  // Registry changes name no person; the database records them all the same (0017_registry_admin.sql).
  'POST /api/regions': rule('registry', 'create', 'registry_management'),
  'PATCH /api/regions/{regionId}': rule('registry', 'update', 'registry_management'),
  'POST /api/organisations': rule('registry', 'create', 'registry_management'),
  'PATCH /api/organisations/{id}': rule('registry', 'update', 'registry_management'),
  'POST /api/locations': rule('registry', 'create', 'registry_management'),
  'PATCH /api/locations/{id}': rule('registry', 'update', 'registry_management'),
  'POST /api/locations/{id}/confirm': rule('registry', 'update', 'registry_management'),
  'POST /api/locations/{id}/units': rule('registry', 'create', 'registry_management'),
  'PATCH /api/units/{id}': rule('registry', 'update', 'registry_management'),
  'POST /api/units/{id}/retire': rule('registry', 'update', 'registry_management'),
  'POST /api/locations/{id}/tariffs': rule('registry', 'create', 'registry_management'),
  'POST /api/locations/{id}/photos': rule('registry', 'update', 'registry_management'),
  'DELETE /api/locations/{id}/photos/{photoId}': rule('registry', 'delete', 'registry_management'),
  'POST /api/co-payment-rules': rule('registry', 'create', 'registry_management'),
  'POST /api/regions/{regionId}/yearly-costs': rule('registry', 'create', 'registry_management'),
  'POST /api/yearly-costs/{id}/end': rule('registry', 'update', 'registry_management'),
  'PUT /api/entitlements': rule('registry', 'create', 'registry_management'),
  'POST /api/admin/import/beds': rule('registry', 'create', 'registry_management'),
};

/** Operations without an audit row of their own, and why that is right. */
const NOT_AUDITED: Record<string, string> = {
  'GET /api/regions': 'public registry',
  'GET /fhir/R4/metadata': 'what the FHIR endpoint supports',
  'GET /fhir/R4/Organization': 'public registry',
  'GET /fhir/R4/Organization/{id}': 'public registry',
  'GET /fhir/R4/Location': 'registry and bed states, no person',
  'GET /fhir/R4/Location/{id}': 'registry and bed states, no person',
  'GET /fhir/R4/HealthcareService': 'public registry',
  'GET /fhir/R4/HealthcareService/{id}': 'public registry',
  'GET /fhir/R4/MeasureReport': 'counts of beds, no person',
  'GET /fhir/R4/Schedule/{id}': 'registry, no person',
  'GET /fhir/R4/Slot': 'bed states, no person',
  'GET /fhir/R4/MeasureReport/{id}': 'counts of beds, no person',
  'GET /api/coordinators': "names of the central point's staff, no client data",
  'GET /api/regions/{regionId}/locations': 'public registry',
  'GET /api/locations/{id}': 'public registry',
  'GET /api/locations/{id}/photos/{photoId}': 'public registry',
  'GET /api/admin/municipalities': 'the postcode table, no person',
  'GET /api/admin/municipalities/{name}/postcodes': 'the postcode table, no person',
  'GET /api/regions/{regionId}/admin': 'registry, no person',
  'GET /api/organisations': 'registry: organisations and their business contact',
  'GET /api/admin/locations': 'registry, no person',
  'GET /api/locations/{id}/tariffs': 'registry, no person',
  'GET /api/co-payment-rules': 'amounts per municipality, no person',
  'GET /api/regions/{regionId}/yearly-costs': 'amounts per region, no person',
  'GET /api/entitlements': 'limits per municipality, no person',
  'GET /api/locations/{id}/week': 'free / limited / full per night, no stay or person',
  'GET /api/locations/{id}/month': 'free / limited / full per night, no stay or person',
  'GET /api/public/locations': 'locations near a postcode, free / limited / full per week, no stay or person',
  'GET /api/health': 'alive, no data',
  'GET /api/ready': 'database, migrations and read model state, no data',
  'GET /api/public/access-point': "the access point's own phone and hours",
  'PUT /api/admin/access-point': "the access point's own phone and hours; recorded by no trigger, it names no person",
  'GET /api/public/support': 'information about services, no person',
  'POST /api/support': 'information about services, no person',
  'PUT /api/support/{id}': 'information about services, no person',
  'DELETE /api/support/{id}': 'information about services, no person',
  'POST /api/units/{id}/closures': 'capacity, no person',
  'DELETE /api/closures/{id}': 'capacity, no person',
  'POST /api/locations/{id}/closures': 'capacity, no person',
  'POST /api/locations/{id}/reopen': 'capacity, no person',
  'POST /api/locations/{id}/not-admitting': 'capacity, no person',
  'POST /api/locations/{id}/not-admitting/extend': 'capacity, no person',
  'GET /api/provider/overview': 'own locations, units, closures and tariffs; no person',
  'GET /api/availability/search': 'public availability',
  'GET /api/availability/grid': 'occupancy with stay ids at most, no person',
  'POST /api/series/preview': 'checks dates against capacity, shows no person',
  'POST /api/auth/login': 'recorded as login / login_failed by the route itself',
  'GET /api/auth/session': 'own session',
  'POST /api/auth/second-factor': 'own session',
  'POST /api/auth/totp/setup': 'own session',
  'POST /api/auth/totp/confirm': 'own session',
  'POST /api/auth/logout': 'recorded as logout by the route itself',
  'POST /api/auth/logout-everywhere': 'recorded as logout by the route itself',
  'POST /api/auth/password-reset': 'no personal data in the answer',
  'POST /api/auth/password': 'own account',
  'GET /api/admin/users': 'staff accounts, no client data',
  'GET /api/admin/mail': 'development mail of staff accounts',
  'GET /api/policy/stays-by-origin': 'aggregated, small cells suppressed',
  'GET /api/policy/monitor': 'aggregated, small cells suppressed',
  'GET /api/policy/monitor.csv': 'aggregated, small cells suppressed',
  'GET /api/policy/demand': 'aggregated, small cells suppressed',
  'GET /api/policy/demand.csv': 'aggregated, small cells suppressed',
  'GET /api/policy/capacity': 'aggregated; model figures, small cells suppressed',
  'GET /api/policy/capacity.csv': 'aggregated; model figures, small cells suppressed',
  'GET /api/policy/mkba': 'aggregated, fewer than 5 guests gives no figures',
  'GET /api/policy/mkba.csv': 'aggregated, fewer than 5 guests gives no figures',
  'GET /api/policy/mkba/pilot-2019': 'the published figures of three pilot regions, no personal data',
  'GET /api/triage/questionnaire': 'the questionnaire itself, no person',
  'GET /api/public/surveys/{token}': 'questions and the place of the stay, no person',
  'POST /api/notifications/{id}/read': 'own messages',
};

/** Actions recorded by the database in the transaction of the change (0006_change_audit.sql). */
const CHANGE_ACTIONS = new Set(['create', 'update', 'delete', 'anonymise']);

interface Person {
  headers: SessionHeaders;
  userId: string;
  email: string;
  role: Role;
  organisationId: string | null;
}

describe('audit trail of personal data', () => {
  let t: TestApp;
  let regionId: string;
  let organisationId: string;
  let otherOrganisationId: string;
  let unitId: string;
  let otherUnitId: string;
  let seriesUnitId: string;
  let clientId: string;
  let coordinator: Person;
  let planner: Person;
  let administrator: Person;
  let addressNumber = 0;

  const db = () => t.database.db;
  /** A distinct client address per request: it must land in the row, and sign-in limits count per address. */
  const nextAddress = () => {
    addressNumber++;
    return `192.0.2.${addressNumber % 250}`;
  };

  const isPerson = (value: Person | SessionHeaders): value is Person =>
    typeof value.userId === 'string' && typeof value.headers === 'object';

  async function person(role: Role, organisation: string | null = null): Promise<Person> {
    const headers = await t.signIn(role, organisation);
    const session = (await t.inject({ method: 'GET', url: '/api/auth/session' }, headers)).json();
    return { headers, userId: session.user.id, email: session.user.email, role, organisationId: session.user.organisationId };
  }

  const lastEventId = async () =>
    Number((await db().selectFrom('audit_event').select(sql<string>`coalesce(max(id), 0)`.as('id')).executeTakeFirstOrThrow()).id);
  const eventsAfter = (id: number) =>
    db()
      .selectFrom('audit_event')
      .selectAll()
      .where('id', '>', String(id) as never)
      .orderBy('id')
      .execute();

  /** Sends the request and returns the response with the one audit row it wrote (failing when there is not exactly one). */
  async function withAudit(request: InjectOptions, as: Person | SessionHeaders | 'anonymous', expectedRows = 1) {
    const before = await lastEventId();
    const remoteAddress = nextAddress();
    const headers = as === 'anonymous' ? 'anonymous' : isPerson(as) ? as.headers : as;
    const response = await t.inject({ ...request, remoteAddress }, headers);
    const rows = await eventsAfter(before);
    assert.equal(
      rows.length,
      expectedRows,
      `${request.method} ${request.url} (${response.statusCode}) wrote ${rows.length} audit rows: ${JSON.stringify(rows)}`,
    );
    for (const row of rows) assert.equal(row.ip, remoteAddress);
    const row = rows[0]!;
    assert.ok(Math.abs(row.at.getTime() - Date.now()) < 60_000, 'the event has the time of the request');
    return { response, row, rows };
  }

  type Row = Awaited<ReturnType<typeof eventsAfter>>[number];

  function assertRow(
    row: Row,
    expected: {
      who: Person | null;
      operation: string;
      recordId: string | null;
      clientId: string | null;
      outcome: 'success' | 'denied' | 'failed';
      httpStatus: number;
    },
  ) {
    const audit = AUDITED[expected.operation];
    assert.ok(audit, `no audit rule for ${expected.operation} in AUDITED`);
    assert.deepEqual(
      {
        user_id: row.user_id,
        user_email: row.user_email,
        role: row.role,
        organisation_id: row.organisation_id,
        action: row.action,
        entity: row.entity,
        record_id: row.record_id,
        client_id: row.client_id,
        purpose: row.purpose,
        outcome: row.outcome,
        http_status: row.http_status,
      },
      {
        user_id: expected.who?.userId ?? null,
        user_email: expected.who?.email ?? null,
        role: expected.who?.role ?? null,
        organisation_id: expected.who?.organisationId ?? null,
        action: audit.action,
        entity: audit.entity,
        record_id: expected.recordId,
        client_id: expected.clientId,
        // A change that went through is recorded by the database inside its transaction, before any status exists.
        purpose: audit.purpose,
        outcome: expected.outcome,
        http_status: CHANGE_ACTIONS.has(audit.action) && expected.outcome === 'success' ? null : expected.httpStatus,
      },
      expected.operation,
    );
  }

  async function aStay(status: 'hold' | 'confirmed', arrival: number, unit = unitId): Promise<string> {
    const response = await t.inject({
      method: 'POST',
      url: '/api/stays',
      payload: { unitId: unit, clientId, stayType: 'respite', arrival: inDays(arrival), departure: inDays(arrival + 2), status },
    });
    assert.equal(response.statusCode, 201, response.body);
    return response.json().id;
  }

  before(async () => {
    t = await createTestApp();
    regionId = await aRegion(db());
    const locationId = await aLocation(db(), regionId);
    const otherLocationId = await aLocation(db(), regionId);
    organisationId = await organisationOf(db(), locationId);
    otherOrganisationId = await organisationOf(db(), otherLocationId);
    unitId = await aUnit(db(), locationId);
    otherUnitId = await aUnit(db(), locationId);
    seriesUnitId = await aUnit(db(), locationId);
    clientId = await aClient(db(), 'Audit de Cliënt');
    coordinator = await person('coordinator');
    planner = await person('provider_planner', organisationId);
    administrator = await person('administrator');
  });
  after(() => t.close());

  it('has a decision for every route in openapi.json, and the app audits exactly the routes in AUDITED', async () => {
    const paths = (await t.inject({ method: 'GET', url: '/api/openapi.json' }, 'anonymous')).json().paths as Record<
      string,
      Record<string, unknown>
    >;
    const operations = Object.entries(paths).flatMap(([path, item]) =>
      Object.keys(item).map((method) => `${method.toUpperCase()} ${path}`),
    );
    const undecided = operations.filter((operation) => !(operation in AUDITED) && !(operation in NOT_AUDITED));
    assert.deepEqual(undecided, [], `routes with no audit decision: ${undecided.join(', ')}`);
    const stale = [...Object.keys(AUDITED), ...Object.keys(NOT_AUDITED)].filter((operation) => !operations.includes(operation));
    assert.deepEqual(stale, [], `decisions for routes that do not exist: ${stale.join(', ')}`);

    // The audit hook writes a row (with an HTTP status) for every answer of an audited route, even a refusal:
    // one request per route shows which routes really carry a rule.
    const wrong: string[] = [];
    for (const operation of operations) {
      const [method, path] = operation.split(' ') as ['GET', string];
      const before = await lastEventId();
      const response = await t.inject(
        {
          method,
          url: path.replace('{regionId}', regionId).replace('{id}', randomUUID()),
          remoteAddress: nextAddress(),
          ...(method === 'GET' || method === 'DELETE' ? {} : { payload: {} }),
          // A fresh session each time: the sign-out routes end the one they are called with.
        },
        await t.signIn(path.startsWith('/api/admin/') ? 'administrator' : 'coordinator'),
      );
      // Refused here (no body, wrong ids): the hook's row, with a status, shows the route carries a rule.
      const hookRows = (await eventsAfter(before)).filter((row) => row.http_status !== null);
      const audited = hookRows.length > 0;
      if (audited !== operation in AUDITED) wrong.push(`${operation} (${response.statusCode}): ${audited ? 'audited' : 'not audited'}`);
      if (hookRows.length > 1) wrong.push(`${operation}: ${hookRows.length} rows for one request`);
    }
    assert.deepEqual(wrong, [], `\n${wrong.join('\n')}`);
  });

  describe('successful reads and changes', () => {
    it('clients: create, read, export, erase', async () => {
      const created = await withAudit(
        { method: 'POST', url: '/api/clients', payload: { name: 'Nieuwe Cliënt', dateOfBirth: '1937-05-04', pc4: '3262' } },
        coordinator,
      );
      assert.equal(created.response.statusCode, 201, created.response.body);
      const newId = created.response.json().id;
      assertRow(created.row, {
        who: coordinator,
        operation: 'POST /api/clients',
        recordId: newId,
        clientId: newId,
        outcome: 'success',
        httpStatus: 201,
      });

      const read = await withAudit({ method: 'GET', url: `/api/clients/${newId}` }, coordinator);
      assertRow(read.row, {
        who: coordinator,
        operation: 'GET /api/clients/{id}',
        recordId: newId,
        clientId: newId,
        outcome: 'success',
        httpStatus: 200,
      });

      const exported = await withAudit({ method: 'GET', url: `/api/clients/${newId}/export` }, coordinator);
      assert.equal(exported.response.statusCode, 200, exported.response.body);
      assertRow(exported.row, {
        who: coordinator,
        operation: 'GET /api/clients/{id}/export',
        recordId: newId,
        clientId: newId,
        outcome: 'success',
        httpStatus: 200,
      });

      const erased = await withAudit({ method: 'DELETE', url: `/api/clients/${newId}` }, coordinator);
      assert.equal(erased.response.statusCode, 200, erased.response.body);
      assertRow(erased.row, {
        who: coordinator,
        operation: 'DELETE /api/clients/{id}',
        recordId: newId,
        clientId: newId,
        outcome: 'success',
        httpStatus: 200,
      });
    });

    it('stays: create, confirm, move and change dates by the central point', async () => {
      const created = await withAudit(
        {
          method: 'POST',
          url: '/api/stays',
          payload: { unitId, clientId, stayType: 'respite', arrival: inDays(10), departure: inDays(13), status: 'hold' },
        },
        coordinator,
      );
      assert.equal(created.response.statusCode, 201, created.response.body);
      const stayId = created.response.json().id;
      assertRow(created.row, {
        who: coordinator,
        operation: 'POST /api/stays',
        recordId: stayId,
        clientId,
        outcome: 'success',
        httpStatus: 201,
      });

      const steps: [string, InjectOptions][] = [
        ['POST /api/stays/{id}/confirm', { method: 'POST', url: `/api/stays/${stayId}/confirm`, payload: {} }],
        ['PATCH /api/stays/{id}/dates', { method: 'PATCH', url: `/api/stays/${stayId}/dates`, payload: { departure: inDays(14) } }],
        ['POST /api/stays/{id}/move', { method: 'POST', url: `/api/stays/${stayId}/move`, payload: { unitId: otherUnitId } }],
        ['GET /api/stays/{id}', { method: 'GET', url: `/api/stays/${stayId}` }],
      ];
      for (const [operation, request] of steps) {
        const { response, row } = await withAudit(request, coordinator);
        assert.equal(response.statusCode, 200, `${operation}: ${response.body}`);
        assertRow(row, { who: coordinator, operation, recordId: stayId, clientId, outcome: 'success', httpStatus: 200 });
      }
    });

    it("stays: read, arrive, depart, no-show and cancel by a provider's planner, with its organisation", async () => {
      const arriving = await aStay('confirmed', 0);
      const noShow = await aStay('confirmed', 3);
      const cancelled = await aStay('hold', 6);
      const steps: [string, string, InjectOptions][] = [
        ['GET /api/stays/{id}', arriving, { method: 'GET', url: `/api/stays/${arriving}` }],
        ['POST /api/stays/{id}/arrive', arriving, { method: 'POST', url: `/api/stays/${arriving}/arrive`, payload: {} }],
        ['POST /api/stays/{id}/depart', arriving, { method: 'POST', url: `/api/stays/${arriving}/depart`, payload: {} }],
        ['POST /api/stays/{id}/no-show', noShow, { method: 'POST', url: `/api/stays/${noShow}/no-show`, payload: {} }],
        [
          'POST /api/stays/{id}/cancel',
          cancelled,
          { method: 'POST', url: `/api/stays/${cancelled}/cancel`, payload: { reason: 'Cliënt opgenomen in ziekenhuis' } },
        ],
      ];
      for (const [operation, stayId, request] of steps) {
        const { response, row } = await withAudit(request, planner);
        assert.equal(response.statusCode, 200, `${operation}: ${response.body}`);
        assertRow(row, { who: planner, operation, recordId: stayId, clientId, outcome: 'success', httpStatus: 200 });
        assert.equal(row.organisation_id, organisationId);
      }
    });

    it('series: a row for the series and one for each of its stays, all naming the client', async () => {
      const { response, row, rows } = await withAudit(
        {
          method: 'POST',
          url: '/api/series',
          payload: {
            clientId,
            unitId: seriesUnitId,
            stayType: 'respite',
            rrule: 'FREQ=WEEKLY;COUNT=3',
            firstArrival: inDays(30),
            nights: 2,
          },
        },
        coordinator,
        4,
      );
      assert.equal(response.statusCode, 201, response.body);
      assertRow(row, {
        who: coordinator,
        operation: 'POST /api/series',
        recordId: response.json().seriesId,
        clientId,
        outcome: 'success',
        httpStatus: 201,
      });
      const stayRows = rows.slice(1);
      assert.deepEqual(
        stayRows.map((r) => r.record_id).sort(),
        response
          .json()
          .stays.map((stay: { id: string }) => stay.id)
          .sort(),
      );
      for (const stayRow of stayRows) {
        assert.deepEqual(
          [stayRow.entity, stayRow.action, stayRow.client_id, stayRow.user_id],
          ['stay', 'create', clientId, coordinator.userId],
        );
      }
    });

    it('accounts: invite and change', async () => {
      const invited = await withAudit(
        {
          method: 'POST',
          url: '/api/admin/users',
          payload: { email: `nieuw-${randomUUID()}@zorg.example`, name: 'Nieuwe Planner', role: 'provider_planner', organisationId },
        },
        administrator,
      );
      assert.equal(invited.response.statusCode, 201, invited.response.body);
      const userId = invited.response.json().id;
      assertRow(invited.row, {
        who: administrator,
        operation: 'POST /api/admin/users',
        recordId: userId,
        clientId: null,
        outcome: 'success',
        httpStatus: 201,
      });

      const changed = await withAudit({ method: 'PATCH', url: `/api/admin/users/${userId}`, payload: { disabled: true } }, administrator);
      assert.equal(changed.response.statusCode, 200, changed.response.body);
      assertRow(changed.row, {
        who: administrator,
        operation: 'PATCH /api/admin/users/{id}',
        recordId: userId,
        clientId: null,
        outcome: 'success',
        httpStatus: 200,
      });
    });

    it('the audit log itself: search, CSV export and the access report are audited too', async () => {
      const searched = await withAudit({ method: 'GET', url: `/api/admin/audit?clientId=${clientId}&limit=50` }, administrator);
      assert.equal(searched.response.statusCode, 200, searched.response.body);
      assertRow(searched.row, {
        who: administrator,
        operation: 'GET /api/admin/audit',
        recordId: null,
        clientId,
        outcome: 'success',
        httpStatus: 200,
      });

      const csv = await withAudit({ method: 'GET', url: `/api/admin/audit.csv?clientId=${clientId}` }, administrator);
      assert.equal(csv.response.statusCode, 200, csv.response.body);
      assert.match(csv.response.headers['content-type'] ?? '', /^text\/csv/);
      assertRow(csv.row, {
        who: administrator,
        operation: 'GET /api/admin/audit.csv',
        recordId: null,
        clientId,
        outcome: 'success',
        httpStatus: 200,
      });

      const report = await withAudit({ method: 'GET', url: `/api/admin/clients/${clientId}/access-report` }, administrator);
      assert.equal(report.response.statusCode, 200, report.response.body);
      assertRow(report.row, {
        who: administrator,
        operation: 'GET /api/admin/clients/{id}/access-report',
        recordId: clientId,
        clientId,
        outcome: 'success',
        httpStatus: 200,
      });
      // The report answers the access request: the planner's reads and changes of this client's stays are in it.
      const events = report.response.json() as { userId: string; entity: string; action: string }[];
      assert.ok(events.some((e) => e.userId === planner.userId && e.entity === 'stay' && e.action === 'read'));
      assert.ok(events.some((e) => e.userId === coordinator.userId && e.entity === 'series' && e.action === 'create'));
    });
  });

  describe('refused and failed attempts', () => {
    it("a planner of another organisation asking for a stay: 404 as for nothing, denied in the client's report", async () => {
      const stayId = await aStay('confirmed', 50);
      const outsider = await person('provider_planner', otherOrganisationId);
      for (const [operation, request] of [
        ['GET /api/stays/{id}', { method: 'GET', url: `/api/stays/${stayId}` }],
        ['POST /api/stays/{id}/cancel', { method: 'POST', url: `/api/stays/${stayId}/cancel`, payload: { reason: 'Niet van ons' } }],
      ] as const) {
        const { response, row } = await withAudit(request, outsider);
        assert.equal(response.statusCode, 404);
        assertRow(row, { who: outsider, operation, recordId: stayId, clientId, outcome: 'denied', httpStatus: 404 });
      }
    });

    it('a role without the right: denied, 403', async () => {
      const referrer = await person('referrer', otherOrganisationId);
      const read = await withAudit({ method: 'GET', url: `/api/clients/${clientId}` }, referrer);
      assert.equal(read.response.statusCode, 403);
      assertRow(read.row, {
        who: referrer,
        operation: 'GET /api/clients/{id}',
        recordId: clientId,
        clientId,
        outcome: 'denied',
        httpStatus: 403,
      });

      const policy = await person('policy_viewer');
      const series = await withAudit(
        {
          method: 'POST',
          url: '/api/series',
          payload: {
            clientId,
            unitId: seriesUnitId,
            stayType: 'respite',
            rrule: 'FREQ=WEEKLY;COUNT=2',
            firstArrival: inDays(90),
            nights: 2,
          },
        },
        policy,
      );
      assert.equal(series.response.statusCode, 403, series.response.body);
      assert.equal(series.response.json().code, 'forbidden');
      assert.equal(series.row.outcome, 'denied');
      assert.equal(series.row.user_id, policy.userId);
      assert.equal(series.row.entity, 'series');

      const audit = await withAudit({ method: 'GET', url: `/api/admin/audit?clientId=${clientId}` }, coordinator);
      assert.equal(audit.response.statusCode, 403);
      assertRow(audit.row, {
        who: coordinator,
        operation: 'GET /api/admin/audit',
        recordId: null,
        clientId,
        outcome: 'denied',
        httpStatus: 403,
      });
    });

    it('no session: denied, 401, nobody named', async () => {
      const { response, row } = await withAudit({ method: 'GET', url: `/api/clients/${clientId}` }, 'anonymous');
      assert.equal(response.statusCode, 401);
      assertRow(row, { who: null, operation: 'GET /api/clients/{id}', recordId: clientId, clientId, outcome: 'denied', httpStatus: 401 });
    });

    it('a change without the CSRF token: denied, 403', async () => {
      const { response, row } = await withAudit(
        { method: 'POST', url: `/api/clients`, payload: { name: 'Vervalst' } },
        { cookie: coordinator.headers.cookie! },
      );
      assert.equal(response.json().code, 'csrf_failed');
      assertRow(row, {
        who: coordinator,
        operation: 'POST /api/clients',
        recordId: null,
        clientId: null,
        outcome: 'denied',
        httpStatus: 403,
      });
    });

    it('a request that cannot be carried out: failed, with its status', async () => {
      const invalid = await withAudit({ method: 'POST', url: '/api/stays', payload: { unitId, clientId } }, coordinator);
      assertRow(invalid.row, {
        who: coordinator,
        operation: 'POST /api/stays',
        recordId: null,
        clientId: null,
        outcome: 'failed',
        httpStatus: 400,
      });
      const missing = randomUUID();
      const unknown = await withAudit({ method: 'GET', url: `/api/clients/${missing}` }, coordinator);
      assertRow(unknown.row, {
        who: coordinator,
        operation: 'GET /api/clients/{id}',
        recordId: missing,
        clientId: missing,
        outcome: 'failed',
        httpStatus: 404,
      });
      const blocked = await withAudit({ method: 'DELETE', url: `/api/clients/${clientId}` }, coordinator);
      assert.equal(blocked.response.statusCode, 409, blocked.response.body);
      assertRow(blocked.row, {
        who: coordinator,
        operation: 'DELETE /api/clients/{id}',
        recordId: clientId,
        clientId,
        outcome: 'failed',
        httpStatus: 409,
      });
    });

    it('a malformed id is kept as given, without breaking the trail', async () => {
      for (const id of ['not-a-uuid', 'x'.repeat(100), '\u0000', 'a\u0000b', '%00', "1' OR '1'='1", 'é🙂']) {
        const { response, row } = await withAudit({ method: 'GET', url: `/api/clients/${encodeURIComponent(id)}` }, coordinator);
        assert.equal(response.statusCode, 400, `${id}: ${response.body}`);
        assert.match(response.headers['content-type'] ?? '', /^application\/problem\+json/);
        assert.equal(row.outcome, 'failed');
        assert.equal(row.client_id, null, 'only a real uuid goes in the client column');
        assert.ok(row.record_id !== null && row.record_id.length <= 100);
        assert.equal(row.record_id, id.replaceAll('\u0000', '\uFFFD'));
      }
      // An id longer than the router takes is refused before any route runs: no data, so nothing to record.
      const before = await lastEventId();
      const tooLong = await t.inject({ method: 'GET', url: `/api/clients/${'x'.repeat(150)}` });
      assert.equal(tooLong.statusCode, 414);
      assert.match(tooLong.headers['content-type'] ?? '', /^application\/problem\+json/);
      assert.deepEqual(await eventsAfter(before), []);
    });
  });

  describe('signing in and out', () => {
    const PASSWORD = 'correct paard batterij nietje';
    let account: Person & { password: string };

    before(async () => {
      const email = `inlog-${randomUUID()}@zorg.example`;
      const user = await insertUser(db(), {
        email,
        name: 'Inlog Test',
        role: 'policy_viewer',
        organisationId: null,
        passwordHash: await hashPassword(PASSWORD),
      });
      account = { headers: {}, userId: user.id, email, role: 'policy_viewer', organisationId: null, password: PASSWORD };
    });

    const login = async (email: string, password: string) => {
      const before = await lastEventId();
      const remoteAddress = nextAddress();
      const response = await t.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password }, remoteAddress }, 'anonymous');
      const rows = await eventsAfter(before);
      assert.equal(rows.length, 1, `login wrote ${rows.length} rows`);
      assert.equal(rows[0]!.ip, remoteAddress);
      return { response, row: rows[0]! };
    };

    it('records a sign-in with who it was', async () => {
      const { response, row } = await login(account.email, PASSWORD);
      assert.equal(response.statusCode, 200, response.body);
      assert.deepEqual(
        {
          user_id: row.user_id,
          user_email: row.user_email,
          role: row.role,
          action: row.action,
          entity: row.entity,
          outcome: row.outcome,
          purpose: row.purpose,
          client_id: row.client_id,
        },
        {
          user_id: account.userId,
          user_email: account.email,
          role: 'policy_viewer',
          action: 'login',
          entity: 'session',
          outcome: 'success',
          purpose: 'account_management',
          client_id: null,
        },
      );

      // And the sign-out with the same session.
      const cookie = response.cookies.find((c) => c.name === SESSION_COOKIE)!;
      const headers = { cookie: `${SESSION_COOKIE}=${cookie.value}`, [CSRF_HEADER]: response.json().csrfToken };
      const before = await lastEventId();
      assert.equal((await t.inject({ method: 'POST', url: '/api/auth/logout', payload: {} }, headers)).statusCode, 204);
      const [logout, ...more] = await eventsAfter(before);
      assert.equal(more.length, 0);
      assert.equal(logout?.action, 'logout');
      assert.equal(logout?.user_id, account.userId);
    });

    it('records a wrong password against the account, and an unknown address by the address given', async () => {
      const wrong = await login(account.email, 'dit is het wachtwoord niet');
      assert.equal(wrong.response.statusCode, 401);
      assert.deepEqual(
        {
          user_id: wrong.row.user_id,
          user_email: wrong.row.user_email,
          action: wrong.row.action,
          outcome: wrong.row.outcome,
          entity: wrong.row.entity,
        },
        { user_id: account.userId, user_email: account.email, action: 'login_failed', outcome: 'denied', entity: 'session' },
      );
      const unknownEmail = `niemand-${randomUUID()}@zorg.example`;
      const unknown = await login(unknownEmail, PASSWORD);
      assert.equal(unknown.response.statusCode, 401);
      // The same answer as a wrong password, so it does not tell whether the address has an account.
      const withoutInstance = (response: { json(): unknown }) => ({ ...(response.json() as object), instance: null });
      assert.deepEqual(withoutInstance(unknown.response), withoutInstance(wrong.response));
      assert.deepEqual(
        { user_id: unknown.row.user_id, user_email: unknown.row.user_email, action: unknown.row.action, outcome: unknown.row.outcome },
        { user_id: null, user_email: unknownEmail, action: 'login_failed', outcome: 'denied' },
      );
    });
  });

  describe('the table itself', () => {
    it('refuses UPDATE, DELETE and TRUNCATE, also of a single row', async () => {
      const count = async () =>
        Number((await db().selectFrom('audit_event').select(sql<string>`count(*)`.as('n')).executeTakeFirstOrThrow()).n);
      const before = await count();
      assert.ok(before > 0);
      const newest = await lastEventId();
      const attempts = [
        sql`UPDATE audit_event SET outcome = 'success', user_id = NULL`,
        sql`UPDATE audit_event SET record_id = 'rewritten' WHERE id = ${newest}`,
        sql`DELETE FROM audit_event`,
        sql`DELETE FROM audit_event WHERE id = ${newest}`,
        sql`TRUNCATE audit_event`,
        sql`TRUNCATE TABLE audit_event RESTART IDENTITY CASCADE`,
      ];
      for (const attempt of attempts) {
        await assert.rejects(attempt.execute(db()), /append-only/, attempt.compile(db()).sql);
      }
      await assert.rejects(
        db().updateTable('audit_event').set({ outcome: 'success' }).where('outcome', '=', 'denied').execute(),
        /append-only/,
      );
      await assert.rejects(
        db()
          .deleteFrom('audit_event')
          .where('id', '=', String(newest) as never)
          .execute(),
        /append-only/,
      );
      assert.equal(await count(), before);
      const row = await db()
        .selectFrom('audit_event')
        .selectAll()
        .where('id', '=', String(newest) as never)
        .executeTakeFirstOrThrow();
      assert.notEqual(row.record_id, 'rewritten');
    });
  });
});
