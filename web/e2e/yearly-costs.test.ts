import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { addDays } from '../../src/domain/dates.ts';
import { appClock } from '../../src/clock.ts';
import { type DemoSite, assertAccessible, launchBrowser, signIn, startDemoSite } from './harness.ts';

describe("the administrator records a region's fixed costs, and the MKBA counts them", () => {
  let site: DemoSite;
  let browser: Browser;
  let page: Page;

  before(async () => {
    [site, browser] = await Promise.all([startDemoSite(), launchBrowser()]);
    page = await browser.newPage();
  });
  after(async () => {
    await browser?.close();
    await site?.close();
  });

  it('adds coordination for Zuidoost Utrecht, after a mistake in the shares, and sees it in the MKBA of the last twelve months', async () => {
    await signIn(page, site, 'administrator');
    await page.getByRole('link', { name: 'Vaste kosten per regio' }).click();
    await page.getByRole('heading', { level: 1, name: 'Vaste kosten per regio' }).waitFor();
    await page.getByLabel('Regio', { exact: true }).selectOption({ label: 'Zuidoost Utrecht' });
    await page.getByText('Voor deze regio zijn nog geen vaste kosten ingevuld.').waitFor();
    await assertAccessible(page, 'fixed costs of a region without any');

    await page.getByLabel('Soort', { exact: true }).selectOption({ label: 'Coördinatie' });
    await page.getByLabel('Omschrijving', { exact: true }).fill('Coördinatiepunt logeerzorg');
    await page.getByLabel(/^Bedrag per jaar/).fill('20.000');
    await page.getByLabel('Gemeente (Wmo)').fill('60');
    await page.getByLabel('Zorgverzekeraar (Zvw)').fill('30');
    await page.getByLabel('Geldig vanaf').fill(addDays(appClock().today(), -400));
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await page.getByText('De drie delen moeten samen precies 100 procent zijn.').waitFor();
    await assertAccessible(page, 'fixed costs with a mistake');
    await page.getByLabel('Zorgverzekeraar (Zvw)').fill('40');
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await page.getByText('Coördinatiepunt logeerzorg is opgeslagen.').waitFor();
    const row = page.locator('table[data-table="yearly-costs"] tbody tr').first();
    assert.match(
      await row.innerText(),
      /Coördinatiepunt logeerzorg\s+Coördinatie\s+–\s+€\s20\.000,00\s+gemeente 60%, zorgverzekeraar 40%, zorgkantoor 0%/,
    );

    await page.getByRole('link', { name: 'Bekijk de kosten en baten van logeerzorg (MKBA)' }).click();
    await page.getByRole('heading', { level: 2, name: /^Zuidoost Utrecht, / }).waitFor();
    // The last twelve months are 365 days of one or two calendar years: close to the whole € 20.000.
    const inputs = await page.locator('table.adempauze-mkba__inputs').innerText();
    assert.match(inputs, /Coördinatiepunt logeerzorg\s+€\s(19\.9\d\d|20\.0\d\d),\d\d/);
    const line = page.locator('table[data-table="lines"] tbody tr').filter({ hasText: 'Coördinatie en toegang' });
    assert.match(await line.innerText(), /€\s(19\.9\d\d|20\.0\d\d),\d\d/);
  });
});
