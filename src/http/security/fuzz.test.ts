import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import fc from 'fast-check';
import { insertUser } from '../../data/account.repository.ts';
import { aClient, aLocation, aRegion, aUnit, inDays, organisationOf } from '../../testing/fixtures.ts';
import { type SessionHeaders, type TestApp, createTestApp } from '../../testing/test-app.ts';
import { CSRF_HEADER, SESSION_COOKIE } from './session-cookie.ts';

/**
 * Malformed requests against every route in /api/openapi.json, as a signed-in coordinator, as an administrator and
 * anonymously. Whatever arrives, the answer is never a server error, every error is an RFC 9457 problem document
 * with words for a person, and nothing internal (stack traces, file paths, SQL) leaks out.
 *
 * Reproduce a failure with FUZZ_SEED=<seed printed in the failure>; FUZZ_RUNS changes the number of runs.
 */
const SEED = Number(process.env.FUZZ_SEED ?? 75_130_519);
const IDENTITIES = ['coordinator', 'administrator', 'anonymous'] as const;
type Identity = (typeof IDENTITIES)[number];
/** Each run sends one generated request once per identity. */
const RUNS = Number(process.env.FUZZ_RUNS ?? 3_400);
const MINIMUM_REQUESTS = 10_000;
const BODY_LIMIT = 64 * 1024;

/** Words that never belong in an answer unless the request itself put them there (an echoed field name, say). */
const LEAKS = [
  '    at ',
  'node_modules',
  'SELECT ',
  'syntax error',
  'INSERT INTO',
  'UPDATE ',
  'DELETE FROM',
  'violates',
  'duplicate key',
  'relation "',
  'kysely',
  'pglite',
  'TypeError',
  'ReferenceError',
];

interface Route {
  method: string;
  path: string;
}

type Body =
  | { kind: 'none' }
  | { kind: 'json'; value: unknown }
  | { kind: 'plausible'; change: { key: string; value: unknown } | { drop: number } | null }
  | { kind: 'raw'; text: string }
  | { kind: 'huge'; bytes: number; json: boolean };

interface Fuzzed {
  route: number;
  method: string | null;
  params: string[];
  pathMutation: 'none' | 'trailing-slash' | 'double-slash' | 'suffix' | 'upper' | 'dot-segment' | 'encoded-slash' | 'no-prefix';
  query: string | null;
  body: Body;
  contentType: string | null | undefined;
  headers: Record<string, string>;
  csrf: 'right' | 'missing' | 'wrong';
  remoteAddress: string;
}

const printable = (maxLength: number) => fc.string({ unit: 'grapheme-ascii', maxLength });

