import type { StayStatus } from './stay-lifecycle.ts';

/**
 * How a referral moves. People and jobs move it with an action (the table below); its stays move it too, by the
 * database trigger `sync_referral_status` (migration 0016), whose rule `statusFromStays` states and a test pins
 * against the trigger. The database stores the status; this file decides the moves.
 */
export const REFERRAL_STATUSES = [
  'new',
  'triaged',
  'waiting',
  'proposed',
  'booked',
  'arrived',
  'departed',
  'aftercare',
  'closed',
  'cancelled',
] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];

/** Before placement (no place held or booked yet) a referral itself may change, and a referrer may withdraw it. */
export const CHANGEABLE_STATUSES: readonly ReferralStatus[] = ['new', 'triaged', 'waiting'];

/** A closed or withdrawn referral stays as it is. */
export const FINAL_STATUSES: readonly ReferralStatus[] = ['closed', 'cancelled'];
const OPEN_STATUSES = REFERRAL_STATUSES.filter((status) => !FINAL_STATUSES.includes(status));

export type ReferralAction =
  | 'triage'
  | 'put_on_waiting_list'
  | 'plan_appointment'
  | 'cancel_last_appointment'
  | 'start_aftercare'
  | 'finish_aftercare'
  | 'withdraw'
  | 'close';

interface Move {
  readonly from: readonly ReferralStatus[];
  readonly to: ReferralStatus;
}

const MOVES: Record<ReferralAction, Move> = {
  // A triage again (an override, a correction) leaves a waiting or placed referral where it is.
  triage: { from: ['new', 'triaged'], to: 'triaged' },
  put_on_waiting_list: { from: ['triaged'], to: 'waiting' },
  // A tour or a trial stay is "booked" by its appointment instead of by a stay.
  plan_appointment: { from: OPEN_STATUSES, to: 'booked' },
  // With no appointment left, the request is open again for another date.
  cancel_last_appointment: { from: ['booked'], to: 'new' },
  start_aftercare: { from: ['departed'], to: 'aftercare' },
  finish_aftercare: { from: ['aftercare'], to: 'closed' },
  withdraw: { from: OPEN_STATUSES, to: 'cancelled' },
  close: { from: OPEN_STATUSES, to: 'closed' },
};

export function moveOf(action: ReferralAction): Move {
  return MOVES[action];
}

export function mayMove(action: ReferralAction, current: ReferralStatus): boolean {
  return MOVES[action].from.includes(current);
}

/** The statuses a referral's stays decide; before triage, and after aftercare or an ending, the stays do not move it. */
export const STAY_DRIVEN_STATUSES: readonly ReferralStatus[] = ['triaged', 'waiting', 'proposed', 'booked', 'arrived', 'departed'];

/** What a referral's stays say of it: the furthest live stay counts; with none left, it is back to triaged. */
export function statusFromStays(stays: readonly StayStatus[]): ReferralStatus {
  if (stays.includes('arrived')) return 'arrived';
  if (stays.includes('confirmed')) return 'booked';
  if (stays.includes('hold')) return 'proposed';
  if (stays.includes('departed')) return 'departed';
  return 'triaged';
}
