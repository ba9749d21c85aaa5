/**
 * The occupancy board as the web benchmarks open it: a region of 200 units × 90 nights in a fresh database, the app
 * serving a web build, and one measured opening of the board in a fresh browser context. Shared by bench/web.ts
 * (against a plain table) and bench/web-ab.ts (against another build).
 */
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { appClock } from '../src/clock.ts';
import { addDays } from '../src/domain/dates.ts';
import type { StayType } from '../src/domain/stay-types.ts';
import { buildApp } from '../src/http/app.ts';
import { DEFAULT_AUTH_SETTINGS } from '../src/services/auth/auth-settings.ts';
import { createMailer } from '../src/services/mail/mailer.ts';
import { aClient, aLocation, aRegion, aUnit } from '../src/testing/fixtures.ts';
import { sessionHeaders } from '../src/testing/sessions.ts';
import type { createTestDatabase } from '../src/testing/test-database.ts';

export const UNITS = 200;
export const DAYS = 90;

type Db = Awaited<ReturnType<typeof createTestDatabase>>['db'];

/** A region of 200 units in 20 locations, about two thirds of the nights booked in stays of 3–21 nights. */
export async function seedBoard(db: Db): Promise<string> {
  const region = await aRegion(db, 'bench-region', 'Benchmarkregio');
  const stays: { unit_id: string; client_id: string; stay_type: StayType; arrival: string; departure: string; status: 'confirmed' }[] = [];
  let seed = 7;
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  for (let l = 0; l < 20; l++) {
    const location = await aLocation(db, region, {
      name: `Locatie ${String(l + 1).padStart(2, '0')}`,
      latitude: 51.8 + l / 100,
      longitude: 4.4,
    });
    for (let u = 0; u < UNITS / 20; u++) {
      const unit = await aUnit(db, location, { name: `Kamer ${u + 1}` });
      // A guest per unit: one guest never stays in two places the same night (stay_client_no_overlap).
      const client = await aClient(db);
      for (let day = -5; day < DAYS; ) {
        const nights = 3 + Math.floor(random() * 19);
        if (random() < 0.68)
          stays.push({
            unit_id: unit,
            client_id: client,
            stay_type: 'respite',
            arrival: addDays(appClock().today(), day),
            departure: addDays(appClock().today(), day + nights),
            status: 'confirmed',
          });
        day += nights;
      }
    }
  }
  for (let i = 0; i < stays.length; i += 500)
    await db
      .insertInto('stay')
      .values(stays.slice(i, i + 500))
      .execute();
  return region;
}

/** The app as src/main.ts builds it, serving the web build in `webRoot` (its own when not given), on a free port. */
export async function startBoardApp(db: Db, webRoot?: string): Promise<{ url: string; close(): Promise<unknown> }> {
  const app = await buildApp(
    { db, booking: { defaultHoldMinutes: 30 }, auth: DEFAULT_AUTH_SETTINGS, mailer: createMailer(db, undefined), webRoot },
    { requestsPerMinute: 1_000_000 },
  );
  await app.listen({ host: '127.0.0.1', port: 0 });
  return { url: `http://localhost:${(app.server.address() as AddressInfo).port}`, close: () => app.close() };
}

/** A coordinator's session, made in the database, as the browser cookie openBoard signs in with. */
export async function coordinatorCookie(db: Db): Promise<{ name: string; value: string }> {
  const session = await sessionHeaders(db, DEFAULT_AUTH_SETTINGS, { role: 'coordinator' });
  const [name, value] = session.cookie!.split('=') as [string, string];
  return { name, value };
}

/**
 * Opens the board of `region` by its address in a fresh browser context (viewport 1440×900) signed in with `cookie`,
 * and gives the time from navigation start to the first frame after the board rendered (the page's 'board-rendered'
 * mark), with the page for further questions. The caller closes the page's context.
 */
export async function openBoard(
  browser: Browser,
  url: string,
  cookie: { name: string; value: string },
  region: string,
): Promise<{ ms: number; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  await context.addCookies([{ ...cookie, url }]);
  const page = await context.newPage();
  await page.goto(`${url}/bezetting?regio=${region}&dagen=${DAYS}`);
  await page.waitForFunction(() => performance.getEntriesByName('board-rendered').length > 0, undefined, { timeout: 30_000 });
  const cells = await page.locator('.adempauze-board__table tbody td').count();
  if (cells !== UNITS * DAYS) throw new Error(`the board shows ${cells} cells, not ${UNITS * DAYS}`);
  return { ms: await page.evaluate(() => performance.getEntriesByName('board-rendered')[0]!.startTime), page };
}
