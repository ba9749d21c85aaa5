/**
 * Work that callers may share: a caller adds its items and waits for a run that includes them. One run at a time;
 * whatever is added while a run is busy goes into the single next run. Under load many requests share one run (a
 * round trip for all of them), and one request alone waits no longer than for its own run.
 */
export class SharedRun<T> {
  readonly #work: (items: T[]) => Promise<void>;
  #busy: Promise<void> = Promise.resolve();
  #next: { items: T[]; done: Promise<void> } | undefined;

  constructor(work: (items: T[]) => Promise<void>) {
    this.#work = work;
  }

  /** Resolves (or rejects) with the run that includes these items. */
  add(items: readonly T[]): Promise<void> {
    let next = this.#next;
    if (!next) {
      const batch = { items: [] as T[], done: Promise.resolve() };
      batch.done = this.#busy.then(() => {
        // From here on, new items wait for the run after this one.
        if (this.#next === batch) this.#next = undefined;
        return this.#work(batch.items);
      });
      this.#busy = batch.done.catch(() => undefined);
      this.#next = next = batch;
    }
    next.items.push(...items);
    return next.done;
  }
}
