import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { addDays } from '../../src/domain/dates.ts';
import { type DemoSite, assertAccessible, launchBrowser, signIn, startDemoSite } from './harness.ts';
import { appClock } from '../../src/clock.ts';

/** Issue 13, the GP's side: a couple stay that can be sent, and "Mijn aanmeldingen" to follow, change and withdraw. */
describe("a GP's own referrals, in the browser", () => {
  let site: DemoSite;
  let browser: Browser;
  let page: Page;

  before(async () => {
    [site, browser] = await Promise.all([startDemoSite(), launchBrowser()]);
    page = await (await browser.newContext()).newPage();
    await signIn(page, site, 'referrer');
  });
  after(async () => {
    await browser?.close();
    await site?.close();
  });

  it('sends a couple stay with the partner, the urgency and a call-back number, and finds it under "Mijn aanmeldingen"', async () => {
    await page.getByRole('heading', { level: 1, name: 'Cliënt aanmelden' }).waitFor();
    await page.getByLabel('Wat is nodig?').selectOption('couple_stay');
    const partner = page.getByRole('group', { name: 'De partner die mee logeert' });
    await partner.waitFor();
    await page.getByLabel('Naam', { exact: true }).first().fill('Jan Koppel');
    await page.getByLabel('Geboortedatum').first().fill('1948-06-01');
    await page.getByLabel('Postcode').fill('3262 GD');
    await page.getByLabel('Hoe snel is een plek nodig?').selectOption('within_48h');
    await page.getByLabel('Terugbelnummer').fill('0186 654 321');
    await page.getByLabel('Aankomst').fill(addDays(appClock().today(), 20));
    await page.getByLabel('Vertrek', { exact: true }).fill(addDays(appClock().today(), 27));
    await page.getByLabel('De cliënt (of vertegenwoordiger) gaf toestemming voor deze aanmelding').check();
    await page.getByLabel('Naam van wie toestemming gaf').fill('Jan Koppel');
    await page.getByRole('button', { name: 'Aanmelding versturen' }).click();
    // The partner's details are asked for, beside the fields that lack them.
    await partner.locator('.utrecht-form-field-error-message').first().waitFor();
    assert.equal(await partner.getByLabel('Naam', { exact: true }).getAttribute('aria-invalid'), 'true');
    await assertAccessible(page, 'couple stay form with errors');
    await partner.getByLabel('Naam', { exact: true }).fill('Gerda Koppel');
    await partner.getByLabel('Geboortedatum').fill('1950-09-09');
    await page.getByRole('button', { name: 'Aanmelding versturen' }).click();
    const receipt = await page.getByRole('status').filter({ hasText: 'Kenmerk' }).innerText();
    const reference = /Kenmerk: (\S+)\./.exec(receipt)![1]!;

    await page.getByRole('link', { name: 'Naar mijn aanmeldingen' }).click();
    const list = page.getByRole('table', { name: /van uw organisatie/ });
    const row = list.getByRole('row').filter({ hasText: reference });
    await row.getByText('nog geen plek').waitFor();
    await row.getByText('Samen logeren (koppelbed)').waitFor();
    await assertAccessible(page, 'my referrals');
    const stored = await site.database.db
      .selectFrom('referral')
      .select(['partner_client_id', 'urgency', 'callback_phone'])
      .where('reference', '=', reference)
      .executeTakeFirstOrThrow();
    assert.ok(stored.partner_client_id);
    assert.deepEqual([stored.urgency, stored.callback_phone], ['within_48h', '0186 654 321']);

    await row.getByRole('link', { name: reference }).click();
    await page.getByRole('heading', { level: 1, name: `Aanmelding ${reference}` }).waitFor();
    await page.getByText('Binnen 48 uur').waitFor();
    await page.getByRole('button', { name: 'Aanmelding wijzigen' }).click();
    await page.getByLabel('Gewenste vertrek').fill(addDays(appClock().today(), 30));
    await page.getByRole('button', { name: 'Wijziging opslaan' }).click();
    await page.getByText('De aanmelding is gewijzigd.').waitFor();
    await page
      .getByRole('list')
      .getByText(/Aanmelding gewijzigd/)
      .waitFor();

    await page.getByRole('button', { name: 'Intrekken of afsluiten' }).click();
    // A referrer withdraws; closing is for the central point.
    assert.equal(await page.getByLabel('Afsluiten: de aanmelding is klaar').count(), 0);
    await page.getByLabel('Reden', { exact: true }).fill('Partner is opgenomen in het ziekenhuis');
    await page.getByRole('button', { name: 'Verder' }).click();
    await page.getByRole('button', { name: 'Ja, doorgaan' }).click();
    await page.getByRole('definition').getByText('Ingetrokken', { exact: true }).waitFor();
    await page.getByText('Partner is opgenomen in het ziekenhuis').waitFor();
    await assertAccessible(page, 'withdrawn referral');
  });

  it('recovers from a list that failed to load: the error says so, and "Opnieuw proberen" loads it', async () => {
    let failed = false;
    await page.route('**/api/referrals?limit=500', async (route) => {
      if (failed) return route.continue();
      failed = true;
      return route.fulfill({
        status: 503,
        contentType: 'application/problem+json',
        body: JSON.stringify({ title: 'Niet beschikbaar', detail: 'De server is even niet bereikbaar.', status: 503 }),
      });
    });
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Mijn aanmeldingen' }).click();
    await page.getByRole('alert').getByText('De server is even niet bereikbaar.').waitFor();
    await assertAccessible(page, 'a failed load');
    await page.getByRole('button', { name: 'Opnieuw proberen' }).click();
    await page.getByRole('table', { name: /van uw organisatie/ }).waitFor();
    assert.equal(await page.getByRole('alert').count(), 0);
    await page.unroute('**/api/referrals?limit=500');
  });
});
