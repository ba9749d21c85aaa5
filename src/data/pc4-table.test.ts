import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseCsv, parsePc4Csv, pc4Area, pc4AreasOfMunicipalities } from './pc4-table.ts';

describe('parseCsv', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks', () => {
    const text = 'a,"b, c","say ""hi""","two\nlines",\r\n1,2,3,4,5\n\n';
    assert.deepEqual(parseCsv(text), [
      ['a', 'b, c', 'say "hi"', 'two\nlines', ''],
      ['1', '2', '3', '4', '5'],
    ]);
  });

  it('keeps a last record without a line break', () => {
    assert.deepEqual(parseCsv('x,y\n"1",2'), [
      ['x', 'y'],
      ['1', '2'],
    ]);
  });
});

describe('parsePc4Csv', () => {
  const header = 'id,postcode,"woonplaats","alternatieve_schrijfwijzen","gemeente","provincie","netnummer",latitude,longitude,"soort"\n';

  it('rejects a record whose coordinates are not numbers', () => {
    assert.throws(() => parsePc4Csv(`${header}1,1000,"A","","B","C","020",north,4.9,"Adres"\n`), /record 2 is malformed/);
  });

  it('rejects a postcode listed twice', () => {
    const row = '1,1000,"A","","B","C","020",52.3,4.9,"Adres"\n';
    assert.throws(() => parsePc4Csv(header + row + row), /1000 twice/);
  });
});

describe('PC4 table', () => {
  it('looks up an area with its place, municipality and centroid', () => {
    assert.deepEqual(pc4Area('3265'), {
      pc4: '3265',
      place: 'Piershil',
      municipality: 'Korendijk',
      province: 'Zuid-Holland',
      latitude: 51.796384,
      longitude: 4.315958,
      kind: 'address_and_postbox',
    });
    assert.equal(pc4Area('0000'), undefined);
  });

  it('parses a municipality whose name holds a comma', () => {
    assert.equal(pc4Area('5671')?.municipality, 'Nuenen, Gerwen en Nederwetten');
    assert.equal(pc4Area('5671')?.longitude, 5.5466357);
  });

  it('keeps postbox-only areas and marks them', () => {
    assert.equal(pc4Area('3260')?.kind, 'postbox');
    assert.equal(pc4Area('3261')?.kind, 'address');
  });

  it('lists the areas of municipalities in postcode order', () => {
    const hoekscheWaard = ['Binnenmaas', 'Cromstrijen', 'Korendijk', 'Oud-Beijerland', 'Strijen'];
    const areas = pc4AreasOfMunicipalities(hoekscheWaard);
    assert.deepEqual(
      areas.filter((area) => area.municipality === 'Oud-Beijerland').map((area) => area.pc4),
      ['3260', '3261', '3262', '3263'],
    );
    assert.ok(areas.every((area) => hoekscheWaard.includes(area.municipality)));
    assert.deepEqual(areas.map((area) => area.pc4), areas.map((area) => area.pc4).toSorted());
    assert.deepEqual(pc4AreasOfMunicipalities(['Nergenshuizen']), []);
  });
});
