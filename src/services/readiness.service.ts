import type { Kysely } from 'kysely';
import { pendingMigrations } from '../data/migrate.ts';
import { pingDatabase } from '../data/readiness.repository.ts';
import type { Database } from '../data/schema.ts';
import type { AvailabilityReadModel } from './availability-read-model.ts';

/**
 * Whether this process should get traffic from a load balancer: the database answers within a couple of seconds,
 * it has every migration this code needs, and the read model is loaded and following the database. Each check says
 * what it found, never anything about a person.
 */
export interface Readiness {
  ready: boolean;
  checks: { database: 'ok' | 'unreachable'; migrations: 'current' | 'pending' | 'unknown'; readModel: 'loaded' | 'loading' | 'off' };
  pendingMigrations: string[];
}

const DATABASE_TIMEOUT_MS = 2_000;

function within<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([promise, new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error('timeout')), ms)))]).finally(
    () => clearTimeout(timer),
  );
}

export async function readiness(db: Kysely<Database>, readModel: AvailabilityReadModel | undefined): Promise<Readiness> {
  const database = await within(pingDatabase(db), DATABASE_TIMEOUT_MS).then(
    () => 'ok' as const,
    () => 'unreachable' as const,
  );
  const pending = database === 'ok' ? await within(pendingMigrations(db), DATABASE_TIMEOUT_MS).catch(() => null) : null;
  const checks: Readiness['checks'] = {
    database,
    migrations: pending === null ? 'unknown' : pending.length === 0 ? 'current' : 'pending',
    // Without a read model (tests) every search goes to the database: nothing to wait for.
    readModel: readModel === undefined ? 'off' : readModel.ready ? 'loaded' : 'loading',
  };
  return {
    ready: checks.database === 'ok' && checks.migrations === 'current' && checks.readModel !== 'loading',
    checks,
    pendingMigrations: pending ?? [],
  };
}
