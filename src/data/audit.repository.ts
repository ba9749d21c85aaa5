import { type Kysely, type Selectable, sql } from 'kysely';
import type { AuditEventTable, Database } from './schema.ts';
import { isUuid } from '../domain/identifiers.ts';

export type AuditEventRow = Selectable<AuditEventTable>;

export interface NewAuditEvent {
  userId: string | null;
  userEmail: string | null;
  role: string | null;
  organisationId: string | null;
  action: string;
  entity: string;
  recordId: string | null;
  clientId: string | null;
  purpose: string;
  outcome: 'success' | 'denied' | 'failed';
  httpStatus: number | null;
  ip: string | null;
}

export async function insertAuditEvent(db: Kysely<Database>, event: NewAuditEvent): Promise<void> {
  await insertAuditEvents(db, [event]);
}

/** Several events in one statement: a list that shows many clients writes one row per client, all or none. */
export async function insertAuditEvents(db: Kysely<Database>, events: readonly NewAuditEvent[]): Promise<void> {
  if (events.length === 0) return;
  await db
    .insertInto('audit_event')
    .values(
      events.map((event) => ({
        user_id: event.userId,
        user_email: event.userEmail,
        role: event.role,
        organisation_id: event.organisationId,
        action: event.action,
        entity: event.entity,
        // Ids come from the URL and may be anything (PostgreSQL text cannot hold U+0000); only a real uuid may go in
        // the uuid column.
        record_id: event.recordId?.replaceAll('\u0000', '\uFFFD').slice(0, 100) ?? null,
        client_id: event.clientId && isUuid(event.clientId) ? event.clientId : null,
        purpose: event.purpose,
        outcome: event.outcome,
        http_status: event.httpStatus,
        ip: event.ip,
      })),
    )
    .execute();
}

export interface AuditFilter {
  from?: string;
  to?: string;
  userId?: string;
  clientId?: string;
  action?: string;
  entity?: string;
  /** Events with an id below this one: for paging back in time. */
  before?: string;
  limit: number;
}

export async function searchAuditEvents(db: Kysely<Database>, filter: AuditFilter): Promise<AuditEventRow[]> {
  let query = db.selectFrom('audit_event').selectAll();
  if (filter.from) query = query.where('at', '>=', sql<Date>`${filter.from}::date`);
  if (filter.to) query = query.where('at', '<', sql<Date>`${filter.to}::date + 1`);
  if (filter.userId) query = query.where('user_id', '=', filter.userId);
  if (filter.clientId) query = query.where('client_id', '=', filter.clientId);
  if (filter.action) query = query.where('action', '=', filter.action);
  if (filter.entity) query = query.where('entity', '=', filter.entity);
  if (filter.before) query = query.where('id', '<', filter.before as never);
  return query.orderBy('id', 'desc').limit(filter.limit).execute();
}
