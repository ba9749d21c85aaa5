import type { Kysely } from 'kysely';
import type { Database } from '../data/schema.ts';
import type { StayAction } from '../domain/stay-lifecycle.ts';
import { ensureAftercare } from './aftercare.service.ts';
import { type BookingSettings, type Stay, transitionStay } from './booking.service.ts';
import type { NoticeSettings } from './notification.service.ts';
import { type Scope, assertStayInScope } from './scope.ts';
import { makeOffers } from './waiting-list.service.ts';

/**
 * A step in a stay's life as the central point or the provider's planner records it (confirm, arrive, depart,
 * no-show, cancel), with what follows from it at once rather than at the next minute job: after a departure the
 * referral's aftercare starts, and after a cancellation the freed unit is offered to the waiting list first.
 */
export async function recordStayAction(
  db: Kysely<Database>,
  scope: Scope,
  stayId: string,
  action: Exclude<StayAction, 'change_dates' | 'move'>,
  settings: BookingSettings & { notices: NoticeSettings },
  options: { reason?: string } = {},
): Promise<Stay> {
  await assertStayInScope(db, scope, stayId);
  const stay = await transitionStay(db, stayId, action, { ...options, notices: settings.notices });
  if (action === 'depart' && stay.referralId) await ensureAftercare(db, settings.notices.mailer, settings.notices.publicUrl);
  // The unit is free again: the waiting list comes first.
  if (action === 'cancel') await makeOffers(db, settings.notices.mailer, settings);
  return stay;
}
