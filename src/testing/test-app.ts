import type { FastifyInstance } from 'fastify';
import { buildApp } from '../http/app.ts';
import { type TestDatabase, createTestDatabase } from './test-database.ts';

export interface TestApp {
  app: FastifyInstance;
  database: TestDatabase;
  close(): Promise<void>;
}

/** The real app on a fresh real database; requests go through Fastify's injector, no socket needed. */
export async function createTestApp(options: { holdMinutes?: number; poolSize?: number } = {}): Promise<TestApp> {
  const database = await createTestDatabase({ poolSize: options.poolSize });
  const app = await buildApp({ db: database.db, booking: { defaultHoldMinutes: options.holdMinutes ?? 30 } });
  return {
    app,
    database,
    async close() {
      await app.close();
      await database.close();
    },
  };
}
