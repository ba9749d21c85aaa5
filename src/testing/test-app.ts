import type { FastifyInstance } from 'fastify';
import { buildApp } from '../http/app.ts';
import { AvailabilityReadModel } from '../services/availability-read-model.ts';
import { type TestDatabase, createTestDatabase } from './test-database.ts';

export interface TestApp {
  app: FastifyInstance;
  database: TestDatabase;
  close(): Promise<void>;
}

/** The real app on a fresh real database; requests go through Fastify's injector, no socket needed. */
export async function createTestApp(
  options: { holdMinutes?: number; poolSize?: number; readModel?: boolean } = {},
): Promise<TestApp> {
  const database = await createTestDatabase({ poolSize: options.poolSize });
  const availability = options.readModel ? await AvailabilityReadModel.start(database) : undefined;
  const app = await buildApp({ db: database.db, booking: { defaultHoldMinutes: options.holdMinutes ?? 30 }, availability });
  return {
    app,
    database,
    async close() {
      await app.close();
      await availability?.close();
      await database.close();
    },
  };
}
