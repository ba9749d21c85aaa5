import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { TOTP } from 'otpauth';
import type { Browser, Page } from 'playwright-core';
import { appClock } from '../../src/clock.ts';
import { addDays } from '../../src/domain/dates.ts';
import { inviteFirstAdministrator } from '../../src/services/auth/account.service.ts';
import { DEFAULT_AUTH_SETTINGS } from '../../src/services/auth/auth-settings.ts';
import { createMailer } from '../../src/services/mail/mailer.ts';
import { type DemoSite, RESPITE_ANSWERS, answer, assertAccessible, launchBrowser, startDemoSite } from './harness.ts';

const PASSWORD = 'een lange zin als wachtwoord';

/**
 * A region goes live from an empty database: the first administrator sets up the region, two providers, their
 * locations and the people; the providers add their units and tariffs themselves; a GP refers a client and the
 * central point books the client into one of the new units. Everything in the browser, as people would.
 */
describe('a new region from nothing to its first booking, in the browser', () => {
  let site: DemoSite;
  let browser: Browser;
  const totpSecrets = new Map<string, string>();
  /** Each person's browser tab, signed in once, as people keep the app open through the day. */
  const pages = new Map<string, Page>();

  before(async () => {
    [site, browser] = await Promise.all([startDemoSite({ seed: false }), launchBrowser()]);
  });
  after(async () => {
    await browser?.close();
    await site?.close();
  });

  /** The newest invitation link mailed to this address (the development transport keeps mail in the database). */
  async function invitationLink(email: string): Promise<string> {
    const mail = await site.database.db
      .selectFrom('mail_message')
      .select('body')
      .where('recipient', '=', email)
      .orderBy('created_at', 'desc')
      .executeTakeFirstOrThrow();
    // The mail names the configured public address; the test's server listens elsewhere, so only path and token count.
    const link = new URL(/(https?:\/\/\S+\/wachtwoord-instellen\?token=\S+)/.exec(mail.body)![1]!);
    return `${link.pathname}${link.search}`;
  }

  const code = (email: string) => new TOTP({ secret: totpSecrets.get(email)!, digits: 6, period: 30 }).generate();

  /** From the e-mailed link: choose a password, sign in, set up the authenticator app, keep the recovery codes. */
  async function acceptInvitation(page: Page, email: string, audit = false): Promise<void> {
    await page.goto(`${site.url}${await invitationLink(email)}`);
    await page.getByRole('heading', { level: 1, name: 'Kies uw wachtwoord' }).waitFor();
    if (audit) await assertAccessible(page, 'choose a password');
    await page.getByLabel('Nieuw wachtwoord').fill(PASSWORD);
    await page.getByLabel('Typ het wachtwoord nog een keer').fill(PASSWORD);
    await page.getByRole('button', { name: 'Wachtwoord opslaan' }).click();
    await page.getByRole('link', { name: 'Nu inloggen' }).click();
    await page.getByLabel('E-mailadres').fill(email);
    await page.getByLabel('Wachtwoord').fill(PASSWORD);
    await page.getByRole('button', { name: 'Inloggen' }).click();
    const secret = page.getByTestId('totp-secret');
    await secret.waitFor();
    // The QR code is drawn by a library loaded only on this page.
    assert.ok((await page.getByRole('img', { name: 'QR-code om te scannen met uw app voor inlogcodes' }).innerHTML()).startsWith('<svg'));
    if (audit) await assertAccessible(page, 'set up the authenticator app');
    totpSecrets.set(email, await secret.innerText());
    await page.getByLabel('Code uit de app').fill(code(email));
    await page.getByRole('button', { name: 'Instellen' }).click();
    await page.getByRole('heading', { name: 'Uw herstelcodes' }).waitFor();
    await page.getByRole('button', { name: 'Ik heb de codes bewaard' }).click();
    await page.getByRole('button', { name: 'Uitloggen' }).waitFor();
  }

  let administrator: Page | undefined;
  /** The administrator's tab, signed in since the first test, back at the start of the administration. */
  async function adminPage(): Promise<Page> {
    assert.ok(administrator, 'the administrator of the first test');
    await menu(administrator, 'Beheer');
    await administrator.getByRole('heading', { level: 1, name: 'Beheer' }).waitFor();
    return administrator;
  }

  const menu = (page: Page, name: string) =>
    page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name, exact: true }).click();

  it('lets the first two administrators (invited on start, ADMIN_EMAIL) choose a password and set up the second step', async () => {
    for (const email of ['beheer@regio.test', 'tweede.beheer@regio.test']) {
      assert.ok(
        await inviteFirstAdministrator(site.database.db, email, createMailer(site.database.db, undefined), DEFAULT_AUTH_SETTINGS),
        email,
      );
      const page = await (await browser.newContext()).newPage();
      await acceptInvitation(page, email, email === 'beheer@regio.test');
      await page.getByRole('heading', { level: 1, name: 'Beheer' }).waitFor();
      pages.set(email, page);
    }
    administrator = pages.get('beheer@regio.test');
    await assertAccessible(administrator!, 'administration home');
  });

  it('sets up the region, two providers and a GP practice with their locations', async () => {
    const page = await adminPage();
    const content = page.locator('#inhoud');
    await content.getByRole('link', { name: "Regio's" }).click();
    await page.getByRole('heading', { level: 1, name: "Regio's" }).waitFor();
    await page.getByLabel('Naam van de regio').fill('Hoeksche Waard Zuid');
    for (const municipality of ['Hoeksche Waard']) {
      await page.getByLabel('Gemeente', { exact: true }).fill(municipality);
      await page.getByRole('button', { name: 'Toevoegen', exact: true }).click();
    }
    await assertAccessible(page, 'new region form');
    await page.getByRole('button', { name: 'Regio toevoegen' }).click();
    await page.getByText('Regio Hoeksche Waard Zuid is toegevoegd').waitFor();
    await page.getByRole('heading', { level: 2, name: 'Hoeksche Waard Zuid' }).waitFor();

    await menu(page, 'Beheer');
    await content.getByRole('link', { name: 'Organisaties' }).click();
    for (const [name, agb] of [
      ['Zorggroep De Waard', '12345678'],
      ['Logeerhuis Het Anker', '23456789'],
      ['Huisartsenpraktijk Strijen', '01234567'],
    ] as const) {
      await page.getByLabel('Naam', { exact: true }).fill(name);
      await page.getByLabel('AGB-code (niet verplicht)').fill(agb);
      await page.getByRole('button', { name: 'Organisatie toevoegen' }).click();
      await page.getByText(`${name} is toegevoegd.`).waitFor();
    }
    await page.getByLabel('Naam', { exact: true }).fill('Dubbel');
    await page.getByLabel('AGB-code (niet verplicht)').fill('12345678');
    await page.getByRole('button', { name: 'Organisatie toevoegen' }).click();
    await page.getByText('Er is al een organisatie met deze AGB-code.').waitFor();
    await assertAccessible(page, 'organisations');

    for (const [organisation, name, street, postcode, city] of [
      ['Zorggroep De Waard', 'Wijkpension De Waard', 'Kerkstraat', '3291 AB', 'Strijen'],
      ['Logeerhuis Het Anker', 'Logeerhuis Het Anker', 'Havenweg', '3286 AA', 'Klaaswaal'],
    ] as const) {
      await menu(page, 'Beheer');
      await content.getByRole('link', { name: 'Locaties' }).click();
      await page.getByRole('heading', { level: 2, name: 'Een locatie toevoegen' }).waitFor();
      await page.getByLabel('Organisatie').selectOption({ label: organisation });
      await page.getByLabel('Naam', { exact: true }).fill(name);
      await page.getByLabel('Straat').fill(street);
      await page.getByLabel('Huisnummer').fill('1');
      await page.getByLabel('Postcode').fill(postcode);
      await page.getByLabel('Plaats').fill(city);
      await page.getByLabel('Rolstoel', { exact: false }).first().check();
      await page.getByLabel('Thuisgevoel (niet verplicht)').fill('We koken zelf en eten samen aan één tafel.');
      await page.getByRole('button', { name: 'Locatie toevoegen' }).click();
      await page.getByRole('heading', { level: 1, name }).waitFor();
    }
    await assertAccessible(page, 'a new location without units');
  });

  it('invites the providers, the coordinator and the GP, who each set up their account', async () => {
    const page = await adminPage();
    await page.locator('#inhoud').getByRole('link', { name: 'Gebruikers' }).click();
    const people = [
      ['Pim Planner', 'planner@dewaard.test', 'Planner zorgaanbieder', 'Zorggroep De Waard'],
      ['Anna Anker', 'planning@hetanker.test', 'Planner zorgaanbieder', 'Logeerhuis Het Anker'],
      ['Cor Coördinator', 'aanmeldpunt@regio.test', 'Coördinator', null],
      ['Dokter Strijen', 'huisarts@strijen.test', 'Verwijzer', 'Huisartsenpraktijk Strijen'],
    ] as const;
    for (const [name, email, role, organisation] of people) {
      await page.getByLabel('Naam', { exact: true }).fill(name);
      await page.getByLabel('E-mailadres').fill(email);
      await page.getByLabel('Rol', { exact: true }).selectOption({ label: role });
      await page.getByLabel('Organisatie', { exact: true }).selectOption(organisation ? { label: organisation } : { value: '' });
      await page.getByRole('button', { name: 'Uitnodigen' }).click();
      // Each of these roles sees client data: the invitation waits for the other administrator.
      await page.getByText(`${email} wacht op goedkeuring door een tweede beheerder.`).waitFor();
    }
    await page.getByText('U vroeg dit zelf (of het gaat over u). Een andere beheerder moet het goedkeuren.').first().waitFor();
    await assertAccessible(page, 'users');

    const second = pages.get('tweede.beheer@regio.test')!;
    await menu(second, 'Beheer');
    await second.locator('#inhoud').getByRole('link', { name: 'Gebruikers' }).click();
    for (const [name] of people) {
      await second.getByRole('button', { name: `Goedkeuren: ${name}` }).click();
      await second.getByText(`Goedgekeurd: ${name} is nu`).waitFor();
    }
    await second.getByText('Er wacht niets.').waitFor();
    await assertAccessible(second, 'users after approving');
    for (const [, email] of people) {
      const invited = await (await browser.newContext()).newPage();
      await acceptInvitation(invited, email);
      pages.set(email, invited);
    }
  });

  it('lets each provider add its units and tariffs, seen at once in search', async () => {
    for (const [email, units] of [
      ['planner@dewaard.test', ['Kamer 1', 'Kamer 2', 'Kamer 3']],
      ['planning@hetanker.test', ['Ankerkamer', 'Havenkamer']],
    ] as const) {
      const page = pages.get(email)!;
      await page.getByRole('link', { name: 'Locaties en plekken' }).click();
      await page.getByRole('heading', { level: 3, name: 'Een plek toevoegen' }).waitFor();
      for (const unit of units) {
        await page.getByLabel('Naam van de plek').fill(unit);
        await page.getByRole('button', { name: 'Plek toevoegen' }).click();
        await page.getByText(`${unit} is toegevoegd.`).waitFor();
      }
      await page
        .getByRole('row')
        .filter({ has: page.getByRole('rowheader', { name: units.at(-1)!, exact: true }) })
        .waitFor();
      await assertAccessible(page, 'provider locations with new units');
      await page.getByRole('link', { name: 'Tarieven' }).click();
      await page.getByLabel('Zorg (euro per nacht)').fill('95,50');
      await page.getByLabel('Wonen (euro per nacht)').fill('40');
      await page.getByRole('button', { name: 'Tarief opslaan' }).click();
      await page.getByText(/Het tarief geldt vanaf/).waitFor();
      await page.getByRole('cell', { name: '€ 135,50' }).waitFor();
      await assertAccessible(page, 'provider tariffs');
    }
    const region = await site.database.db.selectFrom('region').select('id').executeTakeFirstOrThrow();
    // Exact free units are for signed-in professionals: the central point's own session asks.
    const search = await pages
      .get('aanmeldpunt@regio.test')!
      .request.get(
        `${site.url}/api/availability/search?regionId=${region.id}&stayType=respite&arrival=${addDays(appClock().today(), 40)}&departure=${addDays(appClock().today(), 45)}`,
      );
    assert.equal((await search.json()).free.length, 5);
  });

  it('lets the GP refer a client in the new region, and the coordinator triage and book a new unit', async () => {
    const gp = pages.get('huisarts@strijen.test')!;
    await gp.getByRole('heading', { level: 1, name: 'Cliënt aanmelden' }).waitFor();
    await gp.getByLabel('Wat is nodig?').selectOption('respite_once');
    await gp.getByLabel('Naam', { exact: true }).first().fill('Wim van Dijk');
    await gp.getByLabel('Geboortedatum').fill('1941-03-14');
    await gp.getByLabel('Postcode').fill('3291 AC');
    await gp.getByLabel('Naam', { exact: true }).nth(1).fill('Truus van Dijk');
    await gp.getByLabel('Aankomst').fill(addDays(appClock().today(), 40));
    await gp.getByLabel('Vertrek').fill(addDays(appClock().today(), 45));
    await gp.getByLabel('De cliënt (of vertegenwoordiger) gaf toestemming voor deze aanmelding').check();
    await gp.getByLabel('Naam van wie toestemming gaf').fill('Wim van Dijk');
    await gp.getByRole('button', { name: 'Aanmelding versturen' }).click();
    const receipt = await gp.getByRole('status').filter({ hasText: 'Kenmerk' }).innerText();
    const reference = /Kenmerk: (\S+)\./.exec(receipt)![1]!;

    const page = pages.get('aanmeldpunt@regio.test')!;
    await menu(page, 'Aanmeldingen');
    await page.getByRole('link', { name: reference }).click();
    await page.getByText(/Nog \d+ vra(ag|gen) te beantwoorden/).waitFor();
    for (const [linkId, value] of Object.entries(RESPITE_ANSWERS)) await answer(page, linkId, value);
    await page.getByRole('button', { name: 'Triage opslaan' }).click();
    const proposals = page.getByRole('table', { name: 'Vrije plekken die passen' });
    await proposals.waitFor();
    const first = proposals.getByRole('row').nth(1);
    const place = await first.getByRole('rowheader').innerText();
    assert.match(place, /Wijkpension De Waard|Logeerhuis Het Anker/);
    await first.getByRole('button', { name: /^Boeken/ }).click();
    await page.getByRole('table', { name: 'Verblijven van deze aanmelding' }).getByRole('cell', { name: 'Geboekt', exact: true }).waitFor();

    // The coordinator also sees how fresh each location's details are.
    await menu(page, 'Gegevens locaties');
    await page.getByText('Alle locaties hebben hun gegevens de laatste 30 dagen bevestigd.').waitFor();
    await assertAccessible(page, 'locations with their freshness');

    const stay = await site.database.db
      .selectFrom('stay')
      .innerJoin('referral', 'referral.id', 'stay.referral_id')
      .select(['stay.status', 'stay.arrival'])
      .where('referral.reference', '=', reference)
      .executeTakeFirstOrThrow();
    assert.deepEqual(stay, { status: 'confirmed', arrival: addDays(appClock().today(), 40) });
  });
});
