import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { type DemoSite, assertAccessible, launchBrowser, openPolicyMonitorAsPolicyViewer, startDemoSite } from './harness.ts';

/** "€ 326.678,20" on the page as the CSV writes it: "326678,20". */
const asCsv = (text: string) => text.replace(/[€\s\u00a0.]/g, '');
const amount = (page: Page, id: string) => page.locator(`[data-amount="${id}"]`).innerText();

describe('the MKBA page in the browser: both scenarios for a demo region, an assumption changed, the CSV and the printed report', () => {
  let site: DemoSite;
  let browser: Browser;
  let page: Page;

  before(async () => {
    [site, browser] = await Promise.all([startDemoSite(), launchBrowser()]);
    page = await (await browser.newContext({ acceptDownloads: true })).newPage();
  });
  after(async () => {
    await browser?.close();
    await site?.close();
  });

  it('takes the policy viewer from the policy monitor to the MKBA page', async () => {
    await openPolicyMonitorAsPolicyViewer(page, site);
    await page.getByRole('link', { name: 'Bekijk de kosten en baten van logeerzorg (MKBA)' }).click();
    await page.getByRole('heading', { level: 1, name: 'Kosten en baten van logeerzorg' }).waitFor();
    assert.equal(new URL(page.url()).pathname, '/beleid/mkba');
  });

  it('shows both scenarios for the Hoeksche Waard over the last twelve months, in words, a chart and tables', async () => {
    await page.getByLabel('Regio', { exact: true }).selectOption({ label: 'Hoeksche Waard' });
    await page.getByLabel('Periode', { exact: true }).selectOption({ label: 'Afgelopen 12 maanden' });
    await page.getByRole('button', { name: 'Berekenen', exact: true }).click();
    await page.waitForURL(/regio=hoeksche-waard/);
    await page.getByRole('heading', { level: 2, name: /^Hoeksche Waard, / }).waitFor();

    const positive = await page.locator('[data-summary="positive"]').innerText();
    const conservative = await page.locator('[data-summary="conservative"]').innerText();
    assert.match(
      positive,
      /^Positief scenario: de baten zijn €\s[\d.]+,\d\d en de kosten €\s[\d.]+,\d\d\. Logeerzorg levert dan €\s[\d.]+,\d\d meer op dan het kost\. Elke euro voor logeerzorg levert €\s\d+,\d\d op\.$/,
    );
    assert.match(conservative, /^Conservatief scenario: /);
    // The table has both scenarios side by side; the conservative one gains less for the same costs.
    const table = page.locator('table[data-table="lines"]');
    assert.deepEqual(await table.locator('thead th').allInnerTexts(), ['Regel', 'Positief scenario', 'Conservatief scenario']);
    const euro = (text: string) => Number(asCsv(text).replace(',', '.'));
    assert.ok(euro(await amount(page, 'benefits-conservative')) < euro(await amount(page, 'benefits-positive')));
    assert.equal(await amount(page, 'costs-conservative'), await amount(page, 'costs-positive'));
    assert.ok(euro(await amount(page, 'costs-positive')) > 0, "the year's nights have a price");
    // Who gains: a table per scenario, a row per party and one for the total.
    for (const scenario of ['positive', 'conservative']) {
      assert.equal(await page.locator(`table[data-table="stakeholders-${scenario}"] tbody tr`).count(), 6);
    }
    const charts = await page
      .locator('.adempauze-mkba canvas')
      .evaluateAll((canvases) => canvases.map((canvas) => canvas.getBoundingClientRect().height));
    assert.equal(charts.length, 2);
    assert.ok(charts.every((height) => height > 100));
    await assertAccessible(page, 'MKBA page');
  });

  it('recalculates with a changed assumption, and says it was changed', async () => {
    const before = await amount(page, 'benefits-positive');
    const field = page.getByLabel(/^Deel van de logés bij wie opname in het verpleeghuis later komt/);
    assert.equal(await field.inputValue(), '50');
    await field.fill('30');
    await page.getByRole('button', { name: 'Opnieuw berekenen' }).click();
    await page.waitForURL(/a\.delayShare=30/);
    await page.waitForFunction((old) => document.querySelector('[data-amount="benefits-positive"]')?.textContent !== old, before);
    assert.notEqual(await amount(page, 'benefits-positive'), before);
    await page.getByLabel(/^Deel van de logés bij wie opname in het verpleeghuis later komt .*Aangepast$/).waitFor();
    await assertAccessible(page, 'MKBA page with a changed assumption');

    // A wrong number is refused beside its field, and the figures stay as they were.
    const shown = await amount(page, 'benefits-positive');
    await page.getByLabel(/^Nachten van een crisisopname/).fill('veertien');
    await page.getByRole('button', { name: 'Opnieuw berekenen' }).click();
    await page.getByText('Vul een getal in, met hoogstens 2 cijfers achter de komma, bijvoorbeeld 12,5.').waitFor();
    assert.equal(await page.getByLabel(/^Nachten van een crisisopname/).getAttribute('aria-invalid'), 'true');
    assert.equal(await amount(page, 'benefits-positive'), shown);
    await assertAccessible(page, 'MKBA page with a wrong assumption');
    await page.goBack();
    await page.waitForURL((url) => !url.search.includes('crisisNights'));
    await page.waitForFunction(() => !document.querySelector('[aria-invalid="true"]'));
  });

  it('downloads the calculation as CSV with the numbers of the page', async () => {
    const benefits = asCsv(await amount(page, 'benefits-positive'));
    const net = asCsv(await amount(page, 'net-conservative'));
    const ratio = asCsv(await amount(page, 'ratio-positive'));
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download de berekening als CSV' }).click(),
    ]);
    assert.match(download.suggestedFilename(), /^mkba-hoeksche-waard-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv$/);
    const text = await readFile(await download.path(), 'utf8');
    assert.ok(text.startsWith('\uFEFF'));
    const rows = text
      .slice(1)
      .split('\n')
      .map((line) => line.split(';'));
    const value = (scenario: string, kind: string, code: string) =>
      rows.find((row) => row[0] === scenario && row[1] === kind && row[2] === code && row[4] === 'totaal')?.[5];
    assert.equal(value('positief', 'baten_totaal', 'totaal'), benefits);
    assert.equal(value('conservatief', 'saldo', 'totaal'), net);
    assert.equal(value('positief', 'verhouding', 'baten_per_euro_kosten'), ratio);
    assert.ok(
      rows.some((row) => row[0] === 'positief' && row[1] === 'aanname' && row[2] === 'delayShare' && row[5] === '30'),
      'the changed assumption',
    );
  });

  it('prints a report: no site navigation or forms, the tables and charts and the assumptions used', async () => {
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.getByRole('navigation', { name: 'Hoofdmenu' }).isVisible(), false);
    assert.equal(await page.getByRole('button', { name: 'Opnieuw berekenen' }).isVisible(), false);
    assert.equal(await page.getByRole('button', { name: 'Afdrukken' }).isVisible(), false);
    assert.equal(await page.locator('table[data-table="lines"]').isVisible(), true);
    assert.equal(await page.locator('table[data-table="stakeholders-conservative"]').isVisible(), true);
    assert.equal(await page.locator('.adempauze-mkba canvas').first().isVisible(), true);
    await page.getByRole('heading', { level: 2, name: 'Gebruikte aannames' }).waitFor();
    await page.emulateMedia({ media: 'screen' });
    assert.equal(await page.getByRole('navigation', { name: 'Hoofdmenu' }).isVisible(), true);
    assert.equal(await page.getByRole('heading', { level: 2, name: 'Gebruikte aannames' }).isVisible(), false);
  });

  it('counts the staff beside the reserved bed, and compares the model with the pilots of 2019', async () => {
    const inputs = page.locator('table.adempauze-mkba__inputs');
    assert.match(await inputs.innerText(), /Personeel wijkpension Zoomwijck\s+€\s[\d.]+,\d\d/);
    assert.match(await inputs.innerText(), /Bedden vrijgehouden voor logeerzorg\s+1\b/);
    await page.getByRole('button', { name: 'Toon de pilots van 2019' }).click();
    const table = page.locator('table[data-table="pilot-2019"]');
    await table.waitFor();
    assert.equal(await table.locator('tbody tr').count(), 15);
    const deviations = await table.locator('[data-deviation]').allInnerTexts();
    for (const text of deviations)
      assert.ok(
        Math.abs(
          Number(
            text
              .replace(/[%\s\u00a0+]/g, '')
              .replace('−', '-')
              .replace(',', '.'),
          ),
        ) <= 10,
        text,
      );
    assert.match(
      await table.locator('tr[data-region="hoeksche-waard"][data-measure="pilotCosts"]').innerText(),
      /€\s151\.550\s+€\s151\.550\s+0%/,
    );
    await assertAccessible(page, 'MKBA page with the pilots of 2019');
  });

  it('speaks English on request, with euros still in Dutch notation', async () => {
    await page.getByRole('button', { name: 'Switch to English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Costs and benefits of respite care' }).waitFor();
    assert.match(await page.locator('[data-summary="positive"]').innerText(), /^Positive scenario: the benefits are €\s[\d.]+,\d\d/);
    await assertAccessible(page, 'MKBA page in English');
  });
});
