import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { type DemoSite, assertAccessible, launchBrowser, openPolicyMonitorAsPolicyViewer, startDemoSite } from './harness.ts';
import { appClock } from '../../src/clock.ts';

const FIGURES = 9;

/** Every figure's canvas, with its size on the page and whether anything was painted on it. */
function charts(page: Page) {
  return page.locator('section[data-figure] canvas').evaluateAll((canvases) =>
    canvases.map((element) => {
      const canvas = element as HTMLCanvasElement;
      const { width, height } = canvas.getBoundingClientRect();
      const pixels = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
      let painted = 0;
      for (let alpha = 3; alpha < pixels.length; alpha += 4) if (pixels[alpha]! > 0) painted++;
      return { label: canvas.getAttribute('aria-label') ?? '', width, height, painted };
    }),
  );
}

/** The occupancy table's column headers: a month each, after the location column. */
const occupancyColumns = (page: Page) => page.locator('section[data-figure="occupancy-location"] table thead th').allInnerTexts();

describe('the policy monitor in the browser: aggregates as charts with their tables, a period filter and CSV downloads', () => {
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

  it('signs the policy viewer in with a password only and opens the monitor from the menu', async () => {
    await openPolicyMonitorAsPolicyViewer(page, site);
    assert.equal(new URL(page.url()).pathname, '/beleid');
  });

  it('draws every figure as a chart with a name, and gives its numbers in a table', async () => {
    await page.locator('.adempauze-policy__period').waitFor();
    assert.equal(await page.locator('section[data-figure]').count(), FIGURES);
    const drawn = await charts(page);
    assert.equal(drawn.length, FIGURES, 'a chart for every figure');
    for (const chart of drawn) {
      assert.ok(chart.width > 100 && chart.height > 100, `${chart.label}: ${chart.width} × ${chart.height}`);
      assert.ok(chart.painted > 500, `${chart.label}: nothing drawn`);
      assert.match(chart.label, /De getallen staan in de tabel/);
    }
    for (const section of await page.locator('section[data-figure]').all()) {
      const table = section.getByRole('table');
      assert.ok((await table.getByRole('row').count()) > 1, `${await section.getAttribute('data-figure')}: an empty table`);
      assert.ok((await section.getByRole('link', { name: /^Download als CSV: / }).count()) === 1);
    }
    // Small numbers are hidden, and the page says why.
    assert.ok((await page.getByRole('cell', { name: 'verborgen' }).count()) > 0);
    await page.getByText(/Gaat een getal over minder dan 5 mensen\?/).waitFor();
    await assertAccessible(page, 'policy monitor');
  });

  it('shows other figures for another period, and refuses a period that ends before it starts', async () => {
    const before = await occupancyColumns(page);
    assert.equal(before.length, 13, 'the location column and twelve months');
    const firstRow = await page.locator('section[data-figure="requests-kind"] tbody tr').first().innerText();

    // The first day of the month before last: three months up to today.
    const [year, month] = [Number(appClock().today().slice(0, 4)), Number(appClock().today().slice(5, 7))];
    const from = new Date(Date.UTC(year, month - 3, 1)).toISOString().slice(0, 10);
    await page.getByLabel('Tot en met', { exact: true }).fill(from);
    await page.getByLabel('Van', { exact: true }).fill(appClock().today());
    await page.getByRole('button', { name: 'Cijfers tonen' }).click();
    await page.getByText('De laatste dag moet op of na de eerste dag liggen.').waitFor();
    assert.equal(await page.getByLabel('Tot en met', { exact: true }).getAttribute('aria-invalid'), 'true');
    await assertAccessible(page, 'policy monitor with a wrong period');

    await page.getByLabel('Van', { exact: true }).fill(from);
    await page.getByLabel('Tot en met', { exact: true }).fill(appClock().today());
    // With the keyboard: Enter in a field sends the form.
    await page.getByLabel('Tot en met', { exact: true }).press('Enter');
    await page.waitForURL(/van=/);
    // The figures are loaded again: wait for the table of the new period, not the one still on the page.
    await page.waitForFunction(() => document.querySelectorAll('section[data-figure="occupancy-location"] table thead th').length === 4);
    const after = await occupancyColumns(page);
    assert.equal(after.length, 4, `three months now: ${after.join(', ')}`);
    assert.notEqual(await page.locator('section[data-figure="requests-kind"] tbody tr').first().innerText(), firstRow);
    assert.equal((await charts(page)).length, FIGURES);
    await assertAccessible(page, 'policy monitor for three months');
  });

  it('downloads a table as CSV for a Dutch spreadsheet', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download als CSV: Bezetting per locatie' }).click(),
    ]);
    assert.match(download.suggestedFilename(), /^beleidsmonitor-occupancy-by-location-.*\.csv$/);
    const text = await readFile(await download.path(), 'utf8');
    assert.ok(text.startsWith('\uFEFF'), 'starts with a byte order mark');
    const [header, first] = text.slice(1).split('\n');
    assert.equal(header, 'maand;regio;locatie;beschikbare_nachten;bezette_nachten;bezetting_pct');
    assert.match(first!, /^\d{4}-\d{2};[^;]+;[^;]+;\d+;\d+;\d+(,\d)?$/);
  });

  it('narrows to one region, says which month is not complete, and prints a one-page summary', async () => {
    await page.getByLabel('Regio', { exact: true }).selectOption({ label: 'Hoeksche Waard' });
    await page.getByRole('button', { name: 'Cijfers tonen' }).click();
    await page.waitForURL(/regio=hoeksche-waard/);
    await page.locator('.adempauze-policy__period', { hasText: 'Hoeksche Waard' }).waitFor();
    // The period ends today: this month is not over, and the page says so beside the figures.
    await page.getByText(/Let op: .* is niet compleet/).waitFor();
    const columns = await occupancyColumns(page);
    assert.match(columns.at(-1)!, /\(nog niet compleet\)/);
    const locations = await page.locator('section[data-figure="occupancy-location"] tbody th').allInnerTexts();
    assert.ok(locations.length > 0 && locations.every((name) => name.endsWith('(Hoeksche Waard)')), locations.join(' | '));
    await assertAccessible(page, 'policy monitor for one region');

    await page.getByRole('link', { name: 'Samenvatting om te printen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Samenvatting tijdelijk verblijf' }).waitFor();
    await page.getByText(/^Hoeksche Waard, /).waitFor();
    await page.getByText('Bezetting van de plekken').waitFor();
    await assertAccessible(page, 'printable summary');
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.locator('.adempauze-header').isVisible(), false, 'no site header on paper');
    assert.equal(await page.getByRole('button', { name: 'Printen' }).isVisible(), false);
    const pdf = await page.pdf({ format: 'A4' });
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    assert.equal(pages, 1, 'one page of A4');
    await page.emulateMedia({ media: 'screen' });
    await page.getByRole('link', { name: 'Terug naar alle cijfers' }).click();
    await page.locator('section[data-figure]').first().waitFor();
  });

  it('fits a phone: the charts shrink to the screen, and the page speaks English on request', async () => {
    await page.setViewportSize({ width: 375, height: 800 });
    await page.waitForFunction(() =>
      [...document.querySelectorAll('section[data-figure] canvas')].every((canvas) => canvas.getBoundingClientRect().width <= 375),
    );
    for (const chart of await charts(page)) assert.ok(chart.width > 200 && chart.painted > 0, `${chart.label}: ${chart.width}`);
    await assertAccessible(page, 'policy monitor on a phone');
    await page.getByRole('button', { name: 'Switch to English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Policy figures' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Occupancy per location' }).waitFor();
    await assertAccessible(page, 'policy monitor in English');
  });
});
