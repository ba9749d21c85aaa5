import { randomUUID } from 'node:crypto';
import { AvailabilityIndex, type IndexQuery, type IndexResult, type IndexedOccupation } from '../domain/availability-index.ts';
import { type DateRange, addDays } from '../domain/dates.ts';
import { OCCUPYING_STATUSES, type StayStatus } from '../domain/stay-lifecycle.ts';
import {
  type OccupationSnapshotRow,
  type UnitCandidateRow,
  loadOccupationSnapshot,
  loadRegistrySnapshot,
} from '../data/availability.repository.ts';
import type { DatabaseHandle, Subscription } from '../data/database.ts';
import { appClock } from '../clock.ts';
import type { ClosureKind } from '../domain/provider/closures.ts';

export type IndexedUnitRow = UnitCandidateRow & { rank: number };

/** See AvailabilityReadModel.marker; the writer sets `sent` once its transaction with the marker committed. */
export interface SyncMarker {
  readonly payload: string;
  readonly arrived: Promise<void>;
  sent: boolean;
  discard(): void;
}

const CHANNEL = 'availability';
/** Searches may look back this far and still be answered from memory. */
const LOOKBACK_DAYS = 31;
const RECONNECT_MS = 1_000;

/** A change as the triggers of migration 0003 announce it, or our own sync marker. */
type Notice =
  | {
      kind: 'stay';
      id: string;
      deleted?: true;
      unitId?: string;
      from?: string;
      to?: string;
      status?: string;
      holdExpiresAt?: string | null;
    }
  | { kind: 'closure'; id: string; deleted?: true; unitId?: string; from?: string; to?: string; closureKind?: ClosureKind }
  | { kind: 'registry' }
  | { kind: 'sync'; token: string };

/**
 * An in-memory copy of availability for fast search, kept in step with the database through LISTEN/NOTIFY.
 * The database stays the source of truth: bookings are checked and constrained there, never here. When the
 * notification connection is lost the model stops answering (callers fall back to SQL) until it has reloaded.
 */
export class AvailabilityReadModel {
  readonly #handle: DatabaseHandle;
  readonly #index = new AvailabilityIndex<IndexedUnitRow>();
  #subscription: Subscription | undefined;
  #ready = false;
  #closed = false;
  #loadedFrom = '';
  #connecting = false;
  #connectFailure: Error | undefined;
  // Notices are applied strictly in arrival order; a registry reload holds back those after it.
  #queue: Promise<void> = Promise.resolve();
  #buffer: Notice[] | undefined;
  readonly #syncWaiters = new Map<string, () => void>();

  private constructor(handle: DatabaseHandle) {
    this.#handle = handle;
  }

  static async start(handle: DatabaseHandle): Promise<AvailabilityReadModel> {
    const model = new AvailabilityReadModel(handle);
    await model.#connect();
    return model;
  }

  /** Loaded and following the database's notices (false while it reconnects after losing them). */
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

  /** The unit as the registry last announced it: for checks before a write whose statement compares it again. */
  unit(unitId: string): IndexedUnitRow | undefined {
    return this.#ready ? this.#index.unit(unitId) : undefined;
  }

