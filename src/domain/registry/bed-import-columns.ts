/**
 * A region's bed list as a sheet: one row per unit, the organisation and location repeated on each row. Column
 * names are Dutch, as the sheet a coordinator keeps. Apart from the reader, so the web page can show them.
 */
export const IMPORT_COLUMNS = [
  'organisatie',
  'agb',
  'locatie',
  'straat',
  'huisnummer',
  'postcode',
  'plaats',
  'regio',
  'plek',
  'soort',
  'verblijf',
  'alleen_voor',
  'voorzieningen',
  'vanaf',
] as const;
export type ImportColumn = (typeof IMPORT_COLUMNS)[number];
