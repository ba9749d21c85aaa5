import type { Kysely } from 'kysely';
import type { Database } from '../data/schema.ts';
import {
  deleteSupportItem,
  insertSupportItem,
  searchSupportItems,
  supportMunicipalities,
  updateSupportItem,
} from '../data/support-info.repository.ts';
import type { Actor } from '../domain/roles.ts';
import { type SupportCategory, searchTerms } from '../domain/support-info.ts';
import { AppError, notFound } from '../errors.ts';

export interface SupportItemInput {
  municipality: string | null;
  category: SupportCategory;
  title: string;
  summary: string;
  body?: string;
  phone?: string | null;
  email?: string | null;
  url?: string | null;
}

type Row = Awaited<ReturnType<typeof searchSupportItems>>[number];

function view(row: Row) {
  return {
    id: row.id,
    municipality: row.municipality,
    category: row.category,
    title: row.title,
    summary: row.summary,
    body: row.body,
    phone: row.phone,
    email: row.email,
    url: row.url,
    updatedAt: row.updated_at.toISOString(),
  };
}

export async function findSupport(db: Kysely<Database>, filter: { q?: string; municipality?: string; category?: SupportCategory }) {
  const rows = await searchSupportItems(db, {
    municipality: filter.municipality,
    category: filter.category,
    terms: searchTerms(filter.q ?? ''),
  });
  return { municipalities: await supportMunicipalities(db), items: rows.map(view) };
}

async function knownMunicipality(db: Kysely<Database>, municipality: string | null): Promise<void> {
  if (municipality !== null && !(await supportMunicipalities(db)).includes(municipality)) {
    throw new AppError('validation_failed', { fields: [{ field: 'municipality', code: 'unknown_municipality' }] });
  }
}

const columns = (input: SupportItemInput, actor: Actor) => ({
  municipality: input.municipality,
  category: input.category,
  title: input.title,
  summary: input.summary,
  body: input.body ?? '',
  phone: input.phone ?? null,
  email: input.email ?? null,
  url: input.url ?? null,
  updated_by: actor.userId,
});

export async function addSupportItem(db: Kysely<Database>, actor: Actor, input: SupportItemInput) {
  await knownMunicipality(db, input.municipality);
  return view(await insertSupportItem(db, columns(input, actor)));
}

export async function changeSupportItem(db: Kysely<Database>, actor: Actor, id: string, input: SupportItemInput) {
  await knownMunicipality(db, input.municipality);
  const row = await updateSupportItem(db, id, columns(input, actor));
  if (!row) throw notFound('information');
  return view(row);
}

export async function removeSupportItem(db: Kysely<Database>, id: string): Promise<void> {
  if (!(await deleteSupportItem(db, id))) throw notFound('information');
}
