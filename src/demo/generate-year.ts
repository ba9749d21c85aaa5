import type { Pc4Area } from '../data/pc4-table.ts';
import type { ClientTable, StaySeriesTable, StayTable } from '../data/schema.ts';
import { addDays, type DateRange, type IsoDate } from '../domain/dates.ts';
import { createBookings } from './demo-bookings.ts';
import { createClients } from './demo-clients.ts';
import { buildRegistry, type DemoRow, type RegistryRows } from './demo-registry.ts';
import { type DemoWindow, pilotGuestPlans } from './pilot-demand.ts';
import { createRandom } from './prng.ts';

/** One year of demo data for every table, with ids fixed in advance so rows can refer to each other. */
export interface DemoYear extends RegistryRows {
  readonly today: IsoDate;
  readonly window: DateRange;
  readonly clients: DemoRow<ClientTable>[];
  readonly series: DemoRow<StaySeriesTable>[];
  readonly stays: DemoRow<StayTable>[];
}

export interface GenerateYearOptions {
  readonly today: IsoDate;
  readonly seed?: number;
  /** The PC4 table's areas of at least the demo regions' municipalities. */
  readonly areas: readonly Pc4Area[];
}

export const DEFAULT_DEMO_SEED = 2019;
// Nine months of history and three of bookings ahead: 365 days.
const DAYS_BEFORE_TODAY = 274;
const DAYS_AFTER_TODAY = 91;

/**
 * A deterministic year of clients and stays for the demo registry: the same options always give the same rows.
 * Respite guests follow the pilots' figures (pilot-demand.ts); ELV and crisis admissions fill the flexible beds up
 * to today, since nobody books those months ahead.
 */
export function generateYear(options: GenerateYearOptions): DemoYear {
  const seed = options.seed ?? DEFAULT_DEMO_SEED;
  const random = createRandom(seed);
  // Ids come from a stream of their own, so a change in the number of rows does not change the dates drawn after it.
  const ids = createRandom(seed ^ 0x5bd1e995);
  const window: DemoWindow = {
    from: addDays(options.today, -DAYS_BEFORE_TODAY),
    days: DAYS_BEFORE_TODAY + DAYS_AFTER_TODAY,
    today: DAYS_BEFORE_TODAY,
  };
  const registry = buildRegistry(options.areas, window, ids);
  const clients = createClients(registry, window, random, ids);
  const bookings = createBookings(registry, window, random, ids);

  const guests = pilotGuestPlans(random, window).map((plan) => ({ plan, client: clients.add(plan.regionId, plan) }));
  // The most constrained requests claim their beds first: the named profiles (their stories must hold), then
  // series, then single stays in random order.
  const [named, others] = [guests.filter((guest) => guest.plan.name), guests.filter((guest) => !guest.plan.name)];
  for (const guest of [...named, ...others]) {
    if (guest.plan.series) bookings.bookSeries(guest.plan, guest.client, guest.plan.series);
    if (guest.plan.name) for (const stay of guest.plan.stays) bookings.bookRespite(guest.plan, guest.client, stay, null);
  }
  for (const guest of random.shuffle(others)) {
    for (const stay of guest.plan.stays) bookings.bookRespite(guest.plan, guest.client, stay, null);
  }
  for (const unit of registry.units) {
    bookings.fillWithRecoveryStays(unit, (regionId) => clients.add(clients.regionOfRecoveryGuest(regionId), {}));
  }

  return {
    today: options.today,
    window: { from: window.from, to: addDays(window.from, window.days) },
    ...registry.rows,
    clients: clients.rows,
    series: bookings.series,
    stays: bookings.stays,
  };
}
