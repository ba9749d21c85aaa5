import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import type { Browser, BrowserContext } from 'playwright-core';
import { addDays } from '../../src/domain/dates.ts';
import { triageAnswers } from '../../src/testing/fixtures.ts';
import { type DemoSite, apiAs, assertAccessible, demoAccount, launchBrowser, signIn, startDemoSite } from './harness.ts';
import { appClock } from '../../src/clock.ts';
import { formatDate } from '../src/i18n/format.ts';

interface Referral {
  id: string;
  reference: string;
}

/** Issue 13: a crisis without an end, and a referral that changes or is no longer needed, never dead-end. */
describe('changing referrals and stays without a known end, in the browser', () => {
  let site: DemoSite;
  let browser: Browser;
  let coordinator: BrowserContext;
  let api: Awaited<ReturnType<typeof apiAs>>;
  const day = (days: number) => addDays(appClock().today(), days);

  before(async () => {
    [site, browser] = await Promise.all([startDemoSite(), launchBrowser()]);
    api = await apiAs(site, 'coordinator');
    coordinator = await browser.newContext();
    await signIn(await coordinator.newPage(), site, 'coordinator');
  });
  after(async () => {
    await browser?.close();
    await site?.close();
  });

  const refer = async (name: string, details: Record<string, unknown>, answers = triageAnswers()) => {
    const referral = await api<Referral>('POST', '/referrals', {
      referrerKind: 'gp',
      client: { name, dateOfBirth: '1939-03-03', postcode: '3262 GD' },
      consent: { given: true, by: name },
      ...details,
    });
    await api('POST', `/referrals/${referral.id}/triage`, { answers });
    return referral;
  };

  it('books a crisis without an end date for the expected two weeks, then extends and moves the stay on its page', async () => {
    // Arrival tomorrow: a same-day admission would also depend on the hour the test runs (admission hours).
    const crisis = await refer(
      'Crisis Zonder Einde',
      { kind: 'crisis', wishedArrival: day(1), urgency: 'within_48h', callbackPhone: '0186 123 456' },
      triageAnswers({ caregiver_dropped_out: true, dropout_duration: 'weeks' }),
    );
    const page = await coordinator.newPage();
    await page.goto(`${site.url}/aanmeldpunt/aanmeldingen/${crisis.id}`);
    await page.getByText('einde nog niet bekend, verwacht 14 nachten').waitFor();
    await page.getByText('0186 123 456').waitFor();
    await page.getByText(`Vrije plekken van ${formatDate(day(1))} tot ${formatDate(day(15))}, de beste eerst.`).waitFor();
    await page
      .getByRole('table', { name: 'Vrije plekken die passen' })
      .getByRole('row')
      .nth(1)
      .getByRole('button', { name: /^Boeken/ })
      .click();

    // The proposals make way for the booked stay, marked as open-ended.
    const stays = page.getByRole('table', { name: 'Verblijven van deze aanmelding' });
    await stays.getByText('(einde nog open)').waitFor();
    await page.getByRole('table', { name: 'Vrije plekken die passen' }).waitFor({ state: 'detached' });
    await assertAccessible(page, 'referral with an open-ended stay');
    await stays.getByRole('link', { name: /^Verblijf openen/ }).click();

    await page.getByText('De vertrekdatum is een verwachting: het einde is nog niet bekend.').waitFor();
    const before = (await page.getByRole('definition').filter({ hasText: ', ' }).first().textContent()) ?? '';
    // The end is known: a week longer, or up to the next stay or closure of the room in the demo data.
    const booked = await site.database.db
      .selectFrom('stay')
      .select(['id', 'unit_id', 'departure', 'stay_type'])
      .where('referral_id', '=', crisis.id)
      .executeTakeFirstOrThrow();
    // A spare room at the same location, so there is always somewhere to move to, whatever the demo's bookings that day.
    const room = await site.database.db
      .selectFrom('capacity_unit')
      .select('location_id')
      .where('id', '=', booked.unit_id)
      .executeTakeFirstOrThrow();
    await site.database.db
      .insertInto('capacity_unit')
      .values({
        location_id: room.location_id,
        name: 'Reservekamer',
        accepted_stay_types: [booked.stay_type],
        active_from: day(-1),
      })
      .execute();
    await page.reload();
    const next = await sql<{ start: string | null }>`
      SELECT to_char(min(start), 'YYYY-MM-DD') AS start FROM (
        SELECT starts_on AS start FROM unit_closure WHERE unit_id = ${booked.unit_id} AND ends_on > ${booked.departure}::date
        UNION ALL
        SELECT arrival FROM stay WHERE unit_id = ${booked.unit_id} AND id <> ${booked.id} AND arrival >= ${booked.departure}::date
          AND status IN ('hold', 'confirmed', 'arrived', 'departed')) blockers`.execute(site.database.db);
    const free = next.rows[0]?.start ?? day(22);
    const departure = free < day(22) ? free : day(22);
    assert.ok(departure > booked.departure, `room taken right after the stay (${free}): the demo data leave no night to extend into`);
    await page.getByLabel('Vertrek', { exact: true }).fill(departure);
    await page.getByRole('button', { name: 'Data opslaan' }).click();
    await page.getByText(`${formatDate(day(1))} – ${formatDate(departure)}`).waitFor();
    await page.getByText('Opgeslagen.').waitFor();

    const target = page.getByLabel('Vrije plek voor dezelfde data');
    const chosen = await target.locator('option').first().textContent();
    await page.getByRole('button', { name: 'Verplaatsen' }).click();
    await page
      .getByRole('definition')
      .filter({ hasText: chosen!.replace(/ \(.*\)$/, '') })
      .waitFor();
    assert.notEqual(before, chosen);
    await assertAccessible(page, 'stay page with dates and move');
    const stored = await site.database.db
      .selectFrom('stay')
      .select(['departure', 'open_ended'])
      .where('referral_id', '=', crisis.id)
      .executeTakeFirstOrThrow();
    assert.deepEqual([stored.departure, stored.open_ended], [departure, true]);
    await page.close();
  });

  it('shows which date is missing, lets the coordinator fill it in, and withdraws the referral after a confirmation', async () => {
    const respite = await refer('Datum Vergeten', { kind: 'respite_once', wishedArrival: day(40) });
    const page = await coordinator.newPage();
    await page.goto(`${site.url}/aanmeldpunt/aanmeldingen/${respite.id}`);
    await page.getByText(/ontbreekt de gewenste vertrekdatum of de verwachte duur/).waitFor();

    await page.getByRole('button', { name: 'Aanmelding wijzigen' }).click();
    const form = page.locator('section', { has: page.getByRole('heading', { name: 'Aanmelding wijzigen' }) });
    await form.getByLabel('Gewenste vertrek').fill(day(38));
    await form.getByRole('button', { name: 'Wijziging opslaan' }).click();
    // The refused field is marked beside it.
    await form.getByText('De vertrekdatum moet na de aankomstdatum liggen.').waitFor();
    await assertAccessible(page, 'change form with a field error');
    await form.getByLabel('Gewenste vertrek').fill(day(44));
    await form.getByLabel('Terugbelnummer').fill('06 12345678');
    await form.getByRole('button', { name: 'Wijziging opslaan' }).click();
    await page.getByText('De aanmelding is gewijzigd.').waitFor();
    await page.getByText(`Vrije plekken van ${formatDate(day(40))} tot ${formatDate(day(44))}, de beste eerst.`).waitFor();
    await page
      .getByRole('list')
      .getByText(/Aanmelding gewijzigd/)
      .waitFor();

    // The waiting list is open at any time, also with free places in view, after a confirmation.
    await page.getByRole('button', { name: 'Op de wachtlijst zetten' }).click();
    await page.getByText(/Op de wachtlijst zetten\? Er wordt nu niets geboekt/).waitFor();
    await page.getByRole('button', { name: 'Ja, op de wachtlijst' }).click();
    await page.getByText(/De aanmelding staat op de wachtlijst/).waitFor();
    await page.getByRole('definition').getByText('Op de wachtlijst', { exact: true }).waitFor();

    await page.getByRole('button', { name: 'Intrekken of afsluiten' }).click();
    await page.getByLabel('Reden', { exact: true }).fill('Mantelzorger heeft toch hulp van de buren');
    await page.getByRole('button', { name: 'Verder' }).click();
    await page
      .getByRole('alert')
      .getByText(/Weet u het zeker\? Intrekken/)
      .waitFor();
    await assertAccessible(page, 'withdraw confirmation');
    await page.getByRole('button', { name: 'Ja, doorgaan' }).click();
    await page.getByText('Ingetrokken', { exact: true }).waitFor();
    await page.getByText('Mantelzorger heeft toch hulp van de buren').waitFor();
    await page
      .getByRole('list')
      .getByText(/Aanmelding ingetrokken/)
      .waitFor();
    // Nothing left to change: no form, no proposals.
    assert.equal(await page.getByRole('button', { name: 'Aanmelding wijzigen' }).count(), 0);
    assert.equal(await page.getByRole('heading', { name: 'Voorstellen' }).count(), 0);
    await page.close();
  });

  it("plans a caregiver's tour request as an appointment at the location, without triage, and the provider sees it on its day", async () => {
    const db = site.database.db;
    const planner = await db
      .selectFrom('app_user')
      .select('organisation_id')
      .where('email', '=', demoAccount('provider_planner').email)
      .executeTakeFirstOrThrow();
    const location = await db
      .selectFrom('location')
      .select(['id', 'name'])
      .where('organisation_id', '=', planner.organisation_id!)
      .orderBy('name')
      .executeTakeFirstOrThrow();
    const anonymous = await fetch(`${site.url}/api/public/requests`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        kind: 'tour',
        locationId: location.id,
        client: { name: 'Riet Rondleiding', postcode: '3262 GD' },
        consent: true,
        caregiver: { name: 'Hans Rondleiding', relation: 'partner', phone: '06 87654321' },
      }),
    });
    const { reference } = (await anonymous.json()) as { reference: string };
    const referral = await db.selectFrom('referral').select('id').where('reference', '=', reference).executeTakeFirstOrThrow();

    const page = await coordinator.newPage();
    await page.goto(`${site.url}/aanmeldpunt/aanmeldingen/${referral.id}`);
    await page.getByRole('heading', { name: 'Afspraak plannen' }).waitFor();
    assert.equal(await page.getByRole('heading', { name: 'Triage' }).count(), 0, 'a tour needs no triage');
    assert.equal(await page.getByLabel('Locatie', { exact: true }).inputValue(), location.id, 'the location the caregiver chose');
    await page.getByLabel('Datum').fill(day(2));
    await page.getByLabel('Van (tijd)').fill('14:00');
    await page.getByLabel('Tot (tijd)').fill('13:00');
    await page.getByRole('button', { name: 'Afspraak plannen' }).click();
    await page.getByText('De eindtijd moet na de begintijd liggen.').waitFor();
    await page.getByLabel('Tot (tijd)').fill('15:00');
    await page.getByRole('button', { name: 'Afspraak plannen' }).click();
    await page.getByText('De afspraak is gepland.').waitFor();
    await page.getByRole('table', { name: 'Afspraken' }).getByText('14:00–15:00').waitFor();
    await assertAccessible(page, 'tour planned as an appointment');
    await page.close();

    const desk = await (await browser.newContext()).newPage();
    await signIn(desk, site, 'provider_planner');
    await desk.getByLabel('Andere dag').fill(day(2));
    await desk.getByRole('button', { name: 'Tonen' }).click();
    await desk.getByText(`14:00–15:00, ${location.name}: Rondleiding voor Riet Rondleiding (aanmelding ${reference})`).waitFor();
    await desk.getByText('Contact: Hans Rondleiding, 06 87654321').waitFor();
    await assertAccessible(desk, 'provider day with a tour');
  });
});
