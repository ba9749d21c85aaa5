import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { type DemoSite, assertAccessible, launchBrowser, signIn, startDemoSite } from './harness.ts';

describe('caregiver-support information, kept by the central point and found by anyone, in the browser', () => {
  let site: DemoSite;
  let browser: Browser;

  before(async () => {
    [site, browser] = await Promise.all([startDemoSite(), launchBrowser()]);
  });
  after(async () => {
    await browser?.close();
    await site?.close();
  });

  it('lets a coordinator add an item for a municipality, which a caregiver then finds by a part of a word', async () => {
    const coordinator = await browser.newPage();
    await signIn(coordinator, site, 'coordinator');
    await coordinator.goto(`${site.url}/beheer/steun`);
    await coordinator.getByRole('heading', { level: 1, name: 'Steun voor mantelzorgers beheren' }).waitFor();
    await assertAccessible(coordinator, 'support admin');
    // How caregivers reach the access point, shown on their status pages.
    await coordinator.getByLabel('Wanneer bereikbaar').fill('werkdagen van 9 tot 17 uur');
    await coordinator.getByRole('button', { name: 'Contactgegevens bewaren' }).click();
    await coordinator.getByRole('status').filter({ hasText: 'Mantelzorgers zien dit nu op hun pagina.' }).waitFor();
    const contact = (await (await fetch(`${site.url}/api/public/access-point`)).json()) as { hours: string; phone: string };
    assert.deepEqual([contact.hours, contact.phone], ['werkdagen van 9 tot 17 uur', '0186 - 123 456']);
    await coordinator.getByLabel('Gemeente').selectOption('Hoeksche Waard');
    await coordinator.getByLabel('Soort hulp').selectOption('peer_support');
    await coordinator.getByLabel('Titel').fill('Wandelgroep voor mantelzorgers Strijen');
    await coordinator.getByLabel('Korte uitleg (1 of 2 zinnen)').fill('Elke zaterdag een uur samen wandelen en praten.');
    await coordinator.getByLabel('Website, begint met https:// (niet verplicht)').fill('javascript:alert(1)');
    await coordinator.getByRole('button', { name: 'Opslaan' }).click();
    await coordinator.locator('.utrecht-form-field-error-message').first().waitFor();
    await coordinator.getByLabel('Website, begint met https:// (niet verplicht)').fill('https://wandelen.example.nl');
    await coordinator.getByRole('button', { name: 'Opslaan' }).click();
    await coordinator.getByRole('status').filter({ hasText: 'Opgeslagen.' }).waitFor();
    await coordinator.close();

    const caregiver = await browser.newPage();
    await caregiver.goto(site.url);
    await caregiver.getByRole('link', { name: 'Steun', exact: true }).click();
    await caregiver.getByRole('heading', { level: 1, name: 'Steun voor mantelzorgers' }).waitFor();
    await caregiver.getByRole('status').filter({ hasText: 'resultaten gevonden' }).waitFor();
    await assertAccessible(caregiver, 'support search');
    await caregiver.getByLabel('Zoek op woorden').fill('wandel');
    await caregiver.getByLabel('Uw gemeente').selectOption('Hoeksche Waard');
    await caregiver.getByRole('button', { name: 'Zoeken' }).click();
    await caregiver.getByRole('status').filter({ hasText: '1 resultaat gevonden.' }).waitFor();
    await caregiver.getByRole('heading', { level: 2, name: 'Wandelgroep voor mantelzorgers Strijen' }).waitFor();
    assert.equal(await caregiver.getByRole('article').count(), 1);
    assert.equal(
      new URL(caregiver.url()).searchParams.get('municipality'),
      'Hoeksche Waard',
      'the search is in the address, to share or go back to',
    );
    await caregiver.close();
  });
});
