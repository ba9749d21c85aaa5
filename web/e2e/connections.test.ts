import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { type DemoSite, assertAccessible, launchBrowser, signIn, startDemoSite } from './harness.ts';

describe('connections: a key for a capacity monitor, made and revoked by an administrator, in the browser', () => {
  let site: DemoSite;
  let browser: Browser;

  before(async () => {
    [site, browser] = await Promise.all([startDemoSite(), launchBrowser()]);
  });
  after(async () => {
    await browser?.close();
    await site?.close();
  });

  it('makes a key with one scope, shows it once, lets the monitor pull the capacity with it, and revokes it', async () => {
    const page = await browser.newPage();
    await signIn(page, site, 'administrator');
    await page.goto(`${site.url}/beheer`);
    await page.getByRole('link', { name: 'Koppelingen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Koppelingen' }).waitFor();
    await page.getByText('Er zijn nog geen sleutels.').waitFor();

    await page.getByLabel('Systeem').fill('Capaciteitsmonitor ROAZ');
    await page.getByLabel('Organisatie').selectOption({ index: 1 });
    await page.getByLabel('Capaciteit per regio ophalen (voor een monitor)').check();
    await page.getByRole('button', { name: 'Sleutel maken' }).click();
    await page.getByRole('heading', { name: 'De sleutel voor Capaciteitsmonitor ROAZ' }).waitFor();
    const key = (await page.locator('.adempauze-secret').innerText()).trim();
    assert.match(key, /^adp_/);
    await page.getByRole('cell', { name: 'Capaciteitsmonitor ROAZ', exact: true }).waitFor();
    await assertAccessible(page, 'connections with a new key');

    const pull = () => fetch(`${site.url}/fhir/R4/MeasureReport?subject=hoeksche-waard`, { headers: { authorization: `Bearer ${key}` } });
    const report = await pull();
    assert.equal(report.status, 200);
    assert.equal(
      ((await report.json()) as { entry: { resource: { resourceType: string } }[] }).entry[0]!.resource.resourceType,
      'MeasureReport',
    );
    const referral = await fetch(`${site.url}/fhir/R4/ServiceRequest/${randomUUID()}`, { headers: { authorization: `Bearer ${key}` } });
    assert.equal(referral.status, 403, 'only what the key was made for');

    page.once('dialog', (dialog) => void dialog.accept());
    await page.getByRole('button', { name: 'Intrekken: Capaciteitsmonitor ROAZ' }).click();
    await page.getByText('De sleutel is ingetrokken.').waitFor();
    await page.getByRole('cell', { name: /^ingetrokken op / }).waitFor();
    assert.equal((await pull()).status, 401);
    await page.close();
  });
});
