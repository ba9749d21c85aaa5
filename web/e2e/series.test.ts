import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext } from 'playwright-core';
import { addDays } from '../../src/domain/dates.ts';
import { triageAnswers } from '../../src/testing/fixtures.ts';
import { type DemoSite, apiAs, assertAccessible, launchBrowser, pickUnitWhereSeriesFits, signIn, startDemoSite } from './harness.ts';
import { appClock } from '../../src/clock.ts';

describe('a recurring series with one conflict resolved, in the browser', () => {
  let site: DemoSite;
  let browser: Browser;
  let coordinator: BrowserContext;

  before(async () => {
    [site, browser] = await Promise.all([startDemoSite(), launchBrowser()]);
    // One sign-in for the file: a second within the same half minute would reuse the one-time code, which is refused.
    coordinator = await browser.newContext();
    await signIn(await coordinator.newPage(), site, 'coordinator');
  });
  after(async () => {
    await browser?.close();
    await site?.close();
  });

  it('previews four stays, shows the taken date in the calendar, moves it to an alternative and books all four', async () => {
    const api = await apiAs(site, 'coordinator');
    const first = addDays(appClock().today(), 35);
    const referral = await api<{ id: string; reference: string; clientId: string }>('POST', '/referrals', {
      kind: 'respite_recurring',
      referrerKind: 'casemanager_dementia',
      recurrence: 'FREQ=WEEKLY;INTERVAL=2;COUNT=4',
      client: { name: 'Riek Reeks', dateOfBirth: '1938-08-08', postcode: '3262 GD' },
      wishedArrival: first,
      wishedDeparture: addDays(first, 3),
      consent: { given: true, by: 'Riek Reeks' },
    });
    await api('POST', `/referrals/${referral.id}/triage`, { answers: triageAnswers() });

    const page = await coordinator.newPage();
    await page.goto(`${site.url}/aanmeldpunt/aanmeldingen/${referral.id}`);
    await page.getByRole('heading', { name: 'Terugkerend logeren plannen' }).waitFor();
    // The referral's rule, said back in words; nobody types RRULE syntax.
    const weekday = new Intl.DateTimeFormat('nl-NL', { weekday: 'long', timeZone: 'UTC' }).format(new Date(`${first}T00:00:00Z`));
    await page.getByText(`Om de 2 weken op ${weekday}, 4 keer, 3 nachten`).waitFor();
    assert.equal(await page.getByRole('textbox', { name: /RRULE/ }).count(), 0);
    const unitId = await pickUnitWhereSeriesFits(page);
    const stays = page.getByRole('table', { name: 'Verblijven van de reeks' });
    await assertAccessible(page, 'series planner, all fitting');

    // Someone else is booked on that unit at the third date of the series.
    const third = addDays(first, 28);
    const other = await site.database.db
      .insertInto('client')
      .values({ name: 'Andere Logé', pc4: '3262' })
      .returning('id')
      .executeTakeFirstOrThrow();
    await site.database.db
      .insertInto('stay')
      .values({
        unit_id: unitId,
        client_id: other.id,
        stay_type: 'respite',
        arrival: third,
        departure: addDays(third, 3),
        status: 'confirmed',
      })
      .execute();

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
    // Booked: the proposals and the planner make way, so the guest cannot be booked twice from this page.
    await page.getByRole('heading', { name: 'Voorstellen' }).waitFor({ state: 'detached' });
    await page.getByRole('heading', { name: 'Terugkerend logeren plannen' }).waitFor({ state: 'detached' });

    const booked = await site.database.db
      .selectFrom('stay')
      .select(['arrival', 'unit_id', 'status'])
      .where('referral_id', '=', referral.id)
      .orderBy('arrival')
      .execute();
    assert.equal(booked.length, 4);
    assert.ok(booked.every((stay) => stay.status === 'confirmed'));
    assert.ok(!booked.some((stay) => stay.unit_id === unitId && stay.arrival === third), 'the taken date was resolved elsewhere');
    await page.close();
  });

  it('writes "elk 2e weekend van de maand, 6 keer" from plain choices and previews six weekends', async () => {
    const api = await apiAs(site, 'coordinator');
    const first = addDays(appClock().today(), 10);
    const referral = await api<{ id: string }>('POST', '/referrals', {
      kind: 'respite_recurring',
      referrerKind: 'casemanager_dementia',
      client: { name: 'Wim Weekend', dateOfBirth: '1940-04-04', postcode: '3262 GD' },
      wishedArrival: first,
      wishedDeparture: addDays(first, 2),
      consent: { given: true, by: 'Wim Weekend' },
    });
    await api('POST', `/referrals/${referral.id}/triage`, { answers: triageAnswers() });
    const page = await coordinator.newPage();
    await page.goto(`${site.url}/aanmeldpunt/aanmeldingen/${referral.id}`);
    await page.getByLabel('Hoe vaak?').selectOption('monthly_weekday');
    await page.getByLabel('Welke in de maand?').selectOption('2');
    await page.getByLabel('Aankomst op').selectOption('FR');
    await page.getByLabel('Hoeveel keer in totaal?').selectOption('6');
    await page.getByLabel('Aantal nachten per verblijf').fill('2');
    await page.getByText('Elk 2e weekend van de maand (vrijdag tot zondag), 6 keer, 2 nachten').waitFor();
    await assertAccessible(page, 'series pattern picker');
    await page.getByRole('button', { name: 'Controleren' }).click();
    const rows = page.getByRole('table', { name: 'Verblijven van de reeks' }).getByRole('row');
    await rows.nth(6).waitFor();
    assert.equal(await rows.count(), 7, 'a header and six weekends');
    for (const cell of await page.getByRole('table', { name: 'Verblijven van de reeks' }).getByRole('rowheader').all()) {
      assert.match((await cell.textContent()) ?? '', /^vr /, 'every stay arrives on a Friday');
    }
    await page.close();
  });
});
