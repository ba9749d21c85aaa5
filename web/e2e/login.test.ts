import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { type DemoSite, assertAccessible, demoAccount, launchBrowser, startDemoSite } from './harness.ts';

describe('signing in with the second factor, in the browser', () => {
  let site: DemoSite;
  let browser: Browser;

  before(async () => {
    [site, browser] = await Promise.all([startDemoSite(), launchBrowser()]);
  });
  after(async () => {
    await browser?.close();
    await site?.close();
  });

  it('shows the public home page in plain Dutch, accessible, with an English switch', async () => {
    const page = await browser.newPage();
    await page.goto(site.url);
    await page.getByRole('heading', { level: 1, name: 'Even op adem komen' }).waitFor();
    await assertAccessible(page, 'home page');
    await page.getByRole('button', { name: 'Switch to English' }).click();
    await page.getByRole('heading', { level: 1, name: 'A breather for carers' }).waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
    await page.close();
  });

  it('takes a coordinator from password to code to the referral inbox; a wrong code is refused with a message', async () => {
    const page = await browser.newPage();
    const account = demoAccount('coordinator');
    await page.goto(`${site.url}/inloggen`);
    await assertAccessible(page, 'sign-in page');
    await page.getByLabel('E-mailadres').fill(account.email);
    await page.getByLabel('Wachtwoord').fill(account.password);
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Code uit uw app' }).waitFor();
    await assertAccessible(page, 'second-factor page');

    await page.getByLabel('Code').fill('000000');
    await page.getByRole('button', { name: 'Bevestigen' }).click();
    await page.getByRole('alert').waitFor();
    assert.match(await page.getByRole('alert').innerText(), /code/i);

    await page.getByLabel('Code').fill(account.code());
    await page.getByRole('button', { name: 'Bevestigen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Aanmeldingen' }).waitFor();
    assert.equal(new URL(page.url()).pathname, '/aanmeldpunt');
    await page.getByLabel('Toon').waitFor();
    await page.getByRole('status').waitFor({ state: 'detached' });
    await assertAccessible(page, 'coordinator inbox');
    await page.close();
  });

  it('sends someone who is not signed in from the inbox to the sign-in page', async () => {
    const page = await browser.newPage();
    await page.goto(`${site.url}/aanmeldpunt`);
    await page.getByRole('heading', { level: 1, name: 'Inloggen' }).waitFor();
    assert.equal(new URL(page.url()).pathname, '/inloggen');
    await page.close();
  });

  it('brings a referrer back to the page asked for after signing in, and says "geen toegang" where the role does not reach', async () => {
    const page = await browser.newPage();
    await page.goto(`${site.url}/beheer`);
    await page.getByRole('heading', { level: 1, name: 'Inloggen' }).waitFor();
    const account = demoAccount('referrer');
    await page.getByLabel('E-mailadres').fill(account.email);
    await page.getByLabel('Wachtwoord').fill(account.password);
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await page.getByLabel('Code').fill(account.code());
    await page.getByRole('button', { name: 'Bevestigen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Geen toegang' }).waitFor();
    assert.equal(new URL(page.url()).pathname, '/beheer');
    await page.getByText('Met uw rol (Verwijzer) kunt u deze pagina niet gebruiken.', { exact: false }).waitFor();
    await assertAccessible(page, 'no access');
    await page.getByRole('link', { name: 'Naar uw startpagina' }).click();
    await page.getByRole('button', { name: 'Uitloggen' }).waitFor();
    assert.notEqual(new URL(page.url()).pathname, '/beheer');
    await page.close();
  });
});
