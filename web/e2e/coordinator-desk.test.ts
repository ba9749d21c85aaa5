import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext } from 'playwright-core';
import { addDays } from '../../src/domain/dates.ts';
import { ensureAftercare } from '../../src/services/aftercare.service.ts';
import { createMailer } from '../../src/services/mail/mailer.ts';
import { triageAnswers } from '../../src/testing/fixtures.ts';
import { type DemoSite, apiAs, assertAccessible, launchBrowser, signIn, startDemoSite } from './harness.ts';
import { appClock } from '../../src/clock.ts';

interface Referral {
  id: string;
  reference: string;
  clientId: string;
}

describe('the coordinator desk: waiting list, batch allocation, aftercare, notifications and the survey, in the browser', () => {
  let site: DemoSite;
  let browser: Browser;
  let coordinator: BrowserContext;
  let refer: (name: string, arrivalInDays: number, email?: string) => Promise<Referral>;

  before(async () => {
    [site, browser] = await Promise.all([startDemoSite(), launchBrowser()]);
    const api = await apiAs(site, 'coordinator');
    refer = async (name, arrivalInDays, email) => {
      const referral = await api<Referral>('POST', '/referrals', {
        kind: 'respite_once',
        referrerKind: 'gp',
        client: { name, dateOfBirth: '1940-01-01', postcode: '3262 GD' },
        caregiver: { name: `Mantelzorger van ${name}`, relation: 'child', ...(email ? { email } : { phone: '0612345678' }) },
        wishedArrival: addDays(appClock().today(), arrivalInDays),
        wishedDeparture: addDays(appClock().today(), arrivalInDays + 4),
        consent: { given: true, by: name },
      });
      await api('POST', `/referrals/${referral.id}/triage`, { answers: triageAnswers() });
      return referral;
    };
    coordinator = await browser.newContext();
    await signIn(await coordinator.newPage(), site, 'coordinator');
  });
  after(async () => {
    await browser?.close();
    await site?.close();
  });

  it('shows the waiting list and holds the batch allocation of everything pending', async () => {
    const waiting = await refer('Wachtende Logé', 50);
    const api = await apiAs(site, 'coordinator');
    await api('POST', `/referrals/${waiting.id}/wait`, {});
    const page = await coordinator.newPage();
    await page.goto(site.url);
    await page.getByRole('link', { name: 'Wachtlijst' }).click();
    await page.getByRole('table', { name: 'Wachtende aanmeldingen' }).getByRole('link', { name: waiting.reference }).waitFor();
    const plan = page.getByRole('table', { name: 'Verdeling: Beste verdeling' });
    await plan.getByRole('rowheader', { name: waiting.reference }).waitFor();
    await assertAccessible(page, 'waiting list');
    await page.getByRole('button', { name: 'Deze plekken vasthouden' }).click();
    await page.getByRole('status').filter({ hasText: 'vastgehouden' }).waitFor();
    const held = await site.database.db.selectFrom('stay').select('status').where('referral_id', '=', waiting.id).execute();
    assert.deepEqual(
      held.map((stay) => stay.status),
      ['hold'],
    );
    await page.close();
  });

  it('lets the caregiver answer the survey by its link, and the coordinator finish the aftercare call', async () => {
    const email = 'mantelzorger@voorbeeld.nl';
    const referral = await refer('Vertrokken Logé', 30, email);
    // The stay is over: as if it was booked, arrived and departed last week.
    const unit = await site.database.db
      .selectFrom('capacity_unit')
      .select('id')
      .where('name', '=', 'Appartement 1A')
      .executeTakeFirstOrThrow();
    await site.database.db
      .insertInto('stay')
      .values({
        unit_id: unit.id,
        client_id: referral.clientId,
        referral_id: referral.id,
        stay_type: 'respite',
        arrival: addDays(appClock().today(), -400),
        departure: addDays(appClock().today(), -396),
        status: 'departed',
      })
      .execute();
    assert.equal(await ensureAftercare(site.database.db, createMailer(site.database.db, undefined), site.url), 1);
    const mail = await site.database.db.selectFrom('mail_message').select('body').where('recipient', '=', email).executeTakeFirstOrThrow();
    const link = /Voor u: (\S+)/.exec(mail.body)![1]!;

    const caregiver = await browser.newPage();
    await caregiver.goto(link);
    await caregiver.getByRole('heading', { level: 1, name: 'Hoe was het logeren?' }).waitFor();
    await assertAccessible(caregiver, 'survey');
    await caregiver.getByRole('button', { name: 'Versturen' }).click();
    await caregiver.getByText('Kies een cijfer van 1 tot 5.').first().waitFor();
    for (const group of await caregiver.getByRole('group').all()) await group.getByLabel('4', { exact: true }).check();
    await caregiver.getByLabel('Wilt u nog iets zeggen? (niet verplicht)').fill('Fijn verblijf, vriendelijke mensen.');
    await caregiver.getByRole('button', { name: 'Versturen' }).click();
    await caregiver.getByText('Dank u wel! Uw antwoorden zijn ontvangen.').waitFor();
    await caregiver.close();

    const page = await coordinator.newPage();
    await page.goto(`${site.url}/aanmeldpunt/taken`);
    const task = page.locator('form', { hasText: referral.reference });
    await task.waitFor();
    await assertAccessible(page, 'aftercare tasks');
    await task.getByLabel('Notitie van het gesprek (niet verplicht)').fill('Gebeld, alles goed.');
    await task.getByRole('button', { name: 'Afgerond' }).click();
    await page.getByText('De taak is afgerond. De aanmelding is gesloten.').waitFor();
    const closed = await site.database.db.selectFrom('referral').select('status').where('id', '=', referral.id).executeTakeFirstOrThrow();
    assert.equal(closed.status, 'closed');

    await page.getByRole('link', { name: 'Meldingen', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Meldingen' }).waitFor();
    // A notice about this referral (made here as the notification service makes them, tested in notifications.test.ts)
    // names the client and leads to the referral.
    await site.database.db
      .insertInto('notification')
      .values({
        role: 'coordinator',
        kind: 'change',
        title: `Verblijf gewijzigd: aanmelding ${referral.reference}`,
        body: 'De data zijn gewijzigd.',
        referral_id: referral.id,
      })
      .execute();
    await page.reload();
    const toReferral = page.getByRole('link', { name: `Aanmelding ${referral.reference} openen` });
    await toReferral.waitFor();
    await page.getByText('Over: Vertrokken Logé').waitFor();
    await assertAccessible(page, 'notifications');
    await toReferral.click();
    await page.getByRole('heading', { level: 1, name: new RegExp(referral.reference) }).waitFor();
    await page.close();
  });
});
