import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext } from 'playwright-core';
import { addDays } from '../../src/domain/dates.ts';
import { type DemoSite, RESPITE_ANSWERS, answer, apiAs, assertAccessible, launchBrowser, signIn, startDemoSite } from './harness.ts';
import { appClock } from '../../src/clock.ts';
import { formatDate } from '../src/i18n/format.ts';

/** Issue 14: triage version 2 in the browser, and a placement that breaks a care need only with a coordinator's reason. */
describe('triage v2 and care needs, in the browser', () => {
  let site: DemoSite;
  let browser: Browser;
  let coordinator: BrowserContext;
  const day = (days: number) => addDays(appClock().today(), days);

  before(async () => {
    [site, browser] = await Promise.all([startDemoSite(), launchBrowser()]);
    coordinator = await browser.newContext();
    await signIn(await coordinator.newPage(), site, 'coordinator');
    // Two rooms of our own near Oud-Beijerland, free whatever the demo's bookings: a secured one and a plain one.
    const db = site.database.db;
    const region = await db.selectFrom('region_postcode').select('region_id').where('pc4', '=', '3262').executeTakeFirstOrThrow();
    const organisation = await db.selectFrom('organisation').select('id').limit(1).executeTakeFirstOrThrow();
    for (const [name, features] of [
      ['Testhof', ['secured_unit', 'dementia_specialised']],
      ['Testpension', []],
    ] as const) {
      const location = await db
        .insertInto('location')
        .values({
          organisation_id: organisation.id,
          region_id: region.region_id,
          name,
          street: 'Teststraat',
          house_number: '1',
          postcode: '3262 AA',
          city: 'Oud-Beijerland',
          pc4: '3262',
          latitude: 51.82,
          longitude: 4.41,
          features: [...features],
          admission_hours: '[]',
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await db
        .insertInto('capacity_unit')
        .values({ location_id: location.id, name: `${name} kamer`, accepted_stay_types: ['respite'], active_from: day(-1) })
        .execute();
    }
  });
  after(async () => {
    await browser?.close();
    await site?.close();
  });

  it('triages a night-wandering guest leaving hospital: a secured unit, no 24-hour nursing; a plain room only with a reason', async () => {
    const api = await apiAs(site, 'coordinator');
    const referral = await api<{ id: string; reference: string }>('POST', '/referrals', {
      kind: 'respite_once',
      referrerKind: 'hospital_transfer',
      wishedArrival: day(60),
      wishedDeparture: day(67),
      client: { name: 'Willem Dwaalt', dateOfBirth: '1938-08-08', postcode: '3262 GD' },
      consent: { given: true, by: 'Willem Dwaalt' },
    });
    const page = await coordinator.newPage();
    await page.goto(`${site.url}/aanmeldpunt/aanmeldingen/${referral.id}`);
    await page.getByRole('heading', { level: 1, name: `Aanmelding ${referral.reference}` }).waitFor();

    for (const [linkId, code] of Object.entries(RESPITE_ANSWERS)) await answer(page, linkId, code);
    await answer(page, 'from_hospital', 'true');
    // A question that depends on another answer appears, here a date.
    await page.getByLabel('Op welke dag gaat de persoon uit het ziekenhuis?').fill(day(60));
    await answer(page, 'dementia', 'mild');
    await answer(page, 'wandering', 'true');
    await answer(page, 'night_care', 'supervision');
    const conclusion = page.locator('.adempauze-triage__conclusion');
    await conclusion.getByText('Gesloten afdeling (bij dwaalgedrag)').waitFor();
    await conclusion.getByText(`Plek nodig vanaf`).waitFor();
    await conclusion
      .getByText(formatDate(day(60)))
      .first()
      .waitFor();
    assert.equal(await conclusion.getByText('24 uur per dag verpleging aanwezig').count(), 0, 'supervision at night is no nursing');
    await assertAccessible(page, 'triage v2 with its conclusion');
    await page.getByRole('button', { name: 'Triage opslaan' }).click();
    await page.getByText('De triage is opgeslagen.').waitFor();

    // Only places with a secured unit are proposed; the plain room is listed apart, with what it lacks.
    const proposals = page.getByRole('table', { name: 'Vrije plekken die passen' });
    await proposals.getByRole('rowheader', { name: /Testhof/ }).waitFor();
    assert.equal(await proposals.getByRole('rowheader', { name: /Testpension/ }).count(), 0);
    const nearMisses = page.getByRole('table', { name: 'Vrije plekken die iets missen' });
    const plain = nearMisses.getByRole('row').filter({ has: page.getByRole('rowheader', { name: /Testpension/ }) });
    await plain.getByRole('cell', { name: 'Gesloten afdeling (bij dwaalgedrag)' }).waitFor();
    await assertAccessible(page, 'proposals with near misses');

    await plain.getByRole('button', { name: /^Toch boeken/ }).click();
    const reason = page.getByLabel('Waarom is dit toch de beste plek?');
    await reason.fill('kort');
    await page.getByRole('button', { name: 'Toch boeken met deze reden' }).click();
    // The server's message, beside the field.
    await page
      .locator('[data-error-field="featureOverride.reason"]')
      .getByText(/minstens 5/)
      .waitFor();
    await assertAccessible(page, 'an override reason that is too short');
    await reason.fill('Zoon slaapt de eerste nachten mee; Testhof te ver voor zijn vader');
    await page.getByRole('button', { name: 'Toch boeken met deze reden' }).click();

    const stays = page.getByRole('table', { name: 'Verblijven van deze aanmelding' });
    await stays
      .getByText('Geboekt op een plek die niet alles biedt wat de logé nodig heeft. Reden: Zoon slaapt de eerste nachten mee')
      .waitFor();
    await assertAccessible(page, 'referral with an overridden placement');
    const stay = await site.database.db
      .selectFrom('stay')
      .select(['required_features', 'feature_override_reason', 'feature_override_by'])
      .where('referral_id', '=', referral.id)
      .executeTakeFirstOrThrow();
    assert.deepEqual(stay.required_features, ['secured_unit']);
    assert.ok(stay.feature_override_by, 'who decided is kept');
    await page.close();
  });

  it("lets an administrator set a municipality's entitlements", async () => {
    const page = await (await browser.newContext()).newPage();
    await signIn(page, site, 'administrator');
    await page.goto(`${site.url}/beheer/rechten`);
    await page.getByRole('heading', { level: 1, name: 'Rechten per gemeente' }).waitFor();
    await page.getByLabel('Gemeente', { exact: true }).fill('Hoeksche Waard');
    await page.getByLabel('Crisisopname: hoogstens (nachten)').fill('veertien');
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await page.locator('[data-error-field="crisisMaxNights"]').getByText(/getal/).waitFor();
    await page.getByLabel('Crisisopname: hoogstens (nachten)').fill('14');
    await page.getByLabel('Logeerzorg: nachten per jaar').fill('30');
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await page.getByText('Opgeslagen voor Hoeksche Waard.').waitFor();
    const row = page
      .getByRole('table', { name: 'Rechten per gemeente' })
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: 'Hoeksche Waard' }) });
    await row.getByRole('cell', { name: '30 nachten' }).waitFor();
    await assertAccessible(page, 'entitlements per municipality');
    await page.close();
  });
});
