import assert from 'node:assert/strict';
import { type ChildProcess, execFile, execFileSync, spawn } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { promisify } from 'node:util';
import { after, describe, it } from 'node:test';
import pg from 'pg';

/**
 * Database outage: the real server (`node src/main.ts`) on its own throwaway PostgreSQL server, under a stream of
 * requests, when that database server crashes (`pg_ctl stop -m immediate`). The app must stay up, answer every
 * request either normally or with a 503 problem document, and serve again by itself once the database is back.
 *
 * Uses its own PostgreSQL server whether or not DATABASE_URL is set, and is skipped when no server binaries exist.
 */

const ROOT = join(import.meta.dirname, '..', '..');
const MAIN = join(ROOT, 'src', 'main.ts');
const PG_ROOT = '/usr/lib/postgresql';
/** A route whose every answer comes from the database. */
const DB_ROUTE = '/api/regions';
/** The table DB_ROUTE reads: the test locks it so that requests are stuck in their queries when the server dies. */
const DB_ROUTE_TABLE = 'region';
const POOL_SIZE = 6;
const IN_FLIGHT = 16;
const STORM_BEFORE_LOCK_MS = 300;
const STORM_AFTER_CRASH_MS = 1_500;
const RECOVERY_LIMIT_MS = 20_000;
const START_LIMIT_MS = 60_000;
const REQUEST_TIMEOUT_MS = 15_000;

const execFileAsync = promisify(execFile);
const asRoot = process.getuid?.() === 0;

/** The newest installed server's bin directory, if any. */
function postgresBin(): string | undefined {
  if (!existsSync(PG_ROOT)) return undefined;
  const versions = readdirSync(PG_ROOT)
    .filter((version) => existsSync(join(PG_ROOT, version, 'bin', 'pg_ctl')) && existsSync(join(PG_ROOT, version, 'bin', 'initdb')))
    .sort((a, b) => Number.parseFloat(b) - Number.parseFloat(a));
  return versions[0] === undefined ? undefined : join(PG_ROOT, versions[0], 'bin');
}

function postgresUid(): number | undefined {
  try {
    return Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
  } catch {
    return undefined;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** A PostgreSQL server in a temporary directory; the server refuses to run as root, so root runs it as postgres. */
class ThrowawayPostgres {
  readonly bin: string;
  readonly dir: string;
  readonly port: number;

  private constructor(bin: string, dir: string, port: number) {
    this.bin = bin;
    this.dir = dir;
    this.port = port;
  }

  static async create(bin: string, uid: number | undefined): Promise<ThrowawayPostgres> {
    const dir = mkdtempSync(join(tmpdir(), 'adempauze-outage-'));
    if (asRoot) chownSync(dir, uid!, -1);
    const server = new ThrowawayPostgres(bin, dir, await freePort());
    await server.run('initdb', [
      '-D',
      join(dir, 'data'),
      '-U',
      'postgres',
      '--auth=trust',
      '--encoding=UTF8',
      '--locale=C.UTF-8',
      '--no-sync',
    ]);
    return server;
  }

  get url(): string {
    return `postgres://postgres@127.0.0.1:${this.port}/postgres`;
  }

  start(): Promise<void> {
    return this.run('pg_ctl', [
      '-D',
      join(this.dir, 'data'),
      '-l',
      join(this.dir, 'server.log'),
      '-w',
      '-o',
      `-p ${this.port} -k ${this.dir} -c listen_addresses=127.0.0.1 -c fsync=off`,
      'start',
    ]);
  }

  /** A crash as far as clients can tell: every backend dies at once, nothing is shut down in order. */
  crash(): Promise<void> {
    return this.run('pg_ctl', ['-D', join(this.dir, 'data'), '-m', 'immediate', '-w', 'stop']);
  }

  async remove(): Promise<void> {
    await this.crash().catch(() => undefined);
    rmSync(this.dir, { recursive: true, force: true });
  }

  private async run(tool: string, args: string[]): Promise<void> {
    const path = join(this.bin, tool);
    const [command, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', path, ...args]] : [path, args];
    await execFileAsync(command, argv, { cwd: this.dir });
  }
}

interface App {
  readonly child: ChildProcess;
  readonly baseUrl: string;
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  output(): string;
}

async function startApp(databaseUrl: string): Promise<App> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    PORT: '0',
    HOST: '127.0.0.1',
    SEED_DEMO: 'false',
    LOG: 'false',
    SMTP_URL: '',
    ADMIN_EMAIL: '',
    RATE_LIMIT_PER_MINUTE: '1000000',
    DB_POOL_SIZE: String(POOL_SIZE),
  };
  // The test runner's marker would make the child report to us as a test.
  delete env.NODE_TEST_CONTEXT;
  const child = spawn(process.execPath, [MAIN], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const baseUrl = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`The app did not start within ${START_LIMIT_MS} ms. Output:\n${output}`)),
      START_LIMIT_MS,
    );
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
      output += chunk;
      const match = /Adempauze is running on http:\/\/\S+?:(\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(`http://127.0.0.1:${match[1]}`);
      }
    });
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    void exited.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new Error(`The app exited while starting (code ${code}, signal ${signal}). Output:\n${output}`));
    });
  });
  return { child, baseUrl, exited, output: () => output };
}

interface Answer {
  status: number;
  contentType: string;
  retryAfter: string | null;
  body: string;
}

