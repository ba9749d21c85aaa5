import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { addDays } from '../../src/domain/dates.ts';
import { type DemoSite, RESPITE_ANSWERS, answer, assertAccessible, launchBrowser, signIn, startDemoSite } from './harness.ts';
import { appClock } from '../../src/clock.ts';

describe('a GP refers a client; the central point triages, matches and books, in the browser', () => {
  let site: DemoSite;
  let browser: Browser;
  let reference = '';

  before(async () => {
    [site, browser] = await Promise.all([startDemoSite(), launchBrowser()]);
  });
  after(async () => {
    await browser?.close();
    await site?.close();
  });

  it('lets the GP send a referral, showing each missing field beside it first', async () => {
    const page = await (await browser.newContext()).newPage();
    await signIn(page, site, 'referrer');
    await page.getByRole('heading', { level: 1, name: 'Cliënt aanmelden' }).waitFor();
    await assertAccessible(page, 'referral form');

    await page.getByRole('button', { name: 'Aanmelding versturen' }).click();
    const nameField = page.getByLabel('Naam', { exact: true }).first();
    await page.locator('.utrecht-form-field-error-message').first().waitFor();
    assert.equal(await nameField.getAttribute('aria-invalid'), 'true');
    await assertAccessible(page, 'referral form with errors');

    await page.getByLabel('Wat is nodig?').selectOption('respite_once');
    await nameField.fill('Wim van Dijk');
    await page.getByLabel('Geboortedatum').fill('1941-03-14');
    await page.getByLabel('Postcode').fill('3262 GD');
    await page.getByLabel('Naam', { exact: true }).nth(1).fill('Truus van Dijk');
    await page.getByLabel('Aankomst').fill(addDays(appClock().today(), 40));
    await page.getByLabel('Vertrek').fill(addDays(appClock().today(), 45));
    await page.getByLabel('De cliënt (of vertegenwoordiger) gaf toestemming voor deze aanmelding').check();
    await page.getByLabel('Naam van wie toestemming gaf').fill('Wim van Dijk');
    await page.getByRole('button', { name: 'Aanmelding versturen' }).click();
    const receipt = await page.getByRole('status').filter({ hasText: 'Kenmerk' }).innerText();
    reference = /Kenmerk: (\S+)\./.exec(receipt)![1]!;
    assert.match(reference, /^AP-/);
    await page.close();
  });

  it('lets the coordinator triage it with a live conclusion, book the best proposal, and see it on the board', async () => {
    assert.ok(reference, 'the referral of the first test');
    const page = await (await browser.newContext()).newPage();
    await signIn(page, site, 'coordinator');
    await page.getByRole('link', { name: reference }).click();
    await page.getByRole('heading', { level: 1, name: `Aanmelding ${reference}` }).waitFor();
    await page.getByText(/Nog \d+ vra(ag|gen) te beantwoorden/).waitFor();
    await assertAccessible(page, 'referral detail with the triage form');

    for (const [linkId, code] of Object.entries(RESPITE_ANSWERS)) await answer(page, linkId, code);
    const conclusion = page.locator('.adempauze-triage__conclusion');
    await conclusion.getByText('Logeerzorg', { exact: true }).waitFor();
    await assertAccessible(page, 'triage form with its conclusion');
    await page.getByRole('button', { name: 'Triage opslaan' }).click();
    await page.getByText('De triage is opgeslagen.').waitFor();

    const proposals = page.getByRole('table', { name: 'Vrije plekken die passen' });
    await proposals.waitFor();
    await assertAccessible(page, 'proposals');
    const first = proposals.getByRole('row').nth(1);
    const place = await first.getByRole('rowheader').innerText();
    await first.getByRole('button', { name: /^Boeken/ }).click();
    // The referral page lists its stay: where, when and its status, with a link to the stay itself.
    const stays = page.getByRole('table', { name: 'Verblijven van deze aanmelding' });
    await stays.getByRole('cell', { name: 'Geboekt', exact: true }).waitFor();
    await stays.getByRole('link', { name: /^Verblijf openen/ }).waitFor();
    await assertAccessible(page, 'referral with its stay');
    await page.getByRole('heading', { name: 'Geschiedenis' }).waitFor();
    assert.ok(place.length > 0);

    // The booking shows on the board: the unit's first night of the stay is booked.
    await page.getByRole('link', { name: 'Bezetting' }).click();
    const firstNight = page.locator('[role=grid] thead th.adempauze-board__date').first();
    await firstNight.waitFor();
    const shownBefore = await firstNight.innerText();
    await page.getByLabel('Vanaf').fill(addDays(appClock().today(), 40));
    await page.getByRole('button', { name: 'Tonen' }).click();
    // The grid of the new period, not the one still on the screen from before.
    await page.waitForFunction(
      (before) => document.querySelector('[role=grid] thead th.adempauze-board__date')?.textContent !== before,
      shownBefore,
    );
    const row = page
      .getByRole('grid')
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: place.split('\n')[0]!, exact: true }) });
    await row.waitFor();
    assert.equal(await row.locator('td').nth(0).getAttribute('aria-label'), 'Bezet');
    assert.equal(await row.locator('td').nth(4).getAttribute('aria-label'), 'Bezet');

    const stay = await site.database.db
      .selectFrom('stay')
      .innerJoin('referral', 'referral.id', 'stay.referral_id')
      .select(['stay.status', 'stay.arrival', 'stay.departure'])
      .where('referral.reference', '=', reference)
      .executeTakeFirstOrThrow();
    assert.deepEqual(stay, { status: 'confirmed', arrival: addDays(appClock().today(), 40), departure: addDays(appClock().today(), 45) });
    await page.close();
  });
});
