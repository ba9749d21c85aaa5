import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import pg from 'pg';
import { lockDataDir } from '../data/data-dir-lock.ts';
import { type DatabaseHandle, openPglite, pgliteHandle, postgresHandle } from '../data/database.ts';
import { migrate } from '../data/migrate.ts';
import { seedDemo } from '../demo/seed-demo.ts';
import { withDatabase } from '../testing/test-database.ts';
import { backupPglite, libpqConnection } from './backup.ts';
import { restorePglite, restoreServer } from './restore.ts';
import { type TableChecksums, tableChecksums } from './table-checksums.ts';

const TODAY = '2027-03-01';
const ROOT = join(import.meta.dirname, '..', '..');
const NOWHERE = 'postgres://nobody@127.0.0.1:1/none';

interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The documented command, `npm run backup|restore -- …`, is `node src/ops/<script>.ts …` from the project root. */
function cli(script: 'backup' | 'restore', args: string[], env: Record<string, string>): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join('src', 'ops', `${script}.ts`), ...args], {
      cwd: ROOT,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

function summaryOf(run: CliRun): { [key: string]: unknown; tables: TableChecksums } {
  assert.equal(run.code, 0, `exit code ${run.code}; stderr:\n${run.stderr}`);
  const last = run.stdout.trim().split('\n').at(-1) ?? '';
  return JSON.parse(last);
}

async function checksumsOf(handle: DatabaseHandle): Promise<TableChecksums> {
  try {
    return await tableChecksums(handle.db);
  } finally {
    await handle.close();
  }
}

async function pgliteChecksums(dataDir: string): Promise<TableChecksums> {
  return checksumsOf(pgliteHandle(await openPglite({ dataDir: join(dataDir, 'pgdata') })));
}

function assertSeeded(tables: TableChecksums): void {
  // Equal checksums of empty tables would prove nothing.
  assert.ok((tables.stay?.rows ?? 0) > 800, 'the demo year of stays is there');
  assert.ok((tables.client?.rows ?? 0) > 100, 'the demo clients are there');
  assert.ok((tables.schema_migration?.rows ?? 0) > 0, 'the migration bookkeeping is there');
}

describe('backup and restore of the embedded PGlite database', () => {
  let work: string;
  let sourceDir: string;
  let targetDir: string;
  let backupFile: string;
  let source: TableChecksums;

  before(async () => {
    work = mkdtempSync(join(tmpdir(), 'adempauze-backup-test-'));
    sourceDir = join(work, 'source');
    targetDir = join(work, 'target');
    backupFile = join(work, 'backups', 'adempauze.tar.gz');
    mkdirSync(sourceDir); // PGlite creates pgdata/ but not its parent
    const handle = pgliteHandle(await openPglite({ dataDir: join(sourceDir, 'pgdata') }));
    await migrate(handle);
    await seedDemo(handle.db, { today: TODAY });
    source = await checksumsOf(handle);
    assertSeeded(source);
  });
  after(() => rmSync(work, { recursive: true, force: true }));

  it('npm run backup writes a gzip tarball and prints a JSON summary with the row counts and checksums', async () => {
    const run = await cli('backup', ['--out', backupFile], { DATA_DIR: sourceDir, DATABASE_URL: '' });
    const summary = summaryOf(run);
    assert.equal(summary.backup, backupFile);
    assert.equal(summary.kind, 'pglite');
    assert.equal(summary.bytes, statSync(backupFile).size);
    assert.deepEqual(summary.tables, source);
    assert.deepEqual([...readFileSync(backupFile).subarray(0, 2)], [0x1f, 0x8b]);
    assert.equal(statSync(backupFile).mode & 0o777, 0o600, 'only the owner can read the personal data in it');
    assert.match(run.stderr, /Backup written: .*adempauze\.tar\.gz/);
    assert.deepEqual(readdirSync(join(work, 'backups')), ['adempauze.tar.gz'], 'no partial file is left behind');
    assert.ok(!existsSync(join(sourceDir, 'adempauze.lock')), 'the lock is released');
  });

  it('npm run restore into an empty data directory gives equal row counts and checksums', async () => {
    const run = await cli('restore', ['--from', backupFile], { DATA_DIR: targetDir, DATABASE_URL: '' });
    const summary = summaryOf(run);
    assert.equal(summary.into, join(targetDir, 'pgdata'));
    assert.deepEqual(summary.tables, source);
    assert.deepEqual(await pgliteChecksums(targetDir), source, 'read back independently');
    // The restored database is a working one: nothing left to migrate, and it takes writes.
    const handle = pgliteHandle(await openPglite({ dataDir: join(targetDir, 'pgdata') }));
    try {
      assert.deepEqual(await migrate(handle), []);
      await sql`UPDATE client SET id = id`.execute(handle.db);
    } finally {
      await handle.close();
    }
  });

  it('refuses to back up while the app holds the data directory', async () => {
    const lock = lockDataDir(sourceDir); // this test process stands in for the running app
    try {
      const out = join(work, 'while-running.tar.gz');
      const run = await cli('backup', ['--out', out], { DATA_DIR: sourceDir, DATABASE_URL: '' });
      assert.equal(run.code, 1);
      assert.match(run.stderr, /Backup failed: Cannot back up: the data directory .* is in use by a running Adempauze/);
      assert.match(run.stderr, new RegExp(`pid ${process.pid}\\b.*stop the app`));
      assert.equal(run.stdout, '');
      assert.ok(!existsSync(out));
    } finally {
      lock.release();
    }
  });

  it('does not overwrite an existing backup file unless --force', async () => {
    await assert.rejects(backupPglite({ dataDir: sourceDir, out: backupFile }), /already exists.*--force/);
    const run = await cli('backup', [], { DATA_DIR: sourceDir, DATABASE_URL: '' });
    assert.equal(run.code, 2);
    assert.match(run.stderr, /--out <file> is required[\s\S]*Usage: npm run backup/);
    await assert.rejects(
      backupPglite({ dataDir: join(work, 'no-such-dir'), out: join(work, 'x.tar.gz') }),
      /no embedded database in .*no-such-dir/,
    );
  });

  it('restore refuses a data directory that holds a database; --force moves it aside and keeps it', async () => {
    await assert.rejects(restorePglite({ dataDir: targetDir, from: backupFile }), /already holds a database.*--force/);
    const pgliteLog: string[] = [];
    const summary = await restorePglite({ dataDir: targetDir, from: backupFile, force: true, log: (m) => pgliteLog.push(m) });
    assert.match(summary.movedAside ?? '', /pgdata\.before-restore-\d{8}T\d{6}Z$/);
    assert.ok(existsSync(join(summary.movedAside!, 'PG_VERSION')), 'the previous database is kept');
    assert.deepEqual(summary.tables, source);
    assert.deepEqual(await pgliteChecksums(targetDir), source);
    assert.ok(pgliteLog.some((line) => line.startsWith('Moving the current database aside')));
  });

  it('puts the previous database back when a --force restore fails', async () => {
    // A tarball that passes the checks (PG_VERSION is its first entry) but holds nothing else.
    const onlyVersion = Buffer.concat([gunzipSync(readFileSync(backupFile)).subarray(0, 1024), Buffer.alloc(1024)]);
    const broken = join(work, 'broken.tar.gz');
    writeFileSync(broken, gzipSync(onlyVersion));
    const before = readdirSync(targetDir).sort();
    await assert.rejects(
      restorePglite({ dataDir: targetDir, from: broken, force: true }),
      /the previous database is back in .*target\/pgdata/,
    );
    assert.deepEqual(readdirSync(targetDir).sort(), before);
    assert.deepEqual(await pgliteChecksums(targetDir), source);
  });

  it('gives a clear error for a missing file or the wrong kind of file, and changes nothing', async () => {
    const untouched = join(work, 'untouched');
    const restore = (from: string) => restorePglite({ dataDir: untouched, from });
    await assert.rejects(restore(join(work, 'missing.tar.gz')), /The backup file .*missing\.tar\.gz does not exist/);
    const file = (name: string, content: string | Uint8Array) => {
      const path = join(work, name);
      writeFileSync(path, content);
      return path;
    };
    await assert.rejects(restore(file('empty.tar.gz', '')), /is empty/);
    await assert.rejects(restore(file('notes.txt', 'hello\n')), /not a backup made by npm run backup/);
    await assert.rejects(restore(file('plain.sql', '--\n-- PostgreSQL database dump\n--\n')), /plain SQL dump/);
    await assert.rejects(
      restore(file('server.dump', 'PGDMP\x01\x0f\x00')),
      /is a pg_dump archive of a PostgreSQL server, but DATABASE_URL is not set/,
    );
    await assert.rejects(restore(file('other.gz', gzipSync('not a tar'))), /gzip file but not a PGlite backup/);
    const whole = readFileSync(backupFile);
    await assert.rejects(restore(file('cut.tar.gz', whole.subarray(0, whole.length / 2))), /cannot be decompressed/);
    await assert.rejects(
      restoreServer({ databaseUrl: NOWHERE, from: backupFile }),
      /is a backup of the embedded PGlite database, but DATABASE_URL is set/,
    );
    assert.ok(!existsSync(untouched), 'no data directory was created');

    const run = await cli('restore', ['--from', join(work, 'missing.tar.gz')], { DATA_DIR: untouched, DATABASE_URL: '' });
    assert.equal(run.code, 1);
    assert.match(run.stderr, /^Restore failed: The backup file .* does not exist\.$/m);
  });
});

describe('libpqConnection', () => {
  it('keeps the password out of the command line', () => {
    const connection = libpqConnection('postgres://app:s%40cret@db.example:5433/adempauze?sslmode=require');
    assert.equal(connection.uri, 'postgres://app@db.example:5433/adempauze?sslmode=require');
    assert.equal(connection.env.PGPASSWORD, 's@cret');
    assert.equal(connection.display, 'database db.example:5433/adempauze');
  });
});

const serverUrl = process.env.DATABASE_URL || undefined;

describe('backup and restore on a PostgreSQL server', { skip: serverUrl ? false : 'DATABASE_URL is not set' }, () => {
  const id = randomUUID().replaceAll('-', '');
  const sourceName = `adempauze_backup_src_${id}`;
  const targetName = `adempauze_backup_dst_${id}`;
  let work: string;
  let backupFile: string;
  let source: TableChecksums;
  const url = (name: string) => withDatabase(serverUrl!, name);

  async function admin(statement: string): Promise<void> {
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  }

  before(async () => {
    work = mkdtempSync(join(tmpdir(), 'adempauze-backup-test-'));
    backupFile = join(work, 'adempauze.dump');
    await admin(`CREATE DATABASE ${sourceName}`);
    await admin(`CREATE DATABASE ${targetName}`);
    const handle = postgresHandle(url(sourceName), 2);
    await migrate(handle);
    await seedDemo(handle.db, { today: TODAY });
    source = await checksumsOf(handle);
    assertSeeded(source);
  });
  after(async () => {
    rmSync(work, { recursive: true, force: true });
    await admin(`DROP DATABASE IF EXISTS ${sourceName} WITH (FORCE)`);
    await admin(`DROP DATABASE IF EXISTS ${targetName} WITH (FORCE)`);
  });

  it('npm run backup with DATABASE_URL writes a pg_dump archive and prints the checksums it holds', async () => {
    const run = await cli('backup', ['--out', backupFile], { DATABASE_URL: url(sourceName) });
    const summary = summaryOf(run);
    assert.equal(summary.kind, 'pg_dump');
    assert.equal(summary.bytes, statSync(backupFile).size);
    assert.equal(readFileSync(backupFile).subarray(0, 5).toString(), 'PGDMP');
    assert.equal(statSync(backupFile).mode & 0o777, 0o600, 'only the owner can read the personal data in it');
    assert.deepEqual(summary.tables, source);
  });

  it('npm run restore into a fresh database gives equal row counts and checksums', async () => {
    const run = await cli('restore', ['--from', backupFile], { DATABASE_URL: url(targetName) });
    const summary = summaryOf(run);
    assert.deepEqual(summary.tables, source);
    assert.deepEqual(await checksumsOf(postgresHandle(url(targetName), 1)), source, 'read back independently');
    const handle = postgresHandle(url(targetName), 1);
    try {
      assert.deepEqual(await migrate(handle), []);
    } finally {
      await handle.close();
    }
  });

  it('overwrites a database that has tables only with --force, and then replaces its contents', async () => {
    const handle = postgresHandle(url(targetName), 1);
    try {
      // Content that differs from the archive (stays are referenced by their history, so change rather than delete).
      await sql`UPDATE client SET name = 'Veranderd' WHERE id IN (SELECT id FROM client ORDER BY id LIMIT 10)`.execute(handle.db);
      await sql`CREATE TABLE stray (n int)`.execute(handle.db);
    } finally {
      await handle.close();
    }
    await assert.rejects(restoreServer({ databaseUrl: url(targetName), from: backupFile }), /already has \d+ tables .*--force/);
    const summary = await restoreServer({ databaseUrl: url(targetName), from: backupFile, force: true });
    // Tables the archive does not know are left alone; all the others are as in the source.
    const { stray, ...restored } = summary.tables;
    assert.deepEqual(stray, { rows: 0, md5: 'd41d8cd98f00b204e9800998ecf8427e' });
    assert.deepEqual(restored, source);
  });

  it('refuses a pg_dump archive when no DATABASE_URL is set', async () => {
    await assert.rejects(
      restorePglite({ dataDir: join(work, 'pglite'), from: backupFile }),
      /pg_dump archive of a PostgreSQL server, but DATABASE_URL is not set/,
    );
  });
});
