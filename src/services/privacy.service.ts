import type { Kysely } from 'kysely';
import { withTransaction } from '../data/change-author.ts';
import { insertAuditEvent } from '../data/audit.repository.ts';
import { lockClient } from '../data/client.repository.ts';
import { anonymiseClient, anonymisedAtOf, clientExport, findClientsPastRetention, hasOpenStays } from '../data/privacy.repository.ts';
import type { Database } from '../data/schema.ts';
import { AppError, notFound } from '../errors.ts';
import { appClock } from '../clock.ts';
import { parseScreeningAnswers } from '../data/stored-json.ts';

export interface RetentionResult {
  cutoff: string;
  dryRun: boolean;
  /** Clients anonymised now, or that would be in a dry run. */
  clients: number;
}

const BATCH = 500;

/**
 * The retention rule (AVG art. 5(1)(e)): personal data of a client whose file has been closed for `months` is
 * anonymised. Each client in its own transaction with its audit event, so a stopped run loses nothing and resumes.
 */
export async function runRetention(
  db: Kysely<Database>,
  options: { months: number; now?: Date; dryRun?: boolean; onProgress?: (done: number) => void },
): Promise<RetentionResult> {
  const now = options.now ?? appClock().now();
  const cutoff = new Date(now);
  cutoff.setMonth(cutoff.getMonth() - options.months);
  const result = { cutoff: cutoff.toISOString().slice(0, 10), dryRun: options.dryRun ?? false, clients: 0 };
  if (options.dryRun) {
    result.clients = (await findClientsPastRetention(db, cutoff, Number.MAX_SAFE_INTEGER)).length;
    return result;
  }
  for (;;) {
    const batch = await findClientsPastRetention(db, cutoff, BATCH);
    if (batch.length === 0) return result;
    for (const clientId of batch) {
      await withTransaction(db, async (trx) => {
        if (await anonymiseClient(trx, clientId)) await auditSystemAnonymisation(trx, clientId);
      });
      result.clients++;
    }
    options.onProgress?.(result.clients);
  }
}

function auditSystemAnonymisation(db: Kysely<Database>, clientId: string) {
  return insertAuditEvent(db, {
    userId: null,
    userEmail: null,
    role: 'system',
    organisationId: null,
    action: 'anonymise',
    entity: 'client',
    recordId: clientId,
    clientId,
    purpose: 'retention',
    outcome: 'success',
    httpStatus: null,
    ip: null,
  });
}

/** Everything held about one client, for an access or portability request (AVG art. 15 and 20). */
export async function exportClientData(db: Kysely<Database>, clientId: string) {
  const data = await clientExport(db, clientId);
  if (!data) throw notFound('client');
  const { client, stays, series, burdenScreenings } = data;
  return {
    exportedAt: appClock().now().toISOString(),
    client: {
      id: client.id,
      name: client.name,
      dateOfBirth: client.date_of_birth,
      pc4: client.pc4,
      registeredAt: client.created_at.toISOString(),
      anonymisedAt: client.anonymised_at?.toISOString() ?? null,
    },
    stays: stays.map((stay) => ({
      id: stay.id,
      stayType: stay.stay_type,
      arrival: stay.arrival,
      departure: stay.departure,
      status: stay.status,
      cancelReason: stay.cancel_reason,
      location: stay.location_name,
      unit: stay.unit_name,
      seriesId: stay.series_id,
    })),
    series: series.map((item) => ({ id: item.id, rrule: item.rrule, nights: item.nights })),
    caregiverCheckIns: burdenScreenings.map((screening) => ({
      takenAt: screening.taken_at.toISOString(),
      takenBy: screening.taken_by,
      score: screening.score,
      answers: parseScreeningAnswers(screening.answers),
    })),
  };
}

/**
 * Erasure on request (AVG art. 17) as far as the law allows: the person's identifying data goes at once; the stays
 * stay as anonymous records, because the financiers' claims over them must be kept (fiscal retention). A client with
 * a planned or current stay cannot be erased until that stay is cancelled or over.
 */
export async function eraseClient(db: Kysely<Database>, clientId: string): Promise<{ id: string; anonymisedAt: string }> {
  return withTransaction(db, async (trx) => {
    if (!(await lockClient(trx, clientId))) throw notFound('client');
    if (await hasOpenStays(trx, clientId)) throw new AppError('erasure_blocked');
    await anonymiseClient(trx, clientId);
    const anonymisedAt = await anonymisedAtOf(trx, clientId);
    return { id: clientId, anonymisedAt: anonymisedAt!.toISOString() };
  });
}
