import { join, resolve } from 'node:path';
import type pg from 'pg';
import { FULL_SCALE, QUICK_SCALE } from './generate.ts';

/** What one run of `npm run bench` measures and how much of it (bench/run.ts). */
export interface Settings {
  mode: 'full' | 'quick';
  scale: typeof FULL_SCALE;
  search: { warmup: number; queries: number; breakdown: number; whatIf: number };
  booking: { units: number; regions: number; requests: number; days: number; warmupUnits: number; warmupRequests: number };
  sweep: { pools: number[]; units: number; requests: number } | null;
  defaultPool: number;
  profile: boolean;
  out: string;
}

/** Used when the sweep is skipped (--no-sweep); --pool=N forces a size. */
const DEFAULT_POOL = 32;

export function parseSettings(argv: string[]): Settings {
  const quick = argv.includes('--quick');
  const flag = (name: string) => argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
  const pool = flag('pool') ? Number(flag('pool')) : undefined;
  const noSweep = argv.includes('--no-sweep') || pool !== undefined;
  const resultsDir = join(import.meta.dirname, 'results');
  const out = resolve(flag('out') ?? join(resultsDir, quick ? 'latest-quick.json' : 'latest.json'));
  if (quick) {
    return {
      mode: 'quick',
      scale: QUICK_SCALE,
      search: { warmup: 50, queries: 300, breakdown: 100, whatIf: 150 },
      // Same ratio of requests to hot units as the full run, so a similar share of the requests conflicts.
      booking: { units: 208, regions: 1, requests: 6000, days: 365, warmupUnits: 64, warmupRequests: 500 },
      sweep: noSweep ? null : { pools: [20, 64], units: 52, requests: 1500 },
      defaultPool: pool ?? DEFAULT_POOL,
      profile: argv.includes('--profile'),
      out,
    };
  }
  return {
    mode: 'full',
    scale: FULL_SCALE,
    search: { warmup: 200, queries: 2000, breakdown: 300, whatIf: 600 },
    // ~29 requests per hot unit over a year of arrivals: about 38% of the requests hit a taken period.
    booking: { units: 688, regions: 4, requests: 20_000, days: 365, warmupUnits: 128, warmupRequests: 1500 },
    sweep: noSweep ? null : { pools: [20, 32, 48, 64], units: 104, requests: 3000 },
    defaultPool: pool ?? DEFAULT_POOL,
    profile: argv.includes('--profile'),
    out,
  };
}

/** What every phase of a run shares: its settings, its day, its own database on the server, and the clean-up list. */
export interface BenchRun {
  settings: Settings;
  today: string;
  bench: { url: string };
  admin: pg.Client;
  onCleanup(step: () => Promise<void>): void;
}
