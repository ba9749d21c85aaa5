import type { PGlite } from '@electric-sql/pglite';
import pg from 'pg';

/**
 * Copies the generated search data from the server into PGlite: rows are read once as text and fed to PGlite's
 * COPY … FROM '/dev/blob' (tab-separated text format), so PGlite holds exactly the same rows as the server.
 */

/** Tables in foreign-key order, with the columns to copy (generated columns such as period are left out). */
const TABLES: { name: string; columns: string[] }[] = [
  { name: 'region', columns: ['id', 'name', 'municipalities', 'created_at'] },
  { name: 'region_neighbour', columns: ['region_id', 'neighbour_id'] },
  { name: 'region_postcode', columns: ['pc4', 'region_id'] },
  { name: 'organisation', columns: ['id', 'name', 'agb_code', 'created_at'] },
  {
    name: 'location',
    columns: [
      'id',
      'organisation_id',
      'region_id',
      'name',
      'street',
      'house_number',
      'postcode',
      'city',
      'pc4',
      'latitude',
      'longitude',
      'features',
      'admission_hours',
      'created_at',
    ],
  },
  {
    name: 'capacity_unit',
    columns: [
      'id',
      'location_id',
      'name',
      'kind',
      'accepted_stay_types',
      'reserved_for',
      'features',
      'active_from',
      'active_until',
      'created_at',
    ],
  },
  { name: 'unit_closure', columns: ['id', 'unit_id', 'starts_on', 'ends_on', 'reason', 'note', 'created_at'] },
  { name: 'client', columns: ['id', 'name', 'date_of_birth', 'pc4', 'created_at'] },
  {
    name: 'stay',
    columns: [
      'id',
      'unit_id',
      'client_id',
      'stay_type',
      'arrival',
      'departure',
      'status',
      'hold_expires_at',
      'cancel_reason',
      'series_id',
      'created_at',
      'updated_at',
    ],
  },
];

export interface TableDump {
  name: string;
  columns: string[];
  rows: number;
  /** COPY text format: tab-separated, \N for NULL. */
  text: string;
}

function escapeCopy(value: string): string {
  return value.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r'));
}

export async function dumpTables(serverDbUrl: string): Promise<TableDump[]> {
  const client = new pg.Client({ connectionString: serverDbUrl });
  await client.connect();
  try {
    // UTC so timestamps read back as text mean the same instant in PGlite.
    await client.query("SET TIME ZONE 'UTC'");
    const dumps: TableDump[] = [];
    for (const table of TABLES) {
      const select = table.columns.map((c) => `${c}::text`).join(', ');
      const result = await client.query<string[]>({ text: `SELECT ${select} FROM ${table.name}`, rowMode: 'array' });
      const lines = result.rows.map((row) => row.map((v) => (v === null ? '\\N' : escapeCopy(v))).join('\t'));
      dumps.push({ name: table.name, columns: table.columns, rows: result.rows.length, text: lines.join('\n') + '\n' });
    }
    return dumps;
  } finally {
    await client.end();
  }
}

/** Loads the dumps into a migrated, empty PGlite. */
export async function loadIntoPglite(pglite: PGlite, dumps: readonly TableDump[]): Promise<void> {
  await pglite.exec("SET TIME ZONE 'UTC'");
  for (const dump of dumps) {
    if (dump.rows === 0) continue;
    await pglite.query(`COPY ${dump.name} (${dump.columns.join(', ')}) FROM '/dev/blob'`, [], {
      blob: new Blob([dump.text]),
    });
  }
  await pglite.exec('RESET TIME ZONE');
}
