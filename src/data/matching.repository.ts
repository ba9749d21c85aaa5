import type { Kysely } from 'kysely';
import type { AdmissionHoursJson, Database } from './schema.ts';

/** The locations of a client's earlier stays that actually took place or are planned: continuity for matching. */
export async function knownLocationsOfClient(db: Kysely<Database>, clientId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('stay as s')
    .innerJoin('capacity_unit as u', 'u.id', 's.unit_id')
    .select('u.location_id')
    .distinct()
    .where('s.client_id', '=', clientId)
    .where('s.status', 'in', ['confirmed', 'arrived', 'departed'])
    .execute();
  return rows.map((row) => row.location_id);
}

export async function admissionHoursOf(db: Kysely<Database>, locationIds: readonly string[]): Promise<Map<string, AdmissionHoursJson[]>> {
  if (locationIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('location')
    .select(['id', 'admission_hours'])
    .where('id', 'in', [...locationIds])
    .execute();
  return new Map(rows.map((row) => [row.id, row.admission_hours]));
}
