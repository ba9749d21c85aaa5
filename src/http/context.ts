import type { Kysely } from 'kysely';
import type { Database } from '../data/schema.ts';
import type { AvailabilityReadModel } from '../services/availability-read-model.ts';
import type { AuthSettings } from '../services/auth/auth-settings.ts';
import type { BookingSettings } from '../services/booking.service.ts';
import type { Mailer } from '../services/mail/mailer.ts';
import type { Metrics } from '../ops/metrics.ts';

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
}
