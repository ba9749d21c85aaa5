/**
 * The board's first render with this web build against another one, on one machine, in one run: the two builds are
 * served by two apps on the same database and opened in turns (the order alternates each round), so drift and noise
 * on this 2-core machine fall on both alike. The answer is the paired difference per round, not two medians taken
 * minutes apart. Build the other web first, e.g. for commit C:
 *   git worktree add /tmp/other C && ln -s "$PWD/node_modules" /tmp/other/ && (cd /tmp/other && npm run build:web)
 *   npm run bench:web-ab -- /tmp/other/web/dist [--rounds=15]
 * Writes bench/results/web-ab.json.
 */
import { writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { WEB_ROOT } from '../src/http/routes/web.routes.ts';
import { createTestDatabase } from '../src/testing/test-database.ts';
import { launchBrowser } from '../web/e2e/harness.ts';
import { log } from './log.ts';
import { percentile, round2 } from './stats.ts';
import { coordinatorCookie, openBoard, seedBoard, startBoardApp } from './web-board.ts';

const other = process.argv.slice(2).find((arg) => !arg.startsWith('--'));
const rounds = Number(process.argv.find((arg) => arg.startsWith('--rounds='))?.slice('--rounds='.length) ?? 15);
if (!other || !existsSync(resolve(other, 'index.html')) || !Number.isInteger(rounds) || rounds < 1) {
  console.error('usage: npm run bench:web-ab -- <other web/dist with index.html> [--rounds=15]');
  process.exit(2);
}

const database = await createTestDatabase();
const region = await seedBoard(database.db);
const builds = { this: await startBoardApp(database.db, WEB_ROOT), other: await startBoardApp(database.db, resolve(other)) };
const cookie = await coordinatorCookie(database.db);
const browser = await launchBrowser();
try {
  const times = { this: [] as number[], other: [] as number[] };
  for (let round = 0; round < rounds; round++) {
    for (const build of round % 2 ? (['other', 'this'] as const) : (['this', 'other'] as const)) {
      const { ms, page } = await openBoard(browser, builds[build].url, cookie, region);
      times[build].push(ms);
      await page.context().close();
    }
    log(`round ${round + 1}/${rounds}: this build ${round2(times.this.at(-1)!)} ms, the other ${round2(times.other.at(-1)!)} ms`);
  }
  const differences = times.this.map((ms, round) => ms - times.other[round]!);
  const result = {
    this_build_median_ms: round2(percentile(times.this, 50)),
    other_build_median_ms: round2(percentile(times.other, 50)),
    paired_difference_median_ms: round2(percentile(differences, 50)),
    rounds_this_build_faster: differences.filter((difference) => difference < 0).length,
    rounds,
    other_build: resolve(other),
    measured:
      "board's first render (bench/web-board.ts openBoard), the two builds in turns, order alternating per round; difference = this − other",
    at: new Date().toISOString(),
  };
  await writeFile('bench/results/web-ab.json', `${JSON.stringify(result, null, 2)}\n`);
  console.log(JSON.stringify(result, null, 2));
} finally {
  await browser.close();
  await builds.this.close();
  await builds.other.close();
  await database.close();
}
