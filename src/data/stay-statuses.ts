import { sql } from 'kysely';
import { OCCUPYING_STATUSES } from '../domain/stay-lifecycle.ts';

/**
 * The statuses that occupy a unit (domain/stay-lifecycle.ts) as literals for hand-written SQL, so the statement text
 * stays the same as written out by hand and the planner keeps the per-unit index scan (see availability.repository.ts).
 */
export const OCCUPYING_SQL = sql.join(OCCUPYING_STATUSES.map((status) => sql.lit(status)));
