import type { DatabaseConnection, QueryResult } from 'kysely';
import type { DatabaseHandle } from '../data/database.ts';

/** The statements a database handle sent, in order: a round trip each (BEGIN and COMMIT count too). */
export interface StatementLog {
  readonly statements: string[];
  reset(): void;
}

/**
 * Counts every statement the handle's Kysely instance sends, on PGlite and on a server alike: each
 * connection Kysely hands out is wrapped, so queries in transactions count, and so do BEGIN and COMMIT: the server
 * driver sends them as queries, PGlite's calls the connection's symbol-named methods, counted here as 'transaction'. Patches the handle in place; for tests.
 */
export function logStatements(handle: DatabaseHandle): StatementLog {
  const statements: string[] = [];
  const executor = handle.db.getExecutor() as unknown as {
    provideConnection<T>(consumer: (connection: DatabaseConnection) => Promise<T>): Promise<T>;
  };
  const provide = executor.provideConnection.bind(executor);
  executor.provideConnection = (consumer) => provide((connection) => consumer(counted(connection, statements)));
  return { statements, reset: () => void statements.splice(0) };
}

function counted(connection: DatabaseConnection, statements: string[]): DatabaseConnection {
  return new Proxy(connection, {
    get(target, property) {
      const value = Reflect.get(target, property, target) as unknown;
      if (typeof value !== 'function') return value;
      if (property === 'executeQuery') {
        return (query: { sql: string }): Promise<QueryResult<unknown>> => {
          statements.push(query.sql.replace(/\s+/g, ' ').trim());
          return (value as (q: unknown) => Promise<QueryResult<unknown>>).call(target, query);
        };
      }
      if (typeof property === 'symbol') {
        return (...args: unknown[]) => {
          statements.push('transaction');
          return (value as (...a: unknown[]) => unknown).apply(target, args);
        };
      }
      // Private fields need the real object as `this`.
      return (value as (...a: unknown[]) => unknown).bind(target);
    },
  });
}
