/**
 * Work that runs after the answer has left, so that how long the answer takes tells nothing about it (e.g. whether an
 * address has an account). Failures are logged, never thrown: nobody waits for them. `settled()` lets the server
 * finish such work before it closes.
 */
export class AfterAnswer {
  readonly #pending = new Set<Promise<void>>();

  run(what: string, work: () => Promise<void>): void {
    const task: Promise<void> = new Promise<void>((resolve) => setImmediate(resolve))
      .then(work)
      .catch((error: unknown) => console.error(`${what} failed:`, error instanceof Error ? error.message : error))
      .finally(() => this.#pending.delete(task));
    this.#pending.add(task);
  }

  async settled(): Promise<void> {
    while (this.#pending.size > 0) await Promise.allSettled([...this.#pending]);
  }
}
