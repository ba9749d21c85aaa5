import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { addDays } from '../../src/domain/dates.ts';
import { formatDate, setFormatLanguage } from '../src/i18n/format.ts';
import { type DemoSite, assertAccessible, launchBrowser, signIn, startDemoSite } from './harness.ts';
import { appClock } from '../../src/clock.ts';

const ZOOMWIJCK = 'Wijkpension Zoomwijck (De Open Waard)';
const CELL = /^[✓!✕](Vrij|Bijna vol|Vol)$/;

describe('the public part, without an account, in the browser', () => {
  let site: DemoSite;
  let browser: Browser;
  let zoomwijckId: string;

  before(async () => {
    [site, browser] = await Promise.all([startDemoSite(), launchBrowser()]);
    const locations = (await (await fetch(`${site.url}/api/regions/hoeksche-waard/locations`)).json()) as { id: string; name: string }[];
    zoomwijckId = locations.find((location) => location.name === ZOOMWIJCK)!.id;
  });
  after(async () => {
    await browser?.close();
    await site?.close();
  });

  const caption = (page: Page) => page.locator('caption').innerText();
  const focusedText = async (page: Page) =>
    (await page.evaluate(() => document.activeElement?.textContent ?? '')).replace(/\s+/g, ' ').trim();
  /** The texts an input's aria-describedby points at: what a screen reader reads after its label. */
  const description = (page: Page, label: RegExp) =>
    page.getByLabel(label).evaluate((input) =>
      (input.getAttribute('aria-describedby') ?? '')
        .split(' ')
        .map((id) => document.getElementById(id)?.textContent ?? '')
        .join(' '),
    );

  it("takes a caregiver from a location's week calendar to a sent request, which the coordinator then finds in the inbox", async () => {
    const page = await browser.newPage();
    await page.goto(site.url);
    await page.getByRole('heading', { level: 1, name: 'Even op adem komen' }).waitFor();
    await assertAccessible(page, 'home page with the ways in');
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Locaties' }).click();
    await page.getByRole('heading', { level: 2, name: 'Hoeksche Waard' }).waitFor();
    await assertAccessible(page, 'locations per region');

    await page.getByRole('link', { name: ZOOMWIJCK }).click();
    await page.getByRole('heading', { level: 1, name: ZOOMWIJCK }).waitFor();
    const table = page.getByRole('table');
    await table.waitFor();
    const today = appClock().today();
    assert.match(await caption(page), new RegExp(`nachten van ${formatDate(today)} tot en met ${formatDate(addDays(today, 6))}`));
    const columns = await table.locator('thead th').allInnerTexts();
    assert.deepEqual(columns, ['Nacht van', 'Logeerzorg', 'Crisisopname (Wmo)', 'ELV laag complex', 'ELV hoog complex']);
    assert.equal(await table.locator('tbody th[scope="row"]').count(), 7);
    // Every cell says it in a word (and a symbol), not by its colour alone.
    for (const cell of await table.locator('tbody td').allInnerTexts()) assert.match(cell.trim(), CELL);
    await assertAccessible(page, 'location profile with its week calendar');

    // A week on and back again with the keyboard only. At the first week "previous" stays focusable but does nothing.
    const previous = page.getByRole('button', { name: 'Vorige week' });
    assert.equal(await previous.getAttribute('aria-disabled'), 'true');
    await previous.focus();
    await page.keyboard.press('Enter');
    assert.match(await caption(page), new RegExp(`van ${formatDate(today)} `));
    await page.keyboard.press('Tab');
    assert.equal(await focusedText(page), 'Volgende week →');
    await page.keyboard.press('Enter');
    const nextWeek = `nachten van ${formatDate(addDays(today, 7))} tot en met ${formatDate(addDays(today, 13))}`;
    await page.locator('caption', { hasText: nextWeek }).waitFor();
    await page
      .getByRole('status')
      .filter({ hasText: `U ziet de nachten van ${formatDate(addDays(today, 7))}` })
      .waitFor();
    assert.equal(await previous.getAttribute('aria-disabled'), null);
    await page.keyboard.press('Shift+Tab');
    assert.equal(await focusedText(page), '← Vorige week');
    await page.keyboard.press('Enter');
    await page.locator('caption', { hasText: `nachten van ${formatDate(today)} ` }).waitFor();

    await page.getByRole('link', { name: 'Logeren aanvragen bij deze locatie' }).click();
    await page.getByRole('heading', { level: 1, name: 'Logeren aanvragen' }).waitFor();
    assert.equal(new URL(page.url()).searchParams.get('locatie'), zoomwijckId);
    await page.getByRole('option', { name: /Zoomwijck/ }).waitFor({ state: 'attached' });
    assert.equal(await page.getByLabel(/^Locatie/).inputValue(), zoomwijckId);
    assert.equal(await page.getByLabel(/^Logeren/).isChecked(), true);
    await assertAccessible(page, 'request form');

    // First with a postcode that is none: the server's message appears beside that field, and focus goes there.
    await page.getByLabel(/^Eerste dag/).fill(addDays(today, 30));
    await page.getByLabel(/^Laatste dag/).fill(addDays(today, 34));
    await page.getByLabel(/^Naam/).fill('Jannie Bakker');
    await page.getByLabel(/^Postcode/).fill('12');
    await page.getByLabel(/^Uw naam/).fill('Kees Bakker');
    await page.getByLabel('Zoon of dochter').check();
    await page.getByLabel(/^Telefoonnummer/).fill('06 12345678');
    await page.getByLabel(/^Ik vind het goed/).check();
    await page.getByRole('button', { name: 'Aanvraag versturen' }).click();
    await page.getByRole('alert').filter({ hasText: 'Niet alles is goed ingevuld' }).waitFor();
    assert.match(await page.getByRole('alert').innerText(), /Postcode: Vul een postcode in zoals 3262 GD\./);
    assert.equal(await page.getByLabel(/^Postcode/).getAttribute('aria-invalid'), 'true');
    assert.match(await description(page, /^Postcode/), /Vul een postcode in zoals 3262 GD\./);
    assert.equal(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name), 'client.postcode');
    assert.equal(await page.getByLabel(/^Naam/).getAttribute('aria-invalid'), null);
    await assertAccessible(page, 'request form with a field message');

    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('3262 gd');
    await page.getByRole('button', { name: 'Aanvraag versturen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Uw aanvraag is verstuurd' }).waitFor();
    const confirmation = await page.locator('main').innerText();
    const reference = /Uw kenmerk is (AP-[A-Z2-9]{6})\./.exec(confirmation)?.[1];
    assert.ok(reference, confirmation);
    assert.match(confirmation, /Wat gebeurt er nu\?/);
    assert.match(confirmation, /binnen 2 werkdagen \(uiterlijk (maandag|dinsdag|woensdag|donderdag|vrijdag) \d{1,2} \w+ \d{4}\)/);
    assert.doesNotMatch(confirmation, /\d{4}-\d{2}-\d{2}/);
    assert.equal(await page.evaluate(() => document.activeElement?.tagName), 'H1');
    await assertAccessible(page, 'confirmation of the request');

    // The caregiver's own page: where the request stands and whom to call, without an account.
    await page.getByRole('link', { name: 'Naar mijn aanvraag' }).click();
    await page.getByRole('heading', { level: 1, name: 'Mijn aanvraag' }).waitFor();
    await page.getByText(`Kenmerk ${reference}`).waitFor();
    await page.getByText('Uw aanvraag is binnen. Een medewerker van het aanmeldpunt neemt contact met u op.').waitFor();
    await page.getByText('Telefoon: 0186 - 123 456').waitFor();
    assert.match(await page.locator('main').innerText(), /Gewenste dagen: \d+ \w+ \d{4} tot \d+ \w+ \d{4}\./);
    await page.getByRole('button', { name: 'Aanvraag intrekken' }).waitFor();
    await assertAccessible(page, "the caregiver's status page");
    await page.close();

    const coordinator = await browser.newPage();
    await signIn(coordinator, site, 'coordinator');
    await coordinator.getByRole('heading', { level: 1, name: 'Aanmeldingen' }).waitFor();
    const row = coordinator.getByRole('row').filter({ hasText: reference });
    await row.waitFor();
    assert.match(await row.innerText(), /Logeerzorg, één keer/);
    assert.match(await row.innerText(), /Nieuw/);
    await assertAccessible(coordinator, 'coordinator inbox with the public request');

    // Found again by its reference, and only it; closed referrals stay out of "open" and come back with "all".
    await coordinator.getByLabel('Zoek op naam, kenmerk of BSN').fill(reference!.toLowerCase());
    await coordinator.getByRole('button', { name: 'Zoeken' }).click();
    await coordinator.getByRole('table').getByText('1 aanmelding', { exact: true }).waitFor();
    await coordinator.getByLabel('Zoek op naam, kenmerk of BSN').fill('');
    await coordinator.getByRole('button', { name: 'Zoeken' }).click();
    const statuses = async () => coordinator.locator('tbody tr td:nth-child(4)').allInnerTexts();
    await coordinator
      .getByRole('table')
      .getByText(/aanmeldingen$/)
      .waitFor();
    assert.ok(!(await statuses()).some((status) => status === 'Afgesloten' || status === 'Geannuleerd'), 'open means open');
    await coordinator.close();
  });

  it('fits a phone: no sideways scrolling on any public page at 390 × 844', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    const pages: [string, string][] = [
      ['/', 'Even op adem komen'],
      ['/logeren', 'Logeren en tijdelijk verblijf'],
      ['/locaties', 'Locaties'],
      [`/locaties/${zoomwijckId}`, ZOOMWIJCK],
      ['/aanvragen?soort=tour', 'Logeren aanvragen'],
    ];
    for (const [path, title] of pages) {
      await page.goto(`${site.url}${path}`);
      await page.getByRole('heading', { level: 1, name: title }).waitFor();
      // Every part that loads has its own "Laden…" (the week and the month of a location at once): wait for all.
      await page.waitForFunction(
        () => ![...document.querySelectorAll('[role="status"]')].some((element) => /laden/i.test(element.textContent ?? '')),
      );
      if (path.startsWith('/locaties/')) await page.getByRole('table').waitFor();
      const overflow = await page.evaluate(() => ({
        page: document.documentElement.scrollWidth,
        body: document.body.scrollWidth,
        viewport: document.documentElement.clientWidth,
      }));
      assert.ok(
        overflow.page <= overflow.viewport && overflow.body <= overflow.viewport,
        `${path} scrolls sideways on a phone: ${JSON.stringify(overflow)}`,
      );
      await assertAccessible(page, `${path} on a phone`);
    }
    // A tour is one day: no departure asked.
    assert.equal(await page.getByLabel(/^Welke dag past u goed/).count(), 1);
    assert.equal(await page.getByLabel(/^Laatste dag/).count(), 0);
    await page.close();
  });

  it('finds the places nearest a home postcode on a phone, with room per week, and leads to the nearest one', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await page.goto(`${site.url}/locaties`);
    await page.getByRole('heading', { level: 2, name: 'Zoek een plek bij u in de buurt' }).waitFor();
    await page.getByLabel('Postcode').fill('3262');
    // The keyboard sends it, and the focus stays where it was.
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 3, name: /^Plekken in de buurt van Oud-Beijerland \(Hoeksche Waard\)$/ }).waitFor();
    assert.equal(new URL(page.url()).searchParams.get('postcode'), '3262', 'the search is in the address, for the back button');
    const results = page.locator('.adempauze-nearby__results > li');
    assert.ok((await results.count()) >= 2);
    const first = results.first();
    assert.equal(await first.getByRole('heading', { level: 4 }).innerText(), ZOOMWIJCK, 'the place in the home town comes first');
    assert.match(await first.innerText(), /km hemelsbreed/);
    assert.doesNotMatch(await first.innerText(), /€ 0,00/, 'no co-payment is said in words, not as zero euros');
    const weeks = await first.locator('.adempauze-nearby__weeks li').allInnerTexts();
    assert.equal(weeks.length, 4);
    for (const week of weeks) assert.match(week.replace(/\s+/g, ' '), /^Week van \d+ \w+: [✓!✕](Vrij|Bijna vol|Vol)$/);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `the results scroll sideways by ${overflow} px`);
    await assertAccessible(page, 'places near a postcode on a phone');

    await page.getByLabel('Postcode').fill('8999');
    await page.getByRole('button', { name: 'Zoeken' }).click();
    await page.getByText('Deze postcode kennen we niet.', { exact: false }).waitFor();
    await page.goBack();
    await page.getByRole('heading', { level: 3, name: /^Plekken in de buurt van Oud-Beijerland/ }).waitFor();
    await first.getByRole('link', { name: ZOOMWIJCK }).click();
    await page.getByRole('heading', { level: 1, name: ZOOMWIJCK }).waitFor();
    await page.close();
  });

  it("picks the days in a location's month on a phone and carries them into the request form", async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await page.goto(`${site.url}/locaties/${zoomwijckId}`);
    await page.getByRole('heading', { level: 2, name: 'Kies uw dagen in de maand' }).waitFor();
    const days = page.locator('.adempauze-month__day');
    await days.first().waitFor();
    // Next month, so that whatever day today is there are days enough to choose from.
    await page.getByRole('button', { name: 'Volgende maand' }).click();
    await page.locator('.adempauze-month__day').first().waitFor();
    await page.waitForFunction(() =>
      /(^|\s)1 \w+ \d{4}:/.test(document.querySelector('.adempauze-month__day')?.getAttribute('aria-label') ?? ''),
    );
    const labels = await days.evaluateAll((buttons) => buttons.map((button) => button.getAttribute('aria-label') ?? ''));
    for (const label of labels) assert.match(label, /^(\w+ )?\d+ \w+ \d{4}: (vrij|bijna vol|vol)$/);
    await days.nth(4).click();
    await page.getByRole('status').filter({ hasText: 'Kies nu de dag van vertrek.' }).waitFor();
    await days.nth(7).focus();
    await page.keyboard.press('Enter');
    await page
      .getByRole('status')
      .filter({ hasText: /^Aankomst .*, vertrek .*\.$/ })
      .waitFor();
    assert.equal(await days.nth(5).getAttribute('aria-pressed'), 'true', 'the nights between are marked too');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `the month scrolls sideways by ${overflow} px`);
    await assertAccessible(page, 'month calendar with picked days on a phone');
    await page.getByRole('link', { name: 'Deze dagen aanvragen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Logeren aanvragen' }).waitFor();
    const url = new URL(page.url());
    assert.equal(await page.getByLabel(/^Eerste dag/).inputValue(), url.searchParams.get('aankomst'));
    assert.equal(await page.getByLabel(/^Laatste dag/).inputValue(), url.searchParams.get('vertrek'));
    assert.ok(url.searchParams.get('aankomst')! < url.searchParams.get('vertrek')!);
    await page.close();
  });

  it('asks for a recurring stay in plain words on a phone and follows it on its own page', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await page.goto(`${site.url}/aanvragen`);
    await page.getByRole('heading', { level: 1, name: 'Logeren aanvragen' }).waitFor();
    const today = appClock().today();
    await page.getByLabel(/^Eerste dag/).fill(addDays(today, 21));
    await page.getByLabel(/^Laatste dag/).fill(addDays(today, 23));
    await page.getByLabel('Hoe vaak wilt u dit?').selectOption({ label: 'Elke 4 weken' });
    await page.getByLabel('Hoeveel keer in totaal?').fill('6');
    await page.getByLabel(/^Naam/).fill('Bep Vaker');
    await page.getByLabel(/^Postcode/).fill('3262 GD');
    await page.getByLabel(/^Uw naam/).fill('Wim Vaker');
    await page.getByLabel('Partner', { exact: true }).check();
    await page.getByLabel(/^Telefoonnummer/).fill('06 11223344');
    await page.getByLabel(/^Ik vind het goed/).check();
    await assertAccessible(page, 'request form for a recurring stay');
    await page.getByRole('button', { name: 'Aanvraag versturen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Uw aanvraag is verstuurd' }).waitFor();
    await page.getByRole('link', { name: 'Naar mijn aanvraag' }).click();
    await page.getByText('Wat u vroeg: logeerzorg, vaker.', { exact: false }).waitFor();
    await page.close();
  });

  it('lets the caregiver withdraw a request from its own page, with the keyboard', async () => {
    const sent = await fetch(`${site.url}/api/public/requests`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        kind: 'stay',
        client: { name: 'Toos Terug', postcode: '3262 GD' },
        caregiver: { name: 'Henk Terug', relation: 'partner', phone: '06 87654321' },
        consent: true,
      }),
    });
    assert.equal(sent.status, 202);
    const { statusUrl } = (await sent.json()) as { statusUrl: string };
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await page.goto(`${site.url}${new URL(statusUrl).pathname}`);
    await page.getByRole('heading', { level: 2, name: 'Aanvraag intrekken' }).waitFor();
    await page.getByLabel('Waarom trekt u de aanvraag in?').fill('De buren helpen nu');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.getByText('Uw aanvraag is ingetrokken.', { exact: false }).waitFor();
    assert.equal(await page.getByRole('button', { name: 'Aanvraag intrekken' }).count(), 0);
    await assertAccessible(page, 'status page after withdrawing');
    await page.reload();
    await page.getByText('Deze aanvraag is ingetrokken.').waitFor();
    await page.close();
  });

  it('shows the calendar in English after the switch', async () => {
    const page = await browser.newPage();
    await page.goto(`${site.url}/locaties/${zoomwijckId}`);
    await page.getByRole('table').waitFor();
    await page.getByRole('button', { name: 'Switch to English' }).click();
    await page.getByRole('heading', { level: 2, name: 'When is there room?' }).waitFor();
    assert.deepEqual(await page.locator('thead th').allInnerTexts(), [
      'Night of',
      'Planned respite stay',
      'Crisis admission (Wmo)',
      'Short-term stay, low complexity',
      'Short-term stay, high complexity',
    ]);
    for (const cell of await page.locator('tbody td').allInnerTexts()) assert.match(cell.trim(), /^[✓!✕](Free|Almost full|Full)$/);
    await page.getByRole('button', { name: 'Next week' }).click();
    // The date as the English interface writes it: "8 March 2028", not "8 maart 2028".
    setFormatLanguage('en');
    const nextMonday = formatDate(addDays(appClock().today(), 7));
    setFormatLanguage('nl');
    await page.locator('caption', { hasText: `nights from ${nextMonday}` }).waitFor();
    await assertAccessible(page, 'location profile in English');
    await page.close();
  });
});
