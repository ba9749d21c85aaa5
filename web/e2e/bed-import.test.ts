import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { type DemoSite, assertAccessible, launchBrowser, signIn, startDemoSite } from './harness.ts';

const HEADER = 'organisatie;agb;locatie;straat;huisnummer;postcode;plaats;regio;plek;soort;verblijf;alleen_voor;voorzieningen;vanaf';

/** The administrator reads a bed list the way Excel saves it: a check with its errors first, then the import. */
describe("importing a region's bed list, in the browser", () => {
  let site: DemoSite;
  let browser: Browser;
  let page: Page;

  before(async () => {
    [site, browser] = await Promise.all([startDemoSite(), launchBrowser()]);
    page = await (await browser.newContext()).newPage();
    await signIn(page, site, 'administrator');
  });
  after(async () => {
    await browser?.close();
    await site?.close();
  });

  const choose = (rows: string[]) =>
    page.getByLabel('Bestand (CSV)').setInputFiles({
      name: 'beddenlijst.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(`\uFEFF${[HEADER, ...rows].join('\r\n')}\r\n`, 'utf8'),
    });

  it('shows the errors of a sheet by row and column and writes nothing; the corrected sheet is imported', async () => {
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Beheer', exact: true }).click();
    await page.getByRole('link', { name: 'Beddenlijst inlezen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Beddenlijst inlezen' }).waitFor();
    await assertAccessible(page, 'import page');

    const anker = 'Logeerhuis Het Anker (fictief);;Het Anker;Havenweg;1;3286 AA;Klaaswaal;hoeksche-waard';
    await choose([`${anker};Ankerkamer;bed;Logeerzorg;;Rolstoeltoegankelijk;`, `${anker};Havenkamer;bed;logeren;;;`]);
    await page.getByRole('button', { name: 'Controleren' }).click();
    await page.getByText('Regel 3, kolom verblijf: Onbekend soort verblijf: logeren.').waitFor();
    assert.equal(await page.getByRole('button', { name: 'Inlezen' }).isDisabled(), true, 'nothing to import while an error remains');
    await assertAccessible(page, 'import with errors');

    await choose([
      `${anker};Ankerkamer;bed;Logeerzorg;;Rolstoeltoegankelijk;`,
      `${anker};Havenkamer;bed;Logeerzorg, Crisisopname (Wmo);;;`,
    ]);
    await page.getByRole('button', { name: 'Controleren' }).click();
    await page.getByText('Nieuw: 1 organisatie, 1 locatie, 2 plekken.', { exact: false }).waitFor();
    await page.getByRole('button', { name: 'Inlezen' }).click();
    await page.getByText('Ingelezen.', { exact: false }).waitFor();

    const units = await site.database.db
      .selectFrom('capacity_unit as u')
      .innerJoin('location as l', 'l.id', 'u.location_id')
      .select(['u.name', 'u.accepted_stay_types'])
      .where('l.name', '=', 'Het Anker')
      .orderBy('u.name')
      .execute();
    assert.deepEqual(
      units.map((unit) => [unit.name, unit.accepted_stay_types]),
      [
        ['Ankerkamer', ['respite']],
        ['Havenkamer', ['respite', 'crisis_wmo']],
      ],
    );
  });
});
