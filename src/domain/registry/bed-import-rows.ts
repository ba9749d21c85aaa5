import { parse } from 'csv-parse/sync';
import { CARE_FEATURES, CARE_FEATURE_LABELS, type CareFeature } from '../care-features.ts';
import { isIsoDate } from '../dates.ts';
import { STAY_TYPES, STAY_TYPE_LABELS, type StayType } from '../stay-types.ts';
import type { ImportColumn } from './bed-import-columns.ts';

// Values may be codes or the words the app shows (STAY_TYPE_LABELS, CARE_FEATURE_LABELS), in any case and accents.
const REQUIRED: readonly ImportColumn[] = ['organisatie', 'locatie', 'plek', 'verblijf'];
export const MAX_IMPORT_ROWS = 2_000;

export interface ImportIssue {
  /** The sheet's line (1 is the header) and column; 0 and null for the sheet as a whole. */
  line: number;
  column: ImportColumn | null;
  code: string;
  params?: Record<string, string | number>;
}

export interface ImportRow {
  line: number;
  organisation: { name: string; agbCode: string | null };
  location: { name: string; street: string; houseNumber: string; postcode: string; city: string; region: string };
  unit: {
    name: string;
    kind: 'bed' | 'home_night';
    acceptedStayTypes: StayType[];
    reservedFor: StayType | null;
    features: CareFeature[];
    activeFrom: string;
  };
}

const normal = (text: string) =>
  text
    .trim()
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '');
const STAY_TYPE_WORDS = new Map<string, StayType>(
  STAY_TYPES.flatMap(
    (type) =>
      [
        [normal(type), type],
        [normal(STAY_TYPE_LABELS[type].nl), type],
      ] as const,
  ),
);
const FEATURE_WORDS = new Map<string, CareFeature>(
  CARE_FEATURES.flatMap(
    (feature) =>
      [
        [normal(feature), feature],
        [normal(CARE_FEATURE_LABELS[feature].nl), feature],
      ] as const,
  ),
);
const KIND_WORDS = new Map<string, 'bed' | 'home_night'>([
  ['bed', 'bed'],
  ['kamer', 'bed'],
  ['home_night', 'home_night'],
  ['nachtzorg thuis', 'home_night'],
]);

/**
 * Reads the sheet as Excel saves it ("CSV (gescheiden door lijstscheidingsteken)": semicolons, a byte-order mark,
 * Windows line ends) or with commas. Every problem is reported with its line and column, none stops the reading.
 */
export function readImportSheet(text: string, today: string): { rows: ImportRow[]; issues: ImportIssue[] } {
  const issues: ImportIssue[] = [];
  let records: string[][];
  try {
    const firstLine = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
    const delimiter = (firstLine.match(/;/g)?.length ?? 0) >= (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
    records = parse(text, { bom: true, delimiter, relax_column_count: true, skip_empty_lines: true, trim: true });
  } catch (error) {
    return { rows: [], issues: [{ line: Number((error as { lines?: number }).lines ?? 0), column: null, code: 'not_csv' }] };
  }
  const [header, ...body] = records;
  if (!header) return { rows: [], issues: [{ line: 0, column: null, code: 'empty' }] };
  const names = header.map((name) => normal(name).replace(/\s+/g, '_'));
  const missing = REQUIRED.filter((column) => !names.includes(column));
  if (missing.length > 0) return { rows: [], issues: missing.map((column) => ({ line: 1, column, code: 'column_missing' })) };
  if (body.length > MAX_IMPORT_ROWS)
    return { rows: [], issues: [{ line: 0, column: null, code: 'too_many_rows', params: { maximum: MAX_IMPORT_ROWS } }] };

  const rows: ImportRow[] = [];
  body.forEach((record, index) => {
    const line = index + 2;
    const value = (column: ImportColumn) => {
      const at = names.indexOf(column);
      return at < 0 ? '' : (record[at] ?? '').trim();
    };
    const rowIssues: ImportIssue[] = [];
    const problem = (column: ImportColumn, code: string, params?: Record<string, string | number>) =>
      rowIssues.push({ line, column, code, ...(params ? { params } : {}) });
    for (const column of REQUIRED) if (!value(column)) problem(column, 'required');

    const agb = value('agb');
    if (agb && !/^[0-9]{8}$/.test(agb)) problem('agb', 'agb_format');
    const postcodeText = value('postcode').toUpperCase().replace(/\s+/g, '');
    if (postcodeText && !/^[1-9][0-9]{3}[A-Z]{2}$/.test(postcodeText)) problem('postcode', 'postcode_format');
    const kind = KIND_WORDS.get(normal(value('soort') || 'bed'));
    if (!kind) problem('soort', 'unknown_kind');
    const list = (column: ImportColumn) =>
      value(column)
        .split(/[|,;/]/)
        .map((word) => word.trim())
        .filter(Boolean);
    const acceptedStayTypes = list('verblijf').flatMap((word) => {
      const type = STAY_TYPE_WORDS.get(normal(word));
      if (!type) problem('verblijf', 'unknown_stay_type', { value: word });
      return type ? [type] : [];
    });
    const reservedWord = value('alleen_voor');
    const reservedFor = reservedWord ? (STAY_TYPE_WORDS.get(normal(reservedWord)) ?? null) : null;
    if (reservedWord && !reservedFor) problem('alleen_voor', 'unknown_stay_type', { value: reservedWord });
    if (reservedFor && !acceptedStayTypes.includes(reservedFor)) problem('alleen_voor', 'reserved_not_accepted');
    const features = list('voorzieningen').flatMap((word) => {
      const feature = FEATURE_WORDS.get(normal(word));
      if (!feature) problem('voorzieningen', 'unknown_feature', { value: word });
      return feature ? [feature] : [];
    });
    const activeFrom = value('vanaf') || today;
    if (!isIsoDate(activeFrom)) problem('vanaf', 'date_format');

    issues.push(...rowIssues);
    if (rowIssues.length > 0) return;
    rows.push({
      line,
      organisation: { name: value('organisatie'), agbCode: agb || null },
      location: {
        name: value('locatie'),
        street: value('straat'),
        houseNumber: value('huisnummer'),
        postcode: postcodeText ? `${postcodeText.slice(0, 4)} ${postcodeText.slice(4)}` : '',
        city: value('plaats'),
        region: value('regio'),
      },
      unit: {
        name: value('plek'),
        kind: kind!,
        acceptedStayTypes: [...new Set(acceptedStayTypes)],
        reservedFor,
        features: [...new Set(features)],
        activeFrom,
      },
    });
  });
  return { rows, issues };
}
