import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { triageAnswers } from '../../src/testing/fixtures.ts';
import { type DemoSite, apiAs, assertAccessible, launchBrowser, pickUnitWhereSeriesFits, signIn, startDemoSite } from './harness.ts';

const EMAIL = 'mantelzorger.reis@example.nl';

/**
 * Issue 16's whole journey on a phone: a caregiver finds a place by postcode, picks days in its month, asks for a
 * recurring stay with a care checklist, follows it on the status page from the receipt mail, changes the note; the
 * coordinator books the series; the caregiver sees the places and gets the mails.
 */
describe("a caregiver's journey from postcode to booked series, on a phone", () => {
  let site: DemoSite;
  let browser: Browser;

  before(async () => {
    [site, browser] = await Promise.all([startDemoSite(), launchBrowser()]);
  });
  after(async () => {
    await browser?.close();
    await site?.close();
  });

  const mails = () =>
    site.database.db.selectFrom('mail_message').select(['subject', 'body']).where('recipient', '=', EMAIL).orderBy('created_at').execute();

  it('finds, picks, asks, follows, changes, is booked and hears of it', async () => {
    const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const page = await phone.newPage();

    // 1. Near home, by postcode.
    await page.goto(`${site.url}/locaties`);
    await page.getByLabel('Postcode').fill('3262 GD');
    await page.keyboard.press('Enter');
    const nearest = page.locator('.adempauze-nearby__results > li').first();
    await nearest.waitFor();
    const name = await nearest.getByRole('heading', { level: 4 }).innerText();
    await nearest.getByRole('link', { name }).click();
    await page.getByRole('heading', { level: 1, name }).waitFor();

    // 2. Days in the month: next month's 5th to 8th.
    await page.getByRole('button', { name: 'Volgende maand' }).click();
    await page.waitForFunction(() =>
      /(^|\s)1 \w+ \d{4}:/.test(document.querySelector('.adempauze-month__day')?.getAttribute('aria-label') ?? ''),
    );
    const days = page.locator('.adempauze-month__day');
    await days.nth(4).click();
    await days.nth(7).click();
    await page.getByRole('link', { name: 'Deze dagen aanvragen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Logeren aanvragen' }).waitFor();
    const arrival = await page.getByLabel(/^Eerste dag/).inputValue();
    assert.match(arrival, /^\d{4}-\d{2}-05$/);

    // 3. Every four weeks, three times, with what help is needed; sent with the keyboard.
    await page.getByLabel('Hoe vaak wilt u dit?').selectOption({ label: 'Elke 4 weken' });
    await page.getByLabel('Hoeveel keer in totaal?').fill('3');
    await page.getByLabel('Zit in een rolstoel').check();
    await page.getByLabel(/^Is vaak in de war/).check();
    await page.getByLabel(/^Naam \(/).fill('Jo Reiziger');
    await page.getByLabel(/^Postcode/).fill('3262 GD');
    await page.getByLabel(/^Uw naam/).fill('Annie Reiziger');
    await page.getByLabel('Partner', { exact: true }).check();
    await page.getByLabel(/^E-mailadres/).fill(EMAIL);
    await page.getByLabel(/^Ik vind het goed/).check();
    await assertAccessible(page, 'filled request form on a phone');
    await page.getByRole('button', { name: 'Aanvraag versturen' }).focus();
    await page.keyboard.press('Enter');
    const sentHeading = page.getByRole('heading', { level: 1, name: 'Uw aanvraag is verstuurd' });
    await sentHeading.waitFor();
    assert.equal(
      await page.evaluate(() => document.activeElement?.tagName),
      'H1',
      'after a keyboard submit the focus is on the new heading, not lost',
    );
    const reference = /AP-[A-Z2-9]{6}/.exec(await page.locator('main').innerText())![0];

    // 4. The receipt mail has the link; the caregiver follows it.
    const receipt = (await mails()).find((mail) => mail.subject === `Uw aanvraag ${reference} is ontvangen`);
    assert.ok(receipt, 'a receipt by mail');
    const link = /http:\/\/\S+\/mijn-aanvraag\/[A-Za-z0-9_-]+/.exec(receipt.body)![0];
    await page.goto(`${site.url}${new URL(link).pathname}`);
    await page.getByText(`Kenmerk ${reference}`).waitFor();
    await page.getByText('Wat u vroeg: logeerzorg, vaker.', { exact: false }).waitFor();
    await page.getByText('Uw aanvraag is binnen.', { exact: false }).waitFor();
    await page.getByText('Telefoon: 0186 - 123 456').waitFor();
    await assertAccessible(page, 'status page of a new request on a phone');

    // 5. A note added afterwards, on the same page.
    await page.getByLabel('Wat wilt u het aanmeldpunt vertellen?').fill('Mijn man slaapt slecht in een vreemd bed.');
    await page.getByRole('button', { name: 'Wijziging opslaan' }).click();
    await page.getByText('Uw wijziging is opgeslagen.', { exact: false }).waitFor();
    assert.ok((await mails()).some((mail) => mail.subject === `Uw wijziging van aanvraag ${reference}`));

    // 6. The coordinator sees the checklist and the note, triages, and books the series in the planner.
    const referral = await site.database.db
      .selectFrom('referral')
      .select('id')
      .where('reference', '=', reference)
      .executeTakeFirstOrThrow();
    const api = await apiAs(site, 'coordinator');
    await api('POST', `/referrals/${referral.id}/triage`, { answers: triageAnswers({ mobility: 'wheelchair' }) });
    const desk = await browser.newContext();
    const coordinator = await desk.newPage();
    await signIn(coordinator, site, 'coordinator');
    await coordinator.goto(`${site.url}/aanmeldpunt/aanmeldingen/${referral.id}`);
    await coordinator.getByText('Zit in een rolstoel', { exact: false }).waitFor();
    await coordinator.getByText('Mijn man slaapt slecht in een vreemd bed.').waitFor();
    await coordinator.getByRole('heading', { name: 'Terugkerend logeren plannen' }).waitFor();
    // The planner reads the caregiver's "every 4 weeks, 3 times" on the first arrival's weekday.
    const weekday = new Intl.DateTimeFormat('nl-NL', { weekday: 'long', timeZone: 'UTC' }).format(new Date(`${arrival}T00:00:00Z`));
    await coordinator.getByText(`Om de 4 weken op ${weekday}, 3 keer, 3 nachten`).waitFor();
    // The coordinator becomes the caregiver's fixed contact person.
    const contactSection = coordinator.getByRole('region', { name: 'Mantelzorger: vaste contactpersoon en jaarlijkse check-in' });
    await contactSection.getByLabel('Vaste contactpersoon').selectOption({ index: 1 });
    const contactName = (await contactSection.getByLabel('Vaste contactpersoon').locator('option:checked').innerText()).trim();
    await contactSection.getByRole('button', { name: 'Contactpersoon opslaan' }).click();
    await contactSection.getByText(/^Volgende check-in: /).waitFor();
    // And records the first call: how is the caregiver doing?
    await contactSection.locator('summary', { hasText: 'Check-in vastleggen' }).click();
    for (const input of await contactSection.locator('input[name^="gesprek."][value="somewhat"]').all()) await input.check();
    await contactSection.getByRole('button', { name: 'Check-in vastleggen' }).click();
    await contactSection.getByText('De check-in is vastgelegd: score 9 van 9 (zwaar belast).').waitFor();
    await contactSection.getByRole('cell', { name: '9 / 9: zwaar belast' }).waitFor();
    await assertAccessible(coordinator, 'referral with the caregiver contact section');
    await pickUnitWhereSeriesFits(coordinator);
    await coordinator.getByRole('button', { name: 'Reeks boeken' }).click();
    await coordinator.getByText('De reeks is geboekt: 3 verblijven.').waitFor();

    // 7. The caregiver's page shows the three places with calendar files, and the mails said so.
    await page.reload();
    await page.getByText('Er is een plek voor u geboekt.', { exact: false }).waitFor();
    assert.equal(await page.getByRole('link', { name: 'Zet in mijn agenda (.ics)' }).count(), 3);
    assert.equal(await page.getByRole('heading', { name: 'Aanvraag wijzigen' }).count(), 0, 'placed: changes go through the access point');
    const ics = await page.getByRole('link', { name: 'Zet in mijn agenda (.ics)' }).first().getAttribute('href');
    const calendar = await fetch(`${site.url}${ics}`);
    assert.match(await calendar.text(), /BEGIN:VEVENT/);
    await page.getByText(`Uw vaste contactpersoon: ${contactName}`).waitFor();
    const news = (await mails()).filter((mail) => mail.subject === `Nieuws over uw aanvraag ${reference}`);
    assert.equal(news.length, 1, 'one mail for the series, not one per stay');
    assert.match(news[0]!.body, /Reeks geboekt.*: 3 verblijven/);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `the status page scrolls sideways by ${overflow} px`);
    await assertAccessible(page, 'status page of a booked series on a phone');
    await desk.close();
    await phone.close();
  });

  it('lets a caregiver check anonymously how heavy caring is, on a phone with the keyboard, and points to respite', async () => {
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await page.goto(`${site.url}/`);
    await page.getByRole('link', { name: 'Hoe gaat het?' }).click();
    await page.getByRole('heading', { level: 1, name: 'Hoe gaat het met u?' }).waitFor();
    let requests = 0;
    page.on('request', (request) => {
      if (request.url().includes('/api/')) requests++;
    });
    await page.getByRole('button', { name: 'Bekijk de uitslag' }).click();
    await page.getByText('U heeft nog niet bij elke zin een antwoord gekozen.', { exact: false }).waitFor();
    assert.equal(
      await page.evaluate(() => document.activeElement?.getAttribute('name')),
      'zelftest.never_free',
      'the first open question has the focus',
    );
    await assertAccessible(page, 'self-check with missing answers on a phone');
    // With the keyboard: the arrow keys choose within each group, Tab goes to the next.
    for (let i = 0; i < 9; i++) {
      const group = page.locator(`input[name^="zelftest."]`).nth(i * 3);
      await group.focus();
      await page.keyboard.press(i < 7 ? 'ArrowRight' : 'Space');
    }
    await page.getByRole('button', { name: 'Bekijk de uitslag' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 2, name: 'Uw uitslag' }).waitFor();
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Uw uitslag');
    await page.getByText('De zorg is erg zwaar voor u.', { exact: false }).waitFor();
    await page.getByText('U koos bij 7 van de 9 zinnen "een beetje" of "ja".', { exact: false }).waitFor();
    assert.equal(requests, 0, 'the answers never leave the phone');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `the self-check scrolls sideways by ${overflow} px`);
    await assertAccessible(page, 'self-check result on a phone');
    await page.getByRole('link', { name: 'Logeren aanvragen' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Logeren aanvragen' }).waitFor();

    // In English after the switch, the same nine statements.
    await page.goto(`${site.url}/zelftest`);
    await page.getByRole('button', { name: 'Switch to English' }).click();
    await page.getByRole('heading', { level: 1, name: 'How are you doing?' }).waitFor();
    await page.getByRole('group', { name: '1. I always have to be there for my loved one.' }).waitFor();
    assert.equal(await page.getByRole('radio', { name: 'Somewhat' }).count(), 9);
    await page.close();
  });

  it('asks "how are you doing?" on the status page, takes the answer, and respects a no', async () => {
    const send = async (name: string) => {
      const sent = await fetch(`${site.url}/api/public/requests`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': '203.0.113.9' },
        body: JSON.stringify({
          kind: 'stay',
          client: { name, postcode: '3262 GD' },
          caregiver: { name: `Zorg voor ${name}`, relation: 'child', phone: '06 10203040' },
          consent: true,
        }),
      });
      assert.equal(sent.status, 202);
      return new URL(((await sent.json()) as { statusUrl: string }).statusUrl).pathname;
    };
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    await page.goto(`${site.url}${await send('Tine Vraag')}`);
    const section = page.getByRole('region', { name: 'Hoe gaat het met u?' });
    await section.waitFor();
    for (let i = 0; i < 9; i++)
      await section
        .locator(`input[name^="checkin."][value="${i < 5 ? 'yes' : 'no'}"]`)
        .nth(i)
        .check();
    await section.getByRole('button', { name: 'Antwoorden versturen' }).click();
    await section.getByText('Dank u wel. Uw contactpersoon ziet uw antwoorden.').waitFor();
    await section.getByText('De zorg weegt flink op u.', { exact: false }).waitFor();
    await assertAccessible(page, 'status page after the check-in');

    await page.goto(`${site.url}${await send('Kees Liever Niet')}`);
    await page.getByLabel('Ik wil niet elk jaar gevraagd worden hoe het met mij gaat').check();
    await page.getByRole('button', { name: 'Keuze opslaan' }).click();
    await page.getByText('U heeft gezegd dat u niet elk jaar gevraagd wilt worden hoe het met u gaat.').waitFor();
    assert.equal(await page.getByRole('button', { name: 'Antwoorden versturen' }).count(), 0);
    await page.close();
  });
});
