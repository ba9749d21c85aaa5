import { existsSync, openSync, readdirSync, readSync, closeSync, renameSync, rmSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { loadConfig } from '../config.ts';
import { openPglite, pgliteHandle, postgresHandle } from '../data/database.ts';
import {
  type BackupKind,
  type Log,
  PGDATA,
  findPgTool,
  libpqConnection,
  logToStderr,
  parseCliArgs,
  runCli,
  runPgTool,
  takeDataDirLock,
} from './backup.ts';
import { type TableChecksums, tableChecksums, userTables } from './table-checksums.ts';

/**
 * Restores a backup made by backup.ts.
 *
 * - Embedded PGlite (no DATABASE_URL): loads the tarball into an empty `$DATA_DIR/pgdata`, under the data-directory
 *   lock. A directory that already holds data is refused unless --force; then it is renamed to
 *   `pgdata.before-restore-<timestamp>` (kept, never deleted) and put back if the restore fails.
 * - PostgreSQL server (DATABASE_URL): `pg_restore --clean --if-exists --no-owner --single-transaction`: all or nothing.
 *   A database that already has tables is refused unless --force, as the restore replaces them.
 *
 * CLI: `npm run restore -- --from <file> [--force]`. Progress on stderr, a JSON summary as the last line on stdout.
 */

export interface RestoreSummary {
  readonly restored: string;
  readonly kind: BackupKind;
  /** The data directory or the server database (without password) restored into. */
  readonly into: string;
  /** Where the previous embedded database was moved, when --force replaced one. */
  readonly movedAside?: string;
  readonly seconds: number;
  /** Every table in schema public after the restore: compare with the backup's summary. */
  readonly tables: TableChecksums;
}

export interface PgliteRestoreOptions {
  readonly dataDir: string;
  readonly from: string;
  readonly force?: boolean;
  readonly log?: Log;
}

export interface ServerRestoreOptions {
  readonly databaseUrl: string;
  readonly from: string;
  readonly force?: boolean;
  readonly log?: Log;
}

const silent: Log = () => {};

/** What kind of backup a file is, from its first bytes; a clear error for anything that is not one. */
export function inspectBackupFile(file: string): BackupKind {
  const path = resolve(file);
  if (!existsSync(path)) throw new Error(`The backup file ${path} does not exist.`);
  const stat = statSync(path);
  if (stat.isDirectory()) {
    throw new Error(`${path} is a directory, not a backup file (directory-format pg_dump output is not supported).`);
  }
  if (stat.size === 0) throw new Error(`The backup file ${path} is empty.`);
  const head = Buffer.alloc(Math.min(stat.size, 512));
  const fd = openSync(path, 'r');
  try {
    readSync(fd, head, 0, head.length, 0);
  } finally {
    closeSync(fd);
  }
  if (head.subarray(0, 5).toString('latin1') === 'PGDMP') return 'pg_dump';
  if (head[0] === 0x1f && head[1] === 0x8b) return 'pglite';
  const text = head.toString('utf8');
  if (text.includes('PostgreSQL database dump')) {
    throw new Error(
      `${path} is a plain SQL dump, not a backup made by npm run backup. Load it with psql instead ` +
        '(psql --single-transaction -d "$DATABASE_URL" -f <file>).',
    );
  }
  if (head.length >= 263 && head.subarray(257, 262).toString('latin1') === 'ustar') {
    throw new Error(`${path} is an uncompressed tar archive, not a backup made by npm run backup.`);
  }
  throw new Error(
    `${path} is not a backup made by npm run backup: it is neither a PGlite data-directory tarball (.tar.gz) ` +
      'nor a pg_dump custom-format archive.',
  );
}

/** The uncompressed tarball, after checking that it holds a PostgreSQL data directory. */
async function readPgliteTarball(path: string): Promise<Buffer<ArrayBuffer>> {
  let tar: Buffer<ArrayBuffer>;
  try {
    tar = gunzipSync(await readFile(path));
  } catch (error) {
    throw new Error(`${path} cannot be decompressed (${(error as Error).message}): it is damaged or incomplete.`, {
      cause: error,
    });
  }
  if (!tarNames(tar).some((name) => name.replace(/^\.?\/+/, '') === 'PG_VERSION')) {
    throw new Error(`${path} is a gzip file but not a PGlite backup: it holds no PostgreSQL data directory.`);
  }
  return tar;
}

/** The entry names of a tar archive; stops at the first block that is not a ustar header. */
function tarNames(tar: Buffer): string[] {
  const names: string[] = [];
  const field = (from: number, to: number) => tar.subarray(from, to).toString('utf8').replace(/\0.*$/s, '');
  for (let offset = 0; offset + 512 <= tar.length; ) {
    if (tar.subarray(offset + 257, offset + 262).toString('latin1') !== 'ustar') break;
    const prefix = field(offset + 345, offset + 500);
    const name = field(offset, offset + 100);
    names.push(prefix ? `${prefix}/${name}` : name);
    const size = Number.parseInt(field(offset + 124, offset + 136).trim() || '0', 8);
    if (!Number.isFinite(size)) break;
    offset += 512 + Math.ceil(size / 512) * 512;
  }
  return names;
}

function holdsData(dir: string): boolean {
  return existsSync(dir) && (!statSync(dir).isDirectory() || readdirSync(dir).length > 0);
}

/** pgdata.before-restore-20270301T120000Z, with -2, -3 … should that name be taken already. */
function asideName(dataDir: string): string {
  const stamp = new Date()
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
  const base = join(dataDir, `${PGDATA}.before-restore-${stamp}`);
  let name = base;
  for (let n = 2; existsSync(name); n++) name = `${base}-${n}`;
  return name;
}

export async function restorePglite(options: PgliteRestoreOptions): Promise<RestoreSummary> {
  const started = performance.now();
  const log = options.log ?? silent;
  const from = resolve(options.from);
  const dataDir = resolve(options.dataDir);
  const pgdata = join(dataDir, PGDATA);
  const kind = inspectBackupFile(from);
  if (kind !== 'pglite') {
    throw new Error(
      `${from} is a pg_dump archive of a PostgreSQL server, but DATABASE_URL is not set. ` +
        'Set DATABASE_URL to the server database to restore it into.',
    );
  }
  log(`Reading ${from} …`);
  // Checked in full before anything on disk changes.
  const tar = await readPgliteTarball(from);
  const lock = takeDataDirLock(dataDir, 'restore');
  try {
    let movedAside: string | undefined;
    if (holdsData(pgdata)) {
      if (!options.force) {
        throw new Error(
          `${pgdata} already holds a database. Add --force to move it aside to ${PGDATA}.before-restore-<timestamp> ` +
            '(it is kept, not deleted) and restore into a fresh directory.',
        );
      }
      movedAside = asideName(dataDir);
      log(`Moving the current database aside to ${movedAside} …`);
      renameSync(pgdata, movedAside);
    }
    try {
      log(`Loading the backup into ${pgdata} …`);
      const handle = pgliteHandle(await openPglite({ dataDir: pgdata, loadDataDir: new Blob([tar], { type: 'application/x-tar' }) }));
      let tables: TableChecksums;
      try {
        log('Counting rows and computing checksums …');
        tables = await tableChecksums(handle.db);
      } finally {
        await handle.close();
      }
      return {
        restored: from,
        kind,
        into: pgdata,
        ...(movedAside ? { movedAside } : {}),
        seconds: Math.round(performance.now() - started) / 1000,
        tables,
      };
    } catch (error) {
      // Only the half-restored directory goes; the previous database comes back to its place.
      rmSync(pgdata, { recursive: true, force: true });
      if (movedAside) renameSync(movedAside, pgdata);
      const state = movedAside ? `the previous database is back in ${pgdata}` : `${pgdata} was left empty`;
      throw new Error(`${(error as Error).message} (${state})`, { cause: error });
    }
  } finally {
    lock.release();
  }
}

export async function restoreServer(options: ServerRestoreOptions): Promise<RestoreSummary> {
  const started = performance.now();
  const log = options.log ?? silent;
  const from = resolve(options.from);
  const kind = inspectBackupFile(from);
  if (kind !== 'pg_dump') {
    throw new Error(
      `${from} is a backup of the embedded PGlite database, but DATABASE_URL is set. ` +
        'Unset DATABASE_URL to restore it into the embedded database in DATA_DIR.',
    );
  }
  const pgRestore = findPgTool('pg_restore');
  const connection = libpqConnection(options.databaseUrl);
  const handle = postgresHandle(options.databaseUrl, 1);
  try {
    log(`Connecting to ${connection.display} …`);
    const existing = await userTables(handle.db);
    if (existing.length > 0 && !options.force) {
      throw new Error(
        `The ${connection.display} already has ${existing.length} tables (${existing.slice(0, 5).join(', ')}` +
          `${existing.length > 5 ? ', …' : ''}). The restore replaces them: add --force to go ahead ` +
          '(back them up first if they may still be needed).',
      );
    }
    await runPgTool(
      pgRestore,
      ['--clean', '--if-exists', '--no-owner', '--single-transaction', `--dbname=${connection.uri}`, from],
      connection.env,
      log,
    );
    log('Counting rows and computing checksums …');
    const tables = await tableChecksums(handle.db);
    return {
      restored: from,
      kind,
      into: connection.display.replace(/^database /, ''),
      seconds: Math.round(performance.now() - started) / 1000,
      tables,
    };
  } finally {
    await handle.close();
  }
}

const USAGE = `Usage: npm run restore -- --from <file> [--force]

Without DATABASE_URL: loads a PGlite backup (.tar.gz) into $DATA_DIR/pgdata (default ./data). The app must be
  stopped. A directory that already holds a database is only replaced with --force, which moves it aside to
  pgdata.before-restore-<timestamp> (kept, never deleted).
With DATABASE_URL: pg_restore --clean --if-exists --no-owner --single-transaction of a pg_dump archive into that
  database. A database that already has tables is only overwritten with --force.`;

export async function restoreCommand(args: string[], env: NodeJS.ProcessEnv = process.env): Promise<RestoreSummary> {
  const { file, force } = parseCliArgs(args, 'from');
  const config = loadConfig(env);
  const log = logToStderr;
  const result = config.databaseUrl
    ? await restoreServer({ databaseUrl: config.databaseUrl, from: file, force, log })
    : await restorePglite({ dataDir: config.dataDir, from: file, force, log });
  const tableCount = Object.keys(result.tables).length;
  const rowCount = Object.values(result.tables).reduce((sum, table) => sum + table.rows, 0);
  log(`Restored ${result.restored} into ${result.into} (${tableCount} tables, ${rowCount} rows, ${result.seconds} s)`);
  if (result.movedAside) log(`The previous database was kept in ${result.movedAside}`);
  return result;
}

if (import.meta.main) {
  await runCli('Restore', USAGE, () => restoreCommand(process.argv.slice(2)));
}
