/** Which status changes a stay allows. The database stores the status; this table decides the moves. */
export const STAY_STATUSES = ['hold', 'confirmed', 'arrived', 'departed', 'cancelled', 'no_show', 'expired'] as const;
export type StayStatus = (typeof STAY_STATUSES)[number];

export type StayAction = 'confirm' | 'cancel' | 'arrive' | 'depart' | 'no_show' | 'change_dates' | 'move';

const NEXT_STATUS: Partial<Record<StayAction, Partial<Record<StayStatus, StayStatus>>>> = {
  confirm: { hold: 'confirmed' },
  cancel: { hold: 'cancelled', confirmed: 'cancelled' },
  arrive: { confirmed: 'arrived' },
  depart: { arrived: 'departed' },
  no_show: { confirmed: 'no_show' },
};

/** Statuses in which a stay occupies its unit; mirrors the WHERE clause of the exclusion constraint. */
export const OCCUPYING_STATUSES: readonly StayStatus[] = ['hold', 'confirmed', 'arrived', 'departed'];

export function nextStatus(action: StayAction, current: StayStatus): StayStatus | undefined {
  return NEXT_STATUS[action]?.[current];
}

/** Dates may change while the stay is planned; once the guest is in, only the departure may move. */
export function allowedDateChange(current: StayStatus): 'both' | 'departure_only' | 'none' {
  if (current === 'hold' || current === 'confirmed') return 'both';
  if (current === 'arrived') return 'departure_only';
  return 'none';
}

/** A guest who has arrived is not moved by a planner action; that is a new stay on the other unit. */
export function canMove(current: StayStatus): boolean {
  return current === 'hold' || current === 'confirmed';
}
