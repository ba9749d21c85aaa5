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
import { WEB_ROOT } from '../src/http/routes/web.routes.ts';
import { createTestDatabase } from '../src/testing/test-database.ts';
import { launchBrowser } from '../web/e2e/harness.ts';
import { log } from './log.ts';
import { percentile, round2 } from './stats.ts';
import { appClock } from '../src/clock.ts';
import { DAYS, UNITS, coordinatorCookie, openBoard, seedBoard, startBoardApp } from './web-board.ts';

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

function staticTable(): string {
  const header = `<tr><th></th>${Array.from({ length: DAYS }, (_, d) => `<th>${addDays(appClock().today(), d)}</th>`).join('')}</tr>`;
  const row = (u: number) =>
    `<tr><th>Kamer ${u}</th>${Array.from({ length: DAYS }, (_, d) => `<td class="c${(u + d) % 3}" aria-label="vrij"></td>`).join('')}</tr>`;
  return `<!doctype html><style>td{width:1.5rem;height:1.75rem}.c0{background:#dff0e3}.c1{background:#1f4e79}</style><table>${header}${Array.from({ length: UNITS }, (_, u) => row(u)).join('')}</table>`;
}

async function main(): Promise<void> {
  const database = await createTestDatabase();
  const region = await seedBoard(database.db);
  const app = await startBoardApp(database.db);
  const url = app.url;
  const cookie = await coordinatorCookie(database.db);
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
      const { ms, page } = await openBoard(browser, url, cookie, region);
      board.push(ms);
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
      await page.context().close();
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
