import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readImportSheet } from './bed-import-rows.ts';
import { type ExistingRegistry, planBedImport } from './bed-import.ts';

const TODAY = '2027-02-01';
const HEADER = 'organisatie;agb;locatie;straat;huisnummer;postcode;plaats;regio;plek;soort;verblijf;alleen_voor;voorzieningen;vanaf';
const EXISTING: ExistingRegistry = {
  organisations: [{ id: 'org-1', name: 'Zorggroep De Waard', agbCode: '12345678' }],
  locations: [{ id: 'loc-1', organisationId: 'org-1', name: 'Wijkpension De Waard' }],
  units: [{ id: 'unit-1', locationId: 'loc-1', name: 'Kamer 1', acceptedStayTypes: ['respite'], reservedFor: null, features: [] }],
  regions: [{ id: 'hoeksche-waard', name: 'Hoeksche Waard' }],
  knownPc4: (pc4) => pc4 === '3291' || pc4 === '3286',
};

describe('reading a bed list as Excel saves it', () => {
  it('takes semicolons, a byte-order mark, Windows line ends and the words the app shows', () => {
    const text = `\uFEFF${HEADER}\r\nZorggroep De Waard;12345678;Wijkpension De Waard;;;;;;Kamer 2;Bed;Logeerzorg | Crisisopname (Wmo);;Rolstoeltoegankelijk;\r\n`;
    const { rows, issues } = readImportSheet(text, TODAY);
    assert.deepEqual(issues, []);
    assert.deepEqual(rows[0]!.unit, {
      name: 'Kamer 2',
      kind: 'bed',
      acceptedStayTypes: ['respite', 'crisis_wmo'],
      reservedFor: null,
      features: ['wheelchair_accessible'],
      activeFrom: TODAY,
    });
  });

  it('reports every problem of a row with its line and column, and a missing column for the sheet', () => {
    const text = `${HEADER}\nDe Waard;1234;Huis;;;32910;;;Kamer;tent;logeren;crisis_wmo;zwembad;1 maart\n`;
    const codes = readImportSheet(text, TODAY).issues.map((issue) => `${issue.line}:${issue.column}:${issue.code}`);
    assert.deepEqual(
      codes.sort(),
      [
        '2:agb:agb_format',
        '2:alleen_voor:reserved_not_accepted',
        '2:postcode:postcode_format',
        '2:soort:unknown_kind',
        '2:vanaf:date_format',
        '2:verblijf:unknown_stay_type',
        '2:voorzieningen:unknown_feature',
      ].sort(),
    );
    assert.deepEqual(
      readImportSheet('organisatie,locatie\nA,B\n', TODAY).issues.map((issue) => `${issue.column}:${issue.code}`),
      ['plek:column_missing', 'verblijf:column_missing'],
    );
  });
});

describe('planning a bed import against the registry', () => {
  const plan = (lines: string[]) => {
    const { rows, issues } = readImportSheet([HEADER, ...lines].join('\n'), TODAY);
    assert.deepEqual(issues, []);
    return planBedImport(rows, EXISTING);
  };

  it('creates what is new, changes an existing unit, and leaves an equal one alone', () => {
    const result = plan([
      'Zorggroep De Waard;12345678;Wijkpension De Waard;;;;;;Kamer 1;bed;respite;;;',
      'Zorggroep De Waard;12345678;Wijkpension De Waard;;;;;;Kamer 1b;bed;respite;;;',
      'Logeerhuis Het Anker;;Het Anker;Havenweg;1;3286 AA;Klaaswaal;Hoeksche Waard;Ankerkamer;bed;respite,crisis_wmo;crisis_wmo;;2027-03-01',
      'Logeerhuis Het Anker;;Het Anker;Havenweg;1;3286 AA;Klaaswaal;hoeksche-waard;Havenkamer;bed;respite;;;',
    ]);
    assert.deepEqual(result.issues, []);
    assert.deepEqual(
      result.rows.map((row) => [row.organisation.action, row.location.action, row.unit.action]),
      [
        ['existing', 'existing', 'unchanged'],
        ['existing', 'existing', 'create'],
        ['create', 'create', 'create'],
        ['create', 'create', 'create'],
      ],
    );
    assert.equal(result.newOrganisations.length, 1);
    assert.equal(result.newLocations.length, 1);
    assert.deepEqual(
      result.newUnits.map((unit) => unit.row.name),
      ['Kamer 1b', 'Ankerkamer', 'Havenkamer'],
    );

    const changed = plan(['Zorggroep De Waard;;Wijkpension De Waard;;;;;;kamer 1;bed;respite,elv_low_complex;;wheelchair_accessible;']);
    assert.deepEqual(changed.rows[0]!.unit, { name: 'kamer 1', action: 'update', changes: ['verblijf', 'voorzieningen'] });
    assert.deepEqual(
      changed.unitChanges.map((change) => change.unitId),
      ['unit-1'],
    );
  });

  it('asks a new location for its address and region, refuses a unit twice and rows of one location that disagree', () => {
    const result = plan([
      'Nieuw;;Huis A;;;;;;Kamer 1;bed;respite;;;',
      'Nieuw;;Huis B;Dorpsstraat;1;9999 ZZ;Nergens;Atlantis;Kamer 1;bed;respite;;;',
      'Logeerhuis Het Anker;;Het Anker;Havenweg;1;3286 AA;Klaaswaal;hoeksche-waard;Ankerkamer;bed;respite;;;',
      'Logeerhuis Het Anker;;Het Anker;Kade;2;3286 AA;Klaaswaal;hoeksche-waard;Havenkamer;bed;respite;;;',
      'Logeerhuis Het Anker;;Het Anker;Havenweg;1;3286 AA;Klaaswaal;hoeksche-waard;ankerkamer;bed;respite;;;',
      'Zorggroep De Waard;87654321;Wijkpension De Waard;;;;;;Kamer 9;bed;respite;;;',
    ]);
    assert.deepEqual(
      result.issues.map((issue) => `${issue.line}:${issue.column}:${issue.code}`),
      [
        '2:straat:required_for_new_location',
        '2:huisnummer:required_for_new_location',
        '2:postcode:required_for_new_location',
        '2:plaats:required_for_new_location',
        '2:regio:required_for_new_location',
        '3:postcode:unknown_postcode',
        '3:regio:unknown_region',
        '5:locatie:location_differs',
        '6:plek:duplicate_unit',
        '7:agb:agb_differs',
      ],
    );
  });
});
