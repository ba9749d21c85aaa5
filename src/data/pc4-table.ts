import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * One Dutch 4-digit postcode area from assets/pc4/4pp.csv, with the municipality it belongs to today: the file's
 * names predate the mergers of 2010–2023, which assets/pc4/municipality-changes.csv applies on loading.
 */
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

const PC4_DIR = join(import.meta.dirname, '..', '..', 'assets', 'pc4');
const CSV_PATH = join(PC4_DIR, '4pp.csv');
const CHANGES_PATH = join(PC4_DIR, 'municipality-changes.csv');
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
  table ??= applyMunicipalityChanges(parsePc4Csv(readFileSync(CSV_PATH, 'utf8')), loadChanges());
  return table;
}

let changes: readonly MunicipalityChange[] | undefined;

function loadChanges(): readonly MunicipalityChange[] {
  changes ??= parseMunicipalityChanges(readFileSync(CHANGES_PATH, 'utf8'));
  return changes;
}

/**
 * A municipality of the source table that no longer exists (merged, split or renamed), or a correction of the
 * source. `province` and `place` narrow the rule to some of its areas: a split municipality is divided by place.
 */
export interface MunicipalityChange {
  readonly effective: string | null;
  readonly municipality: string;
  readonly province: string | null;
  readonly place: string | null;
  readonly newMunicipality: string;
  readonly newProvince: string | null;
}

export function parseMunicipalityChanges(text: string): MunicipalityChange[] {
  const [header, ...records] = parseCsv(text);
  const expected = ['effective', 'municipality', 'province', 'place', 'new_municipality', 'new_province', 'reason'];
  if (header?.join(',') !== expected.join(',')) throw new Error(`Municipality changes need the columns ${expected.join(', ')}`);
  return records.map((record, line) => {
    const [effective = '', municipality = '', province = '', place = '', newMunicipality = '', newProvince = ''] = record;
    if (!newMunicipality || (effective && !/^\d{4}-\d{2}-\d{2}$/.test(effective))) {
      throw new Error(`Municipality change ${line + 2} is malformed: ${record.join(',')}`);
    }
    return {
      effective: effective || null,
      municipality,
      province: province || null,
      place: place || null,
      newMunicipality,
      newProvince: newProvince || null,
    };
  });
}

function ruleFor(area: Pc4Area, rules: readonly MunicipalityChange[]): MunicipalityChange | undefined {
  // The first matching rule wins, so a split municipality lists its places before the rule for the rest.
  return rules.find(
    (rule) =>
      rule.municipality === area.municipality &&
      (rule.province === null || rule.province === area.province) &&
      (rule.place === null || rule.place === area.place),
  );
}

/** The areas with today's municipality (and province, where a merger moved it); a rule that matches nothing is an error. */
export function applyMunicipalityChanges(areas: ReadonlyMap<string, Pc4Area>, rules: readonly MunicipalityChange[]): Map<string, Pc4Area> {
  const used = new Set<MunicipalityChange>();
  const current = new Map<string, Pc4Area>();
  for (const [pc4, area] of areas) {
    const rule = ruleFor(area, rules);
    if (rule) used.add(rule);
    current.set(pc4, rule ? { ...area, municipality: rule.newMunicipality, province: rule.newProvince ?? area.province } : area);
  }
  const unused = rules.filter((rule) => !used.has(rule));
  if (unused.length > 0)
    throw new Error(`Municipality changes match no postcode area: ${unused.map((rule) => rule.municipality).join(', ')}`);
  return current;
}

/**
 * Former municipality names and the municipality that took them over, for names stored before the table was
 * current. A name whose areas went to several municipalities maps to the one that took most of them; a name that
 * stood for two municipalities at once (Bergen in Limburg and in Noord-Holland) cannot be resolved and is left out.
 */
export function formerMunicipalityNames(): ReadonlyMap<string, string> {
  const source = parsePc4Csv(readFileSync(CSV_PATH, 'utf8'));
  const current = loadTable();
  const counts = new Map<string, { provinces: Set<string>; targets: Map<string, number> }>();
  for (const [pc4, area] of source) {
    const now = current.get(pc4)!;
    if (area.municipality === '' || area.municipality === now.municipality) continue;
    const entry = counts.get(area.municipality) ?? { provinces: new Set(), targets: new Map() };
    entry.provinces.add(area.province);
    entry.targets.set(now.municipality, (entry.targets.get(now.municipality) ?? 0) + 1);
    counts.set(area.municipality, entry);
  }
  const names = new Map<string, string>();
  const stillCurrent = knownMunicipalities();
  for (const [name, { provinces, targets }] of counts) {
    if (provinces.size > 1 || stillCurrent.has(name)) continue;
    const [target] = [...targets].sort((a, b) => b[1] - a[1])[0]!;
    names.set(name, target);
  }
  return names;
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
