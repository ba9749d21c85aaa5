import { type BurdenLevel, type Urgency, urgencyRank } from './triage/outcome.ts';

/** Who is next: the most urgent first, then the most burdened caregiver, then whoever has waited longest. */
export interface WaitingEntry {
  referralId: string;
  urgency: Urgency;
  burdenLevel: BurdenLevel;
  /** When the referral came in (ISO timestamp). */
  waitingSince: string;
}

const BURDEN_RANK: Record<BurdenLevel, number> = { high: 0, moderate: 1, low: 2 };

export function byPriority(a: WaitingEntry, b: WaitingEntry): number {
  return (
    urgencyRank(a.urgency) - urgencyRank(b.urgency) ||
    BURDEN_RANK[a.burdenLevel] - BURDEN_RANK[b.burdenLevel] ||
    a.waitingSince.localeCompare(b.waitingSince) ||
    a.referralId.localeCompare(b.referralId)
  );
}

/** How long an offer holds a unit before it passes to the next on the list. */
export const OFFER_HOURS = 24;
