import type { Urgency } from '../triage/outcome.ts';

/**
 * The prices the batch allocation weighs, in kilometres. Leaving a referral without a bed costs far more than any
 * distance in a region, so the allocation first places as many as it can; between referrals that compete for the last
 * bed, the more urgent one wins, because leaving it out costs more.
 */
export const NO_BED_KM: Record<Urgency, number> = { today: 3000, within_48h: 2000, planned: 1000 };
/** A bed outside the home region counts as this much further away: it is a last resort. */
export const OUTSIDE_REGION_KM = 200;
