import { AppError } from '../../errors.ts';

/**
 * A limit on what was accepted, not on what was tried: a caregiver who mistypes a postcode three times must not lose
 * three of the five requests an hour. The route checks before the work and records after it succeeded; attempts of
 * any kind are held back by the ordinary rate limit, which is higher. Counted per process in memory, like that one.
 */
export class AcceptedLimit {
  readonly #accepted = new Map<string, number[]>();
  readonly max: number;
  readonly windowMs: number;
  readonly now: () => number;

  constructor(max: number, windowMs: number, now: () => number = Date.now) {
    this.max = max;
    this.windowMs = windowMs;
    this.now = now;
  }

  /** Throws rate_limited, with the seconds until the oldest accepted request leaves the window, once max are in it. */
  check(key: string): void {
    const recent = this.#recent(key);
    if (recent.length < this.max) return;
    throw new AppError('rate_limited', { params: { seconds: Math.ceil((recent[0]! + this.windowMs - this.now()) / 1000) } });
  }

  record(key: string): void {
    this.#accepted.set(key, [...this.#recent(key), this.now()]);
  }

  #recent(key: string): number[] {
    const since = this.now() - this.windowMs;
    const recent = (this.#accepted.get(key) ?? []).filter((at) => at > since);
    if (recent.length === 0) this.#accepted.delete(key);
    else this.#accepted.set(key, recent);
    return recent;
  }
}
