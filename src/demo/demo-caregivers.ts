import type { Insertable } from 'kysely';
import type { BurdenScreeningTable, CaregiverContactTable, TaskTable } from '../data/schema.ts';
import { BURDEN_ANSWERS, BURDEN_STATEMENTS, CHECK_IN_INTERVAL_DAYS } from '../domain/burden-screening.ts';
import { addDays } from '../domain/dates.ts';
import { createRandom } from './prng.ts';

const SEED = 16_2026;

/**
 * The demo's caregivers who have a contact person: the central point's coordinator for every caregiver whose
 * aftercare call was made, with the screening from that call and the next check-in a year on. A few are due now:
 * caregivers known from before the demo year (the pilot ran earlier), so the tasks page has check-ins to show.
 * A generator of its own, so the year and its referrals stay exactly as they were.
 */
export function generateCaregiverContacts(tasks: readonly Insertable<TaskTable>[], coordinatorUserId: string, today: string) {
  const random = createRandom(SEED);
  const contacts: Insertable<CaregiverContactTable>[] = [];
  const screenings: Insertable<BurdenScreeningTable>[] = [];
  const seen = new Set<string>();
  for (const task of tasks) {
    if (task.status !== 'done' || !task.done_at || seen.has(task.client_id)) continue;
    seen.add(task.client_id);
    const takenAt = new Date(task.done_at);
    // Caregivers who ask for respite are mostly considerably burdened; a few heavily.
    const yesShare = random.weighted([
      [0.2, 0.3],
      [0.5, 0.5],
      [0.8, 0.2],
    ] as const);
    const answers = Object.fromEntries(
      BURDEN_STATEMENTS.map((statement) => [statement.id, random.chance(yesShare) ? random.pick(BURDEN_ANSWERS.slice(1)) : 'no']),
    );
    screenings.push({
      client_id: task.client_id,
      answers: JSON.stringify(answers),
      score: Object.values(answers).filter((answer) => answer !== 'no').length,
      taken_by: 'coordinator',
      recorded_by: coordinatorUserId,
      taken_at: takenAt,
    });
    const dueSoon = random.chance(0.08);
    contacts.push({
      client_id: task.client_id,
      contact_user_id: coordinatorUserId,
      next_check_in: dueSoon ? addDays(today, -random.int(0, 14)) : addDays(takenAt.toISOString().slice(0, 10), CHECK_IN_INTERVAL_DAYS),
      opted_out_at: !dueSoon && random.chance(0.05) ? takenAt : null,
    });
  }
  return { contacts, screenings };
}
