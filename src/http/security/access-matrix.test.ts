import assert from 'node:assert/strict';
import { randomBytes, randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import Fastify, { type InjectOptions, type LightMyRequestResponse } from 'fastify';
import { insertUser } from '../../data/account.repository.ts';
import type { SessionStage } from '../../data/schema.ts';
import { ROLES, type Role } from '../../domain/roles.ts';
import { sessionHeaders } from '../../testing/sessions.ts';
import { aClient, aLocation, aRegion, aUnit, inDays, organisationOf } from '../../testing/fixtures.ts';
import { type SessionHeaders, type TestApp, createTestApp } from '../../testing/test-app.ts';
import { accessControl } from './access.ts';
import { CSRF_HEADER, SESSION_COOKIE } from './session-cookie.ts';

/**
 * Who may call what, decided per operation by hand from what the product should allow, not read from the code.
 * Every operation in /api/openapi.json must have a line here: a new route without a decision fails the suite.
 *
 * - PUBLIC: anyone, also without signing in (the public availability calendar, sign-in itself).
 * - ANY_SESSION: anyone signed in, also halfway through the second factor (to finish signing in, or to leave).
 * - roles(...): a fully signed-in person with one of these roles.
 *
 * Policy staff see occupancy, never people; administrators manage accounts and the audit log, not care; referrers
 * search and watch the board but book through the central point; a provider's planner keeps its own units and
 * records what happens on site; the central point (coordinator) plans for the whole region.
 */
type Decision = 'public' | 'any_session' | readonly Role[];
const PUBLIC = 'public' as const;
const ANY_SESSION = 'any_session' as const;
const roles = (...allowed: Role[]): readonly Role[] => allowed;

const REFERRAL = {
  kind: 'respite_once',
  referrerKind: 'gp',
  client: { name: 'Matrix Verwezen', dateOfBirth: '1945-01-01', postcode: '3262 GD' },
  consent: { given: true, by: 'Matrix Verwezen' },
};

const EXPECTED: Record<string, Decision> = {
  // registry
  'GET /api/regions': PUBLIC,
  'GET /api/regions/{regionId}/locations': PUBLIC,
  'GET /api/locations/{id}': PUBLIC,
  'GET /api/locations/{id}/photos/{photoId}': PUBLIC,
  'POST /api/locations/{id}/photos': roles('administrator', 'provider_planner'),
  'DELETE /api/locations/{id}/photos/{photoId}': roles('administrator', 'provider_planner'),
  // registry administration: the administrator sets the region up, a provider keeps its own part current
  'GET /api/admin/municipalities': roles('administrator'),
  'GET /api/admin/municipalities/{name}/postcodes': roles('administrator'),
  'POST /api/regions': roles('administrator'),
  'GET /api/regions/{regionId}/admin': roles('administrator'),
  'PATCH /api/regions/{regionId}': roles('administrator'),
  'GET /api/organisations': roles('administrator', 'coordinator'),
  'POST /api/organisations': roles('administrator'),
  'PATCH /api/organisations/{id}': roles('administrator'),
  'GET /api/admin/locations': roles('administrator', 'provider_planner', 'coordinator'),
  'POST /api/locations': roles('administrator'),
  'PATCH /api/locations/{id}': roles('administrator', 'provider_planner'),
  'POST /api/locations/{id}/confirm': roles('administrator', 'provider_planner'),
  'POST /api/locations/{id}/units': roles('administrator', 'provider_planner'),
  'PATCH /api/units/{id}': roles('administrator', 'provider_planner'),
  'POST /api/units/{id}/retire': roles('administrator', 'provider_planner'),
  'GET /api/locations/{id}/tariffs': roles('administrator', 'provider_planner', 'coordinator'),
  'POST /api/locations/{id}/tariffs': roles('administrator', 'provider_planner'),
  'GET /api/co-payment-rules': roles('administrator', 'coordinator'),
  'POST /api/co-payment-rules': roles('administrator'),
  'GET /api/entitlements': roles('administrator', 'coordinator'),
  'PUT /api/entitlements': roles('administrator'),
  'POST /api/admin/import/beds': roles('administrator'),
  'GET /api/locations/{id}/week': PUBLIC,
  'GET /api/locations/{id}/month': PUBLIC,
  'GET /api/public/locations': PUBLIC,
  'GET /api/health': PUBLIC,
  'GET /api/ready': PUBLIC,
  'GET /api/public/access-point': PUBLIC,
  'GET /api/public/status/{token}': PUBLIC,
  'GET /api/public/status/{token}/stays/{stayId}/calendar.ics': PUBLIC,
  'POST /api/public/status/{token}/withdraw': PUBLIC,
  'POST /api/public/status/{token}/change': PUBLIC,
  'POST /api/public/status/{token}/check-in': PUBLIC,
  // FHIR R4: the directory is public (a location's units need a professional's session, checked in the handler);
  // the capacity feed is for the monitors.
  'GET /fhir/R4/metadata': PUBLIC,
  'GET /fhir/R4/Organization': PUBLIC,
  'GET /fhir/R4/Organization/{id}': PUBLIC,
  'GET /fhir/R4/Location': PUBLIC,
  'GET /fhir/R4/Location/{id}': PUBLIC,
  'GET /fhir/R4/HealthcareService': PUBLIC,
  'GET /fhir/R4/HealthcareService/{id}': PUBLIC,
  'GET /fhir/R4/MeasureReport': roles('policy_viewer', 'coordinator', 'administrator'),
  'GET /fhir/R4/MeasureReport/{id}': roles('policy_viewer', 'coordinator', 'administrator'),
  // A location's Schedule and Slots are the public aggregate; units' only for professionals (checked in the handler).
  'GET /fhir/R4/Schedule/{id}': PUBLIC,
  'GET /fhir/R4/Slot': PUBLIC,
  // Referrals over FHIR are for system clients with a key only (fhir-referrals.test.ts); no person's session.
  'POST /fhir/R4/ServiceRequest': roles(),
  'GET /fhir/R4/ServiceRequest/{id}': roles(),
  'PUT /fhir/R4/ServiceRequest/{id}': roles(),
  'GET /fhir/R4/Task': roles(),
  'GET /fhir/R4/Task/{id}': roles(),
  'GET /fhir/R4/Appointment': roles(),
  'GET /api/admin/api-clients': roles('administrator'),
  'POST /api/admin/api-clients': roles('administrator'),
  'DELETE /api/admin/api-clients/{id}': roles('administrator'),
  'PUT /api/public/status/{token}/check-in-preference': PUBLIC,
  'PUT /api/admin/access-point': roles('administrator', 'coordinator'),
  'GET /api/public/support': PUBLIC,
  'POST /api/support': roles('coordinator', 'administrator'),
  'PUT /api/support/{id}': roles('coordinator', 'administrator'),
  'DELETE /api/support/{id}': roles('coordinator', 'administrator'),
  'POST /api/units/{id}/closures': roles('coordinator', 'provider_planner'),
  'DELETE /api/closures/{id}': roles('coordinator', 'provider_planner'),
  'POST /api/locations/{id}/closures': roles('coordinator', 'provider_planner'),
  'POST /api/locations/{id}/reopen': roles('coordinator', 'provider_planner'),
  'POST /api/locations/{id}/not-admitting': roles('coordinator', 'provider_planner'),
  'POST /api/locations/{id}/not-admitting/extend': roles('coordinator', 'provider_planner'),
  'GET /api/provider/overview': roles('coordinator', 'provider_planner'),
  'GET /api/provider/movements': roles('coordinator', 'provider_planner'),
  'GET /api/stays/{id}/handover': roles('coordinator', 'provider_planner'),
  'GET /api/provider/placements': roles('coordinator', 'provider_planner'),
  'POST /api/locations/{id}/closures/check': roles('coordinator', 'provider_planner'),
  'POST /api/stays/{id}/accept': roles('coordinator', 'provider_planner'),
  'POST /api/stays/{id}/decline': roles('coordinator', 'provider_planner'),
  // availability
  'GET /api/availability/search': ROLES,
  'GET /api/availability/grid': roles('administrator', 'coordinator', 'referrer', 'provider_planner', 'policy_viewer'),
  // stays
  'POST /api/stays': roles('coordinator'),
  'GET /api/stays/{id}': roles('coordinator', 'provider_planner'),
  'GET /api/stays/{id}/calendar.ics': roles('coordinator', 'provider_planner', 'referrer'),
  'GET /api/stays/{id}/costs': roles('coordinator', 'provider_planner'),
  'GET /api/claims': roles('coordinator'),
  'GET /api/claims.csv': roles('coordinator'),
  // waiting list and notifications
  'POST /api/referrals/{id}/wait': roles('coordinator'),
  'GET /api/waiting-list': roles('coordinator'),
  'GET /api/notifications': roles('administrator', 'coordinator', 'referrer', 'provider_planner', 'policy_viewer'),
  'POST /api/notifications/{id}/read': roles('administrator', 'coordinator', 'referrer', 'provider_planner', 'policy_viewer'),
  'POST /api/stays/{id}/confirm': roles('coordinator'),
  'POST /api/stays/{id}/arrive': roles('coordinator', 'provider_planner'),
  'POST /api/stays/{id}/depart': roles('coordinator', 'provider_planner'),
  'POST /api/stays/{id}/no-show': roles('coordinator', 'provider_planner'),
  'POST /api/stays/{id}/cancel': roles('coordinator', 'provider_planner'),
  'PATCH /api/stays/{id}/dates': roles('coordinator'),
  'POST /api/stays/{id}/move': roles('coordinator'),
  'GET /api/stays/{id}/move-options': roles('coordinator'),
  // series
  'POST /api/series/preview': roles('coordinator'),
  'POST /api/series': roles('coordinator'),
  // clients
  'POST /api/clients': roles('coordinator'),
  'GET /api/clients/{id}': roles('coordinator'),
  'GET /api/clients/{id}/export': roles('coordinator'),
  'DELETE /api/clients/{id}': roles('coordinator'),
  // auth
  'POST /api/auth/login': PUBLIC,
  'GET /api/auth/session': PUBLIC,
  'POST /api/auth/second-factor': ANY_SESSION,
  'POST /api/auth/totp/setup': ANY_SESSION,
  'POST /api/auth/totp/confirm': ANY_SESSION,
  'POST /api/auth/logout': ANY_SESSION,
  'POST /api/auth/logout-everywhere': roles('administrator', 'coordinator', 'referrer', 'provider_planner', 'policy_viewer'),
  'POST /api/auth/password-reset': PUBLIC,
  'POST /api/auth/password': PUBLIC,
  // admin
  'GET /api/admin/users': roles('administrator'),
  'POST /api/admin/users': roles('administrator'),
  'PATCH /api/admin/users/{id}': roles('administrator'),
  'POST /api/admin/role-grants/{id}/approve': roles('administrator'),
  'POST /api/admin/role-grants/{id}/reject': roles('administrator'),
  'GET /api/admin/audit': roles('administrator'),
  'GET /api/admin/audit.csv': roles('administrator'),
  'GET /api/admin/clients/{id}/access-report': roles('administrator'),
  'GET /api/admin/mail': roles('administrator'),
  // policy figures: aggregated, small cells suppressed
  'GET /api/policy/stays-by-origin': roles('policy_viewer', 'coordinator', 'administrator'),
  'GET /api/policy/monitor': roles('policy_viewer', 'coordinator', 'administrator'),
  'GET /api/policy/monitor.csv': roles('policy_viewer', 'coordinator', 'administrator'),
  'GET /api/policy/demand': roles('policy_viewer', 'coordinator', 'administrator'),
  'GET /api/policy/demand.csv': roles('policy_viewer', 'coordinator', 'administrator'),
  'GET /api/policy/capacity': roles('policy_viewer', 'coordinator', 'administrator'),
  'GET /api/policy/capacity.csv': roles('policy_viewer', 'coordinator', 'administrator'),
  'GET /api/policy/mkba': roles('policy_viewer', 'coordinator', 'administrator'),
  'GET /api/policy/mkba.csv': roles('policy_viewer', 'coordinator', 'administrator'),
  'GET /api/policy/mkba/pilot-2019': roles('policy_viewer', 'coordinator', 'administrator'),
  'GET /api/regions/{regionId}/yearly-costs': roles('administrator', 'coordinator', 'policy_viewer'),
  'POST /api/regions/{regionId}/yearly-costs': roles('administrator'),
  'POST /api/yearly-costs/{id}/end': roles('administrator'),
  // referrals
  'POST /api/referrals': roles('coordinator', 'referrer'),
  'GET /api/referrals': roles('coordinator', 'referrer'),
  'GET /api/referrals/{id}': roles('coordinator', 'referrer'),
  'GET /api/referrals/{id}/history': roles('coordinator', 'referrer'),
  'GET /api/referrals/{id}/stays': roles('coordinator', 'referrer'),
  'PATCH /api/referrals/{id}': roles('coordinator', 'referrer'),
  'POST /api/referrals/{id}/appointments': roles('coordinator'),
  'GET /api/referrals/{id}/appointments': roles('coordinator', 'referrer'),
  'POST /api/appointments/{id}/cancel': roles('coordinator'),
  'GET /api/provider/appointments': roles('coordinator', 'provider_planner'),
  'POST /api/referrals/{id}/close': roles('coordinator', 'referrer'),
  'POST /api/public/requests': PUBLIC,
  // triage
  'GET /api/triage/questionnaire': roles('coordinator', 'referrer'),
  'POST /api/referrals/{id}/triage': roles('coordinator'),
  'GET /api/referrals/{id}/triage': roles('coordinator'),
  'POST /api/referrals/{id}/triage/overrides': roles('coordinator'),
  'GET /api/referrals/{id}/proposals': roles('coordinator'),
  'GET /api/allocations/batch': roles('coordinator'),
  'POST /api/allocations/batch': roles('coordinator'),
  'POST /api/referrals/{id}/stays': roles('coordinator'),
  // aftercare
  'GET /api/tasks': roles('coordinator'),
  'GET /api/clients/{id}/caregiver-contact': roles('coordinator'),
  'PUT /api/clients/{id}/caregiver-contact': roles('coordinator'),
  'POST /api/clients/{id}/check-ins': roles('coordinator'),
  'GET /api/check-ins': roles('coordinator'),
  'GET /api/coordinators': roles('coordinator'),
  'POST /api/tasks/{id}/done': roles('coordinator'),
  'GET /api/public/surveys/{token}': PUBLIC,
  'POST /api/public/surveys/{token}': PUBLIC,
};

/** Routes left out of the OpenAPI description (schema.hide); they must stay public and harmless. */
// GET /metrics answers only a token or the machine itself (src/http/metrics.test.ts); the test app has no metrics.
const HIDDEN_PUBLIC = ['GET /', 'GET /api/openapi.json'];

type Caller = 'anonymous' | Role;
const CALLERS: readonly Caller[] = ['anonymous', ...ROLES];
const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

/** Our error code: from a problem document, or from the first issue of a FHIR OperationOutcome. */
function problemCode(response: { json(): unknown }): unknown {
  const body = response.json() as { code?: string; resourceType?: string; issue?: { diagnostics?: string }[] };
  return body.resourceType === 'OperationOutcome' ? body.issue?.[0]?.diagnostics : body.code;
}

function mayCall(decision: Decision, caller: Caller): boolean {
  if (decision === 'public') return true;
  if (caller === 'anonymous') return false;
  return decision === 'any_session' || decision.includes(caller);
}

describe('access matrix: every route × every role', () => {
  let t: TestApp;
  let operations: string[];
  const descriptions = new Map<string, string>();
  let regionId: string;
  let organisationId: string;
  let locationId: string;
  let unitId: string;
  let otherUnitId: string;
  let clientId: string;
  let stayId: string;
  let victimUserId: string;
  const closureIds: string[] = [];
  let requestNumber = 0;

  before(async () => {
    t = await createTestApp();
    const db = t.database.db;
    regionId = await aRegion(db);
    locationId = await aLocation(db, regionId);
    organisationId = await organisationOf(db, locationId);
    unitId = await aUnit(db, locationId);
    otherUnitId = await aUnit(db, locationId);
    clientId = await aClient(db, 'Matrix de C.');
    const stay = await t.inject({
      method: 'POST',
      url: '/api/stays',
      payload: { unitId, clientId, stayType: 'respite', arrival: inDays(20), departure: inDays(24), status: 'hold' },
    });
    assert.equal(stay.statusCode, 201, stay.body);
    stayId = stay.json().id;
    victimUserId = (
      await insertUser(db, {
        email: `victim-${randomUUID()}@test.example`,
        name: 'Victim User',
        role: 'policy_viewer',
        organisationId: null,
      })
    ).id;

    const openapi = await t.inject({ method: 'GET', url: '/api/openapi.json' }, 'anonymous');
    assert.equal(openapi.statusCode, 200);
    const paths = openapi.json().paths as Record<string, Record<string, unknown>>;
    operations = [];
    for (const [path, item] of Object.entries(paths)) {
      for (const [method, operation] of Object.entries(item)) {
        if (!HTTP_METHODS.includes(method)) continue;
        operations.push(`${method.toUpperCase()} ${path}`);
        descriptions.set(`${method.toUpperCase()} ${path}`, String((operation as { description?: string }).description ?? ''));
      }
    }
  });
  after(() => t.close());

  /** A distinct client address per request, so the per-address limits of the sign-in routes never answer instead. */
  const nextAddress = () => {
    requestNumber++;
    return `10.9.${(requestNumber >> 8) & 255}.${requestNumber & 255}`;
  };

  function sessionFor(role: Role, stage: SessionStage = 'full'): Promise<SessionHeaders> {
    const organisation = role === 'provider_planner' || role === 'referrer' ? organisationId : null;
    return sessionHeaders(t.database.db, t.auth, { role, organisationId: organisation, stage, name: `Matrix ${role}` });
  }

  let referralId: string | undefined;
  /** A referral made by the central point, for the routes that read one. */
  async function aReferral(): Promise<string> {
    if (!referralId) {
      const created = await t.inject({ method: 'POST', url: '/api/referrals', payload: REFERRAL });
      assert.equal(created.statusCode, 201, created.body);
      referralId = created.json().id as string;
    }
    return referralId;
  }

  /** Fills the path with ids of real records and gives a minimal plausible query and body. */
  async function requestFor(operation: string): Promise<InjectOptions> {
    const [method, path] = operation.split(' ') as [InjectOptions['method'] & string, string];
    let url = path
      .replace('{regionId}', regionId)
      .replace('{token}', 'a'.repeat(43))
      .replace('{name}', 'Zwijndrecht')
      .replace('{photoId}', randomUUID())
      .replace('{stayId}', randomUUID());
    if (url.includes('{id}')) {
      const owner = path.startsWith('/api/stays/')
        ? stayId
        : path.startsWith('/api/units/')
          ? unitId
          : path.startsWith('/api/locations/')
            ? locationId
            : // Erasure gets a client of its own without stays, so it can succeed and leaves the others alone.
              method === 'DELETE' && path.startsWith('/api/clients/')
              ? await aClient(t.database.db, 'Te Wissen')
              : path.startsWith('/api/clients/') || path.startsWith('/api/admin/clients/')
                ? clientId
                : path.startsWith('/api/admin/users/')
                  ? victimUserId
                  : path.startsWith('/api/organisations/') || path.startsWith('/fhir/R4/Organization/')
                    ? organisationId
                    : path.startsWith('/fhir/R4/Location/') || path.startsWith('/fhir/R4/HealthcareService/')
                      ? locationId
                      : path.startsWith('/fhir/R4/Schedule/')
                        ? locationId
                        : path.startsWith('/fhir/R4/MeasureReport/')
                          ? `${regionId}-${inDays(0)}`
                          : path.startsWith('/fhir/R4/ServiceRequest/') ||
                              path.startsWith('/fhir/R4/Task/') ||
                              path.startsWith('/api/admin/api-clients/')
                            ? randomUUID()
                            : path.startsWith('/api/closures/')
                              ? await aClosure()
                              : path.startsWith('/api/referrals/')
                                ? await aReferral()
                                : // Who may call it is decided before the record is looked up: an unknown task answers 404, not 401/403.
                                  path.startsWith('/api/tasks/') ||
                                    path.startsWith('/api/notifications/') ||
                                    path.startsWith('/api/support/') ||
                                    path.startsWith('/api/admin/role-grants/') ||
                                    path.startsWith('/api/appointments/') ||
                                    path.startsWith('/api/yearly-costs/')
                                  ? randomUUID()
                                  : undefined;
      assert.ok(owner, `no fixture record for the path parameter of ${operation}; add one to requestFor`);
      url = url.replace('{id}', owner);
    }
    assert.ok(!url.includes('{'), `unfilled path parameter in ${operation}`);
    const query: Record<string, string> = {
      'GET /api/availability/search': `regionId=${regionId}&arrival=${inDays(30)}&departure=${inDays(33)}&stayType=respite`,
      'GET /api/availability/grid': `regionId=${regionId}&from=${inDays(0)}&to=${inDays(30)}`,
      'GET /api/public/locations': 'postcode=3262',
      'GET /api/admin/audit': 'limit=5',
      'GET /api/admin/audit.csv': 'limit=5',
      'GET /api/policy/stays-by-origin': `regionId=${regionId}&from=${inDays(0)}&to=${inDays(60)}`,
      'GET /api/policy/monitor': `from=${inDays(-60)}&to=${inDays(60)}`,
      'GET /api/policy/monitor.csv': `table=placement&from=${inDays(-60)}&to=${inDays(60)}`,
      'GET /api/policy/demand': `regionId=${regionId}&from=${inDays(-60)}&to=${inDays(60)}`,
      'GET /api/policy/demand.csv': `table=weeks&regionId=${regionId}&from=${inDays(-60)}&to=${inDays(60)}`,
      'GET /api/policy/capacity': `regionId=${regionId}&from=${inDays(-60)}&to=${inDays(60)}`,
      'GET /api/policy/capacity.csv': `table=stay-types&regionId=${regionId}&from=${inDays(-60)}&to=${inDays(60)}`,
      'GET /api/policy/mkba': `regionId=${regionId}&year=2026`,
      'GET /api/policy/mkba.csv': `regionId=${regionId}&year=2026`,
      'GET /fhir/R4/MeasureReport': `subject=${regionId}`,
      'GET /fhir/R4/Slot': `location=Location/${locationId}&start=${inDays(30)}&end=${inDays(33)}`,
      'GET /api/claims': 'month=2027-01&financier=wmo',
      'GET /api/claims.csv': 'month=2027-01&financier=wmo',
    };
    const series = {
      clientId,
      unitId: otherUnitId,
      stayType: 'respite',
      rrule: 'FREQ=WEEKLY;COUNT=2',
      firstArrival: inDays(200),
      nights: 2,
      status: 'hold',
    };
    const bodies: Record<string, object> = {
      'POST /api/units/{id}/closures': { startsOn: inDays(300), endsOn: inDays(302), reason: 'maintenance' },
      'POST /api/stays': { unitId: otherUnitId, clientId, stayType: 'respite', arrival: inDays(40), departure: inDays(42), status: 'hold' },
      'POST /api/stays/{id}/cancel': { reason: 'Toegangstest' },
      'PATCH /api/stays/{id}/dates': { departure: inDays(25) },
      'POST /api/stays/{id}/move': { unitId: otherUnitId },
      'POST /api/series/preview': series,
      'POST /api/series': series,
      'POST /api/clients': { name: 'Matrix Nieuw' },
      'POST /api/auth/password-reset': { email: 'nobody@test.example' },
      'POST /api/admin/users': { email: `invite-${randomUUID()}@test.example`, name: 'Matrix Invite', role: 'policy_viewer' },
      'POST /api/referrals': REFERRAL,
      'POST /api/referrals/{id}/triage': { answers: {} },
      'POST /api/referrals/{id}/stays': { unitId: otherUnitId, stayType: 'respite', arrival: inDays(60), departure: inDays(62) },
      'POST /api/public/surveys/{token}': { scores: { overall: 5 } },
      'POST /api/referrals/{id}/triage/overrides': { topic: 'urgency', value: 'planned', reason: 'Matrix test' },
      'POST /api/public/requests': {
        kind: 'tour',
        client: { name: 'Matrix Publiek', postcode: '3262 GD' },
        caregiver: { name: 'Mantel Zorger', relation: 'child', phone: '06 12345678' },
        consent: true,
      },
      'PATCH /api/admin/users/{id}': { name: 'Victim Renamed' },
    };
    const search = query[operation];
    return {
      method,
      url: search ? `${url}?${search}` : url,
      remoteAddress: nextAddress(),
      // Sign-in steps get an empty body: a wrong password or code would rightly answer 401 to anyone.
      ...(method === 'GET' || method === 'DELETE' ? {} : { payload: bodies[operation] ?? {} }),
    };
  }

  async function aClosure(): Promise<string> {
    const row = await t.database.db
      .insertInto('unit_closure')
      .values({
        unit_id: unitId,
        starts_on: inDays(400 + closureIds.length * 3),
        ends_on: inDays(401 + closureIds.length * 3),
        reason: 'other',
        note: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    closureIds.push(row.id);
    return row.id;
  }

  const describeResponse = (response: LightMyRequestResponse) => `${response.statusCode} ${response.body.slice(0, 200)}`;

  it('has a decision for every route in openapi.json, and no decision for a route that does not exist', () => {
    const undecided = operations.filter((operation) => !(operation in EXPECTED));
    assert.deepEqual(undecided, [], `routes without an access decision in EXPECTED: ${undecided.join(', ')}`);
    const stale = Object.keys(EXPECTED).filter((operation) => !operations.includes(operation));
    assert.deepEqual(stale, [], `EXPECTED names routes that openapi.json does not list: ${stale.join(', ')}`);
    assert.ok(operations.length >= 36, `only ${operations.length} operations found`);
  });

  it('tells API users the same rule as the table', () => {
    const wrong: string[] = [];
    for (const operation of operations) {
      const decision = EXPECTED[operation];
      if (decision === undefined) continue;
      const stated = /Access: ([^.]*)\.\s*$/.exec(descriptions.get(operation) ?? '')?.[1];
      const expected =
        decision === 'public'
          ? 'anyone, no sign-in'
          : decision === 'any_session'
            ? 'anyone signed in'
            : decision.length === 0
              ? 'system clients only'
              : undefined;
      const ok =
        expected !== undefined
          ? stated === expected
          : typeof decision !== 'string' && stated !== undefined && [...stated.split(', ')].sort().join() === [...decision].sort().join();
      if (!ok) wrong.push(`${operation}: openapi.json says "${stated ?? '(nothing)'}"`);
    }
    assert.deepEqual(wrong, [], `\n${wrong.join('\n')}`);
  });

  it('lets exactly the expected callers through: 401 for anonymous, 403 for a signed-in role without the right', async () => {
    const mismatches: string[] = [];
    let sent = 0;
    for (const operation of operations) {
      const decision = EXPECTED[operation];
      if (decision === undefined) continue; // reported by the test above
      for (const caller of CALLERS) {
        const as = caller === 'anonymous' ? 'anonymous' : await sessionFor(caller);
        const response = await t.inject(await requestFor(operation), as);
        sent++;
        const status = response.statusCode;
        const label = `${caller.padEnd(16)} ${operation}`;
        // Nothing the API answers may stay in a browser's or proxy's cache, allowed or refused; a photo may.
        const caching = response.headers['cache-control'];
        if (caching !== 'no-store' && !(operation === 'GET /api/locations/{id}/photos/{photoId}' && status === 200))
          mismatches.push(`${label}: Cache-Control ${String(caching)}`);
        if (mayCall(decision, caller)) {
          if (status === 401 || status === 403 || status >= 500)
            mismatches.push(`${label}: should be allowed, got ${describeResponse(response)}`);
        } else {
          const expected = caller === 'anonymous' ? 401 : 403;
          const code = caller === 'anonymous' ? 'unauthenticated' : 'forbidden';
          if (status !== expected || problemCode(response) !== code) {
            mismatches.push(`${label}: should be denied with ${expected} ${code}, got ${describeResponse(response)}`);
          } else if (
            !response.headers['content-type']?.startsWith(
              operation.includes(' /fhir/') ? 'application/fhir+json' : 'application/problem+json',
            )
          ) {
            mismatches.push(
              `${label}: denial is not a problem document (or an OperationOutcome under /fhir) (${response.headers['content-type']})`,
            );
          }
        }
      }
    }
    assert.deepEqual(mismatches, [], `\n${mismatches.join('\n')}`);
    assert.equal(sent, operations.length * CALLERS.length);
  });

  it('keeps the hidden routes public', async () => {
    for (const route of HIDDEN_PUBLIC) {
      const [method, url] = route.split(' ') as ['GET', string];
      assert.ok(!operations.includes(route), `${route} is hidden from openapi.json`);
      const response = await t.inject({ method, url }, 'anonymous');
      assert.equal(response.statusCode, 200, `${route}: ${describeResponse(response)}`);
    }
  });

  for (const stage of ['second_factor', 'enrol'] as const) {
    it(`answers 401 on role routes to a session halfway through sign-in (stage ${stage}), and lets it finish or leave`, async () => {
      const mismatches: string[] = [];
      for (const operation of operations) {
        const decision = EXPECTED[operation];
        if (decision === undefined) continue;
        for (const role of ['coordinator', 'administrator'] as const) {
          const response = await t.inject(await requestFor(operation), await sessionFor(role, stage));
          const label = `${role} (${stage}) ${operation}`;
          if (decision === 'public' || decision === 'any_session') {
            if (response.statusCode === 401 || response.statusCode === 403)
              mismatches.push(`${label}: should be allowed, got ${describeResponse(response)}`);
          } else if (response.statusCode !== 401 || problemCode(response) !== 'second_factor_required') {
            mismatches.push(`${label}: should be 401 second_factor_required, got ${describeResponse(response)}`);
          }
        }
      }
      assert.deepEqual(mismatches, [], `\n${mismatches.join('\n')}`);
    });
  }

  describe('CSRF', () => {
    const snapshot = async () => {
      const db = t.database.db;
      return {
        stays: await db.selectFrom('stay').selectAll().orderBy('id').execute(),
        clients: await db.selectFrom('client').selectAll().orderBy('id').execute(),
        closures: await db.selectFrom('unit_closure').selectAll().orderBy('id').execute(),
        users: await db
          .selectFrom('app_user')
          .select(['id', 'name', 'role', 'organisation_id', 'disabled', 'totp_secret'])
          .orderBy('id')
          .execute(),
        sessions: await db.selectFrom('user_session').select(['token_hash', 'stage']).orderBy('token_hash').execute(),
        tokens: await db.selectFrom('one_time_token').select('token_hash').orderBy('token_hash').execute(),
        mail: await db.selectFrom('mail_message').select('id').orderBy('id').execute(),
      };
    };

    const freshStay = async (arrivalInDays: number): Promise<string> => {
      const response = await t.inject({
        method: 'POST',
        url: '/api/stays',
        payload: {
          unitId: otherUnitId,
          clientId,
          stayType: 'respite',
          arrival: inDays(arrivalInDays),
          departure: inDays(arrivalInDays + 2),
          status: 'confirmed',
        },
      });
      assert.equal(response.statusCode, 201, response.body);
      return response.json().id;
    };

    const changes = async (): Promise<{ role: Role; request: InjectOptions }[]> => [
      { role: 'coordinator', request: { method: 'POST', url: '/api/clients', payload: { name: 'CSRF Slachtoffer' } } },
      {
        role: 'coordinator',
        request: {
          method: 'POST',
          url: '/api/stays',
          payload: { unitId: otherUnitId, clientId, stayType: 'respite', arrival: inDays(60), departure: inDays(62) },
        },
      },
      {
        role: 'coordinator',
        request: { method: 'POST', url: `/api/stays/${await freshStay(70)}/cancel`, payload: { reason: 'Vervalst verzoek' } },
      },
      {
        role: 'coordinator',
        request: { method: 'PATCH', url: `/api/stays/${await freshStay(80)}/dates`, payload: { departure: inDays(81) } },
      },
      {
        role: 'coordinator',
        request: {
          method: 'POST',
          url: `/api/units/${unitId}/closures`,
          payload: { startsOn: inDays(500), endsOn: inDays(501), reason: 'other' },
        },
      },
      { role: 'provider_planner', request: { method: 'DELETE', url: `/api/closures/${await aClosure()}` } },
      { role: 'administrator', request: { method: 'PATCH', url: `/api/admin/users/${victimUserId}`, payload: { disabled: true } } },
      {
        role: 'administrator',
        request: {
          method: 'POST',
          url: '/api/admin/users',
          payload: { email: `csrf-${randomUUID()}@test.example`, name: 'Forged Invite', role: 'coordinator' },
        },
      },
      { role: 'policy_viewer', request: { method: 'POST', url: '/api/auth/logout', payload: {} } },
      { role: 'referrer', request: { method: 'POST', url: '/api/auth/logout-everywhere', payload: {} } },
      { role: 'coordinator', request: { method: 'POST', url: '/api/auth/totp/setup', payload: {} } },
    ];

    it('refuses a change with a valid session cookie but a missing or wrong token with 403 csrf_failed, and changes nothing', async () => {
      const otherSession = await sessionFor('coordinator');
      for (const { role, request } of await changes()) {
        const session = await sessionFor(role);
        const forgeries: Record<string, SessionHeaders> = {
          'no token': { cookie: session.cookie! },
          'empty token': { cookie: session.cookie!, [CSRF_HEADER]: '' },
          'wrong token of the same length': {
            cookie: session.cookie!,
            [CSRF_HEADER]: randomBytes(64).toString('base64url').slice(0, session[CSRF_HEADER]!.length),
          },
          'shorter token': { cookie: session.cookie!, [CSRF_HEADER]: session[CSRF_HEADER]!.slice(0, -1) },
          'token of another session': { cookie: session.cookie!, [CSRF_HEADER]: otherSession[CSRF_HEADER]! },
        };
        for (const [kind, headers] of Object.entries(forgeries)) {
          const before = await snapshot();
          const response = await t.inject({ ...request, remoteAddress: nextAddress() }, headers);
          const label = `${role} ${request.method} ${request.url} with ${kind}`;
          assert.equal(response.statusCode, 403, `${label}: ${describeResponse(response)}`);
          assert.equal(response.json().code, 'csrf_failed', label);
          assert.match(response.headers['content-type'] ?? '', /^application\/problem\+json/, label);
          assert.deepEqual(await snapshot(), before, `${label} changed the database`);
        }
        // The session survived every forgery, and the real token is accepted.
        const check = await t.inject({ method: 'GET', url: '/api/auth/session' }, { cookie: session.cookie! });
        assert.equal(check.json().signedIn, true, `${role} session ended by a forged ${request.url}`);
        const genuine = await t.inject({ ...request, remoteAddress: nextAddress() }, session);
        assert.ok(genuine.statusCode < 300, `${role} ${request.method} ${request.url} with the right token: ${describeResponse(genuine)}`);
      }
    });

    it('needs no token for reading, and none without a session cookie', async () => {
      const session = await sessionFor('coordinator');
      const read = await t.inject({ method: 'GET', url: `/api/stays/${stayId}` }, { cookie: session.cookie! });
      assert.equal(read.statusCode, 200, read.body);
      // Without a cookie there is nothing to forge: the request is simply anonymous.
      const anonymous = await t.inject({ method: 'POST', url: '/api/clients', payload: { name: 'Zonder sessie' } }, 'anonymous');
      assert.equal(anonymous.statusCode, 401);
      // A cookie that opens no session counts as no cookie.
      const stale = await t.inject(
        { method: 'POST', url: '/api/clients', payload: { name: 'Oude sessie' } },
        { cookie: `${SESSION_COOKIE}=${randomUUID()}` },
      );
      assert.equal(stale.statusCode, 401);
      assert.equal(stale.json().code, 'unauthenticated');
    });
  });

  describe('a route without an access rule', () => {
    it('stops the app from starting', async () => {
      const app = Fastify();
      try {
        await app.register(accessControl(t.database.db, t.auth));
        // Registration or start-up, whichever comes first, must fail; the plugin loads when awaited.
        await assert.rejects(async () => {
          await app.register(async (api) => {
            api.get('/ruled', { config: { access: 'public' } }, async () => 'ok');
            api.post('/forgotten', async () => 'oops');
          });
          await app.ready();
        }, /Route POST \/forgotten declares no access rule/);
      } finally {
        await app.close().catch(() => {});
      }
    });

    it('starts when every route has one', async () => {
      const app = Fastify();
      try {
        await app.register(accessControl(t.database.db, t.auth));
        await app.register(async (api) => {
          api.get('/open', { config: { access: 'public' } }, async () => 'ok');
          api.get('/closed', { config: { access: ['administrator'] } }, async () => 'secret');
        });
        await app.ready();
        assert.equal((await app.inject({ method: 'GET', url: '/open' })).body, 'ok');
        const closed = await app.inject({ method: 'GET', url: '/closed' });
        assert.notEqual(closed.statusCode, 200);
        assert.notEqual(closed.body, 'secret');
      } finally {
        await app.close();
      }
    });
  });
});
