import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { type Kysely, type KyselyPlugin, sql } from 'kysely';
import type { Database } from '../data/schema.ts';
import { AppError, type ErrorCode } from '../errors.ts';
import { aClient, aLocation, aRegion, aUnit, inDays } from '../testing/fixtures.ts';
import { type TestDatabase, createTestDatabase } from '../testing/test-database.ts';
import { type Stay, changeStayDates, createStay, moveStay, transitionStay } from './booking.service.ts';
import { closeUnit } from './registry.service.ts';

/**
 * Random interleavings of bookings, status changes, date changes, moves and closures over a handful of units.
 * Each run books on fresh units in one shared database. The operations run in batches whose operations all start
 * together. In a scheduled batch a fast-check scheduler decides after every single query which operation goes on
 * next (a Kysely plugin parks each query result until the scheduler releases it), so the interleaving is part of the
 * generated input and gets shrunk; a free-running batch is a plain Promise.all. On PGlite the queries queue on its
 * one connection; on a PostgreSQL server (DATABASE_URL) they run on parallel connections and really wait for each
 * other's locks. Whatever the interleaving:
 *  - no unit, and no guest, ever holds two overlapping occupying stays (checked in SQL after every batch);
 *  - every operation succeeds or fails with an AppError whose code fits the operation;
 *  - the stays and closures in the database are exactly those a model built from the successful results predicts,
 *    and the results of the operations on one stay form a sequence that the lifecycle allows;
 *  - a stay overlaps a closure only if it already did when the closure was made (closures keep planned stays, but
 *    nothing may be booked, extended or moved into a closure afterwards).
 */

const SETTINGS = { defaultHoldMinutes: 30 };
const NUM_RUNS = 60;

/** Replays a reported failure: PROPERTY_SEED=<seed> PROPERTY_PATH=<path> node --test <this file>. */
function replay(): { seed?: number; path?: string } {
  const seed = process.env.PROPERTY_SEED;
  return seed ? { seed: Number(seed), ...(process.env.PROPERTY_PATH ? { path: process.env.PROPERTY_PATH } : {}) } : {};
}

type StatusAction = 'confirm' | 'cancel' | 'arrive' | 'depart' | 'no_show';

type Op =
  | { kind: 'book'; unit: number; client: number; arrival: number; nights: number; status: 'hold' | 'confirmed' }
  | { kind: StatusAction; stay: number }
  | { kind: 'extend' | 'shorten'; stay: number; days: number }
  | { kind: 'move'; stay: number; unit: number }
  | { kind: 'close'; unit: number; from: number; nights: number };

/** An operation with its references resolved against the model as it stood when the batch started. */
type Planned =
  | { kind: 'book'; unitId: string; clientId: string; arrival: string; departure: string; status: 'hold' | 'confirmed' }
  | { kind: StatusAction; stayId: string }
  | { kind: 'extend' | 'shorten'; stayId: string; departure: string }
  | { kind: 'move'; stayId: string; unitId: string }
  | { kind: 'close'; unitId: string; from: string; to: string };

interface ClosureResult {
  id: string;
  unitId: string;
  startsOn: string;
  endsOn: string;
  affectedStayIds: string[];
}

type Outcome = { planned: Planned; label: string } & ({ ok: true; value: Stay | ClosureResult } | { ok: false; error: unknown });

interface ModelStay {
  id: string;
  unitId: string;
  arrival: string;
  departure: string;
  status: string;
}

interface ModelClosure {
  id: string;
  unitId: string;
  from: string;
  to: string;
  affectedStayIds: string[];
}

const EXPECTED_CODES: Record<Planned['kind'], readonly ErrorCode[]> = {
  book: ['stay_conflict', 'unit_closed', 'client_already_staying'],
  confirm: ['invalid_transition'],
  cancel: ['invalid_transition'],
  arrive: ['invalid_transition'],
  depart: ['invalid_transition'],
  no_show: ['invalid_transition'],
  extend: ['invalid_transition', 'stay_conflict', 'unit_closed', 'client_already_staying'],
  // A stay that a closure was laid over may not be shortened while it still overlaps the closure.
  shorten: ['invalid_transition', 'unit_closed'],
  move: ['invalid_transition', 'stay_conflict', 'unit_closed'],
  close: [],
};

const OCCUPYING = ['hold', 'confirmed', 'arrived', 'departed'];

