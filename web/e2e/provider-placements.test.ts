import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import type { Browser, Page } from 'playwright-core';
import { addDays } from '../../src/domain/dates.ts';
import { triageAnswers } from '../../src/testing/fixtures.ts';
import { type DemoSite, apiAs, assertAccessible, demoAccount, launchBrowser, signIn, startDemoSite } from './harness.ts';
import { appClock } from '../../src/clock.ts';

/** Issue 13, the provider's side: placements accepted or declined with a reason, the staff note, closing over a booked guest. */
describe('a provider answers proposed placements and closes a room with a booked guest, in the browser', () => {
  let site: DemoSite;
  let browser: Browser;
  let planner: Page;
  const proposals: { name: string; stayId: string; referralId: string; reference: string }[] = [];

  before(async () => {
    [site, browser] = await Promise.all([startDemoSite(), launchBrowser()]);
    const api = await apiAs(site, 'coordinator');
    const db = site.database.db;
    // Two free respite rooms of the demo planner's organisation, half a year ahead.
    const from = addDays(appClock().today(), 180);
    const to = addDays(from, 4);
    const rooms = await sql<{ id: string }>`
      SELECT u.id FROM capacity_unit u JOIN location l ON l.id = u.location_id JOIN app_user a ON a.organisation_id = l.organisation_id
       WHERE a.email = ${demoAccount('provider_planner').email} AND 'respite' = ANY (u.accepted_stay_types) AND u.reserved_for IS NULL
         AND u.kind = 'bed' AND u.active_from <= ${from}::date AND (u.active_until IS NULL OR u.active_until >= ${to}::date)
         AND NOT EXISTS (SELECT 1 FROM stay s WHERE s.unit_id = u.id AND s.period && daterange(${from}::date, ${to}::date)
                           AND s.status IN ('hold', 'confirmed', 'arrived', 'departed'))
         AND NOT EXISTS (SELECT 1 FROM unit_closure c WHERE c.unit_id = u.id AND c.period && daterange(${from}::date, ${to}::date))
       ORDER BY u.id LIMIT 2`.execute(db);
    assert.equal(rooms.rows.length, 2, "two free rooms at the planner's locations");
    for (const [i, name] of ['Aaltje Aangenomen', 'Bart Afgewezen'].entries()) {
      const referral = await api<{ id: string; reference: string }>('POST', '/referrals', {
        kind: 'respite_once',
        referrerKind: 'gp',
        client: { name, dateOfBirth: '1937-07-07', postcode: '3262 GD' },
        consent: { given: true, by: name },
        providerNote: i === 0 ? 'Slechtziend: spreek haar eerst aan' : undefined,
      });
      await api('POST', `/referrals/${referral.id}/triage`, { answers: triageAnswers() });
      const held = await api<{ id: string }>('POST', `/referrals/${referral.id}/stays`, {
        unitId: rooms.rows[i]!.id,
        stayType: 'respite',
        arrival: from,
        departure: to,
        status: 'hold',
        holdMinutes: 240,
      });
      proposals.push({ name, stayId: held.id, referralId: referral.id, reference: referral.reference });
    }
    planner = await (await browser.newContext()).newPage();
    await signIn(planner, site, 'provider_planner');
  });
  after(async () => {
    await browser?.close();
    await site?.close();
  });

  it('shows the proposals with the time to answer, the staff note in the handover, and books the accepted one', async () => {
    await planner.getByRole('navigation', { name: 'Zorgaanbieder' }).getByRole('link', { name: 'Voorgestelde plaatsingen' }).click();
    await planner.getByRole('heading', { level: 1, name: 'Voorgestelde plaatsingen' }).waitFor();
    const card = planner.locator('li', { has: planner.getByRole('heading', { name: 'Aaltje Aangenomen' }) });
    await card.getByText(/Antwoord vóór/).waitFor();
    await assertAccessible(planner, 'proposed placements');
    await card.getByRole('link', { name: 'Wat de gast nodig heeft' }).click();
    await planner.getByText('Slechtziend: spreek haar eerst aan').waitFor();
    await planner.goBack();
    await card.getByRole('button', { name: 'Aannemen: Aaltje Aangenomen' }).click();
    await planner.getByText(/Aangenomen: Aaltje Aangenomen komt op/).waitFor();
    const stay = await site.database.db
      .selectFrom('stay')
      .select('status')
      .where('id', '=', proposals[0]!.stayId)
      .executeTakeFirstOrThrow();
    assert.equal(stay.status, 'confirmed');
  });

  it('declines the other with a reason, which the central point reads; the place is free again', async () => {
    const card = planner.locator('li', { has: planner.getByRole('heading', { name: 'Bart Afgewezen' }) });
    await card.getByRole('button', { name: 'Afwijzen: Bart Afgewezen' }).click();
    await card.getByRole('button', { name: 'Afwijzing versturen' }).click();
    await card.locator('.utrecht-form-field-error-message').waitFor();
    await card.getByLabel('Waarom past het niet?').fill('Geen tillift beschikbaar die week');
    await card.getByRole('button', { name: 'Afwijzing versturen' }).click();
    await planner.getByText('Afgewezen. Het aanmeldpunt zoekt een andere plek voor Bart Afgewezen.').waitFor();
    await planner.getByText('Er wachten geen plaatsingen op uw antwoord.').waitFor();

    const api = await apiAs(site, 'coordinator');
    const referral = await api<{ status: string }>('GET', `/referrals/${proposals[1]!.referralId}`);
    assert.equal(referral.status, 'triaged');
    const notices = await api<{ title: string; body: string }[]>('GET', '/notifications');
    const told = notices.find((notice) => notice.title === `Plaatsing afgewezen: aanmelding ${proposals[1]!.reference}`);
    assert.match(told!.body, /Reden: Geen tillift beschikbaar die week/);
  });

  it('asks about a booked guest before closing a room, moves the guest to a free room, and closes', async () => {
    const db = site.database.db;
    // A guest booked in a room of the planner's own, eight months ahead, and another room of the same location free then.
    const from = addDays(appClock().today(), 240);
    const to = addDays(from, 3);
    const rooms = await sql<{ id: string; name: string; location_id: string; location: string }>`
      SELECT u.id, u.name, u.location_id, l.name AS location FROM capacity_unit u JOIN location l ON l.id = u.location_id
        JOIN app_user a ON a.organisation_id = l.organisation_id
       WHERE a.email = ${demoAccount('provider_planner').email} AND 'respite' = ANY (u.accepted_stay_types) AND u.reserved_for IS NULL AND u.kind = 'bed'
         AND u.active_from <= ${from}::date AND (u.active_until IS NULL OR u.active_until >= ${to}::date)
         AND NOT EXISTS (SELECT 1 FROM stay s WHERE s.unit_id = u.id AND s.period && daterange(${from}::date, ${to}::date)
                           AND s.status IN ('hold', 'confirmed', 'arrived', 'departed'))
         AND NOT EXISTS (SELECT 1 FROM unit_closure c WHERE c.unit_id = u.id AND c.period && daterange(${from}::date, ${to}::date))
       ORDER BY l.name, u.name`.execute(db);
    const byLocation = Map.groupBy(rooms.rows, (room) => room.location_id);
    const pair = [...byLocation.values()].find((list) => list.length >= 2);
    assert.ok(pair, 'a location with two free rooms');
    const [room] = pair;
    const guest = await db.insertInto('client').values({ name: 'Gijs Verhuisd', pc4: '3262' }).returning('id').executeTakeFirstOrThrow();
    const api = await apiAs(site, 'coordinator');
    const booked = await api<{ id: string }>('POST', '/stays', {
      unitId: room!.id,
      clientId: guest.id,
      stayType: 'respite',
      arrival: from,
      departure: to,
      status: 'confirmed',
    });

    await planner.goto(`${site.url}/zorgaanbieder/locaties`);
    const form = planner
      .getByRole('form', { name: 'Een plek sluiten of de opname stoppen' })
      .filter({ has: planner.getByRole('option', { name: room!.name, exact: true }) })
      .first();
    await form.getByLabel('Wat gaat dicht?').selectOption({ label: room!.name });
    await form.getByLabel('Reden').selectOption({ label: 'Onderhoud' });
    await form.getByLabel('Dicht vanaf').fill(from);
    await form.getByLabel('Weer open op').fill(to);
    await form.getByLabel('Toelichting').fill('Lekkage in de badkamer');
    await form.getByRole('button', { name: 'Sluiten' }).click();
    await form.getByText('Let op: in deze periode is 1 gast geboekt. Kies per gast wat er gebeurt voordat u sluit.').waitFor();
    await assertAccessible(planner, 'closing over a booked guest');
    const choice = form.getByLabel('Wat gebeurt er met Gijs Verhuisd?');
    const target = await choice.locator('option').nth(1).getAttribute('value');
    await choice.selectOption(target!);
    await form.getByRole('button', { name: 'Sluiten' }).click();
    await form.getByText('1 gast is verplaatst.').waitFor();
    const moved = await db.selectFrom('stay').select(['unit_id', 'status']).where('id', '=', booked.id).executeTakeFirstOrThrow();
    assert.deepEqual([moved.unit_id, moved.status], [target, 'confirmed']);
    const closure = await db
      .selectFrom('unit_closure')
      .select('unit_id')
      .where('note', '=', 'Lekkage in de badkamer')
      .executeTakeFirstOrThrow();
    assert.equal(closure.unit_id, room!.id);
  });
});
