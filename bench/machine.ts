import { readFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import type { PGlite } from '@electric-sql/pglite';
import type pg from 'pg';

export async function machineInfo(server: pg.Client, pglite: PGlite) {
  const cpus = os.cpus();
  const settings = await server.query<{ name: string; setting: string; unit: string | null }>(
    `SELECT name, setting, unit FROM pg_settings
      WHERE name IN ('shared_buffers', 'fsync', 'synchronous_commit', 'max_connections', 'random_page_cost',
                     'effective_cache_size', 'work_mem', 'max_wal_size', 'jit')`,
  );
  const serverVersion = (await server.query<{ v: string }>('SELECT version() AS v')).rows[0]!.v;
  const pgliteVersion = (await pglite.query<{ v: string }>('SELECT version() AS v')).rows[0]!.v;
  return {
    cpus: cpus.length,
    cpuModel: cpus[0]?.model ?? 'unknown',
    memoryGb: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    postgres: serverVersion,
    pglite: `@electric-sql/pglite ${packageVersion('@electric-sql/pglite')}: ${pgliteVersion}`,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    postgres_settings: Object.fromEntries(settings.rows.map((r) => [r.name, r.unit ? `${r.setting} (${r.unit})` : r.setting])),
  };
}

function packageVersion(name: string): string {
  try {
    const path = join(import.meta.dirname, '..', 'node_modules', name, 'package.json');
    return (JSON.parse(readFileSync(path, 'utf8')) as { version: string }).version;
  } catch {
    return 'unknown';
  }
}
