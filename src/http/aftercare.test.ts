import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { addDays } from '../domain/dates.ts';
import { ensureAftercare } from '../services/aftercare.service.ts';
import { createMailer } from '../services/mail/mailer.ts';
import { aLocation, aRegion, aUnit, inDays, triageAnswers } from '../testing/fixtures.ts';
import { type TestApp, createTestApp } from '../testing/test-app.ts';
import { appClock } from '../clock.ts';

const ANSWERS = triageAnswers({ dementia: 'mild', burden_tired: '2', burden_own_time: '2' });

describe('aftercare: the call and the survey after a stay', () => {
  let t: TestApp;
  let referralId: string;
  let links: string[];

  before(async () => {
    t = await createTestApp();
    const region = await aRegion(t.database.db);
    await t.database.db.insertInto('region_postcode').values({ pc4: '3262', region_id: region }).execute();
    const unitId = await aUnit(t.database.db, await aLocation(t.database.db, region, { name: 'Zoomwijck' }));
    const created = await t.inject({
      method: 'POST',
      url: '/api/referrals',
      payload: {
        kind: 'respite_once',
        referrerKind: 'casemanager_dementia',
        client: { name: 'Johan de Vries', dateOfBirth: '1948-03-02', postcode: '3262 GD' },
        caregiver: { name: 'Carla de Vries', relation: 'partner', email: 'carla@example.nl' },
        consent: { given: true, by: 'Carla de Vries' },
      },
    });
    referralId = created.json().id;
    await t.inject({ method: 'POST', url: `/api/referrals/${referralId}/triage`, payload: { answers: ANSWERS } });
    const stay = await t.inject({
      method: 'POST',
      url: `/api/referrals/${referralId}/stays`,
      payload: { unitId, stayType: 'respite', arrival: appClock().today(), departure: inDays(3), status: 'confirmed' },
    });
    await t.inject({ method: 'POST', url: `/api/stays/${stay.json().id}/arrive`, payload: {} });
    const departed = await t.inject({ method: 'POST', url: `/api/stays/${stay.json().id}/depart`, payload: {} });
    assert.equal(departed.statusCode, 200, departed.body);
    const mail = await t.database.db
      .selectFrom('mail_message')
      .select('body')
      .where('recipient', '=', 'carla@example.nl')
      .executeTakeFirstOrThrow();
    links = [...mail.body.matchAll(/\/enquete\/([A-Za-z0-9_-]+)/g)].map((match) => match[1]!);
  });
  after(() => t.close());

  it('opens a task to call the caregiver within three days, puts the referral in aftercare, and mails two survey links', async () => {
    const tasks = (await t.inject({ method: 'GET', url: '/api/tasks' })).json();
    const task = tasks.find((item: { referralId: string }) => item.referralId === referralId);
    assert.ok(task);
    assert.equal(task.kind, 'aftercare_call');
    assert.equal(task.dueOn, addDays(inDays(3), 3));
    assert.equal(task.caregiver.email, 'carla@example.nl');
    assert.equal((await t.inject({ method: 'GET', url: `/api/referrals/${referralId}` })).json().status, 'aftercare');
    assert.equal(links.length, 2);
    assert.equal(
      await ensureAftercare(t.database.db, createMailer(t.database.db, undefined), t.auth.publicUrl),
      0,
      'running it again starts nothing twice',
    );
  });

  it('shows the survey without signing in, takes the answers once, and refuses scores outside 1 to 5', async () => {
    const form = await t.inject({ method: 'GET', url: `/api/public/surveys/${links[0]}` }, 'anonymous');
    assert.equal(form.statusCode, 200, form.body);
    assert.equal(form.json().respondent, 'caregiver');
    assert.equal(form.json().location, 'Zoomwijck');
    assert.ok(!form.body.includes('Johan'), 'the link shows no names');
    const ids = form.json().questions.map((question: { id: string }) => question.id);

    const wrong = await t.inject(
      { method: 'POST', url: `/api/public/surveys/${links[0]}`, payload: { scores: Object.fromEntries(ids.map((id: string) => [id, 7])) } },
      'anonymous',
    );
    assert.equal(wrong.statusCode, 400);
    assert.match(wrong.json().errors[0].detail, /cijfer van 1 tot en met 5/);
    const answered = await t.inject(
      {
        method: 'POST',
        url: `/api/public/surveys/${links[0]}`,
        payload: { scores: Object.fromEntries(ids.map((id: string) => [id, 4])), comment: 'Fijn, ik heb eindelijk geslapen.' },
      },
      'anonymous',
    );
    assert.equal(answered.statusCode, 204, answered.body);
    assert.equal(
      (await t.inject({ method: 'POST', url: `/api/public/surveys/${links[0]}`, payload: { scores: {} } }, 'anonymous')).statusCode,
      410,
    );
    assert.equal((await t.inject({ method: 'GET', url: `/api/public/surveys/${links[0]}` }, 'anonymous')).statusCode, 410);

    const guest = await t.inject(
      { method: 'GET', url: `/api/public/surveys/${links[1]}`, headers: { 'accept-language': 'en' } },
      'anonymous',
    );
    assert.equal(guest.json().respondent, 'guest');
    assert.equal(guest.json().questions[0].text, 'How did you like staying here?');
  });

  it('closes the referral when the call is done', async () => {
    const task = (await t.inject({ method: 'GET', url: '/api/tasks' }))
      .json()
      .find((item: { referralId: string }) => item.referralId === referralId);
    const done = await t.inject({
      method: 'POST',
      url: `/api/tasks/${task.id}/done`,
      payload: { note: 'Carla gebeld: ging goed, over twee maanden weer.' },
    });
    assert.equal(done.statusCode, 200, done.body);
    assert.equal((await t.inject({ method: 'GET', url: `/api/referrals/${referralId}` })).json().status, 'closed');
    assert.equal((await t.inject({ method: 'POST', url: `/api/tasks/${task.id}/done`, payload: {} })).statusCode, 409);
  });
});