describe('fuzzing every route with malformed requests', () => {
  let t: TestApp;
  let routes: Route[];
  let realIds: string[];
  let plausibleBodies: Record<string, Record<string, unknown>>;
  let plausibleQueries: Record<string, Record<string, string>>;
  const sessions = new Map<Identity, SessionHeaders>();
  let sent = 0;
  let sessionRenewals = 0;
  const statuses = new Map<number, number>();

  before(async () => {
    t = await createTestApp();
    const db = t.database.db;
    const regionId = await aRegion(db);
    const locationId = await aLocation(db, regionId);
    const unitId = await aUnit(db, locationId);
    const otherUnitId = await aUnit(db, locationId);
    const clientId = await aClient(db, 'Fuzz de Cliënt');
    const stays: string[] = [];
    for (const [arrival, status] of [
      [5, 'hold'],
      [10, 'confirmed'],
      [0, 'confirmed'],
    ] as const) {
      const response = await t.inject({
        method: 'POST',
        url: '/api/stays',
        payload: { unitId, clientId, stayType: 'respite', arrival: inDays(arrival), departure: inDays(arrival + 3), status },
      });
      assert.equal(response.statusCode, 201, response.body);
      stays.push(response.json().id);
    }
    const closure = await t.inject({
      method: 'POST',
      url: `/api/units/${unitId}/closures`,
      payload: { startsOn: inDays(90), endsOn: inDays(95), reason: 'maintenance' },
    });
    const victim = await insertUser(db, {
      email: `fuzz-victim-${randomUUID()}@test.example`,
      name: 'Fuzz Victim',
      role: 'policy_viewer',
      organisationId: null,
    });
    const organisationId = await organisationOf(db, locationId);
    const referrer = await insertUser(db, {
      email: `fuzz-ref-${randomUUID()}@test.example`,
      name: 'Fuzz Referrer',
      role: 'referrer',
      organisationId,
    });
    realIds = [regionId, locationId, unitId, otherUnitId, clientId, ...stays, closure.json().id, referrer.id, victim.id, organisationId];

    const series = {
      clientId,
      unitId: otherUnitId,
      stayType: 'respite',
      rrule: 'FREQ=WEEKLY;COUNT=2',
      firstArrival: inDays(40),
      nights: 2,
    };
    plausibleBodies = {
      'POST /api/units/{id}/closures': { startsOn: inDays(100), endsOn: inDays(101), reason: 'other', note: 'fuzz' },
      'POST /api/stays': {
        unitId: otherUnitId,
        clientId,
        stayType: 'respite',
        arrival: inDays(60),
        departure: inDays(62),
        status: 'hold',
        holdMinutes: 5,
      },
      'POST /api/stays/{id}/cancel': { reason: 'Fuzz annulering' },
      'PATCH /api/stays/{id}/dates': { arrival: inDays(11), departure: inDays(14) },
      'POST /api/stays/{id}/move': { unitId: otherUnitId },
      'POST /api/series/preview': series,
      'POST /api/series': { ...series, overrides: [{ arrival: inDays(40), skip: true }] },
      'POST /api/clients': { name: 'Fuzz Nieuw', dateOfBirth: '1940-01-01', pc4: '3262' },
      'POST /api/auth/login': { email: 'fuzz@test.example', password: 'geen geldig wachtwoord' },
      'POST /api/auth/second-factor': { code: '123456' },
      'POST /api/auth/totp/confirm': { code: '123456' },
      'POST /api/auth/password-reset': { email: 'fuzz@test.example' },
      'POST /api/auth/password': { token: 'x'.repeat(43), password: 'een lang genoeg wachtwoord' },
      'POST /api/admin/users': { email: 'fuzz-invite@test.example', name: 'Fuzz Invite', role: 'policy_viewer', organisationId: null },
      'PATCH /api/admin/users/{id}': { name: 'Fuzz Hernoemd', role: 'referrer', organisationId, disabled: false },
    };
    plausibleQueries = {
      'GET /api/availability/search': {
        regionId,
        arrival: inDays(20),
        departure: inDays(23),
        stayType: 'respite',
        features: 'secured_unit',
        includeNeighbours: 'true',
      },
      'GET /api/availability/grid': { regionId, from: inDays(0), to: inDays(31), stayType: 'respite', locationId },
      'GET /api/admin/audit': { from: inDays(-1), to: inDays(1), clientId, action: 'read', entity: 'stay', limit: '5' },
      'GET /api/admin/audit.csv': { clientId, limit: '5' },
      'GET /api/policy/stays-by-origin': { regionId, from: inDays(-30), to: inDays(30) },
    };

    const openapi = await t.inject({ method: 'GET', url: '/api/openapi.json' }, 'anonymous');
    const paths = openapi.json().paths as Record<string, Record<string, unknown>>;
    routes = Object.entries(paths).flatMap(([path, item]) => Object.keys(item).map((method) => ({ method: method.toUpperCase(), path })));
    assert.ok(routes.length >= 36, `only ${routes.length} routes in openapi.json`);
    for (const identity of IDENTITIES) if (identity !== 'anonymous') sessions.set(identity, await t.signIn(identity));
  });
  after(() => t.close());

  // ---- generators ----

  const nasty = fc.constantFrom(
    '%00',
    '%',
    '%zz',
    '%FF',
    '%E2%82',
    '%C0%AF',
    '..',
    '%2e%2e',
    '%2F',
    '%5C',
    '%0A',
    '%0D%0A',
    '%20',
    '+',
    '~',
    '.',
    '-1',
    '0',
    '1e309',
    'null',
    'undefined',
    'NaN',
    'true',
    '[]',
    '{}',
    '__proto__',
    'constructor',
    'prototype',
    "'%20OR%20'1'%3D'1",
    '1%3B%20DROP%20TABLE%20stay',
    '00000000-0000-0000-0000-000000000000',
    'ffffffff-ffff-ffff-ffff-ffffffffffff',
    '00000000-0000-4000-8000-00000000000G',
    '%3Cscript%3Ealert(1)%3C%2Fscript%3E',
    '%F0%9F%99%82',
    '%EF%BB%BF',
    '%E2%80%AE',
  );
  const param = fc.oneof(
    { weight: 4, arbitrary: fc.constant(null).chain(() => fc.constantFrom(...realIds)) },
    { weight: 2, arbitrary: fc.uuid() },
    { weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }).map(encodeURIComponent) },
    { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 30 }).map(encodeURIComponent) },
    { weight: 2, arbitrary: nasty },
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.integer({ min: 90, max: 4_000 }), fc.constantFrom('a', 'é', '🙂', '%00', '0'))
        .map(([n, c]) => encodeURIComponent(c).repeat(n)),
    },
  );
  const queryPairs = fc
    .array(
      fc.tuple(
        fc.oneof(printable(12), fc.constantFrom('regionId', 'from', 'to', 'limit', 'clientId', '__proto__', 'a[b]', 'features')),
        fc.oneof(printable(20), fc.string({ unit: 'binary', maxLength: 20 })),
      ),
      { maxLength: 6 },
    )
    .map((pairs) => pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&'));
  const query = fc.oneof(
    { weight: 3, arbitrary: fc.constant(null) },
    { weight: 3, arbitrary: queryPairs },
    { weight: 3, arbitrary: fc.constant('plausible') },
    {
      weight: 2,
      arbitrary: fc
        .tuple(
          fc.constant('plausible:'),
          fc.constantFrom('regionId', 'from', 'to', 'arrival', 'departure', 'stayType', 'limit', 'clientId', 'features', 'locationId'),
          fc.oneof(printable(30), nasty, fc.constant('')),
        )
        .map((parts) => parts.join('|')),
    },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        '%',
        '&&&',
        '=',
        '==',
        '?',
        'a=%zz',
        'limit=1e999',
        'limit=-1',
        'limit=99999999999999999999',
        'a'.repeat(5_000),
        'x[y][z]=1',
        'regionId[]=a&regionId[]=b',
      ),
    },
  );
  const jsonValue = fc.jsonValue({ maxDepth: 4 });
  const body: fc.Arbitrary<Body> = fc.oneof(
    { weight: 2, arbitrary: fc.constant({ kind: 'none' as const }) },
    { weight: 3, arbitrary: jsonValue.map((value) => ({ kind: 'json' as const, value })) },
    { weight: 1, arbitrary: fc.object({ maxDepth: 2 }).map((value) => ({ kind: 'json' as const, value })) },
    {
      weight: 5,
      arbitrary: fc
        .oneof(
          fc.constant(null),
          fc.record({
            key: fc.oneof(
              fc.constantFrom(
                'unitId',
                'clientId',
                'stayType',
                'arrival',
                'departure',
                'status',
                'reason',
                'name',
                'email',
                'role',
                'organisationId',
                'rrule',
                'nights',
                'overrides',
                'code',
                'password',
                'token',
                '__proto__',
                'constructor',
              ),
              printable(10),
            ),
            value: fc.oneof(jsonValue, nasty, fc.string({ unit: 'binary', maxLength: 300 })),
          }),
          fc.record({ drop: fc.nat(10) }),
        )
        .map((change) => ({ kind: 'plausible' as const, change })),
    },
    {
      weight: 2,
      arbitrary: fc
        .oneof(
          fc.string({ unit: 'binary', maxLength: 200 }),
          fc.constantFrom(
            '{',
            '}',
            '[',
            '{"a":',
            '{"a":1,}',
            "{'a':1}",
            'nul',
            'tru',
            '\u0000',
            '\uFEFF{}',
            '{"a":1}garbage',
            '{"__proto__":{"isAdmin":true}}',
            '{"constructor":{"prototype":{"polluted":1}}}',
            '['.repeat(3_000) + ']'.repeat(3_000),
            '{"a":'.repeat(500) + '1' + '}'.repeat(500),
            '1'.repeat(400),
            '"' + '\\u0000'.repeat(10) + '"',
            '{"name":"\\ud800"}',
            '{"a":1e999999}',
            '-0',
            '[]',
            '""',
          ),
        )
        .map((text) => ({ kind: 'raw' as const, text })),
    },
    {
      weight: 1,
      arbitrary: fc
        .record({ bytes: fc.integer({ min: BODY_LIMIT + 1, max: BODY_LIMIT * 4 }), json: fc.boolean() })
        .map((huge) => ({ kind: 'huge' as const, ...huge })),
    },
  );
  const contentType = fc.oneof(
    { weight: 8, arbitrary: fc.constant(undefined) }, // application/json for a body
    { weight: 1, arbitrary: fc.constant(null) }, // none at all
    {
      weight: 4,
      arbitrary: fc.constantFrom(
        'application/json; charset=utf-8',
        'application/json; charset=latin1',
        'APPLICATION/JSON',
        'application/problem+json',
        'application/json;;',
        'text/plain',
        'text/html',
        'application/x-www-form-urlencoded',
        'multipart/form-data; boundary=----fuzz',
        'application/xml',
        'application/octet-stream',
        '',
        '*/*',
        'application/*',
        'json',
        'application/json, text/plain',
        'application/json; charset=utf-16',
      ),
    },
    { weight: 1, arbitrary: printable(40) },
  );
  const oddHeaders = fc.dictionary(
    fc.constantFrom(
      'accept-language',
      'accept',
      'x-forwarded-for',
      'x-real-ip',
      'x-csrf-token',
      'cookie',
      'content-encoding',
      'x-http-method-override',
      'origin',
      'referer',
      'user-agent',
      'if-none-match',
      'range',
      'authorization',
      'x-requested-with',
    ),
    fc.oneof(
      printable(60),
      fc.constantFrom(
        'en',
        'en-GB,en;q=0.9',
        'nl',
        '*',
        'xx;q=abc',
        'gzip',
        'br',
        'DELETE',
        `${SESSION_COOKIE}=`,
        `${SESSION_COOKIE}=%E0%A4%A`,
        `${SESSION_COOKIE}=a; ${SESSION_COOKIE}=b`,
        'bytes=0-1',
        'Bearer x',
        'a'.repeat(4_000),
      ),
    ),
    { maxKeys: 3 },
  );
  const fuzzed: fc.Arbitrary<Fuzzed> = fc.record({
    route: fc.nat(),
    method: fc.oneof(
      { weight: 5, arbitrary: fc.constant(null) },
      { weight: 2, arbitrary: fc.constantFrom('GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS', 'TRACE', 'PROPFIND', 'SEARCH') },
    ),
    params: fc.array(param, { minLength: 2, maxLength: 2 }),
    pathMutation: fc.oneof(
      { weight: 12, arbitrary: fc.constant('none' as const) },
      {
        weight: 2,
        arbitrary: fc.constantFrom('trailing-slash', 'double-slash', 'suffix', 'upper', 'dot-segment', 'encoded-slash', 'no-prefix'),
      },
    ),
    query,
    body,
    contentType,
    headers: fc.oneof({ weight: 3, arbitrary: fc.constant({}) }, { weight: 2, arbitrary: oddHeaders }),
    csrf: fc.oneof(
      { weight: 8, arbitrary: fc.constant('right' as const) },
      { weight: 1, arbitrary: fc.constantFrom('missing' as const, 'wrong' as const) },
    ),
    remoteAddress: fc.oneof(fc.constant('127.0.0.1'), fc.ipV4()),
  });

  // ---- turning a description into a request ----

  function plausibleBody(operation: string, change: Extract<Body, { kind: 'plausible' }>['change']): unknown {
    const base: Record<string, unknown> = { ...(plausibleBodies[operation] ?? {}) };
    if (change && 'drop' in change) {
      const keys = Object.keys(base);
      if (keys.length > 0) delete base[keys[change.drop % keys.length]!];
    } else if (change) {
      Object.defineProperty(base, change.key, { value: change.value, enumerable: true, configurable: true, writable: true });
    }
    return base;
  }

  function plausibleQuery(operation: string, spec: string): string {
    const base = { ...(plausibleQueries[operation] ?? {}) };
    if (spec.startsWith('plausible:|')) {
      const [, key, value] = spec.split('|') as [string, string, string];
      base[key] = decodeSafely(value);
    }
    return new URLSearchParams(base).toString();
  }

  const decodeSafely = (text: string) => {
    try {
      return decodeURIComponent(text);
    } catch {
      return text;
    }
  };

  function build(f: Fuzzed, identity: Identity): { options: InjectOptions; usedSession: boolean; text: string } {
    const route = routes[f.route % routes.length]!;
    const operation = `${route.method} ${route.path}`;
    let index = 0;
    let path = route.path.replace(/\{[^}]+\}/g, () => f.params[index++ % f.params.length]!);
    switch (f.pathMutation) {
      case 'trailing-slash':
        path += '/';
        break;
      case 'double-slash':
        path = path.replace('/api/', '/api//');
        break;
      case 'suffix':
        path += `/${f.params[1]}`;
        break;
      case 'upper':
        path = path.toUpperCase();
        break;
      case 'dot-segment':
        path = path.replace('/api/', '/api/./x/../');
        break;
      case 'encoded-slash':
        path = path.replaceAll('/', '%2F').replace('%2Fapi%2F', '/api/');
        break;
      case 'no-prefix':
        path = path.replace('/api/', '/');
        break;
      case 'none':
        break;
    }
    const search = f.query === null ? '' : f.query.startsWith('plausible') ? plausibleQuery(operation, f.query) : f.query;
    const method = (f.method ?? route.method) as InjectOptions['method'];

    let payload: string | undefined;
    switch (f.body.kind) {
      case 'none':
        break;
      case 'json':
        payload = JSON.stringify(f.body.value) ?? 'null';
        break;
      case 'plausible':
        payload = JSON.stringify(plausibleBody(operation, f.body.change));
        break;
      case 'raw':
        payload = f.body.text;
        break;
      case 'huge':
        payload = f.body.json ? `{"name":"${'a'.repeat(f.body.bytes)}"}` : 'x'.repeat(f.body.bytes);
        break;
    }
    const headers: Record<string, string> = {};
    const session = identity === 'anonymous' ? undefined : sessions.get(identity);
    if (session) {
      headers.cookie = session.cookie!;
      if (f.csrf === 'right') headers[CSRF_HEADER] = session[CSRF_HEADER]!;
      if (f.csrf === 'wrong') headers[CSRF_HEADER] = `${session[CSRF_HEADER]!.slice(1)}x`;
    }
    if (payload !== undefined && f.contentType !== null) headers['content-type'] = f.contentType ?? 'application/json';
    Object.assign(headers, f.headers);
    const options: InjectOptions = {
      method,
      url: search ? `${path}?${search}` : path,
      headers,
      remoteAddress: f.remoteAddress,
      ...(payload !== undefined ? { payload } : {}),
    };
    const usedSession = session !== undefined && headers.cookie === session.cookie;
    return { options, usedSession, text: `${options.url}\n${payload ?? ''}\n${JSON.stringify(f.headers)}` };
  }

  const summary = (options: InjectOptions, identity: Identity) => {
    const payload = typeof options.payload === 'string' ? options.payload : '';
    return `${identity} ${options.method} ${String(options.url).slice(0, 300)} headers=${JSON.stringify(options.headers).slice(0, 300)} body(${payload.length})=${JSON.stringify(payload.slice(0, 200))}`;
  };

  function check(response: LightMyRequestResponse, method: string, requestText: string, label: string): void {
    const status = response.statusCode;
    statuses.set(status, (statuses.get(status) ?? 0) + 1);
    assert.ok(status < 500, `${label}\n→ ${status} ${response.body.slice(0, 500)}`);
    const contentType = String(response.headers['content-type'] ?? '');
    if (status >= 400 && /^application\/fhir\+json/.test(contentType)) {
      // Under /fhir an error is a FHIR OperationOutcome, with our words in its issues.
      assert.ok(label.includes(' /fhir/'), `${label}\n→ an OperationOutcome outside /fhir`);
      if (method !== 'HEAD') {
        const outcome = response.json() as { resourceType?: unknown; issue?: { details?: { text?: unknown } }[] };
        assert.equal(outcome.resourceType, 'OperationOutcome', `${label}\n→ ${status} ${response.body.slice(0, 300)}`);
        assert.ok(
          outcome.issue?.every((issue) => typeof issue.details?.text === 'string' && issue.details.text.trim().length > 0),
          `${label}\n→ an issue without words`,
        );
      }
    } else if (status >= 400) {
      assert.match(
        contentType,
        /^application\/problem\+json/,
        `${label}\n→ ${status} with content-type "${contentType}": ${response.body.slice(0, 300)}`,
      );
      if (method !== 'HEAD') {
        let problem: { title?: unknown; detail?: unknown; status?: unknown };
        try {
          problem = response.json();
        } catch {
          assert.fail(`${label}\n→ ${status} problem document is not JSON: ${response.body.slice(0, 300)}`);
        }
        const words = [problem.detail, problem.title].filter((text) => typeof text === 'string' && text.trim().length > 0);
        assert.ok(words.length > 0, `${label}\n→ ${status} problem without detail or title: ${response.body.slice(0, 300)}`);
        assert.equal(problem.status, status, `${label}\n→ the problem's status differs from the HTTP status`);
      }
    }
    // Case-sensitive: SQL as the database writes it, not the English word "select" in a message.
    for (const word of LEAKS) {
      if (response.body.includes(word) && !requestText.includes(word))
        assert.fail(`${label}\n→ ${status} the answer contains "${word}": ${response.body.slice(0, 500)}`);
    }
  }

  it(`answers ${RUNS} × ${IDENTITIES.length} malformed requests without a server error or a leak (seed ${SEED})`, async (context) => {
    const started = performance.now();
    const property = fc.asyncProperty(fuzzed, async (f) => {
      for (const identity of IDENTITIES) {
        const { options, usedSession, text } = build(f, identity);
        const response = await t.app.inject(options);
        sent++;
        check(response, String(options.method), text, summary(options, identity));
        // Sign-out routes (or an administrator blocking someone) end a session: start a new one so later runs keep
        // reaching the handlers behind the access check.
        if (usedSession && identity !== 'anonymous' && response.statusCode === 401) {
          const fresh = await t.signIn(identity);
          sessions.set(identity, fresh);
          sessionRenewals++;
        }
      }
    });
    try {
      await fc.assert(property, { numRuns: RUNS, seed: SEED });
    } catch (error) {
      throw new Error(`Fuzzing failed; reproduce with FUZZ_SEED=${SEED} FUZZ_RUNS=${RUNS}.\n${(error as Error).message}`, { cause: error });
    }
    const seconds = (performance.now() - started) / 1000;
    const distribution = [...statuses.entries()]
      .sort(([a], [b]) => a - b)
      .map(([status, count]) => `${status}: ${count}`)
      .join(', ');
    context.diagnostic(
      `${sent} requests in ${seconds.toFixed(1)} s (${Math.round(sent / seconds)}/s), ${sessionRenewals} sessions renewed; statuses ${distribution}`,
    );
    assert.ok(sent >= MINIMUM_REQUESTS, `only ${sent} requests were sent, expected at least ${MINIMUM_REQUESTS}`);
    assert.equal(sent, RUNS * IDENTITIES.length);
    // Not only errors: the fuzzing also reached handlers that did their work.
    assert.ok(
      [...statuses.keys()].some((status) => status < 300),
      'no request succeeded: the generators only test the outer layers',
    );
  });

  it('leaves the application working', async () => {
    assert.equal((await t.inject({ method: 'GET', url: '/api/health' }, 'anonymous')).statusCode, 200);
    const coordinator = await t.signIn('coordinator');
    const grid = await t.inject(
      { method: 'GET', url: `/api/availability/grid?regionId=${realIds[0]}&from=${inDays(0)}&to=${inDays(7)}` },
      coordinator,
    );
    assert.equal(grid.statusCode, 200, grid.body);
  });
});
