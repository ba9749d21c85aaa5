import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { addDays } from '../../src/domain/dates.ts';
import { triageAnswers } from '../../src/testing/fixtures.ts';
import { type DemoSite, apiAs, assertAccessible, launchBrowser, signIn, startDemoSite } from './harness.ts';
import { appClock } from '../../src/clock.ts';

describe('a recurring series with one conflict resolved, in the browser', () => {
  let site: DemoSite;
  let browser: Browser;

  before(async () => {
    [site, browser] = await Promise.all([startDemoSite(), launchBrowser()]);
  });
  after(async () => {
    await browser?.close();
    await site?.close();
  });

  it('previews four stays, shows the taken date in the calendar, moves it to an alternative and books all four', async () => {
    const api = await apiAs(site, 'coordinator');
    const first = addDays(appClock().today(), 35);
    const referral = await api<{ id: string; reference: string; clientId: string }>('POST', '/referrals', {
      kind: 'respite_recurring', referrerKind: 'casemanager_dementia', recurrence: 'FREQ=WEEKLY;INTERVAL=2;COUNT=4',
      client: { name: 'Riek Reeks', dateOfBirth: '1938-08-08', postcode: '3262 GD' },
      wishedArrival: first, wishedDeparture: addDays(first, 3), consent: { given: true, by: 'Riek Reeks' },
    });
    await api('POST', `/referrals/${referral.id}/triage`, { answers: triageAnswers() });

    const page = await browser.newPage();
    await signIn(page, site, 'coordinator');
    await page.goto(`${site.url}/aanmeldpunt/aanmeldingen/${referral.id}`);
    await page.getByRole('heading', { name: 'Terugkerend logeren plannen' }).waitFor();
    // A place where the whole series fits, as the demo's own bookings allow.
    const unitSelect = page.getByLabel('Plek', { exact: true });
    await unitSelect.locator('option').first().waitFor({ state: 'attached' });
    const stays = page.getByRole('table', { name: 'Verblijven van de reeks' });
    let unitId = '';
    for (const option of await unitSelect.locator('option').all()) {
      const candidate = (await option.getAttribute('value'))!;
      await unitSelect.selectOption(candidate);
      await page.getByRole('button', { name: 'Controleren' }).click();
      await stays.waitFor();
      if ((await stays.getByText('Past niet').count()) + (await stays.getByText(/De plek is dan/).count()) === 0) {
        unitId = candidate;
        break;
      }
    }
    assert.ok(unitId, 'a place where the series fits');
    await assertAccessible(page, 'series planner, all fitting');

    // Someone else is booked on that unit at the third date of the series.
    const third = addDays(first, 28);
    const other = await site.database.db.insertInto('client').values({ name: 'Andere Logé', pc4: '3262' }).returning('id').executeTakeFirstOrThrow();
    await site.database.db.insertInto('stay').values({ unit_id: unitId, client_id: other.id, stay_type: 'respite', arrival: third, departure: addDays(third, 3), status: 'confirmed' }).execute();

    await page.getByRole('button', { name: 'Controleren' }).click();
    await page.getByText('Nog 1 verblijf zonder oplossing.').waitFor();
    assert.equal(await stays.getByText('De plek is dan al bezet.').count(), 1);
    assert.equal(await page.locator('.adempauze-month__day--conflict').count(), 3, 'three nights marked as not fitting');
    assert.equal(await page.getByRole('button', { name: 'Reeks boeken' }).isDisabled(), true);
    await assertAccessible(page, 'series planner with a conflict');

    await stays.getByRole('radio').first().check();
    assert.equal(await page.locator('.adempauze-month__day--conflict').count(), 0);
    await page.getByRole('button', { name: 'Reeks boeken' }).click();
    await page.getByText('De reeks is geboekt: 4 verblijven.').waitFor();

    const booked = await site.database.db.selectFrom('stay').select(['arrival', 'unit_id', 'status']).where('referral_id', '=', referral.id).orderBy('arrival').execute();
    assert.equal(booked.length, 4);
    assert.ok(booked.every((stay) => stay.status === 'confirmed'));
    assert.ok(!booked.some((stay) => stay.unit_id === unitId && stay.arrival === third), 'the taken date was resolved elsewhere');
    await page.close();
  });
});