const opArb: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('book' as const),
      unit: fc.nat(3),
      client: fc.nat(2),
      arrival: fc.integer({ min: 1, max: 20 }),
      nights: fc.integer({ min: 1, max: 6 }),
      status: fc.constantFrom('hold' as const, 'confirmed' as const),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('confirm' as const), stay: fc.nat(5) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('cancel' as const), stay: fc.nat(5) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constantFrom('arrive' as const, 'depart' as const, 'no_show' as const), stay: fc.nat(5) }) },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant('extend' as const), stay: fc.nat(5), days: fc.integer({ min: 1, max: 6 }) }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('shorten' as const), stay: fc.nat(5), days: fc.integer({ min: 1, max: 4 }) }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('move' as const), stay: fc.nat(5), unit: fc.nat(3) }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('close' as const),
      unit: fc.nat(3),
      from: fc.integer({ min: 1, max: 22 }),
      nights: fc.integer({ min: 1, max: 4 }),
    }),
  },
);

const scenarioArb = fc.record({
  unitCount: fc.integer({ min: 3, max: 4 }),
  locationCount: fc.integer({ min: 1, max: 2 }),
  batches: fc.array(
    fc.record({
      /** Let the scheduler pick the next operation after every query, or let the batch run free (Promise.all). */
      scheduled: fc.boolean(),
      ops: fc.array(opArb, { minLength: 1, maxLength: 8 }),
    }),
    { minLength: 1, maxLength: 8 },
  ),
});

