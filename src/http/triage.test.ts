import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { triageAnswers } from '../testing/fixtures.ts';
import { type TestApp, createTestApp } from '../testing/test-app.ts';

/** Answers for Jan (75, kidney failure, wheelchair) whose wife Gerda suddenly cannot care for him any more. */
const JAN_AFTER_GERDA_FELL = triageAnswers({
  adl_dependency: 'full',
  mobility: 'wheelchair',
  nursing_acts: ['injections'],
  dementia: 'mild',
  caregiver_dropped_out: true,
  dropout_duration: 'weeks',
  needed_today: true,
  burden_tired: '2',
  burden_health: '2',
  burden_worry: '2',
});

describe('triage over HTTP', () => {
  let t: TestApp;
  let referralId: string;

  before(async () => {
    t = await createTestApp();
    const created = await t.inject({
      method: 'POST',
      url: '/api/referrals',
      payload: {
        kind: 'crisis',
        referrerKind: 'gp',
        client: { name: 'Jan Bakker', dateOfBirth: '1951-05-05', postcode: '3262 GD' },
        caregiver: { name: 'Gerda Bakker', relation: 'partner', phone: '06 11111111' },
        consent: { given: true, by: 'Jan Bakker' },
      },
    });
    assert.equal(created.statusCode, 201, created.body);
    referralId = created.json().id;
  });
  after(() => t.close());

  it('serves the questionnaire as a FHIR Questionnaire', async () => {
    const response = await t.inject({ method: 'GET', url: '/api/triage/questionnaire' });
    assert.equal(response.statusCode, 200);
    assert.equal(response.json().resourceType, 'Questionnaire');
    assert.equal(response.json().version, '2');
  });

  it('names each missing or wrong answer by its question, in Dutch', async () => {
    const response = await t.inject({
      method: 'POST',
      url: `/api/referrals/${referralId}/triage`,
      payload: { answers: { mobility: 'vliegend' } },
    });
    assert.equal(response.statusCode, 400);
    const fields = Object.fromEntries(
      response.json().errors.map((error: { field: string; detail: string }) => [error.field, error.detail]),
    );
    assert.match(fields['answers.mobility'], /Kies een van: walks, walker, wheelchair, hoist/);
    assert.match(fields['answers.medically_stable'], /verplicht/);
  });

  it('gives the advice with its reasons, marks the referral triaged, and lets the triagist override with a reason', async () => {
    const triaged = await t.inject({
      method: 'POST',
      url: `/api/referrals/${referralId}/triage`,
      payload: { answers: JAN_AFTER_GERDA_FELL },
    });
    assert.equal(triaged.statusCode, 201, triaged.body);
    const view = triaged.json();
    assert.deepEqual(view.outcome.stayTypes, ['crisis_wmo'], 'a caregiver dropping out is no medical need: no ELV');
    assert.equal(view.outcome.urgency, 'today');
    assert.equal(view.questionnaireVersion, '2');
    assert.deepEqual(view.outcome.requiredFeatures, ['wheelchair_accessible']);
    assert.ok(view.explanations.some((e: { text: string }) => /thuis kan het nu niet: crisisopname via de Wmo/.test(e.text)));
    const referral = (await t.inject({ method: 'GET', url: `/api/referrals/${referralId}` })).json();
    assert.equal(referral.status, 'triaged');

    const refused = await t.inject({
      method: 'POST',
      url: `/api/referrals/${referralId}/triage/overrides`,
      payload: { topic: 'urgency', value: 'planned' },
    });
    assert.equal(refused.statusCode, 400, 'an override needs a reason');
    const overridden = await t.inject({
      method: 'POST',
      url: `/api/referrals/${referralId}/triage/overrides`,
      payload: { topic: 'stay_types', value: ['elv_low_complex'], reason: 'Huisarts ziet toch onplanbare zorg in de nacht' },
    });
    assert.equal(overridden.statusCode, 200, overridden.body);
    const after = overridden.json();
    assert.deepEqual(after.effective.stayTypes, ['elv_low_complex']);
    assert.deepEqual(after.effective.overridden, ['stay_types']);
    assert.deepEqual(after.outcome.stayTypes, ['crisis_wmo'], "the rules' advice stays in the history");
    assert.equal(after.overrides[0].reason, 'Huisarts ziet toch onplanbare zorg in de nacht');

    // The urgency override reaches the inbox, which reads the triages of a whole list at once.
    const urgent = await t.inject({
      method: 'POST',
      url: `/api/referrals/${referralId}/triage/overrides`,
      payload: { topic: 'urgency', value: 'planned', reason: 'Zoon vangt op tot volgende week' },
    });
    assert.equal(urgent.statusCode, 200, urgent.body);
    const inbox = (await t.inject({ method: 'GET', url: '/api/referrals' })).json() as { id: string; urgency: string | null }[];
    assert.equal(inbox.find((entry) => entry.id === referralId)?.urgency, 'planned');
  });

  it('explains in English when asked', async () => {
    const response = await t.inject({ method: 'GET', url: `/api/referrals/${referralId}/triage`, headers: { 'accept-language': 'en' } });
    assert.ok(response.json().explanations.some((e: { text: string }) => /home is not possible now: a Wmo crisis stay/.test(e.text)));
  });

  it('lets only the central point triage', async () => {
    const organisation = await t.database.db
      .insertInto('organisation')
      .values({ name: 'Praktijk', agb_code: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    const gp = await t.signIn('referrer', organisation.id);
    const response = await t.inject(
      { method: 'POST', url: `/api/referrals/${referralId}/triage`, payload: { answers: JAN_AFTER_GERDA_FELL } },
      gp,
    );
    assert.equal(response.statusCode, 403);
  });
});
