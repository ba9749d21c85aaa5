import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { addDays, isoWeekday } from '../../src/domain/dates.ts';
import { type DemoSite, assertAccessible, launchBrowser, signIn, startDemoSite } from './harness.ts';
import { triageAnswers } from '../../src/testing/fixtures.ts';
import { appClock } from '../../src/clock.ts';

const LOCATION = 'Wijkpension Zoomwijck (De Open Waard)';
/** A 1×1 PNG: the smallest real image. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
const GUEST = 'Jannie van der Linden';

/** A stable guest who walks with a walker, needs some help and eats low-salt: planned respite (Wmo). */
const ANSWERS = triageAnswers({ mobility: 'walker', dementia: 'mild', diet: 'Zoutarm', burden_tired: '2', burden_own_time: '2' });

/** A call to the API from a signed-in page, with the session's CSRF token, as the web application makes it. */
async function apiAs<T>(page: Page, method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> {
  return page.evaluate(
    async ({ method, path, body }) => {
      const session = await (await fetch('/api/auth/session')).json();
      const response = await fetch(`/api${path}`, {
        method,
        headers: { 'content-type': 'application/json', 'x-csrf-token': session.csrfToken },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      return { status: response.status, body: response.status === 204 ? null : await response.json() };
    },
    { method, path, body },
  ) as Promise<{ status: number; body: T }>;
}

interface GridUnit {
  unitId: string;
  unitName: string;
  locationName: string;
  states: string[];
  occupations: { kind: string; from: string; to: string; closureId: string | null }[];
}

describe('a provider planner receives a guest and closes a unit, in the browser', () => {
  let site: DemoSite;
  let browser: Browser;
  let coordinator: Page;
  let planner: BrowserContext;
  const nextMonday = addDays(appClock().today(), 8 - isoWeekday(appClock().today()));
  const weekAfter = addDays(nextMonday, 7);
  const nextWeek = async () => {
    const grid = await apiAs<{ units: GridUnit[] }>(
      coordinator,
      'GET',
      `/availability/grid?regionId=hoeksche-waard&from=${nextMonday}&to=${weekAfter}`,
    );
    assert.equal(grid.status, 200);
    return grid.body.units.filter((unit) => unit.locationName === LOCATION);
  };

  before(async () => {
    [site, browser] = await Promise.all([startDemoSite(), launchBrowser()]);
    // One sign-in per account for the file: a code from the authenticator app works once (replay protection).
    coordinator = await (await browser.newContext()).newPage();
    await signIn(coordinator, site, 'coordinator');

    // The central point refers, triages and books a guest who arrives at Alerimus today, as it would for a real one.
    const search = await apiAs<{ free: { unitId: string; organisationName: string }[] }>(
      coordinator,
      'GET',
      `/availability/search?regionId=hoeksche-waard&arrival=${appClock().today()}&departure=${addDays(appClock().today(), 1)}&stayType=respite`,
    );
    let unitId = search.body.free.find((unit) => unit.organisationName === 'Alerimus')?.unitId;
    if (!unitId) {
      // The generated year fills the pension some days; then the guest gets an extra room, so the test does not depend on the date.
      const location = await site.database.db.selectFrom('location').select('id').where('name', '=', LOCATION).executeTakeFirstOrThrow();
      unitId = (
        await site.database.db
          .insertInto('capacity_unit')
          .values({
            location_id: location.id,
            name: 'Logeerkamer extra',
            accepted_stay_types: ['respite'],
            active_from: addDays(appClock().today(), -1),
          })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
    }
    const referral = await apiAs<{ id: string }>(coordinator, 'POST', '/referrals', {
      kind: 'respite_once',
      referrerKind: 'gp',
      client: { name: GUEST, dateOfBirth: '1939-02-11', postcode: '3262 GD' },
      caregiver: { name: 'Ria van der Linden', relation: 'child', phone: '06 11223344' },
      consent: { given: true, by: GUEST },
    });
    assert.equal(referral.status, 201, JSON.stringify(referral.body));
    const triage = await apiAs(coordinator, 'POST', `/referrals/${referral.body.id}/triage`, { answers: ANSWERS });
    assert.equal(triage.status, 201, JSON.stringify(triage.body));
    const stay = await apiAs(coordinator, 'POST', `/referrals/${referral.body.id}/stays`, {
      unitId,
      stayType: 'respite',
      arrival: appClock().today(),
      departure: addDays(appClock().today(), 1),
      status: 'confirmed',
    });
    assert.equal(stay.status, 201, JSON.stringify(stay.body));

    planner = await browser.newContext();
  });
  after(async () => {
    await browser?.close();
    await site?.close();
  });

  it("lands on today's arrivals after signing in with the second factor, and records an arrival with the keyboard", async () => {
    const page = await planner.newPage();
    await signIn(page, site, 'provider_planner');
    await page.getByRole('heading', { level: 1, name: 'Vandaag: aankomst en vertrek' }).waitFor();
    assert.match(page.url(), /\/zorgaanbieder$/);
    await page.getByRole('heading', { level: 2, name: LOCATION }).waitFor();
    await page.getByRole('link', { name: new RegExp(GUEST) }).waitFor();
    await assertAccessible(page, "today's arrivals and departures");

    const arrived = page.getByRole('button', { name: `Aangekomen: ${GUEST}` });
    await arrived.focus();
    await page.keyboard.press('Enter');
    await page.getByText(`${GUEST} is aangekomen.`).waitFor();
    await page.getByText('Status: Logé is er').waitFor();
    assert.equal(await page.getByRole('button', { name: `Aangekomen: ${GUEST}` }).count(), 0, 'nothing left to record for the guest');
    await assertAccessible(page, 'today after recording the arrival');
    await page.close();
  });

  it("opens the guest's handover: the care needs from triage and the caregiver to call, nothing of the caregiver's burden", async () => {
    const page = await planner.newPage();
    await page.goto(`${site.url}/zorgaanbieder`);
    await page.getByRole('link', { name: new RegExp(GUEST) }).click();
    await page.getByRole('heading', { level: 1, name: `Overdracht: ${GUEST}` }).waitFor();
    await page.getByText('Loopt met rollator').waitFor();
    await page.getByText('Deels hulp nodig').waitFor();
    await page.getByText('Lichte dementie').waitFor();
    await page.getByText('Zoutarm').waitFor();
    await page.getByRole('link', { name: '06 11223344' }).waitFor();
    const text = await page.locator('main').innerText();
    assert.ok(!/belast|mantelzorger is moe/i.test(text), 'the caregiver burden stays with the central point');
    await assertAccessible(page, 'handover');
    await page.close();
  });

  it('closes a unit for next week with a reason: a mistake first, shown beside its field, then the closure on the board', async () => {
    const page = await planner.newPage();
    await page.goto(`${site.url}/zorgaanbieder`);
    await page.getByRole('navigation', { name: 'Zorgaanbieder' }).getByRole('link', { name: 'Locaties en plekken' }).click();
    await page.getByRole('heading', { level: 1, name: 'Locaties en plekken' }).waitFor();
    await page.getByRole('table', { name: `Plekken van ${LOCATION}` }).waitFor();
    await assertAccessible(page, 'locations and units');

    // A unit with nobody booked next week, if there is one: a booked night shows as booked, not as closed.
    const units = await nextWeek();
    const closedUnit = (units.find((unit) => unit.states.every((state) => state === 'free')) ?? units[0]!).unitName;
    const form = page.getByRole('form', { name: 'Een plek sluiten of de opname stoppen' });
    await form.getByLabel('Wat gaat dicht?').selectOption({ label: closedUnit });
    await form.getByLabel('Reden').selectOption({ label: 'Onderhoud' });
    await form.getByLabel('Dicht vanaf').fill(weekAfter);
    await form.getByLabel('Weer open op').fill(nextMonday);
    await form.getByLabel('Toelichting').fill('Nieuwe vloer in de badkamer');
    await form.getByRole('button', { name: 'Sluiten' }).click();
    const reopenField = form.getByLabel('Weer open op');
    await form.getByText('Kies een datum na de eerste dag dat het dicht is.').waitFor();
    assert.equal(await reopenField.getAttribute('aria-invalid'), 'true');
    await assertAccessible(page, 'close form with a mistake');

    await form.getByLabel('Dicht vanaf').fill(nextMonday);
    await form.getByLabel('Weer open op').fill(weekAfter);
    await form.getByLabel('Wat gaat dicht?').selectOption({ label: closedUnit });
    await form.getByLabel('Reden').selectOption({ label: 'Onderhoud' });
    await form.getByLabel('Toelichting').fill('Nieuwe vloer in de badkamer');
    await form.getByRole('button', { name: 'Sluiten' }).click();
    // When every unit has someone booked next week, the form asks about those guests first (provider-placements.test.ts).
    const asked = form.getByText(/Kies per gast wat er gebeurt/);
    await form.getByText(`${closedUnit} is dicht van`).or(asked).waitFor();
    if ((await asked.count()) > 0) await form.getByRole('button', { name: 'Sluiten' }).click();
    await form.getByText(`${closedUnit} is dicht van`).waitFor();
    const listed = page
      .locator('.adempauze-provider-closures li', { hasText: `Onderhoud: ${closedUnit}` })
      .filter({ hasText: 'Nieuwe vloer in de badkamer' });
    await listed.waitFor();
    await listed.getByRole('button', { name: /^Weer openen/ }).waitFor();
    await assertAccessible(page, 'locations with the new closure');

    // The board reads the grid: the central point sees the unit closed for exactly those nights.
    const unit = (await nextWeek()).find((candidate) => candidate.unitName === closedUnit)!;
    assert.ok(
      unit.occupations.some((o) => o.kind === 'closed' && o.from === nextMonday && o.to === weekAfter && o.closureId),
      JSON.stringify(unit.occupations),
    );
    assert.ok(
      unit.states.every((state) => state === 'closed' || state === 'booked' || state === 'hold'),
      unit.states.join(),
    );

    // And on the board page itself: the planner's own row, "closed" on every night of next week nobody was booked.
    const board = await planner.newPage();
    await board.goto(`${site.url}/bezetting?regio=hoeksche-waard`);
    const row = board.getByRole('grid').locator('tr', { has: board.locator('th', { hasText: `${LOCATION}, ${closedUnit}` }) });
    await row.waitFor();
    const firstColumn = (Date.parse(nextMonday) - Date.parse(appClock().today())) / 86_400_000;
    for (const [night, state] of unit.states.entries()) {
      if (state === 'closed')
        assert.equal(
          await row
            .locator('td')
            .nth(firstColumn + night)
            .getAttribute('aria-label'),
          'Dicht',
          `night ${night}`,
        );
    }
    await board.close();
    await page.close();
  });

  it('takes a unit out for want of staff until an expected date, shown as such on the board, and admits again', async () => {
    const today = appClock().today();
    // Four weeks, and the unit with the most free nights in them: a guest's night shows as booked, not as "no staff".
    const expectedEnd = addDays(today, 28);
    const grid = await apiAs<{ units: GridUnit[] }>(
      coordinator,
      'GET',
      `/availability/grid?regionId=hoeksche-waard&from=${today}&to=${expectedEnd}`,
    );
    const freeNights = (candidate: GridUnit) => candidate.states.filter((state) => state === 'free').length;
    const unit = grid.body.units
      .filter((candidate) => candidate.locationName === LOCATION)
      .sort((a, b) => freeNights(b) - freeNights(a))[0]!;
    assert.ok(freeNights(unit) > 0, 'the demo pension has a free night in the coming four weeks');

    const page = await planner.newPage();
    await page.goto(`${site.url}/zorgaanbieder/locaties`);
    const form = page.getByRole('form', { name: 'Tijdelijk geen gasten opnemen' });
    await form.getByLabel('Welke plekken?').selectOption({ label: unit.unitName });
    await form.getByLabel('Waarom niet?').selectOption({ label: 'Te weinig personeel' });
    await form.getByLabel('Verwacht weer opname vanaf').fill(today);
    await form.getByRole('button', { name: 'Geen opname' }).click();
    await form.getByText('Kies een datum na de eerste dag dat het dicht is.').waitFor();
    await form.getByLabel('Verwacht weer opname vanaf').fill(expectedEnd);
    await form.getByRole('button', { name: 'Geen opname' }).click();
    await form.getByText(`${unit.unitName} neemt tot`).waitFor();
    const listed = page.locator('.adempauze-provider-closures li', { hasText: `${unit.unitName}: Te weinig personeel` });
    await listed.waitFor();
    await assertAccessible(page, 'locations with a unit not admitting');

    const after = await apiAs<{ units: GridUnit[] }>(
      coordinator,
      'GET',
      `/availability/grid?regionId=hoeksche-waard&from=${today}&to=${expectedEnd}`,
    );
    const states = after.body.units.find((candidate) => candidate.unitId === unit.unitId)!.states;
    // A night already booked, held or closed for a planned reason keeps showing that (closed weighs more than no staff).
    assert.ok(
      states.every((state) => ['not_admitting', 'booked', 'hold', 'closed'].includes(state)),
      states.join(),
    );
    assert.ok(states.includes('not_admitting'), states.join());

    const board = await planner.newPage();
    await board.goto(`${site.url}/bezetting?regio=hoeksche-waard`);
    const row = board.getByRole('grid').locator('tr', { has: board.locator('th', { hasText: `${LOCATION}, ${unit.unitName}` }) });
    await row.waitFor();
    const night = states.indexOf('not_admitting');
    assert.equal(await row.locator('td').nth(night).getAttribute('aria-label'), 'Geen opname (personeel)');
    await board.getByRole('list', { name: 'Uitleg van de kleuren' }).getByText('Geen opname (personeel)').waitFor();
    await board.close();

    await listed.getByRole('button', { name: `We nemen weer op: ${unit.unitName}` }).click();
    await page.getByText(`Vanaf vandaag weer opname: ${unit.unitName}.`).waitFor();
    await page.close();
  });

  it("keeps the location's details current, and what it writes about itself shows on the public page", async () => {
    const page = await planner.newPage();
    await page.goto(`${site.url}/zorgaanbieder/locaties`);
    const details = page.locator('details', { hasText: 'Gegevens van de locatie wijzigen' });
    await details.locator('summary').click();
    const form = details.getByRole('form', { name: `Gegevens van de locatie wijzigen: ${LOCATION}` });
    await form.getByLabel('Aankomst vanaf (maandag)').fill('10:00');
    await form.getByLabel('Aankomst tot (maandag)').fill('09:00');
    await form.getByRole('button', { name: 'Gegevens opslaan' }).click();
    await form.locator('.utrecht-form-field-error-message').first().waitFor();
    await form.getByLabel('Aankomst tot (maandag)').fill('16:00');
    await form.getByLabel('Beschrijving (niet verplicht)').fill('Een appartementencomplex midden in het dorp, vlak bij de haven.');
    await form.getByLabel('Thuisgevoel (niet verplicht)').fill('We koken elke dag vers en drinken koffie in de tuin.');
    await form.getByRole('button', { name: 'Gegevens opslaan' }).click();
    await page.getByText(`De gegevens van ${LOCATION} zijn opgeslagen.`).waitFor();
    await assertAccessible(page, 'location details saved');

    const photos = page.locator('details', { hasText: "Foto's voor de openbare pagina" });
    await photos.locator('summary').click();
    await photos.getByLabel('Foto', { exact: true }).setInputFiles({ name: 'tuin.png', mimeType: 'image/png', buffer: PNG });
    await photos.getByLabel('Wat is er op de foto te zien?').fill('De tuin met een bank onder de appelboom');
    await photos.getByRole('button', { name: 'Foto toevoegen' }).click();
    await photos.getByText('De foto is toegevoegd.').waitFor();
    await photos.getByRole('img', { name: 'De tuin met een bank onder de appelboom' }).waitFor();

    const id = await site.database.db.selectFrom('location').select('id').where('name', '=', LOCATION).executeTakeFirstOrThrow();
    const visitor = await browser.newPage();
    await visitor.goto(`${site.url}/locaties/${id.id}`);
    await visitor.getByText('Een appartementencomplex midden in het dorp, vlak bij de haven.').waitFor();
    await visitor.getByRole('heading', { level: 2, name: 'Thuisgevoel' }).waitFor();
    await visitor.getByText('We koken elke dag vers en drinken koffie in de tuin.').waitFor();
    const photo = visitor.getByRole('img', { name: 'De tuin met een bank onder de appelboom' });
    await photo.waitFor();
    assert.ok(await photo.evaluate((image: HTMLImageElement) => image.complete && image.naturalWidth === 1), 'the image itself loads');
    await assertAccessible(visitor, 'public profile with its texts');
    await visitor.close();
    await page.close();
  });

  it('takes a unit out of use only after its booked guest has been moved to a unit chosen from the free ones', async () => {
    const db = site.database.db;
    const location = await db.selectFrom('location').select('id').where('name', '=', LOCATION).executeTakeFirstOrThrow();
    // Two new rooms: one to retire, and one surely free to move its guest to, whatever the demo has booked then.
    const [unit] = await db
      .insertInto('capacity_unit')
      .values(
        ['Kamer Tijdelijk', 'Kamer Reserve'].map((name) => ({
          location_id: location.id,
          name,
          accepted_stay_types: ['respite'],
          active_from: addDays(appClock().today(), -1),
        })),
      )
      .returning('id')
      .execute();
    const client = await db.insertInto('client').values({ name: 'Gast Tijdelijk', pc4: '3262' }).returning('id').executeTakeFirstOrThrow();
    const booked = await apiAs<{ id: string }>(coordinator, 'POST', '/stays', {
      unitId: unit!.id,
      clientId: client.id,
      stayType: 'respite',
      arrival: addDays(appClock().today(), 40),
      departure: addDays(appClock().today(), 42),
      status: 'confirmed',
    });
    assert.equal(booked.status, 201, JSON.stringify(booked.body));

    const page = await planner.newPage();
    await page.goto(`${site.url}/zorgaanbieder/locaties`);
    const retire = page.locator('details', { hasText: 'Een plek uit gebruik nemen' });
    await retire.locator('summary').click();
    const form = retire.getByRole('form', { name: 'Uit gebruik nemen: Kamer Tijdelijk' });
    await form.getByLabel('Niet meer in gebruik vanaf (Kamer Tijdelijk)').fill(addDays(appClock().today(), 30));
    await form.getByRole('button', { name: 'Uit gebruik nemen' }).click();
    const move = form.getByLabel(/^Verplaatsen naar/);
    await move.waitFor();
    await assertAccessible(page, 'retire refused with the guest to move');
    const target = await move.locator('option').nth(1).getAttribute('value');
    await move.selectOption(target!);
    await form.getByRole('button', { name: 'Uit gebruik nemen' }).click();
    await form.getByText('1 verblijf verplaatst; Kamer Tijdelijk is niet meer in gebruik vanaf').waitFor();
    const moved = await apiAs<{ unitId: string }>(coordinator, 'GET', `/stays/${booked.body.id}`);
    assert.equal(moved.body.unitId, target);
    await page.close();
  });

  it('shows the tariffs in euros, Dutch style, and works in English and on a phone', async () => {
    const page = await planner.newPage();
    await page.setViewportSize({ width: 375, height: 740 });
    await page.goto(`${site.url}/zorgaanbieder/tarieven`);
    const table = page.getByRole('table', { name: `Tarieven per nacht van ${LOCATION}` });
    await table.waitFor();
    // Logeerzorg at Zoomwijck: € 80 housing and € 70 stay, € 150 a night (the pilot report).
    const respite = table.getByRole('row', { name: /Logeerzorg/ });
    await respite.getByText(/€\s150,00/).waitFor();
    await assertAccessible(page, 'tariffs');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(overflow <= 0, `the page scrolls sideways on a phone by ${overflow}px (only a wide table may, inside its own box)`);

    await page.getByRole('button', { name: 'Switch to English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Tariffs' }).waitFor();
    // English really English: months by their English names (the order and the euros stay Dutch).
    const english = await page.locator('main').innerText();
    assert.match(english, /\b(January|February|March|April|May|June|July|August|September|October|November|December)\b/);
    assert.doesNotMatch(english, /\b(januari|februari|maart|mei|juni|juli|augustus|oktober)\b/);
    await page.getByRole('navigation', { name: 'Care provider' }).getByRole('link', { name: 'Today' }).click();
    await page.getByRole('heading', { level: 1, name: 'Today: arrivals and departures' }).waitFor();
    await assertAccessible(page, 'today in English on a phone');
    await page.getByRole('button', { name: 'Schakel naar Nederlands' }).click();
    await page.close();
  });
});
