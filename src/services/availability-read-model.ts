import { AvailabilityIndex, type IndexQuery, type IndexResult, type IndexedOccupation } from '../domain/availability-index.ts';
import { type DateRange, addDays } from '../domain/dates.ts';
import { OCCUPYING_STATUSES, type StayStatus } from '../domain/stay-lifecycle.ts';
import {
  type FeedSnapshot,
  type OccupationSnapshotRow,
  type UnitCandidateRow,
  changeFeedSnapshot,
  loadOccupationSnapshot,
  loadRegistrySnapshot,
  pruneChangeFeed,
  readChangeFeed,
} from '../data/availability.repository.ts';
import type { DatabaseHandle } from '../data/database.ts';
import { appClock } from '../clock.ts';

export type IndexedUnitRow = UnitCandidateRow & { rank: number };

export interface ReadModelOptions {
  /** How often to look for changes when no write of this process asks for it (other processes' writes). */
  pollMs?: number;
  /** How often it prunes the feed (default a minute; see PRUNE_EVERY_MS). */
  pruneEveryMs?: number;
}

/** Searches may look back this far and still be answered from memory. */
const LOOKBACK_DAYS = 31;
const RECONNECT_MS = 1_000;
const POLL_MS = 200;
/**
 * Each model deletes the feed's changes before the horizon it had a prune ago: a model that polled since has read
 * them. One that has not (a process paused, a failing database) finds the feed pruned past its horizon and reloads.
 */
const PRUNE_EVERY_MS = 60_000;
/** Far longer than between a commit and its writer's placed(): a poll that read the row since is no older. */
const RECENT_MS = 10_000;

/**
 * An in-memory copy of availability for fast search, kept in step with the database by polling its change feed
 * (migration 0037). The database stays the source of truth: bookings are checked and constrained there, never here.
 * When a poll fails the model stops answering (callers fall back to SQL) until it has reloaded.
 */
export class AvailabilityReadModel {
  readonly #handle: DatabaseHandle;
  readonly #index = new AvailabilityIndex<IndexedUnitRow>();
  readonly #pollMs: number;
  readonly #pruneEveryMs: number;
  #ready = false;
  #closed = false;
  #loadedFrom = '';
  /**
   * The snapshot of the last poll (or of the load): changes of the transactions it saw as committed have been
   * applied, and those of transactions older than its horizon are no longer needed (see pruning).
   */
  #last: FeedSnapshot = { snapshot: '', horizon: '0' };
  /** Rows polls applied in the last RECENT_MS, with when: see placed(). */
  readonly #recentlyPolled = new Map<string, number>();
  #inFlight: Promise<void> | undefined;
  #queued: Promise<void> | undefined;
  #prune: { horizon: string; at: number } | undefined;
  #prunedUpTo: string | undefined;
  #timer: NodeJS.Timeout | undefined;

  private constructor(handle: DatabaseHandle, options: ReadModelOptions) {
    this.#handle = handle;
    this.#pollMs = options.pollMs ?? POLL_MS;
    this.#pruneEveryMs = options.pruneEveryMs ?? PRUNE_EVERY_MS;
  }

  static async start(handle: DatabaseHandle, options: ReadModelOptions = {}): Promise<AvailabilityReadModel> {
    const model = new AvailabilityReadModel(handle, options);
    await model.#load();
    model.#timer = setInterval(() => {
      if (model.#ready && !model.#inFlight) void model.#requestPoll();
    }, model.#pollMs);
    model.#timer.unref();
    return model;
  }

  /** Loaded and following the database's changes (false while it reloads after losing them). */
  get ready(): boolean {
    return this.#ready && !this.#closed;
  }

  /** True when a search for this period can be answered from memory. */
  covers(period: DateRange): boolean {
    return this.#ready && period.from >= this.#loadedFrom;
  }

  hasRegion(regionId: string): boolean {
    return this.#index.hasRegion(regionId);
  }

  regionWithNeighbours(regionId: string): string[] {
    return this.#index.regionWithNeighbours(regionId);
  }

  search(query: IndexQuery): IndexResult<IndexedUnitRow> {
    return this.#index.search(query, appClock().now().getTime());
  }

  occupationsOf(unitId: string, window: DateRange): IndexedOccupation[] {
    return this.#index.occupationsOf(unitId, window, appClock().now().getTime());
  }

  /** The unit as the registry last showed it: for checks before a write whose statement compares it again. */
  unit(unitId: string): IndexedUnitRow | undefined {
    return this.#ready ? this.#index.unit(unitId) : undefined;
  }

  /**
   * Resolves once every change committed before the call has been applied: read-your-writes for one process. The
   * writes of many requests share one poll. Never fails: when the poll fails the model stops answering and reloads.
   */
  async sync(): Promise<void> {
    if (!this.ready) return;
    await this.#requestPoll();
  }

