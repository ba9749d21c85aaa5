import { type Kysely, type Selectable, type Transaction, type Updateable, sql } from 'kysely';
import { type ReferralAction, moveOf } from '../domain/referral-lifecycle.ts';
import type { ClientTable, Database, ReferralTable } from './schema.ts';
import type { ReferralStatus } from '../domain/referral-lifecycle.ts';

export type ReferralRow = Selectable<ReferralTable>;
export type ClientRow = Selectable<ClientTable>;

export interface NewClientDetails {
  name: string;
  dateOfBirth: string | null;
  bsn?: string | null;
  street?: string | null;
  houseNumber?: string | null;
  postcode?: string | null;
  pc4: string | null;
  city?: string | null;
  phone?: string | null;
}

export async function insertClient(db: Kysely<Database>, client: NewClientDetails): Promise<string> {
  const row = await db
    .insertInto('client')
    .values({
      name: client.name,
      date_of_birth: client.dateOfBirth,
      bsn: client.bsn ?? null,
      street: client.street ?? null,
      house_number: client.houseNumber ?? null,
      postcode: client.postcode ?? null,
      pc4: client.pc4,
      city: client.city ?? null,
      phone: client.phone ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function insertReferral(
  db: Kysely<Database>,
  referral: Omit<
    ReferralRow,
    | 'id'
    | 'status'
    | 'created_at'
    | 'updated_at'
    | 'cancel_reason'
    | 'close_reason'
    | 'provider_note'
    | 'at_home'
    | 'care_needs'
    | 'referrer_api_client_id'
    | 'proposed_answers'
  > & {
    provider_note?: string | null;
    at_home?: boolean;
    care_needs?: string[];
    referrer_api_client_id?: string | null;
    proposed_answers?: string | null;
  },
): Promise<ReferralRow> {
  return db.insertInto('referral').values(referral).returningAll().executeTakeFirstOrThrow();
}

export async function referralReferenceExists(db: Kysely<Database>, reference: string): Promise<boolean> {
  return (await db.selectFrom('referral').select('id').where('reference', '=', reference).executeTakeFirst()) !== undefined;
}

export async function findReferral(db: Kysely<Database>, id: string): Promise<ReferralRow | undefined> {
  return db.selectFrom('referral').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findClients(db: Kysely<Database>, ids: readonly string[]): Promise<Map<string, ClientRow>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('client')
    .selectAll()
    .where('id', 'in', [...ids])
    .execute();
  return new Map(rows.map((row) => [row.id, row]));
}

export interface ReferralListFilter {
  /** One status, or 'open' for all but closed and cancelled. */
  status?: ReferralStatus | 'open';
  /** Part of the client's name or of the reference, in any case; or a whole BSN (9 digits, spaces and dots ignored). */
  q?: string;
  /** Only referrals sent from this organisation (a referrer's own); public requests have none. */
  organisationId?: string;
  limit: number;
  offset?: number;
}

export async function listReferralSummaries(db: Kysely<Database>, filter: ReferralListFilter) {
  let query = db
    .selectFrom('referral as r')
    .innerJoin('client as c', 'c.id', 'r.client_id')
    .select([
      'r.id',
      'r.reference',
      'r.status',
      'r.source',
      'r.kind',
      'r.client_id as clientId',
      'c.name as clientName',
      'c.pc4',
      'r.wished_arrival',
      'r.urgency',
      'r.created_at',
    ]);
  if (filter.status === 'open') query = query.where('r.status', 'not in', ['closed', 'cancelled']);
  else if (filter.status) query = query.where('r.status', '=', filter.status);
  if (filter.q) {
    // The words are text, not a pattern: % and _ typed by someone match only themselves.
    const pattern = `%${filter.q.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
    // A BSN is looked up whole, never by a part: a few digits must not list everyone whose number contains them.
    const bsn = filter.q.replace(/[\s.]/g, '');
    query = query.where((eb) =>
      eb.or([eb('c.name', 'ilike', pattern), eb('r.reference', 'ilike', pattern), ...(/^\d{9}$/.test(bsn) ? [eb('c.bsn', '=', bsn)] : [])]),
    );
  }
  if (filter.organisationId !== undefined) query = query.where('r.referrer_organisation_id', '=', filter.organisationId);
  return query
    .orderBy('r.created_at', 'desc')
    .orderBy('r.id')
    .limit(filter.limit)
    .offset(filter.offset ?? 0)
    .execute();
}

export async function existingLocationIds(db: Kysely<Database>, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .selectFrom('location')
    .select('id')
    .where('id', 'in', [...ids])
    .execute();
  return new Set(rows.map((row) => row.id));
}

/** Referrals that wait for a bed from a given day on: triaged or on the waiting list, with wished dates. */
export async function findPendingReferrals(db: Kysely<Database>, from: string) {
  return db
    .selectFrom('referral')
    .selectAll()
    .where('status', 'in', ['triaged', 'waiting'])
    .where('wished_arrival', '>=', from)
    .where('wished_departure', 'is not', null)
    .orderBy('created_at')
    .execute();
}

/** Moves a referral by the lifecycle's table; from any other status it stays where it is. True when it moved. */
export async function moveReferral(db: Kysely<Database>, referralId: string, action: ReferralAction): Promise<boolean> {
  const { from, to } = moveOf(action);
  const result = await db
    .updateTable('referral')
    .set({ status: to, updated_at: sql<Date>`app_now()` })
    .where('id', '=', referralId)
    .where('status', 'in', [...from])
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** A referral read and locked until the transaction ends: a change, withdrawal or close of it waits for the other. */
export async function findReferralForUpdate(trx: Transaction<Database>, id: string): Promise<ReferralRow | undefined> {
  return trx.selectFrom('referral').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

/** Writes the given columns of a referral; its change time is the app's clock, as everywhere a referral changes. */
export async function updateReferralColumns(
  trx: Kysely<Database>,
  id: string,
  columns: Omit<Updateable<ReferralTable>, 'id' | 'updated_at'>,
): Promise<void> {
  await trx
    .updateTable('referral')
    .set({ ...columns, updated_at: sql<Date>`app_now()` })
    .where('id', '=', id)
    .execute();
}
