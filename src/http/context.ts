import type { Kysely } from 'kysely';
import type { Database } from '../data/schema.ts';
import type { AvailabilityReadModel } from '../services/availability-read-model.ts';
import type { BookingSettings } from '../services/booking.service.ts';

/** What every route plugin gets: the database and the settings. */
export interface AppContext {
  db: Kysely<Database>;
  booking: BookingSettings;
  /** In-memory availability for fast search; without it every search goes to the database. */
  availability?: AvailabilityReadModel;
}
