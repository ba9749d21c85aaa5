/**
 * A hold keeps a unit for a guest until it is confirmed or its time runs out; an offer from the waiting list is a
 * hold too. This is the one rule for when a hold ends: the repositories compare `hold_expires_at` with the same
 * `now` (the app's clock, passed in), never with the database's own `now()`.
 */
export function holdExpiresAt(now: Date, minutes: number): Date {
  return new Date(now.getTime() + minutes * 60_000);
}

/** A hold has lapsed from the moment of its expiry on: at that instant it no longer keeps the unit. */
export function holdHasLapsed(expiresAt: Date | null, now: Date): boolean {
  return expiresAt !== null && expiresAt.getTime() <= now.getTime();
}

/**
 * A place the central point proposes to a provider is held this long: the agreed time within which the provider
 * accepts or declines (as transfer points work with POINT); after it the hold lapses and the place is free again.
 */
export const PLACEMENT_ANSWER_MINUTES = 4 * 60;
