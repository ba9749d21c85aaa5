import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { addDays } from '../domain/dates.ts';
import { aLocation, aRegion, aUnit, triageAnswers } from '../testing/fixtures.ts';
import { STAY_TYPES } from '../domain/stay-types.ts';
import { type TestApp, createTestApp } from '../testing/test-app.ts';
import { appClock } from '../clock.ts';

const MEDICAL = { treatment_or_observation: true, conditions: 'single', treating_physician: 'gp' };

/** Each outcome of triage version 2, as a triagist would answer for it, and what the API must conclude. */
const CASES: {
  name: string;
  answers: Record<string, unknown>;
  kind?: string;
  disposition: string;
  stayTypes: string[];
  urgency?: string;
  proposals: boolean;
}[] = [
  { name: 'hospital', answers: { specialist_intervention: true }, disposition: 'hospital', stayTypes: [], proposals: false },
  {
    name: 'GRZ after a hip fracture',
    answers: { rehabilitation_needed: true, from_hospital: true, discharge_date: 'TOMORROW' },
    disposition: 'geriatric_rehabilitation',
    stayTypes: [],
    urgency: 'within_48h',
    proposals: false,
  },
  {
    name: 'hospice',
    answers: { life_expectancy_short: true, palliative_place: 'hospice' },
    disposition: 'hospice',
    stayTypes: [],
    urgency: 'within_48h',
    proposals: false,
  },
  {
    name: 'ELV palliatief',
    answers: { life_expectancy_short: true, palliative_place: 'care_bed' },
    kind: 'elv_from_gp',
    disposition: 'temporary_stay',
    stayTypes: ['elv_palliative'],
    urgency: 'within_48h',
    proposals: true,
  },
  {
    name: 'ELV laag complex',
    answers: { ...MEDICAL, from_hospital: true, discharge_date: 'TOMORROW' },
    kind: 'elv_after_hospital',
    disposition: 'temporary_stay',
    stayTypes: ['elv_low_complex'],
    urgency: 'within_48h',
    proposals: true,
  },
  {
    name: 'ELV hoog complex',
    answers: { ...MEDICAL, conditions: 'multiple' },
    kind: 'elv_from_gp',
    disposition: 'temporary_stay',
    stayTypes: ['elv_high_complex'],
    proposals: true,
  },
  {
    name: 'Wlz respite',
    answers: { wlz_status: 'granted', wlz_profile: 'VV5' },
    disposition: 'temporary_stay',
    stayTypes: ['wlz_respite'],
    proposals: true,
  },
  {
    name: 'Wlz crisis',
    answers: { wlz_status: 'granted', caregiver_dropped_out: true, dropout_duration: 'days' },
    kind: 'crisis',
    disposition: 'temporary_stay',
    stayTypes: ['crisis_wlz'],
    urgency: 'within_48h',
    proposals: true,
  },
  {
    name: 'Wmo crisis',
    answers: { needed_today: true },
    kind: 'crisis',
    disposition: 'temporary_stay',
    stayTypes: ['crisis_wmo'],
    urgency: 'today',
    proposals: true,
  },
  { name: 'Wmo respite', answers: {}, disposition: 'temporary_stay', stayTypes: ['respite'], urgency: 'planned', proposals: true },
  {
    name: 'Wlz to apply for',
    answers: { return_home_expected: false },
    disposition: 'long_term_care_indication',
    stayTypes: [],
    proposals: false,
  },
  {
    name: 'bridge until the Wlz decision',
    answers: { return_home_expected: false, wlz_status: 'applied', caregiver_dropped_out: true, dropout_duration: 'long' },
    kind: 'crisis',
    disposition: 'temporary_stay',
    stayTypes: ['crisis_wmo'],
    proposals: true,
  },
];

describe('every triage outcome over HTTP, and what matching does with it', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
    const db = t.database.db;
    const region = await aRegion(db);
    await db
      .insertInto('region_postcode')
      .values([{ pc4: '3262', region_id: region }])
      .execute();
    // One room that takes every stay type, at any hour: whatever the triage advises, matching can find it.
    await aUnit(db, await aLocation(db, region, { admissionHours: [] }), { accepted: [...STAY_TYPES] });
  });
  after(() => t.close());

  for (const example of CASES) {
    it(`${example.name}: ${example.disposition}${example.stayTypes.length ? ` (${example.stayTypes.join(', ')})` : ''}`, async () => {
      const today = appClock().today();
      const kind = example.kind ?? 'respite_once';
      const created = await t.inject({
        method: 'POST',
        url: '/api/referrals',
        payload: {
          kind,
          referrerKind: 'gp',
          client: { name: `Triage ${example.name}`, dateOfBirth: '1940-02-02', postcode: '3262 GD' },
          consent: { given: true, by: 'huisarts' },
          ...(kind === 'respite_once' ? { wishedArrival: addDays(today, 30), wishedDeparture: addDays(today, 37) } : {}),
        },
      });
      assert.equal(created.statusCode, 201, created.body);
      const answers = Object.fromEntries(
        Object.entries(triageAnswers(example.answers as Record<string, string>)).map(([key, value]) => [
          key,
          value === 'TOMORROW' ? addDays(today, 1) : value,
        ]),
      );
      const triaged = await t.inject({ method: 'POST', url: `/api/referrals/${created.json().id}/triage`, payload: { answers } });
      assert.equal(triaged.statusCode, 201, triaged.body);
      const outcome = triaged.json().outcome;
      assert.equal(outcome.disposition, example.disposition);
      assert.deepEqual(outcome.stayTypes, example.stayTypes);
      if (example.urgency) assert.equal(outcome.urgency, example.urgency);
      assert.ok(
        triaged.json().explanations.every((e: { text: string }) => !/^[a-z_]+: [a-z_]+$/.test(e.text)),
        'every reason has words',
      );

      const proposals = await t.inject({ method: 'GET', url: `/api/referrals/${created.json().id}/proposals` });
      assert.equal(proposals.statusCode, 200, proposals.body);
      if (!example.proposals) assert.deepEqual(proposals.json().proposals, [], 'advice only: no place proposed');
      else {
        assert.equal(proposals.json().proposals.length, 1, 'the one room is proposed');
        assert.ok(example.stayTypes.includes(proposals.json().proposals[0].stayType));
      }
    });
  }
});
