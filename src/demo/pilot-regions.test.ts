import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { pc4Area, pc4AreasOfMunicipalities } from '../data/pc4-table.ts';
import { CARE_FEATURES } from '../domain/care-features.ts';
import { STAY_TYPES } from '../domain/stay-types.ts';
import { DEMO_CLOSURES, DEMO_LOCATIONS, DEMO_NEIGHBOURS, DEMO_ORGANISATIONS, DEMO_REGIONS } from './pilot-regions.ts';

const tariffOf = (locationKey: string, funding = 'in_kind') => {
  const tariff = DEMO_LOCATIONS.find((location) => location.key === locationKey)!.tariffs.find(
    (candidate) => candidate.stayType === 'respite' && candidate.funding === funding,
  )!;
  return tariff.housingCents + tariff.stayCents + tariff.careCents;
};

describe('demo registry', () => {
  it('names municipalities as the PC4 table does, each in one region', () => {
    const all = DEMO_REGIONS.flatMap((region) => region.municipalities);
    assert.equal(new Set(all).size, all.length);
    for (const municipality of all) assert.ok(pc4AreasOfMunicipalities([municipality]).length > 0, municipality);
  });

  it('links neighbours, organisations and closures to what exists', () => {
    const regionIds = DEMO_REGIONS.map((region) => region.id);
    assert.ok(DEMO_NEIGHBOURS.flat().every((id) => regionIds.includes(id)));
    const organisationKeys = DEMO_ORGANISATIONS.map((organisation) => organisation.key);
    assert.ok(
      DEMO_LOCATIONS.every((location) => organisationKeys.includes(location.organisationKey) && regionIds.includes(location.regionId)),
    );
    for (const closure of DEMO_CLOSURES) {
      const location = DEMO_LOCATIONS.find((candidate) => candidate.key === closure.locationKey);
      assert.ok(location, closure.locationKey);
      for (const name of closure.unitNames ?? [])
        assert.ok(
          location.units.some((unit) => unit.name === name),
          name,
        );
    }
  });

  it('places every location at an address area of its own region', () => {
    for (const location of DEMO_LOCATIONS) {
      assert.match(location.postcode, /^[1-9][0-9]{3} [A-Z]{2}$/);
      const area = pc4Area(location.postcode.slice(0, 4));
      const region = DEMO_REGIONS.find((candidate) => candidate.id === location.regionId)!;
      assert.ok(area && area.kind !== 'postbox' && region.municipalities.includes(area.municipality), location.name);
    }
  });

  it('uses only known codes, and prices only stay types a location accepts', () => {
    for (const location of DEMO_LOCATIONS) {
      const accepted = new Set(location.units.flatMap((unit) => unit.acceptedStayTypes));
      for (const unit of location.units) {
        assert.ok(unit.acceptedStayTypes.every((type) => STAY_TYPES.includes(type)));
        assert.ok(unit.reservedFor === null || unit.acceptedStayTypes.includes(unit.reservedFor), unit.name);
        assert.ok([...location.features, ...unit.features].every((feature) => CARE_FEATURES.includes(feature)));
      }
      assert.ok(
        location.tariffs.every((tariff) => accepted.has(tariff.stayType)),
        location.name,
      );
      for (const hours of location.admissionHours) {
        assert.ok(hours.weekday >= 1 && hours.weekday <= 7);
        assert.match(`${hours.from}-${hours.until}`, /^([01][0-9]|2[0-3]):[0-5][0-9]-([01][0-9]|2[0-3]):[0-5][0-9]$/);
      }
    }
  });

  it('has the pilots: beds and tariffs per night as reported (2019)', () => {
    const beds = (key: string) => DEMO_LOCATIONS.find((location) => location.key === key)!.units.filter((unit) => unit.kind === 'bed');
    assert.equal(beds('zoomwijck').length, 10);
    assert.equal(beds('zoomwijck').filter((unit) => unit.reservedFor === 'respite').length, 1);
    assert.equal(beds('plezant').length, 7);
    assert.equal(beds('in-de-dennen').length + beds('schutsmantel').length, 2);
    assert.ok(
      DEMO_LOCATIONS.some(
        (location) => location.regionId === 'zuidoost-utrecht' && location.units.some((unit) => unit.kind === 'home_night'),
      ),
    );
    assert.equal(tariffOf('zoomwijck'), 150_00);
    assert.equal(tariffOf('plezant'), 208_91);
    assert.equal(tariffOf('plezant', 'personal_budget'), 249_30);
    assert.equal(tariffOf('in-de-dennen'), 230_31);
    assert.equal(tariffOf('schutsmantel'), 230_31);
  });
});
