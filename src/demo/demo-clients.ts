import type { Pc4Area } from '../data/pc4-table.ts';
import type { ClientTable } from '../data/schema.ts';
import { addDays } from '../domain/dates.ts';
import type { DemoRow, Registry } from './demo-registry.ts';
import { type DemoWindow, type GuestPlan, NEIGHBOUR_GUEST_SHARE } from './pilot-demand.ts';
import type { Random } from './prng.ts';

export interface DemoClient {
  readonly id: string;
  readonly home: Pc4Area;
}

const WOMEN = [
  'Adri',
  'Annie',
  'Bep',
  'Betsy',
  'Coby',
  'Cor',
  'Dina',
  'Door',
  'Drika',
  'Els',
  'Gerda',
  'Greet',
  'Hennie',
  'Ina',
  'Joke',
  'Klazina',
  'Lenie',
  'Lies',
  'Marie',
  'Mieke',
  'Mien',
  'Miep',
  'Nel',
  'Netty',
  'Ria',
  'Riek',
  'Riet',
  'Sjaan',
  'Stien',
  'Thea',
  'Tiny',
  'Toos',
  'Truus',
  'Wil',
  'Willy',
  'Wilma',
];
const MEN = [
  'Ad',
  'Anton',
  'Arie',
  'Bert',
  'Cees',
  'Dirk',
  'Frans',
  'Frits',
  'Gerrit',
  'Gert',
  'Gijs',
  'Harrie',
  'Hein',
  'Henk',
  'Herman',
  'Huib',
  'Jaap',
  'Jacob',
  'Joop',
  'Kees',
  'Klaas',
  'Koos',
  'Leen',
  'Louis',
  'Martien',
  'Nico',
  'Rinus',
  'Sjef',
  'Teun',
  'Theo',
  'Toon',
  'Wim',
  'Willem',
];
const SURNAME_INITIALS = 'ABDEGHJKLMNOPRSTVWZ';

/** Minimal personal data: a first name with the initial of the surname, a date of birth and the home PC4. */
export function createClients(registry: Registry, window: DemoWindow, random: Random, ids: Random) {
  const rows: DemoRow<ClientTable>[] = [];
  const names = new Set<string>();
  const today = addDays(window.from, window.today);
  const inventName = () => {
    let name = '';
    // Unique names keep the demo readable; 1,300 combinations leave room for retries.
    for (let attempt = 0; attempt < 50 && (name === '' || names.has(name)); attempt++) {
      name = `${random.pick(random.chance(0.6) ? WOMEN : MEN)} ${random.pick([...SURNAME_INITIALS])}.`;
    }
    return name;
  };
  const birthDate = (age: number) => {
    const lastBirthday = addDays(today, -random.int(0, 364));
    const monthDay = lastBirthday.slice(4) === '-02-29' ? '-02-28' : lastBirthday.slice(4);
    return `${Number(lastBirthday.slice(0, 4)) - age}${monthDay}`;
  };
  return {
    rows,
    add(regionId: string, profile: Pick<GuestPlan, 'name' | 'age' | 'home'>): DemoClient {
      const homes = (registry.homeAreas.get(regionId) ?? []).filter(
        (area) => profile.home === undefined || area.municipality === profile.home || area.place === profile.home,
      );
      const home = random.pick(homes);
      const name = profile.name ?? inventName();
      names.add(name);
      // Guests are mostly 75–85; this centres on 79, the average age in the Hoeksche Waard pilot.
      const age = profile.age ?? 75 + Math.min(15, Math.round(Math.abs(random.gaussian()) * 5));
      const client = { id: ids.uuid(), home };
      rows.push({
        id: client.id,
        name,
        date_of_birth: birthDate(age),
        pc4: home.pc4,
        city: home.place,
        bsn: null,
        street: null,
        house_number: null,
        postcode: null,
        phone: null,
        anonymised_at: null,
      });
      return client;
    },
    /** An unplanned guest mostly lives in the region, sometimes in a neighbouring one. */
    regionOfRecoveryGuest(regionId: string): string {
      const neighbours = registry.neighbours.get(regionId) ?? [];
      return neighbours.length > 0 && random.chance(NEIGHBOUR_GUEST_SHARE) ? random.pick(neighbours) : regionId;
    },
  };
}