  /**
   * A stay this process has just inserted, applied at once so its answer need not wait for a poll. A poll that
   * already applied the row read it after the insert committed, so what it applied is as new or newer: kept.
   */
  placed(row: OccupationSnapshotRow): void {
    if (!this.ready) return;
    const key = `${row.kind}:${row.id}`;
    if (!this.#recentlyPolled.has(key)) this.#applyRow(key, row);
  }

  async close(): Promise<void> {
    this.#closed = true;
    this.#ready = false;
    clearInterval(this.#timer);
    // A poll in flight is not awaited: during an outage it could hang until the connection times out. Whatever it
    // returns is dropped, and its failure is ignored (#lost does nothing once closed).
  }

  /** A poll that starts after this call: the one in flight may have taken its snapshot before the caller's commit. */
  #requestPoll(): Promise<void> {
    if (this.#queued) return this.#queued;
    if (!this.#inFlight) return this.#startPoll();
    this.#queued = this.#inFlight.then(() => {
      this.#queued = undefined;
      return this.#startPoll();
    });
    return this.#queued;
  }

  #startPoll(): Promise<void> {
    const run: Promise<void> = this.#poll()
      .catch((error: unknown) => void this.#lost(error as Error))
      .finally(() => {
        if (this.#inFlight === run) this.#inFlight = undefined;
      });
    this.#inFlight = run;
    return run;
  }

  async #poll(): Promise<void> {
    if (!this.ready) return;
    const startedAt = performance.now();
    const { prunedBefore, changes, ...snapshot } = await readChangeFeed(this.#handle.db, this.#last.snapshot);
    if (!this.ready) return;
    if (BigInt(prunedBefore) > BigInt(this.#last.horizon)) throw new Error('changes it had not read yet were pruned');
    let registryChanged = false;
    for (const change of changes) {
      if (change.kind === 'registry') registryChanged = true;
      else {
        const key = `${change.kind}:${change.rowId}`;
        this.#applyRow(key, change.current);
        this.#recentlyPolled.set(key, startedAt);
      }
    }
    for (const [key, at] of this.#recentlyPolled) if (startedAt - at > RECENT_MS) this.#recentlyPolled.delete(key);
    if (registryChanged) await this.#reloadRegistry();
    this.#last = snapshot;
    await this.#pruneNow(startedAt);
  }

  /** Every change before the horizon of a prune ago was visible to any model that polled since: see PRUNE_EVERY_MS. */
  async #pruneNow(now: number): Promise<void> {
    if (this.#prune && now - this.#prune.at < this.#pruneEveryMs) return;
    // An idle database has nothing new to prune: no write every minute for nothing.
    if (this.#prune && this.#prune.horizon !== this.#prunedUpTo) {
      await pruneChangeFeed(this.#handle.db, this.#prune.horizon);
      this.#prunedUpTo = this.#prune.horizon;
    }
    this.#prune = { horizon: this.#last.horizon, at: now };
  }

  #applyRow(key: string, row: OccupationSnapshotRow | null): void {
    if (!row || (row.kind === 'stay' && !OCCUPYING_STATUSES.includes(row.status as StayStatus))) this.#index.remove(key);
    else this.#index.upsert(toOccupation(row));
  }

  async #load(): Promise<void> {
    // The snapshot first: whatever commits during the load is then read again at the first poll, which is harmless
    // because a change is applied as its row is at that poll.
    this.#last = await changeFeedSnapshot(this.#handle.db);
    this.#recentlyPolled.clear();
    await this.#reloadRegistry();
    this.#loadedFrom = addDays(appClock().today(), -LOOKBACK_DAYS);
    this.#index.clearOccupations();
    for (const row of await loadOccupationSnapshot(this.#handle.db, this.#loadedFrom)) this.#index.upsert(toOccupation(row));
    this.#ready = !this.#closed;
  }

  async #lost(error: Error): Promise<void> {
    if (this.#closed || !this.#ready) return;
    this.#ready = false;
    console.error(
      `Availability read model lost track of the database (${error.message}); searching in the database until it has reloaded.`,
    );
    let failures = 0;
    while (!this.#closed && !this.#ready) {
      await new Promise((resolve) => setTimeout(resolve, RECONNECT_MS));
      if (this.#closed) return;
      await this.#load().catch((retry: unknown) => {
        // One line per outage, not one a second.
        if (failures++ === 0) console.error(`Read model reload failed (${(retry as Error).message}); retrying every ${RECONNECT_MS} ms.`);
      });
    }
    if (this.#ready) console.log('Availability read model reloaded.');
  }

  async #reloadRegistry(): Promise<void> {
    const snapshot = await loadRegistrySnapshot(this.#handle.db);
    this.#index.setRegistry(
      snapshot.regions,
      snapshot.units.map((unit, rank) => ({ ...unit, rank })),
    );
  }
}

function toOccupation(row: OccupationSnapshotRow): IndexedOccupation {
  return {
    key: `${row.kind}:${row.id}`,
    unitId: row.unitId,
    range: { from: row.from, to: row.to },
    kind:
      row.kind === 'closure' ? (row.status === 'not_admitting' ? 'not_admitting' : 'closed') : row.status === 'hold' ? 'hold' : 'booked',
    expiresAtMs: row.status === 'hold' && row.holdExpiresAt ? new Date(row.holdExpiresAt).getTime() : null,
  };
}
