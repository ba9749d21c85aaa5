import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** One Dutch 4-digit postcode area from assets/pc4/4pp.csv; municipality names are those of 2014. */
export interface Pc4Area {
  readonly pc4: string;
  readonly place: string;
  readonly municipality: string;
  readonly province: string;
  readonly latitude: number;
  readonly longitude: number;
  /** 'postbox' areas hold only PO boxes: nobody lives there and their centroid can lie far from the place. */
  readonly kind: Pc4Kind;
}

export type Pc4Kind = 'address' | 'postbox' | 'address_and_postbox' | 'unknown';

const CSV_PATH = join(import.meta.dirname, '..', '..', 'assets', 'pc4', '4pp.csv');
const KINDS: Record<string, Pc4Kind> = {
  Adres: 'address',
  Postbus: 'postbox',
  'Adres + Postbus': 'address_and_postbox',
  Onbekend: 'unknown',
};

let table: ReadonlyMap<string, Pc4Area> | undefined;

export function pc4Area(pc4: string): Pc4Area | undefined {
  return loadTable().get(pc4);
}

/** Every area of the named municipalities, in postcode order; a name not in the table matches nothing. */
export function pc4AreasOfMunicipalities(names: readonly string[]): Pc4Area[] {
  const wanted = new Set(names);
  return [...loadTable().values()].filter((area) => wanted.has(area.municipality));
}

export interface MunicipalitySummary {
  readonly name: string;
  readonly province: string;
  readonly postcodeCount: number;
}

let municipalities: readonly MunicipalitySummary[] | undefined;

/** Every municipality in the table, by name, with its province and number of PC4 areas. */
export function listMunicipalities(): readonly MunicipalitySummary[] {
  if (!municipalities) {
    const byName = new Map<string, { province: string; postcodeCount: number }>();
    for (const area of loadTable().values()) {
      const entry = byName.get(area.municipality) ?? { province: area.province, postcodeCount: 0 };
      entry.postcodeCount += 1;
      byName.set(area.municipality, entry);
    }
    municipalities = [...byName].map(([name, entry]) => ({ name, ...entry })).sort((a, b) => a.name.localeCompare(b.name, 'nl'));
  }
  return municipalities;
}

export function knownMunicipalities(): ReadonlySet<string> {
  return new Set(listMunicipalities().map((municipality) => municipality.name));
}

// Read on first use: most processes (and most tests) never need the 4,700 rows.
function loadTable(): ReadonlyMap<string, Pc4Area> {
  table ??= parsePc4Csv(readFileSync(CSV_PATH, 'utf8'));
  return table;
}

export function parsePc4Csv(text: string): Map<string, Pc4Area> {
  const [header, ...records] = parseCsv(text);
  if (!header) throw new Error('PC4 table is empty');
  const column = (name: string) => {
    const index = header.indexOf(name);
    if (index < 0) throw new Error(`PC4 table has no column ${name}`);
    return index;
  };
  const columns = {
    pc4: column('postcode'),
    place: column('woonplaats'),
    municipality: column('gemeente'),
    province: column('provincie'),
    latitude: column('latitude'),
    longitude: column('longitude'),
    kind: column('soort'),
  };
  const areas = new Map<string, Pc4Area>();
  for (const [line, record] of records.entries()) {
    const field = (index: number) => record[index] ?? '';
    const area: Pc4Area = {
      pc4: field(columns.pc4),
      place: field(columns.place),
      municipality: field(columns.municipality),
      province: field(columns.province),
      latitude: Number(field(columns.latitude)),
      longitude: Number(field(columns.longitude)),
      kind: KINDS[field(columns.kind)] ?? 'unknown',
    };
    if (!/^[1-9][0-9]{3}$/.test(area.pc4) || !Number.isFinite(area.latitude) || !Number.isFinite(area.longitude)) {
      throw new Error(`PC4 table record ${line + 2} is malformed: ${record.join(',')}`);
    }
    if (areas.has(area.pc4)) throw new Error(`PC4 table lists ${area.pc4} twice`);
    areas.set(area.pc4, area);
  }
  return new Map([...areas].sort(([a], [b]) => a.localeCompare(b)));
}

/**
 * RFC 4180 records: fields may be quoted, quoted fields may hold commas, line breaks and doubled quotes
 * (the table's municipality "Nuenen, Gerwen en Nederwetten" holds a comma). Blank lines are skipped.
 */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  const endRecord = () => {
    record.push(field);
    if (record.length > 1 || record[0] !== '') records.push(record);
    record = [];
    field = '';
  };
  while (i < text.length) {
    const char = text[i]!;
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i += 2;
        continue;
      }
      if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') {
      quoted = true;
    } else if (char === ',') {
      record.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      endRecord();
      if (char === '\r' && text[i + 1] === '\n') i++;
    } else {
      field += char;
    }
    i++;
  }
  if (field !== '' || record.length > 0) endRecord();
  return records;
}
