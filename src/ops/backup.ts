import { spawn } from 'node:child_process';
import {
  accessSync,
  chmodSync,
  closeSync,
  constants,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { basename, delimiter, dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { loadConfig } from '../config.ts';
import { type DataDirLock, DataDirLockedError, lockDataDir } from '../data/data-dir-lock.ts';
import { openPglite, pgliteHandle, postgresHandle } from '../data/database.ts';
import { type TableChecksums, tableChecksums } from './table-checksums.ts';

/**
 * Backups of either database.
 *
 * - Embedded PGlite (no DATABASE_URL): the whole data directory `$DATA_DIR/pgdata` as PGlite's gzip tarball
 *   (`dumpDataDir('gzip')`), taken under the data-directory lock, so never while the app runs on it.
 * - PostgreSQL server (DATABASE_URL): `pg_dump --format=custom`, sharing the snapshot from which the summary's
 *   checksums are read, so the printed counts are exactly what the file holds, even while the app writes.
 *
 * CLI: `npm run backup -- --out <file> [--force]`. Progress goes to stderr; the last line on stdout is a JSON summary.
 */

export type Log = (message: string) => void;
export type BackupKind = 'pglite' | 'pg_dump';

export interface BackupSummary {
  readonly backup: string;
  readonly kind: BackupKind;
  readonly bytes: number;
  readonly seconds: number;
  /** Every table in schema public with its row count and checksum at the moment of the backup. */
  readonly tables: TableChecksums;
}

export interface PgliteBackupOptions {
  /** DATA_DIR: holds the lock file and the database in `pgdata/`. */
  readonly dataDir: string;
  readonly out: string;
  /** Overwrite an existing file. */
  readonly force?: boolean;
  readonly log?: Log;
}

export interface ServerBackupOptions {
  readonly databaseUrl: string;
  readonly out: string;
  readonly force?: boolean;
  readonly log?: Log;
}

export const PGDATA = 'pgdata';
const silent: Log = () => {};

export async function backupPglite(options: PgliteBackupOptions): Promise<BackupSummary> {
  const started = performance.now();
  const log = options.log ?? silent;
  const out = resolve(options.out);
  const dataDir = resolve(options.dataDir);
  const pgdata = join(dataDir, PGDATA);
  checkOutputFile(out, options.force ?? false);
  if (!existsSync(join(pgdata, 'PG_VERSION'))) {
    throw new Error(
      `There is no embedded database in ${pgdata}: nothing to back up. Check DATA_DIR, or set DATABASE_URL to back up a PostgreSQL server.`,
    );
  }
  const lock = takeDataDirLock(dataDir, 'back up');
  try {
    log(`Opening the embedded database in ${pgdata} …`);
    const pglite = await openPglite({ dataDir: pgdata });
    const handle = pgliteHandle(pglite);
    let tables: TableChecksums;
    let tarball: Buffer;
    try {
      log('Counting rows and computing checksums …');
      tables = await tableChecksums(handle.db);
      log('Writing the data directory as a gzip tarball …');
      tarball = Buffer.from(await (await pglite.dumpDataDir('gzip')).arrayBuffer());
    } finally {
      await handle.close();
    }
    await writeAtomically(out, tarball);
    return summary('pglite', out, tables, started);
  } finally {
    lock.release();
  }
}

export async function backupServer(options: ServerBackupOptions): Promise<BackupSummary> {
  const started = performance.now();
  const log = options.log ?? silent;
  const out = resolve(options.out);
  checkOutputFile(out, options.force ?? false);
  const pgDump = findPgTool('pg_dump');
  const connection = libpqConnection(options.databaseUrl);
  const partial = createPrivateFile(partialName(out));
  const handle = postgresHandle(options.databaseUrl, 1);
  try {
    log(`Connecting to ${connection.display} …`);
    // pg_dump reads from the snapshot this transaction exports, so the summary describes the file exactly.
    const tables = await handle.db
      .transaction()
      .setIsolationLevel('repeatable read')
      .setAccessMode('read only')
      .execute(async (trx) => {
        const exported = await sql<{ snapshot: string }>`SELECT pg_export_snapshot() AS snapshot`.execute(trx);
        const snapshot = exported.rows[0]?.snapshot;
        if (!snapshot) throw new Error('The server did not export a snapshot');
        log('Counting rows and computing checksums …');
        const sums = await tableChecksums(trx);
        await runPgTool(
          pgDump,
          ['--format=custom', `--snapshot=${snapshot}`, `--file=${partial}`, `--dbname=${connection.uri}`],
          connection.env,
          log,
        );
        return sums;
      });
    renameSync(partial, out);
    return summary('pg_dump', out, tables, started);
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  } finally {
    await handle.close();
  }
}

function summary(kind: BackupKind, file: string, tables: TableChecksums, started: number): BackupSummary {
  return {
    backup: file,
    kind,
    bytes: statSync(file).size,
    seconds: Math.round(performance.now() - started) / 1000,
    tables,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Shared with restore.ts

/** The data-directory lock, with a message that says what to do when the app holds it. */
export function takeDataDirLock(dataDir: string, action: string): DataDirLock {
  try {
    return lockDataDir(dataDir);
  } catch (error) {
    if (!(error instanceof DataDirLockedError)) throw error;
    throw new Error(
      `Cannot ${action}: the data directory ${dataDir} is in use by a running Adempauze process (pid ${error.holderPid}). ` +
        `The embedded database allows one process at a time: stop the app, ${action}, then start it again.`,
      { cause: error },
    );
  }
}

function checkOutputFile(out: string, force: boolean): void {
  if (!existsSync(out)) return;
  if (statSync(out).isDirectory()) throw new Error(`${out} is a directory; --out needs a file name.`);
  if (!force) throw new Error(`${out} already exists. Choose another name, or add --force to overwrite it.`);
}

function partialName(out: string): string {
  return join(dirname(out), `.${basename(out)}.partial-${process.pid}`);
}

/**
 * An empty file only its owner can read, created before anything is written to it: backups hold personal data of
 * clients. pg_dump writes into the existing file and keeps its mode.
 */
function createPrivateFile(path: string): string {
  mkdirSync(dirname(path), { recursive: true });
  closeSync(openSync(path, 'w', 0o600));
  chmodSync(path, 0o600);
  return path;
}

/** Written under a temporary name and renamed: a file with the final name is always a complete backup. */
async function writeAtomically(out: string, data: Buffer): Promise<void> {
  const partial = createPrivateFile(partialName(out));
  try {
    await writeFile(partial, data);
    renameSync(partial, out);
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  }
}

/**
 * A PostgreSQL client program: from PATH first, else the newest under /usr/lib/postgresql/<version>/bin (Debian).
 * pg_dump must be at least the server's major version; put the right one first on PATH if there are several.
 */
export function findPgTool(name: 'pg_dump' | 'pg_restore'): string {
  const candidates = (process.env.PATH ?? '')
    .split(delimiter)
    .filter(Boolean)
    .map((dir) => join(dir, name));
  const debianRoot = '/usr/lib/postgresql';
  if (existsSync(debianRoot)) {
    const versions = readdirSync(debianRoot)
      .filter((entry) => /^\d+(\.\d+)?$/.test(entry))
      .sort((a, b) => Number.parseFloat(b) - Number.parseFloat(a));
    candidates.push(...versions.map((version) => join(debianRoot, version, 'bin', name)));
  }
  const found = candidates.find(isExecutable);
  if (!found) {
    throw new Error(
      `Cannot find ${name}. Install the PostgreSQL client programs (Debian/Ubuntu: apt-get install postgresql-client) ` +
        'or put the directory that holds them on PATH.',
    );
  }
  return found;
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

export interface LibpqConnection {
  /** The URL without its password: safe on a command line and in output. */
  readonly uri: string;
  readonly display: string;
  /** The environment for the child, with the password in PGPASSWORD instead of the process list. */
  readonly env: NodeJS.ProcessEnv;
}

export function libpqConnection(databaseUrl: string): LibpqConnection {
  const url = new URL(databaseUrl);
  const env: NodeJS.ProcessEnv = { ...process.env };
  if (url.password) {
    env.PGPASSWORD = decodeURIComponent(url.password);
    url.password = '';
  }
  const display = `${url.hostname}${url.port ? `:${url.port}` : ''}${url.pathname}`;
  return { uri: url.toString(), display: `database ${display}`, env };
}

/** Runs pg_dump or pg_restore; its messages go to the log, and a failure carries them. */
export async function runPgTool(program: string, args: string[], env: NodeJS.ProcessEnv, log: Log): Promise<void> {
  log(`Running ${program} ${args.join(' ')}`);
  const output: string[] = [];
  const code = await new Promise<number | null>((resolvePromise, reject) => {
    const child = spawn(program, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => output.push(chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => output.push(chunk));
    child.on('error', reject);
    child.on('close', resolvePromise);
  });
  const text = output.join('').trim();
  if (code !== 0) throw new Error(`${basename(program)} failed (exit code ${code}):\n${text || '(no output)'}`);
  if (text) log(text);
}

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export const logToStderr: Log = (message) => process.stderr.write(`${message}\n`);

/**
 * Runs a CLI command: its result is printed as one JSON line on stdout; a usage error exits with 2, any other
 * failure with 1, each with a message and no stack trace.
 */
export async function runCli(what: string, usage: string, command: () => Promise<object>): Promise<void> {
  try {
    const result = await command();
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`${error.message}\n\n${usage}\n`);
      process.exitCode = 2;
    } else {
      process.stderr.write(`${what} failed: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    }
  }
}

export function parseCliArgs(args: string[], fileOption: 'out' | 'from'): { file: string; force: boolean } {
  let parsed: ReturnType<typeof parseOptions>;
  try {
    parsed = parseOptions(args, fileOption);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const file = parsed.values[fileOption];
  if (typeof file !== 'string' || file === '') throw new UsageError(`--${fileOption} <file> is required.`);
  return { file, force: parsed.values.force === true };
}

function parseOptions(args: string[], fileOption: 'out' | 'from') {
  return parseArgs({
    args,
    options: { [fileOption]: { type: 'string' }, force: { type: 'boolean', default: false } },
    strict: true,
    allowPositionals: false,
  });
}

// ---------------------------------------------------------------------------------------------------------------

const USAGE = `Usage: npm run backup -- --out <file> [--force]

Without DATABASE_URL: backs up the embedded database in $DATA_DIR/pgdata (default ./data) as a gzip tarball.
  The app must be stopped: the backup takes the data-directory lock.
With DATABASE_URL: runs pg_dump --format=custom against that server (the app may keep running).
--force overwrites an existing file.`;

export async function backupCommand(args: string[], env: NodeJS.ProcessEnv = process.env): Promise<BackupSummary> {
  const { file, force } = parseCliArgs(args, 'out');
  const config = loadConfig(env);
  const log = logToStderr;
  const result = config.databaseUrl
    ? await backupServer({ databaseUrl: config.databaseUrl, out: file, force, log })
    : await backupPglite({ dataDir: config.dataDir, out: file, force, log });
  const tableCount = Object.keys(result.tables).length;
  const rowCount = Object.values(result.tables).reduce((sum, table) => sum + table.rows, 0);
  log(`Backup written: ${result.backup} (${result.bytes} bytes, ${tableCount} tables, ${rowCount} rows, ${result.seconds} s)`);
  return result;
}

if (import.meta.main) {
  await runCli('Backup', USAGE, () => backupCommand(process.argv.slice(2)));
}
