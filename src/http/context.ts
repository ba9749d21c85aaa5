import type { Kysely } from 'kysely';
import type { Database } from '../data/schema.ts';
import type { AvailabilityReadModel } from '../services/availability-read-model.ts';
import type { AuthSettings } from '../services/auth/auth-settings.ts';
import type { BookingSettings } from '../services/booking.service.ts';
import type { Mailer } from '../services/mail/mailer.ts';
import type { Metrics } from '../ops/metrics.ts';
import type { Reader } from './read-your-writes.ts';

/** What every route plugin gets: the database, the mailer and the settings. */
export interface AppContext {
  db: Kysely<Database>;
  booking: BookingSettings;
  auth: AuthSettings;
  mailer: Mailer;
  /** In-memory availability for fast search; without it every search goes to the database. */
  availability?: AvailabilityReadModel;
  /** The built web application; web/dist by default. */
  webRoot?: string;
  /** Prometheus figures (GET /metrics); without them the app counts nothing. */
  metrics?: Metrics;
  /** GET /metrics asks for this bearer token; without one it answers only on the machine itself. */
  metricsToken?: string;
  /** A read replica (DATABASE_REPLICA_URL) for the public calendar and the policy pages. */
  replicaDb?: Kysely<Database>;
  /** Where a read that may go to the replica goes for this request (set by buildApp; read-your-writes.ts). */
  read?: Reader;
}

/** The database for a read that may be a moment behind, for this request: the replica unless its writer needs the primary. */
export function readerOf(context: AppContext): Reader {
  return context.read ?? (async () => context.db);
}
