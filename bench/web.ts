/**
 * Web benchmark: how fast the occupancy board first renders with 200 units × 90 nights in headless Chromium, and
 * how much JavaScript the web application ships. Baseline in the same run: the same grid as a plain HTML table
 * without React or script, served as a page by a plain HTTP server on this machine and timed the same way (navigation
 * start to the first frame that shows it) — the floor of what the browser needs to fetch and lay out 18 000 cells.
 * Writes bench/results/web.json. Run after `npm run build:web`: `npm run bench:web`. With BENCH_TIMELINE=1 each run
 * also logs the page's marks and every request with its start and end (diagnosis only).
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { cpus } from 'node:os';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { AddressInfo } from 'node:net';
import { addDays } from '../src/domain/dates.ts';
import { buildApp } from '../src/http/app.ts';
import { WEB_ROOT } from '../src/http/routes/web.routes.ts';
import { DEFAULT_AUTH_SETTINGS } from '../src/services/auth/auth-settings.ts';
import { createMailer } from '../src/services/mail/mailer.ts';
import { aClient, aLocation, aRegion, aUnit } from '../src/testing/fixtures.ts';
import { sessionHeaders } from '../src/testing/sessions.ts';
import { createTestDatabase } from '../src/testing/test-database.ts';
import { launchBrowser } from '../web/e2e/harness.ts';
import { log } from './log.ts';
import { percentile, round2 } from './stats.ts';
import { appClock } from '../src/clock.ts';
import type { StayType } from '../src/domain/stay-types.ts';

const UNITS = 200;
const DAYS = 90;
const RUNS = process.argv.includes('--quick') ? 3 : Number(process.env.BENCH_RUNS ?? 7);
const TARGET_MS = 1000;
const JS_BUDGET_KB = 350;

async function jsGzipKb(): Promise<number> {
  const assets = resolve(WEB_ROOT, 'assets');
  let bytes = 0;
  for (const file of (await readdir(assets)).filter((name) => name.endsWith('.js'))) {
    bytes += gzipSync(await readFile(resolve(assets, file)), { level: 9 }).length;
  }
  return round2(bytes / 1024);
}

/** A region of 200 units in 20 locations, about two thirds of the nights booked in stays of 3–21 nights. */
async function seedBoard(db: Awaited<ReturnType<typeof createTestDatabase>>['db']): Promise<string> {
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

function staticTable(): string {
  const header = `<tr><th></th>${Array.from({ length: DAYS }, (_, d) => `<th>${addDays(appClock().today(), d)}</th>`).join('')}</tr>`;
  const row = (u: number) =>
    `<tr><th>Kamer ${u}</th>${Array.from({ length: DAYS }, (_, d) => `<td class="c${(u + d) % 3}" aria-label="vrij"></td>`).join('')}</tr>`;
  return `<!doctype html><style>td{width:1.5rem;height:1.75rem}.c0{background:#dff0e3}.c1{background:#1f4e79}</style><table>${header}${Array.from({ length: UNITS }, (_, u) => row(u)).join('')}</table>`;
}

async function main(): Promise<void> {
  const database = await createTestDatabase();
  const region = await seedBoard(database.db);
  const app = await buildApp(
    { db: database.db, booking: { defaultHoldMinutes: 30 }, auth: DEFAULT_AUTH_SETTINGS, mailer: createMailer(database.db, undefined) },
    { requestsPerMinute: 1_000_000 },
  );
  await app.listen({ host: '127.0.0.1', port: 0 });
  const url = `http://localhost:${(app.server.address() as AddressInfo).port}`;
  const session = await sessionHeaders(database.db, DEFAULT_AUTH_SETTINGS, { role: 'coordinator' });
  const [name, value] = session.cookie!.split('=') as [string, string];
  const table = staticTable();
  const tableServer = createServer((_request, response) =>
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(table),
  );
  await new Promise<void>((listening) => tableServer.listen(0, '127.0.0.1', listening));
  const tableUrl = `http://localhost:${(tableServer.address() as AddressInfo).port}/`;
  const browser = await launchBrowser();
  try {
    const board: number[] = [];
    const baseline: number[] = [];
    const gridTimes: { requested: number; arrived: number }[] = [];
    for (let run = 0; run < RUNS; run++) {
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
      await context.addCookies([{ name, value, url }]);
      const page = await context.newPage();
      await page.goto(`${url}/bezetting?regio=${region}&dagen=${DAYS}`);
      await page.waitForFunction(() => performance.getEntriesByName('board-rendered').length > 0, undefined, { timeout: 30_000 });
      const cells = await page.locator('.adempauze-board__table tbody td').count();
      if (cells !== UNITS * DAYS) throw new Error(`the board shows ${cells} cells, not ${UNITS * DAYS}`);
      board.push(await page.evaluate(() => performance.getEntriesByName('board-rendered')[0]!.startTime));
      // Where the board's time goes: when the grid's data was asked for and when it had arrived.
      const grid = await page.evaluate(() => {
        const entry = performance.getEntriesByType('resource').find((e) => e.name.includes('/api/availability/grid')) as
          | PerformanceResourceTiming
          | undefined;
        return entry ? { requested: entry.startTime, arrived: entry.responseEnd } : null;
      });
      if (grid) gridTimes.push(grid);
      if (process.env.BENCH_TIMELINE)
        log(
          JSON.stringify(
            await page.evaluate(() =>
              [...performance.getEntriesByType('mark'), ...performance.getEntriesByType('resource')].map((e) => [
                e.name.replace(/^https?:\/\/[^/]+/, '').slice(0, 50),
                Math.round(e.startTime),
                Math.round((e as PerformanceResourceTiming).responseEnd),
              ]),
            ),
          ),
        );

      // The same cells as a plain page from a plain server, measured the same way: navigation start to the first
      // frame after the table is in the page.
      await page.goto(tableUrl);
      baseline.push(await page.evaluate(() => new Promise<number>((done) => requestAnimationFrame(() => done(performance.now())))));
      await context.close();
      log(
        `run ${run + 1}/${RUNS}: board ${round2(board.at(-1)!)} ms (grid asked at ${round2(gridTimes.at(-1)?.requested ?? NaN)}, arrived at ${round2(gridTimes.at(-1)?.arrived ?? NaN)}), static table ${baseline.at(-1)} ms`,
      );
    }
    const result = {
      board_first_render_ms: round2(percentile(board, 50)),
      js_gzip_kb: await jsGzipKb(),
      baseline_static_table_ms: round2(percentile(baseline, 50)),
      board_vs_static_table: round2(percentile(board, 50) / percentile(baseline, 50)),
      board_breakdown_ms: {
        grid_requested: round2(
          percentile(
            gridTimes.map((time) => time.requested),
            50,
          ),
        ),
        grid_arrived: round2(
          percentile(
            gridTimes.map((time) => time.arrived),
            50,
          ),
        ),
        note: 'medians from navigation start: the page, its script and the session come before the grid is asked for; the render after it arrived',
      },
      targets: { board_first_render_ms: TARGET_MS, js_gzip_kb: JS_BUDGET_KB },
      runs: RUNS,
      board_runs_ms: board.map(round2),
      grid: { units: UNITS, days: DAYS },
      measured:
        'median over runs of the time from navigation start to the first frame after the board rendered (performance mark after React committed the cells), fresh browser context each run, viewport 1440×900; the static table the same way, from its own navigation',
      machine: { cpus: cpus().length, cpu: cpus()[0]?.model ?? 'unknown', node: process.version },
      at: new Date().toISOString(),
    };
    const out = process.argv.includes('--quick') ? 'bench/results/web-quick.json' : 'bench/results/web.json';
    await writeFile(out, `${JSON.stringify(result, null, 2)}\n`);
    console.log(JSON.stringify(result, null, 2));
  } finally {
    await browser.close();
    tableServer.close();
    await app.close();
    await database.close();
  }
}

await main();
