import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext } from 'playwright-core';
import { type DemoSite, assertAccessible, launchBrowser, signIn, startDemoSite } from './harness.ts';

describe('the occupancy board, in the browser', () => {
  let site: DemoSite;
  let browser: Browser;
  let coordinator: BrowserContext;

  before(async () => {
    [site, browser] = await Promise.all([startDemoSite(), launchBrowser()]);
    // One sign-in for the file: a code from the authenticator app works once (replay protection).
    coordinator = await browser.newContext();
    await signIn(await coordinator.newPage(), site, 'coordinator');
  });
  after(async () => {
    await browser?.close();
    await site?.close();
  });

  it('shows units × nights with text behind every colour, moves with the arrow keys, and opens a booked stay', async () => {
    const page = await coordinator.newPage();
    await page.goto(site.url);
    await page.getByRole('link', { name: 'Bezetting' }).click();
    const grid = page.getByRole('grid');
    await grid.waitFor();
    await assertAccessible(page, 'board');

    const rows = await grid.locator('tbody tr').count();
    assert.ok(rows > 10, `the demo region has many units (${rows})`);
    assert.equal(await grid.locator('tbody tr').first().locator('td').count(), 28);
    assert.equal(await grid.locator('td[tabindex="0"]').count(), 1, 'one cell in the tab order');

    // Where the focus is, as unit row and night column (the cells carry no position of their own).
    const focused = () =>
      page.evaluate(() => {
        const cell = document.activeElement as HTMLTableCellElement;
        return `${(cell.parentElement as HTMLTableRowElement).sectionRowIndex}:${cell.cellIndex - 1}`;
      });
    await grid.locator('tbody tr').first().locator('td').first().click();
    assert.equal(await focused(), '0:0');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowDown');
    assert.equal(await focused(), '1:1');
    assert.equal(await grid.locator('td[tabindex="0"]').count(), 1, 'still one cell in the tab order');
    await page.keyboard.press('Control+End');
    assert.equal(await focused(), `${rows - 1}:27`);

    const booked = grid.locator('td.adempauze-board__cell--booked').first();
    assert.equal(await booked.getAttribute('aria-label'), 'Bezet');
    // A click gives the cell the focus (only the cell in the tab order has a tabindex), Enter opens what it holds.
    await booked.click();
    await page.keyboard.press('Enter');
    await page.getByRole('link', { name: 'Verblijf openen' }).click();
    // The page names who stays and where.
    await page.getByRole('heading', { level: 1, name: /^Verblijf van \S/ }).waitFor();
    await page.locator('dt', { hasText: 'Plek' }).waitFor();
    // Booked on the board: a planned stay, or a guest who is there now.
    await page
      .getByText(/^(Geboekt|Logé is er)$/)
      .first()
      .waitFor();
    await assertAccessible(page, 'stay page');
    await page.close();
  });

  it('narrows the board to one location and to a care feature', async () => {
    const page = await coordinator.newPage();
    await page.goto(`${site.url}/bezetting`);
    const grid = page.getByRole('grid');
    await grid.waitFor();
    const all = await grid.locator('tbody tr').count();
    await page.getByLabel('Locatie').selectOption({ label: 'Heemzicht' });
    await page.getByRole('button', { name: 'Tonen' }).click();
    await page.waitForFunction((before) => document.querySelectorAll('[role=grid] tbody tr').length !== before, all);
    const heads = await grid.getByRole('rowheader').allInnerTexts();
    assert.ok(heads.length > 0 && heads.every((head) => head.startsWith('Heemzicht')), heads.join(' | '));
    await page.getByLabel('Locatie').selectOption({ label: 'Alle locaties' });
    await page.getByLabel('Voorziening').selectOption('secured_unit');
    await page.getByRole('button', { name: 'Tonen' }).click();
    await page.waitForFunction((before) => document.querySelectorAll('[role=grid] tbody tr').length !== before, heads.length);
    const secured = await grid.locator('tbody tr').count();
    assert.ok(secured < all, `only units with a secured unit: ${secured} of ${all}`);
    await page.close();
  });

  it('opened by its address: the grid is asked for once; in English the cells are named again, one still in the tab order', async () => {
    const page = await coordinator.newPage();
    // The page names the grid and the application asks for it before React draws (early-grid.ts): one request.
    const gridRequests: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes('/api/availability/grid')) gridRequests.push(request.url());
    });
    await page.goto(`${site.url}/bezetting?regio=hoeksche-waard`);
    const grid = page.getByRole('grid');
    await grid.locator('td[tabindex="0"]').waitFor();
    assert.equal(gridRequests.length, 1, gridRequests.join('\n'));
    assert.ok((await grid.locator('td[aria-label="Bezet"]').count()) > 0);

    await page.getByRole('button', { name: 'Switch to English' }).click();
    await grid.locator('td[aria-label="Booked"]').first().waitFor();
    assert.equal(await grid.locator('td[aria-label="Bezet"]').count(), 0, 'every cell is named in English');
    assert.equal(await grid.locator('td[tabindex="0"]').count(), 1, 'the rows were written again, with one cell in the tab order');
    assert.equal(gridRequests.length, 1, 'the language needs no new grid');
    // The choice is kept for the next pages of this sign-in: back to Dutch for the other tests.
    await page.getByRole('button', { name: 'Schakel naar Nederlands' }).click();
    await grid.locator('td[aria-label="Bezet"]').first().waitFor();
    await page.close();
  });

  it('shows what a free night is, for booking it', async () => {
    const page = await coordinator.newPage();
    await page.goto(`${site.url}/bezetting`);
    const free = page.getByRole('grid').locator('td.adempauze-board__cell--free').first();
    await free.click();
    await page
      .locator('.adempauze-cell-panel')
      .getByText(/Nacht van .*: Vrij\./)
      .waitFor();
    await assertAccessible(page, 'board with a selected free cell');
    await page.close();
  });
});
