/**
 * Screenshots of the main screens for docs/screenshots/, taken from the real app with the demo data in Debian's
 * Chromium: `npm run screenshots` (builds the web application first). Each shot is named after its screen.
 */
import { mkdir } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { addDays } from '../src/domain/dates.ts';
import { triageAnswers } from '../src/testing/fixtures.ts';
import { RESPITE_ANSWERS, apiAs, launchBrowser, signIn, startDemoSite } from '../web/e2e/harness.ts';
import { appClock } from '../src/clock.ts';

const OUT = 'docs/screenshots';

async function shot(page: Page, name: string, fullPage = false): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page.screenshot({ path: `${OUT}/${name}.png`, fullPage });
  console.log(`${OUT}/${name}.png`);
}

async function main(): Promise<void> {
  await mkdir(OUT, { recursive: true });
  const [site, browser] = await Promise.all([startDemoSite(), launchBrowser()]);
  try {
    const api = await apiAs(site, 'coordinator');
    const first = addDays(appClock().today(), 35);
    const referral = await api<{ id: string }>('POST', '/referrals', {
      kind: 'respite_recurring',
      referrerKind: 'casemanager_dementia',
      recurrence: 'FREQ=WEEKLY;INTERVAL=2;COUNT=4',
      client: { name: 'Wim van Dijk', dateOfBirth: '1941-03-14', postcode: '3262 GD' },
      caregiver: { name: 'Truus van Dijk', relation: 'partner', phone: '0612345678' },
      wishedArrival: first,
      wishedDeparture: addDays(first, 4),
      consent: { given: true, by: 'Wim van Dijk' },
      message: 'Mevrouw is uitgeput; meneer wil graag naar een plek dicht bij huis.',
    });
    const untriaged = await api<{ id: string }>('POST', '/referrals', {
      kind: 'respite_once',
      referrerKind: 'gp',
      client: { name: 'Jannie de Boer', dateOfBirth: '1938-06-01', postcode: '3262 GD' },
      wishedArrival: addDays(appClock().today(), 20),
      wishedDeparture: addDays(appClock().today(), 27),
      consent: { given: true, by: 'Jannie de Boer' },
    });
    await api('POST', `/referrals/${referral.id}/triage`, { answers: triageAnswers({ burden_tired: '2', burden_worry: '2' }) });

    const visitor = await browser.newPage({ locale: 'nl-NL', viewport: { width: 1280, height: 860 } });
    await visitor.goto(site.url);
    await shot(visitor, 'public-home');
    await visitor.goto(`${site.url}/locaties`);
    await visitor
      .getByRole('link', { name: /Zoomwijck/ })
      .first()
      .click();
    await visitor.getByRole('table').first().waitFor();
    await shot(visitor, 'public-location-calendar', true);
    await visitor.goto(`${site.url}/aanvragen`);
    await shot(visitor, 'public-request-form');
    const phone = await browser.newPage({ locale: 'nl-NL', viewport: { width: 390, height: 844 } });
    await phone.goto(`${site.url}/locaties`);
    await shot(phone, 'public-locations-phone');

    const coordinator = await browser.newPage({ locale: 'nl-NL', viewport: { width: 1440, height: 900 } });
    await coordinator.goto(`${site.url}/inloggen`);
    await shot(coordinator, 'sign-in');
    await signIn(coordinator, site, 'coordinator');
    await coordinator.getByRole('table').waitFor();
    await shot(coordinator, 'coordinator-inbox');
    await coordinator.goto(`${site.url}/aanmeldpunt/aanmeldingen/${untriaged.id}`);
    await coordinator.getByText(/Nog \d+ vragen/).waitFor();
    for (const [linkId, code] of Object.entries({
      ...RESPITE_ANSWERS,
      mobility: 'walker',
      dementia: 'mild',
      wandering: 'true',
      night_care: 'supervision',
      burden_worry: '2',
    })) {
      const other = coordinator.locator(`#q-${linkId}-${code}`);
      await ((await other.count()) > 0 ? other : coordinator.locator(`#q-${linkId}`)).check();
    }
    await coordinator.locator('#q-dementia').scrollIntoViewIfNeeded();
    await shot(coordinator, 'coordinator-triage-live-conclusion');
    await coordinator.goto(`${site.url}/aanmeldpunt/aanmeldingen/${referral.id}`);
    await coordinator.getByRole('table', { name: 'Vrije plekken die passen' }).waitFor();
    await coordinator.getByRole('heading', { name: 'Voorstellen' }).scrollIntoViewIfNeeded();
    await shot(coordinator, 'coordinator-proposals');
    await coordinator.getByRole('button', { name: 'Controleren' }).click();
    await coordinator.getByRole('table', { name: 'Verblijven van de reeks' }).waitFor();
    await coordinator.getByRole('heading', { name: 'Kalender van de reeks' }).scrollIntoViewIfNeeded();
    await shot(coordinator, 'coordinator-series-planner');
    await coordinator.goto(`${site.url}/bezetting?dagen=56`);
    await coordinator.getByRole('grid').waitFor();
    await coordinator.getByRole('grid').locator('td.adempauze-board__cell--free').first().click();
    await shot(coordinator, 'board');
    await coordinator.goto(`${site.url}/aanmeldpunt/wachtlijst`);
    await shot(coordinator, 'coordinator-waiting-list');

    for (const [path, name, role] of [
      ['/zorgaanbieder/locaties', 'provider-workspace', 'provider_planner'],
      ['/beleid', 'policy-monitor', null],
      ['/beleid/capaciteit', 'capacity-planner', null],
      ['/beleid/mkba', 'mkba', null],
    ] as const) {
      const page = await browser.newPage({ locale: 'nl-NL', viewport: { width: 1440, height: 900 } });
      if (role) await signIn(page, site, role);
      else {
        await page.goto(`${site.url}/inloggen`);
        await page.getByLabel('E-mailadres').fill('beleid@adempauze.demo');
        await page.getByLabel('Wachtwoord').fill('logeren-in-de-regio');
        await page.getByRole('button', { name: 'Inloggen' }).click();
        await page.getByRole('button', { name: 'Uitloggen' }).waitFor();
      }
      await page.goto(`${site.url}${path}`);
      await page.getByRole('heading', { level: 1 }).waitFor();
      await page.waitForTimeout(500);
      await shot(page, name);
    }
  } finally {
    await browser.close();
    await site.close();
  }
}

await main();
