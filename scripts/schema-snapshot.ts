import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { schemaSnapshot } from '../src/data/schema-snapshot.ts';
import { createTestDatabase } from '../src/testing/test-database.ts';

/** Writes docs/schema.sql: the schema the migrations build, on a fresh PGlite (see src/data/schema-snapshot.ts). */
const database = await createTestDatabase();
try {
  const path = join(import.meta.dirname, '..', 'docs', 'schema.sql');
  const text = await schemaSnapshot(database.db);
  writeFileSync(path, text);
  console.log(`${path}: ${text.split('\n').length} lines`);
} finally {
  await database.close();
}