function addDaysIso(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

function resolve(op: Op, unitIds: readonly string[], clientIds: readonly string[], stays: readonly ModelStay[]): Planned | null {
  const unitId = (i: number) => unitIds[i % unitIds.length]!;
  if (op.kind === 'book') {
    return {
      kind: 'book',
      unitId: unitId(op.unit),
      clientId: clientIds[op.client % clientIds.length]!,
      arrival: inDays(op.arrival),
      departure: inDays(op.arrival + op.nights),
      status: op.status,
    };
  }
  if (op.kind === 'close') return { kind: 'close', unitId: unitId(op.unit), from: inDays(op.from), to: inDays(op.from + op.nights) };
  if (stays.length === 0) return null;
  // Counted from the newest stay, so the operations of a batch often meet on the same few stays.
  const stay = stays[stays.length - 1 - (op.stay % stays.length)]!;
  switch (op.kind) {
    case 'confirm':
    case 'cancel':
    case 'arrive':
    case 'depart':
    case 'no_show':
      return { kind: op.kind, stayId: stay.id };
    case 'extend':
      return { kind: 'extend', stayId: stay.id, departure: addDaysIso(stay.departure, op.days) };
    case 'shorten': {
      const departure = addDaysIso(stay.departure, -op.days);
      return { kind: 'shorten', stayId: stay.id, departure: departure > stay.arrival ? departure : addDaysIso(stay.arrival, 1) };
    }
    case 'move':
      return { kind: 'move', stayId: stay.id, unitId: unitId(op.unit) };
  }
}

function execute(db: Kysely<Database>, planned: Planned): Promise<Stay | ClosureResult> {
  switch (planned.kind) {
    case 'book':
      return createStay(
        db,
        {
          unitId: planned.unitId,
          clientId: planned.clientId,
          stayType: 'respite',
          arrival: planned.arrival,
          departure: planned.departure,
          status: planned.status,
        },
        SETTINGS,
      );
    case 'confirm':
      return transitionStay(db, planned.stayId, 'confirm');
    case 'cancel':
      return transitionStay(db, planned.stayId, 'cancel', { reason: 'property test' });
    case 'arrive':
    case 'depart':
    case 'no_show':
      return transitionStay(db, planned.stayId, planned.kind);
    case 'extend':
    case 'shorten':
      return changeStayDates(db, planned.stayId, { departure: planned.departure });
    case 'move':
      return moveStay(db, planned.stayId, planned.unitId);
    case 'close':
      return closeUnit(db, planned.unitId, { period: { from: planned.from, to: planned.to }, reason: 'maintenance', note: null });
  }
}

/** The same database, but after every query the operation waits until the scheduler lets it go on. */
function scheduledDb(db: Kysely<Database>, s: fc.Scheduler, label: string): Kysely<Database> {
  const plugin: KyselyPlugin = {
    transformQuery: (args) => args.node,
    transformResult: async (args) => {
      await s.schedule(Promise.resolve(), label);
      return args.result;
    },
  };
  return db.withPlugin(plugin);
}

/**
 * What a successful operation does to a stay, or null when the lifecycle does not allow it from this state.
 * Written out here rather than taken from src/domain/stay-lifecycle.ts, so the test states the rules itself.
 */
function applyToStay(planned: Planned, stay: ModelStay): ModelStay | null {
  const planning = stay.status === 'hold' || stay.status === 'confirmed';
  const to = (status: string) => ({ ...stay, status });
  switch (planned.kind) {
    case 'confirm':
      return stay.status === 'hold' ? to('confirmed') : null;
    case 'cancel':
      return planning ? to('cancelled') : null;
    case 'arrive':
      return stay.status === 'confirmed' ? to('arrived') : null;
    case 'no_show':
      return stay.status === 'confirmed' ? to('no_show') : null;
    case 'depart':
      return stay.status === 'arrived' ? to('departed') : null;
    case 'extend':
    case 'shorten':
      // Only the departure changes here, which is allowed until the guest has left.
      return planning || stay.status === 'arrived' ? { ...stay, departure: planned.departure } : null;
    case 'move':
      return planning ? { ...stay, unitId: planned.unitId } : null;
    default:
      return null;
  }
}

const sameStay = (a: ModelStay, b: ModelStay) =>
  a.id === b.id && a.unitId === b.unitId && a.arrival === b.arrival && a.departure === b.departure && a.status === b.status;

/**
 * The successful operations on one stay committed in some order; each returned the row as it left it. Returns the
 * final states of every order in which each result is what the lifecycle makes of the previous one (more than one
 * when operations commute up to their results, e.g. a shortening to the current departure and an extension).
 */
function explainSequence(start: ModelStay, done: readonly { planned: Planned; result: ModelStay }[]): ModelStay[] {
  if (done.length === 0) return [start];
  const finals: ModelStay[] = [];
  for (let i = 0; i < done.length; i++) {
    const { planned, result } = done[i]!;
    const next = applyToStay(planned, start);
    if (next && sameStay(next, result)) {
      for (const last of explainSequence(result, [...done.slice(0, i), ...done.slice(i + 1)])) {
        if (!finals.some((f) => sameStay(f, last))) finals.push(last);
      }
    }
  }
  return finals;
}

const toModel = (stay: Stay): ModelStay => ({
  id: stay.id,
  unitId: stay.unitId,
  arrival: stay.arrival,
  departure: stay.departure,
  status: stay.status,
});

function describeOutcomes(outcomes: readonly Outcome[]): string {
  return outcomes
    .map((o) => {
      const result = o.ok
        ? `ok ${JSON.stringify('status' in o.value ? toModel(o.value) : o.value)}`
        : o.error instanceof AppError
          ? `AppError ${o.error.code}`
          : `UNEXPECTED ${String((o.error as Error)?.stack ?? o.error)}`;
      return `  ${o.label} ${JSON.stringify(o.planned)} → ${result}`;
    })
    .join('\n');
}

describe(`booking under random concurrent interleavings (${process.env.DATABASE_URL ? 'PostgreSQL server' : 'PGlite'})`, () => {
  let database: TestDatabase;

  before(async () => {
    database = await createTestDatabase({ poolSize: 12 });
  });
  after(() => database.close());

  /** Pairs of occupying stays that overlap on one unit, or of one guest on any units. */
  async function overlappingPairs(column: 'unit_id' | 'client_id'): Promise<unknown[]> {
    const result = await sql<{ a: string; b: string }>`
      SELECT a.id AS a, b.id AS b, a.unit_id, a.client_id, a.period::text AS pa, b.period::text AS pb
        FROM stay a JOIN stay b ON a.${sql.ref(column)} = b.${sql.ref(column)} AND a.id < b.id AND a.period && b.period
       WHERE a.status IN ('hold', 'confirmed', 'arrived', 'departed')
         AND b.status IN ('hold', 'confirmed', 'arrived', 'departed')`.execute(database.db);
    return result.rows;
  }

  it('never double-books a unit or a guest, fails only with expected errors, and matches the model', async () => {
    await fc.assert(
      fc.asyncProperty(scenarioArb, fc.scheduler(), async (scenario, s) => {
        const db = database.db;
        const regionId = await aRegion(db);
        const locationIds: string[] = [];
        for (let i = 0; i < scenario.locationCount; i++) locationIds.push(await aLocation(db, regionId, { name: `Locatie ${i}` }));
        const unitIds: string[] = [];
        for (let i = 0; i < scenario.unitCount; i++) {
          unitIds.push(await aUnit(db, locationIds[i % locationIds.length]!, { name: `Kamer ${i}` }));
        }
        // Three guests, so that one guest's stays meet on different units now and then.
        const clientIds = [await aClient(db), await aClient(db), await aClient(db)];

        const stays = new Map<string, ModelStay>();
        const closures: ModelClosure[] = [];
        let opNumber = 0;

        for (const [batchIndex, batch] of scenario.batches.entries()) {
          const known = [...stays.values()];
          const planned = batch.ops.map((op) => resolve(op, unitIds, clientIds, known)).filter((p): p is Planned => p !== null);
          const running = planned.map((p) => {
            const label = `#${++opNumber} ${p.kind}`;
            const started = batch.scheduled
              ? s.schedule(Promise.resolve(), `${label} start`).then(() => execute(scheduledDb(db, s, label), p))
              : execute(db, p);
            return started.then(
              (value): Outcome => ({ planned: p, label, ok: true, value }),
              (error: unknown): Outcome => ({ planned: p, label, ok: false, error }),
            );
          });
          const outcomes = batch.scheduled ? await s.waitFor(Promise.all(running)) : await Promise.all(running);
          const context = () => `batch ${batchIndex} (${batch.scheduled ? 'scheduled' : 'free-running'}):\n${describeOutcomes(outcomes)}`;

          // 1. Failures only with codes that fit the operation.
          for (const o of outcomes) {
            if (o.ok) continue;
            assert.ok(
              o.error instanceof AppError && EXPECTED_CODES[o.planned.kind].includes(o.error.code),
              `${o.label} failed unexpectedly\n${context()}`,
            );
          }

          // 2. The exclusion constraint's promise, checked from outside.
          assert.deepEqual(await overlappingPairs('unit_id'), [], `overlapping occupying stays after ${context()}`);
          assert.deepEqual(await overlappingPairs('client_id'), [], `one guest in two overlapping stays after ${context()}`);

          // 3. Update the model from the successful results.
          const doneByStay = new Map<string, { planned: Planned; result: ModelStay }[]>();
          for (const o of outcomes) {
            if (!o.ok) continue;
            if (o.planned.kind === 'close') {
              const c = o.value as ClosureResult;
              closures.push({ id: c.id, unitId: c.unitId, from: c.startsOn, to: c.endsOn, affectedStayIds: c.affectedStayIds });
            } else if (o.planned.kind === 'book') {
              const stay = toModel(o.value as Stay);
              assert.deepEqual(
                { unitId: stay.unitId, arrival: stay.arrival, departure: stay.departure, status: stay.status },
                { unitId: o.planned.unitId, arrival: o.planned.arrival, departure: o.planned.departure, status: o.planned.status },
                `${o.label} booked something else\n${context()}`,
              );
              stays.set(stay.id, stay);
            } else {
              const list = doneByStay.get(o.planned.stayId) ?? [];
              list.push({ planned: o.planned, result: toModel(o.value as Stay) });
              doneByStay.set(o.planned.stayId, list);
            }
          }
          const dbStays = await db
            .selectFrom('stay')
            .select(['id', 'unit_id', 'arrival', 'departure', 'status'])
            .where('unit_id', 'in', unitIds)
            .orderBy('id')
            .execute();
          const dbStay = (id: string) => {
            const row = dbStays.find((r) => r.id === id);
            return row && { id: row.id, unitId: row.unit_id, arrival: row.arrival, departure: row.departure, status: row.status };
          };
          for (const [stayId, done] of doneByStay) {
            const finals = explainSequence(stays.get(stayId)!, done);
            assert.ok(finals.length > 0, `results on stay ${stayId} fit no order of the operations\n${context()}`);
            const stored = dbStay(stayId);
            const last = finals.find((f) => stored && sameStay(f, stored));
            assert.ok(
              last,
              `stay ${stayId} is stored as ${JSON.stringify(stored)}, expected one of ${JSON.stringify(finals)}\n${context()}`,
            );
            stays.set(stayId, last);
          }

          // 4. The database agrees with the model.
          assert.deepEqual(
            dbStays.map((r) => ({ id: r.id, unitId: r.unit_id, arrival: r.arrival, departure: r.departure, status: r.status })),
            [...stays.values()].sort((a, b) => (a.id < b.id ? -1 : 1)),
            `stays in the database differ from the model after ${context()}`,
          );
          const dbClosures = await db
            .selectFrom('unit_closure')
            .select(['id', 'unit_id', 'starts_on', 'ends_on'])
            .where('unit_id', 'in', unitIds)
            .orderBy('id')
            .execute();
          assert.deepEqual(
            dbClosures.map((r) => ({ id: r.id, unitId: r.unit_id, from: r.starts_on, to: r.ends_on })),
            closures.map(({ id, unitId, from, to }) => ({ id, unitId, from, to })).sort((a, b) => (a.id < b.id ? -1 : 1)),
            `closures in the database differ from the model after ${context()}`,
          );

          // 5. Nothing was placed into a closure after it was made.
          for (const stay of stays.values()) {
            if (!OCCUPYING.includes(stay.status)) continue;
            for (const closure of closures) {
              const overlaps = closure.unitId === stay.unitId && stay.arrival < closure.to && closure.from < stay.departure;
              assert.ok(
                !overlaps || closure.affectedStayIds.includes(stay.id),
                `stay ${JSON.stringify(stay)} overlaps closure ${JSON.stringify(closure)} made before it got there\n${context()}`,
              );
            }
          }
        }
      }),
      { numRuns: NUM_RUNS, ...replay() },
    );
  });
});
