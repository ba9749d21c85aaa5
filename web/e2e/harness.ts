import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { TOTP } from 'otpauth';
import { type Browser, type Page, chromium } from 'playwright-core';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../../src/demo/demo-accounts.ts';
import { seedDemo } from '../../src/demo/seed-demo.ts';
import { buildApp } from '../../src/http/app.ts';
import { DEFAULT_AUTH_SETTINGS } from '../../src/services/auth/auth-settings.ts';
import { createMailer } from '../../src/services/mail/mailer.ts';
import { sessionHeaders } from '../../src/testing/sessions.ts';
import { type TestDatabase, createTestDatabase } from '../../src/testing/test-database.ts';
import { appClock } from '../../src/clock.ts';

/**
 * End-to-end tests click through the real web application: the built pages (npm run build:web), served by the real
 * app on a real port, over the demo data on a fresh database, in Debian's Chromium driven by playwright-core.
 */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface DemoSite {
  url: string;
  database: TestDatabase;
  close(): Promise<void>;
}

/** The app on a fresh database: with the demo data, or (`seed: false`) empty, as a new region starts. */
export async function startDemoSite(options: { seed?: boolean } = {}): Promise<DemoSite> {
  const database = await createTestDatabase();
  if (options.seed !== false) await seedDemo(database.db, { today: appClock().today() });
  const app = await buildApp(
    {
      db: database.db,
      booking: { defaultHoldMinutes: 30 },
      auth: DEFAULT_AUTH_SETTINGS,
      mailer: createMailer(database.db, undefined),
    },
    { requestsPerMinute: 100_000 },
  );
  await app.listen({ host: '127.0.0.1', port: 0 });
  // localhost, not 127.0.0.1: Chromium keeps Secure cookies on http://localhost only.
  const url = `http://localhost:${(app.server.address() as AddressInfo).port}`;
  return {
    url,
    database,
    async close() {
      await app.close();
      await database.close();
    },
  };
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

export function demoAccount(role: (typeof DEMO_ACCOUNTS)[number]['role']) {
  const account = DEMO_ACCOUNTS.find((candidate) => candidate.role === role)!;
  return {
    email: account.email,
    password: DEMO_PASSWORD,
    code: () => new TOTP({ secret: account.totpSecret!, digits: 6, period: 30 }).generate(),
  };
}

/**
 * The policy viewer signs in with the password alone (the role reads no personal data) and opens the policy monitor
 * from the main menu.
 */
export async function openPolicyMonitorAsPolicyViewer(page: Page, site: DemoSite): Promise<void> {
  const account = demoAccount('policy_viewer');
  await page.goto(`${site.url}/inloggen`);
  await page.getByLabel('E-mailadres').fill(account.email);
  await page.getByLabel('Wachtwoord').fill(account.password);
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await page.getByRole('button', { name: 'Uitloggen' }).waitFor();
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Beleidscijfers' }).click();
  await page.getByRole('heading', { level: 1, name: 'Beleidscijfers' }).waitFor();
}

/** Signs in through the sign-in page, both steps, as a person would. */
export async function signIn(
  page: Page,
  site: DemoSite,
  role: 'coordinator' | 'referrer' | 'provider_planner' | 'administrator',
): Promise<void> {
  const account = demoAccount(role);
  await page.goto(`${site.url}/inloggen`);
  await page.getByLabel('E-mailadres').fill(account.email);
  await page.getByLabel('Wachtwoord').fill(account.password);
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await page.getByLabel('Code').fill(account.code());
  await page.getByRole('button', { name: 'Bevestigen' }).click();
  // Signed in once the header offers to sign out: only then may a test go to another address.
  await page.getByRole('button', { name: 'Uitloggen' }).waitFor();
}

const axeSource = readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * axe-core on the page as it is now: no serious or critical violation of WCAG 2.1 A/AA. Run through the browser's
 * debugging channel, so the page's own Content-Security-Policy stays in force.
 */
export async function assertAccessible(page: Page, what: string): Promise<void> {
  // Half a megabyte of script: evaluated once per loaded document, not once per check.
  if (!(await page.evaluate(() => 'axe' in globalThis))) await page.evaluate(await axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (
      globalThis as unknown as {
        axe: {
          run(
            context: unknown,
            options: unknown,
          ): Promise<{ violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[] }>;
        };
      }
    ).axe;
    // Only the violations are read: without resultTypes axe also collects every passing node, which costs time.
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      resultTypes: ['violations'],
    });
    return result.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      help: violation.help,
      nodes: violation.nodes.map((node) => node.target.join(' ')),
    }));
  });
  const serious = violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
  assert.deepEqual(serious, [], `${what}: ${JSON.stringify(serious, null, 2)}`);
}

/** The API as a signed-in person of a role, for setting up a situation a test then clicks through. */
export async function apiAs(site: DemoSite, role: 'coordinator' | 'referrer', organisationId: string | null = null) {
  const headers = await sessionHeaders(site.database.db, DEFAULT_AUTH_SETTINGS, { role, organisationId });
  return async <T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> => {
    const response = await fetch(`${site.url}/api${path}`, {
      method,
      headers: { ...headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const payload = await response.json();
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(payload)}`);
    return payload as T;
  };
}

/** A stable person who walks, at home, whose caregiver is tired: the rules advise planned respite (Wmo). Questions
 * that depend on another answer (the discharge date, how long the caregiver is away) are not asked here. */
export const RESPITE_ANSWERS: Record<string, string> = {
  from_hospital: 'false',
  needed_today: 'false',
  specialist_intervention: 'false',
  medically_stable: 'true',
  treatment_or_observation: 'false',
  unplanned_nursing: 'false',
  life_expectancy_short: 'false',
  rehabilitation_needed: 'false',
  return_home_expected: 'true',
  infection_isolation: 'false',
  adl_dependency: 'partial',
  mobility: 'walks',
  night_care: 'none',
  dementia: 'none',
  wandering: 'false',
  behaviour_problems: 'false',
  korsakov: 'false',
  psychiatric: 'false',
  addiction: 'false',
  wlz_status: 'none',
  caregiver_dropped_out: 'false',
  partner_stays_too: 'false',
  burden_tired: '2',
  burden_health: '1',
  burden_own_time: '2',
  burden_worry: '1',
  burden_relationship: '1',
};

/** An answer's input: the first option carries the question's own id (a missing answer focuses it), the others their code. */
export async function answer(page: Page, linkId: string, code: string): Promise<void> {
  const other = page.locator(`#q-${linkId}-${code}`);
  await ((await other.count()) > 0 ? other : page.locator(`#q-${linkId}`)).check();
}

/** In the coordinator's series planner: the first place where the whole series fits, as the demo's own bookings allow. */
export async function pickUnitWhereSeriesFits(page: Page): Promise<string> {
  const unitSelect = page.getByLabel('Plek', { exact: true });
  await unitSelect.locator('option').first().waitFor({ state: 'attached' });
  const stays = page.getByRole('table', { name: 'Verblijven van de reeks' });
  for (const option of await unitSelect.locator('option').all()) {
    const candidate = (await option.getAttribute('value'))!;
    await unitSelect.selectOption(candidate);
    await page.getByRole('button', { name: 'Controleren' }).click();
    await stays.waitFor();
    if ((await stays.getByText('Past niet').count()) + (await stays.getByText(/De plek is dan/).count()) === 0) return candidate;
  }
  assert.fail('no place where the series fits');
}
