import { openPglite, pgliteHandle } from '../src/data/database.ts';
import { migrate } from '../src/data/migrate.ts';
import { sql } from 'kysely';
const t0 = Date.now();
const h = pgliteHandle(await openPglite());
console.log(await migrate(h), Date.now() - t0);
const r = await sql`select version()`.execute(h.db); console.log(r.rows);
await h.close();