async function get(baseUrl: string, path: string): Promise<Answer> {
  const response = await fetch(`${baseUrl}${path}`, { signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
  return {
    status: response.status,
    contentType: response.headers.get('content-type') ?? '',
    retryAfter: response.headers.get('retry-after'),
    body: await response.text(),
  };
}

function assertOutageProblem(answer: Answer, what: string): void {
  assert.equal(answer.status, 503, `${what}: expected 503, got ${answer.status} ${answer.body}`);
  assert.match(answer.contentType, /^application\/problem\+json/, `${what}: content-type ${answer.contentType}`);
  assert.ok(answer.retryAfter && /^\d+$/.test(answer.retryAfter), `${what}: Retry-After is ${answer.retryAfter}`);
  const problem = JSON.parse(answer.body) as Record<string, unknown>;
  assert.equal(problem.status, 503);
  assert.equal(typeof problem.title, 'string');
  assert.equal(typeof problem.type, 'string');
}

async function waitFor(condition: () => Promise<boolean>, what: string, limitMs = 15_000): Promise<void> {
  const deadline = Date.now() + limitMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Timed out after ${limitMs} ms waiting until ${what}`);
    await sleep(50);
  }
}

/** Alive: not exited, and no exit on its way (an uncaught error may take a moment to end the process). */
async function assertAlive(app: App, what: string): Promise<void> {
  const exit = await Promise.race([app.exited, sleep(300, undefined, { ref: false })]);
  assert.equal(exit, undefined, `${what}: the app exited (${JSON.stringify(exit)}). Output:\n${app.output()}`);
}

describe('a crash of the PostgreSQL server', () => {
  const cleanups: (() => Promise<void>)[] = [];
  after(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
  });

  it('leaves the app running: in-flight and new requests get 503 problem documents, and it serves again once the database is back', {
    timeout: 120_000,
  }, async (t) => {
    const bin = postgresBin();
    if (!bin) return t.skip(`no PostgreSQL server binaries under ${PG_ROOT}`);
    const uid = postgresUid();
    if (asRoot && uid === undefined) return t.skip('running as root, and there is no postgres user to run the server');

    const database = await ThrowawayPostgres.create(bin, uid);
    cleanups.push(() => database.remove());
    await database.start();
    const app = await startApp(database.url);
    cleanups.push(async () => {
      if (app.child.exitCode === null && app.child.signalCode === null) app.child.kill('SIGKILL');
      await app.exited;
    });
    assert.equal((await get(app.baseUrl, DB_ROUTE)).status, 200, 'the app serves before the crash');

    // More requests than pooled connections, so connections are checked out and busy when the server dies.
    let storming = true;
    const answers: Answer[] = [];
    const failures: string[] = [];
    const worker = async () => {
      while (storming) {
        try {
          answers.push(await get(app.baseUrl, DB_ROUTE));
        } catch (error) {
          failures.push(`${(error as Error).message} ${String(((error as Error).cause as Error | undefined)?.message ?? '')}`);
        }
      }
    };
    const workers = Array.from({ length: IN_FLIGHT }, worker);
    try {
      await sleep(STORM_BEFORE_LOCK_MS);
      // Most crashes find some query running; the lock makes sure every pooled connection is in one.
      const locker = new pg.Client({ connectionString: database.url });
      locker.on('error', () => undefined);
      await locker.connect();
      await locker.query(`BEGIN; LOCK TABLE ${DB_ROUTE_TABLE} IN ACCESS EXCLUSIVE MODE`);
      await waitFor(async () => {
        const { rows } = await locker.query<{ waiting: number }>(
          `SELECT count(*)::int AS waiting FROM pg_stat_activity WHERE wait_event_type = 'Lock'`,
        );
        return rows[0]!.waiting >= POOL_SIZE;
      }, 'every pooled connection waits in a query');
      await database.crash();
      await locker.end().catch(() => undefined);
      await sleep(STORM_AFTER_CRASH_MS);
    } finally {
      storming = false;
      await Promise.all(workers);
    }

    await assertAlive(app, 'after the database crashed under load');
    assert.deepEqual(failures.slice(0, 5), [], 'every request was answered');
    const statuses = new Map<number, number>();
    for (const answer of answers) statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
    assert.deepEqual(
      [...statuses.keys()].filter((status) => status !== 200 && status !== 503),
      [],
      `only 200 and 503, got ${JSON.stringify([...statuses])}`,
    );
    for (const answer of answers.filter((a) => a.status === 503).slice(0, 20)) assertOutageProblem(answer, 'a request around the crash');
    assert.ok((statuses.get(503) ?? 0) > 0, 'requests after the crash were answered 503');

    assertOutageProblem(await get(app.baseUrl, DB_ROUTE), 'a request while the database is down');
    await assertAlive(app, 'while the database is down');

    await database.start();
    const deadline = Date.now() + RECOVERY_LIMIT_MS;
    let last: Answer | undefined;
    while (Date.now() < deadline) {
      last = await get(app.baseUrl, DB_ROUTE);
      if (last.status === 200) break;
      assertOutageProblem(last, 'a request while the database comes back');
      await sleep(250);
    }
    assert.equal(
      last?.status,
      200,
      `the app serves again within ${RECOVERY_LIMIT_MS} ms of the database's return; last answer ${JSON.stringify(last)}`,
    );

    // A proper stop still works after the outage: pool and notification connection close cleanly.
    app.child.kill('SIGTERM');
    const exit = await Promise.race([app.exited, sleep(15_000, undefined, { ref: false })]);
    assert.equal(exit?.code, 0, `the app stops cleanly after the outage (${JSON.stringify(exit)}). Output:\n${app.output()}`);
  });
});
