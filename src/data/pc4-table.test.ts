import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  applyMunicipalityChanges,
  formerMunicipalityNames,
  listMunicipalities,
  parseCsv,
  parseMunicipalityChanges,
  parsePc4Csv,
  pc4Area,
  pc4AreasOfMunicipalities,
} from './pc4-table.ts';

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
      municipality: 'Hoeksche Waard',
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
    const areas = pc4AreasOfMunicipalities(['Hoeksche Waard', 'Zwijndrecht']);
    assert.deepEqual(
      areas.filter((area) => area.place === 'Oud-Beijerland').map((area) => area.pc4),
      ['3260', '3261', '3262', '3263'],
    );
    assert.ok(areas.every((area) => ['Hoeksche Waard', 'Zwijndrecht'].includes(area.municipality)));
    assert.deepEqual(
      areas.map((area) => area.pc4),
      areas.map((area) => area.pc4).toSorted(),
    );
    assert.deepEqual(pc4AreasOfMunicipalities(['Nergenshuizen']), []);
  });
});

describe('current municipalities', () => {
  it('has the 342 municipalities of the Netherlands since 2023, each in one province', () => {
    const municipalities = listMunicipalities();
    assert.equal(municipalities.length, 342);
    const names = municipalities.map((municipality) => municipality.name);
    for (const merged of [
      'Hoeksche Waard',
      'Molenlanden',
      'Voorne aan Zee',
      'Land van Cuijk',
      'Dijk en Waard',
      'Eemsdelta',
      'Bergen (L.)',
      'Bergen (NH.)',
    ]) {
      assert.ok(names.includes(merged), merged);
    }
    for (const former of ['Binnenmaas', 'Korendijk', 'Strijen', 'Haaren', 'Weesp', 'Bergen', ''])
      assert.ok(!names.includes(former), former);
    for (const name of names) {
      const provinces = new Set(pc4AreasOfMunicipalities([name]).map((area) => area.province));
      assert.equal(provinces.size, 1, `${name}: ${[...provinces].join(', ')}`);
    }
  });

  it('divides a split municipality by place, and moves a merged one to its new province', () => {
    assert.equal(pc4Area('5076')?.municipality, 'Oisterwijk'); // Haaren
    assert.equal(pc4Area('5268')?.municipality, 'Vught'); // Helvoirt
    assert.equal(pc4Area('5074')?.municipality, 'Tilburg'); // Biezenmortel
    assert.deepEqual([pc4Area('4141')?.municipality, pc4Area('4141')?.province], ['Vijfheerenlanden', 'Utrecht']); // Leerdam
    assert.deepEqual([pc4Area('5851')?.municipality, pc4Area('5851')?.province], ['Bergen (L.)', 'Limburg']); // Afferden
  });

  it('knows where the former names went, leaving out a name that stood for two municipalities', () => {
    const former = formerMunicipalityNames();
    assert.equal(former.get('Korendijk'), 'Hoeksche Waard');
    assert.equal(former.get('Weesp'), 'Amsterdam');
    assert.equal(former.get('Maasdonk'), "'s-Hertogenbosch");
    assert.equal(former.has('Bergen'), false);
    assert.equal(former.has('Hoeksche Waard'), false);
  });

  it('applies the first matching rule, and refuses a rule that matches no area', () => {
    const header = 'id,postcode,"woonplaats","alternatieve_schrijfwijzen","gemeente","provincie","netnummer",latitude,longitude,"soort"\n';
    const areas = parsePc4Csv(
      `${header}1,1000,"Dorp","","Oud","P","020",52.3,4.9,"Adres"\n2,1001,"Stad","","Oud","P","020",52.3,4.9,"Adres"\n`,
    );
    const changes = 'effective,municipality,province,place,new_municipality,new_province,reason\n';
    const rules = parseMunicipalityChanges(`${changes}2020-01-01,Oud,,Dorp,Links,Q,split\n2020-01-01,Oud,,,Rechts,,split\n`);
    const current = applyMunicipalityChanges(areas, rules);
    assert.deepEqual([current.get('1000')?.municipality, current.get('1000')?.province], ['Links', 'Q']);
    assert.deepEqual([current.get('1001')?.municipality, current.get('1001')?.province], ['Rechts', 'P']);
    assert.throws(
      () => applyMunicipalityChanges(areas, parseMunicipalityChanges(`${changes}2020-01-01,Elders,,,X,,merger\n`)),
      /match no postcode area: Elders/,
    );
    assert.throws(() => parseMunicipalityChanges('a,b\n'), /columns/);
  });
});