  /**
   * A sync marker for a write to send in its own transaction (place_stay), so read-your-writes costs no round trip
   * of its own. `arrived` resolves once the marker, and so that write, is applied; `discard` forgets an unsent one.
   */
  marker(): SyncMarker | undefined {
    if (!this.#ready) return undefined;
    const token = randomUUID();
    const arrived = new Promise<void>((resolve) => this.#syncWaiters.set(token, resolve));
    return { payload: JSON.stringify({ kind: 'sync', token }), arrived, sent: false, discard: () => this.#syncWaiters.delete(token) };
  }

  /** Resolves once every change committed before the call has been applied: read-your-writes for one process. */
  async sync(): Promise<void> {
    const marker = this.marker();
    if (!marker) return;
    try {
      await this.#handle.notify(CHANNEL, marker.payload);
    } catch (error) {
      // The caller's change is committed, so its answer must not fail; without the marker the model cannot show
      // it is in step, so it stops answering and reloads.
      marker.discard();
      void this.#lost(error as Error);
      return;
    }
    await marker.arrived;
  }

  async close(): Promise<void> {
    this.#closed = true;
    this.#ready = false;
    await this.#subscription?.close();
    for (const resolve of this.#syncWaiters.values()) resolve();
  }

  async #connect(): Promise<void> {
    // Listen first and buffer, then load: a change committed during the load is in the buffer, and replaying it
    // over the snapshot is harmless because every notice carries the full new state of its row.
    this.#buffer = [];
    this.#connecting = true;
    this.#connectFailure = undefined;
    let subscription: Subscription | undefined;
    try {
      subscription = await this.#handle.listen(
        CHANNEL,
        (payload) => this.#receive(JSON.parse(payload) as Notice),
        (error) => this.#fail(error),
      );
      this.#subscription = subscription;
      await this.#reloadRegistry();
      this.#loadedFrom = addDays(appClock().today(), -LOOKBACK_DAYS);
      this.#index.clearOccupations();
      for (const row of await loadOccupationSnapshot(this.#handle.db, this.#loadedFrom)) this.#index.upsert(toOccupation(row));
      const buffered = this.#buffer;
      this.#buffer = undefined;
      for (const notice of buffered) this.#enqueue(notice);
      await this.#queue;
      if (this.#connectFailure) throw this.#connectFailure;
    } catch (error) {
      // Each retry opens its own subscription: a failed one must not stay connected.
      await subscription?.close().catch(() => undefined);
      throw error;
    } finally {
      this.#connecting = false;
    }
    this.#ready = true;
  }

  /**
   * The subscription broke or a notice could not be applied. While (re)connecting that fails the attempt: ready on
   * a dead subscription, or without a change, would go wrong unnoticed. Once ready, the model reloads.
   */
  #fail(error: Error): void {
    if (this.#connecting) this.#connectFailure ??= error;
    else void this.#lost(error);
  }

  async #lost(error: Error): Promise<void> {
    if (this.#closed || !this.#ready) return;
    this.#ready = false;
    // A sync waits for its marker to come back over the subscription that was just lost: it would wait forever,
    // and with it the answer to a change that has been committed.
    for (const resolve of this.#syncWaiters.values()) resolve();
    this.#syncWaiters.clear();
    console.error(`Availability read model lost its notifications (${error.message}); searching in the database until it reconnects.`);
    await this.#subscription?.close().catch(() => undefined);
    let failures = 0;
    while (!this.#closed && !this.#ready) {
      await new Promise((resolve) => setTimeout(resolve, RECONNECT_MS));
      await this.#connect().catch((retry: unknown) => {
        // One line per outage, not one a second.
        if (failures++ === 0)
          console.error(`Read model reconnect failed (${(retry as Error).message}); retrying every ${RECONNECT_MS} ms.`);
      });
    }
    if (this.#ready) console.log('Availability read model reconnected.');
  }

  #receive(notice: Notice): void {
    if (this.#buffer) this.#buffer.push(notice);
    else this.#enqueue(notice);
  }

  #enqueue(notice: Notice): void {
    this.#queue = this.#queue.then(() => this.#apply(notice)).catch((error: unknown) => this.#fail(error as Error));
  }

  async #apply(notice: Notice): Promise<void> {
    switch (notice.kind) {
      case 'sync':
        this.#syncWaiters.get(notice.token)?.();
        this.#syncWaiters.delete(notice.token);
        return;
      case 'registry':
        return this.#reloadRegistry();
      case 'stay':
      case 'closure': {
        const key = `${notice.kind}:${notice.id}`;
        if (notice.deleted) return this.#index.remove(key);
        const row: OccupationSnapshotRow = {
          kind: notice.kind,
          id: notice.id,
          unitId: notice.unitId!,
          from: notice.from!,
          to: notice.to!,
          status: notice.kind === 'stay' ? notice.status! : (notice.closureKind ?? 'closure'),
          holdExpiresAt: notice.kind === 'stay' && notice.holdExpiresAt ? new Date(notice.holdExpiresAt) : null,
        };
        if (row.kind === 'stay' && !OCCUPYING_STATUSES.includes(row.status as StayStatus)) return this.#index.remove(key);
        return this.#index.upsert(toOccupation(row));
      }
      default: {
        const unknown: never = notice;
        throw new Error(`Unknown availability notice ${JSON.stringify(unknown)}`);
      }
    }
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
