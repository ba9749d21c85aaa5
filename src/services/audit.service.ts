import type { Kysely } from 'kysely';
import { type AuditEventRow, type AuditFilter, searchAuditEvents } from '../data/audit.repository.ts';
import { clientExists } from '../data/client.repository.ts';
import type { Database } from '../data/schema.ts';
import { notFound } from '../errors.ts';
import { dutchCsv } from './dutch-csv.ts';

export interface AuditEventView {
  id: string;
  at: string;
  userId: string | null;
  userEmail: string | null;
  role: string | null;
  organisationId: string | null;
  action: string;
  entity: string;
  recordId: string | null;
  clientId: string | null;
  purpose: string;
  outcome: string;
  httpStatus: number | null;
  ip: string | null;
}

function toView(row: AuditEventRow): AuditEventView {
  return {
    id: String(row.id),
    at: row.at.toISOString(),
    userId: row.user_id,
    userEmail: row.user_email,
    role: row.role,
    organisationId: row.organisation_id,
    action: row.action,
    entity: row.entity,
    recordId: row.record_id,
    clientId: row.client_id,
    purpose: row.purpose,
    outcome: row.outcome,
    httpStatus: row.http_status,
    ip: row.ip,
  };
}

export async function searchAudit(db: Kysely<Database>, filter: AuditFilter): Promise<AuditEventView[]> {
  return (await searchAuditEvents(db, filter)).map(toView);
}

const CSV_COLUMNS: (keyof AuditEventView)[] = [
  'id',
  'at',
  'userEmail',
  'role',
  'organisationId',
  'action',
  'entity',
  'recordId',
  'clientId',
  'purpose',
  'outcome',
  'httpStatus',
  'ip',
];

export function auditCsv(events: AuditEventView[]): string {
  return dutchCsv(CSV_COLUMNS, events, { number: String });
}

/** Everything recorded about who looked at or changed one client's data: the answer to an AVG/GDPR access request. */
export async function clientAccessReport(db: Kysely<Database>, clientId: string, limit: number): Promise<AuditEventView[]> {
  if (!(await clientExists(db, clientId))) throw notFound('client');
  return searchAudit(db, { clientId, limit });
}
