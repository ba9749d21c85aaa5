import { type Insertable, type Kysely, sql } from 'kysely';
import { ACCENTED, PLAIN, type SupportCategory } from '../domain/support-info.ts';
import type { Database, SupportItemTable } from './schema.ts';

const COLUMNS = ['id', 'municipality', 'category', 'title', 'summary', 'body', 'phone', 'email', 'url', 'updated_at'] as const;

/**
 * Items for a municipality (and those for everyone) that contain every term somewhere in their texts. Terms come from
 * searchTerms(), lower case without accents and without LIKE wildcards; the texts are compared the same way. The
 * table is small, so a scan is enough, and it finds parts of Dutch compound words, which a full-text index does not
 * ("logeer" in "logeerhuis").
 */
export async function searchSupportItems(
  db: Kysely<Database>,
  filter: { municipality?: string; category?: SupportCategory; terms: readonly string[] },
) {
  let query = db.selectFrom('support_item').select(COLUMNS);
  if (filter.municipality)
    query = query.where((eb) => eb.or([eb('municipality', '=', filter.municipality!), eb('municipality', 'is', null)]));
  if (filter.category) query = query.where('category', '=', filter.category);
  for (const term of filter.terms) {
    const pattern = `%${term}%`;
    query = query.where(
      sql<boolean>`translate(lower(title || ' ' || summary || ' ' || body || ' ' || coalesce(municipality, '')), ${ACCENTED}, ${PLAIN}) LIKE ${pattern}`,
    );
  }
  return query.orderBy('category').orderBy('title').limit(200).execute();
}

export async function supportMunicipalities(db: Kysely<Database>): Promise<string[]> {
  // Every municipality of a region, also one without items yet: a caregiver looks for their own.
  const rows = await db.selectFrom('region').select(sql<string>`unnest(municipalities)`.as('municipality')).execute();
  return [...new Set(rows.map((row) => row.municipality))].sort((a, b) => a.localeCompare(b, 'nl'));
}

export async function insertSupportItem(db: Kysely<Database>, item: Insertable<SupportItemTable>) {
  return db.insertInto('support_item').values(item).returning(COLUMNS).executeTakeFirstOrThrow();
}

export async function updateSupportItem(db: Kysely<Database>, id: string, item: Omit<Insertable<SupportItemTable>, 'id'>) {
  return db
    .updateTable('support_item')
    .set({ ...item, updated_at: sql<Date>`app_now()` })
    .where('id', '=', id)
    .returning(COLUMNS)
    .executeTakeFirst();
}

export async function deleteSupportItem(db: Kysely<Database>, id: string): Promise<boolean> {
  const result = await db.deleteFrom('support_item').where('id', '=', id).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}
