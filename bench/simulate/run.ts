/**
 * npm run bench:simulate [-- --quick] [--seed=N] [--out=path]
 *
 *   --quick     a quarter instead of a year (under 2 minutes), same keys; writes bench/results/simulation-quick.json
 *   --seed=N    the demand's seed (default: the demo's, 2019)
 *   --out=path  where to write the JSON (stdout always gets it); the PNG goes beside it
 *   --optimum-every-year  also the offline optimum in the eight robustness years (about 30 minutes more on 2 cores)
 *
 * One year of requests for a temporary stay in the six demo regions (bench/simulate/demand.ts, calibration in
 * bench/README.md), on exactly the demo registry's capacity, run through three policies: the access point's online
 * matching (`adempauze`), the phone round without it (`phone_round`) and the offline optimum with perfect foresight
 * (`offline_optimum`); `adempauze_greedy` is the access point without the batch solver, for comparison. Every
 * outcome is checked against the hard constraints before it is counted. Progress goes to stderr.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { DEFAULT_DEMO_SEED } from '../../src/demo/generate-year.ts';
import { addDays } from '../../src/domain/dates.ts';
import { NO_BED_KM, OUTSIDE_REGION_KM } from '../../src/domain/matching/referral-allocation.ts';
import { elapsedSeconds, log } from '../log.ts';
import { round2 } from '../stats.ts';
import { adempauze } from './adempauze.ts';
import { NEEDLESS_FLEXIBILITY_KM } from '../../src/domain/matching/day-allocation.ts';
import type { Placement } from './calendar.ts';
import { calibrationNotes, demandSummary } from './calibration.ts';
import { CHART_FIGURES, chartPng } from './chart.ts';
import { violations } from './check.ts';
import { expectedFlows, generateDemand, type SimRequest } from './demand.ts';
import { figures, type PolicyFigures, totalCost } from './metrics.ts';
import { type OptimumLimits, offlineOptimum } from './offline-optimum.ts';
import { phoneRound } from './phone-round.ts';
import { WAIT_KM_PER_DAY } from './rules.ts';
import { buildWorld, type World } from './world.ts';

interface Settings {
  mode: 'full' | 'quick';
  seed: number;
  /** Days of the year simulated and measured. */
  days: number;
  optimum: OptimumLimits;
  /** Further years for the online policies only: how much one year's figures depend on its draw. */
  extraSeeds: number[];
  /** The offline optimum in the robustness years too: issue 18 compares the eight-year means with it. */
  optimumEveryYear: boolean;
  out: string;
}

const WARMUP_DAYS = 42;
const round4 = (value: number) => Math.round(value * 10_000) / 10_000;
const RESULTS = join(import.meta.dirname, '..', 'results');

function settingsFrom(argv: readonly string[]): Settings {
  const quick = argv.includes('--quick');
  const value = (name: string) => argv.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3);
  const seed = Number(value('seed') ?? DEFAULT_DEMO_SEED);
  return {
    mode: quick ? 'quick' : 'full',
    seed,
    days: quick ? 91 : 365,
    optimum: { exactMaxOptions: 100_000, solveSeconds: 30, windowDays: 42, lookaheadDays: 35, blockDays: 182 },
    extraSeeds: Array.from({ length: 8 }, (_, i) => seed + 1 + i),
    optimumEveryYear: argv.includes('--optimum-every-year'),
    out: resolve(value('out') ?? join(RESULTS, quick ? 'simulation-quick.json' : 'simulation.json')),
  };
}

type Outcome = ReadonlyMap<string, Placement>;

function checked(world: World, requests: readonly SimRequest[], name: string, outcome: Outcome): Outcome {
  const problems = violations(world, requests, outcome);
  if (problems.length > 0) throw new Error(`${name} broke a hard constraint:\n${problems.slice(0, 20).join('\n')}`);
  return outcome;
}

function yearOf(world: World, seed: number, days: number) {
  const demand = generateDemand(world, { seed, warmupDays: WARMUP_DAYS });
  const requests = demand.filter((request) => request.desired < days);
  const scope = { requests: requests.filter((request) => request.desired >= 0), units: world.units, from: 0, to: days };
  // The rates the access point anticipates with: the demand model's for the whole year, also in the quick quarter.
  return { requests, scope, flows: expectedFlows(world, demand) };
}

/** Figures per kind of stay and per home region: where the headline comes from. */
function breakdown(world: World, scope: ReturnType<typeof yearOf>['scope'], outcome: Outcome) {
  const by = (key: (request: SimRequest) => string) => {
    const groups = new Map<string, SimRequest[]>();
    for (const request of scope.requests) groups.set(key(request), [...(groups.get(key(request)) ?? []), request]);
    return Object.fromEntries(
      [...groups]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([name, requests]) => {
          const { occupancy_pct: _, ...rest } = figures({ ...scope, requests }, outcome);
          return [name, rest];
        }),
    );
  };
  return {
    by_kind: by((request) => request.kind),
    by_region: by((request) => request.regionId),
    occupancy_pct_by_region: Object.fromEntries(
      world.regionIds.map((regionId) => [
        regionId,
        figures({ ...scope, units: world.units.filter((unit) => unit.candidate.regionId === regionId), requests: [] }, outcome)
          .occupancy_pct,
      ]),
    ),
  };
}

/** For each of the six figures: is `a` strictly better than `b`? */
function betterOnEveryFigure(a: PolicyFigures, b: PolicyFigures) {
  return Object.fromEntries(
    CHART_FIGURES.map((figure) => [
      figure.key,
      {
        adempauze: a[figure.key],
        phone_round: b[figure.key],
        better: figure.better === 'higher' ? a[figure.key] > b[figure.key] : a[figure.key] < b[figure.key],
      },
    ]),
  );
}

async function robustness(world: World, settings: Settings) {
  const runs: Record<string, PolicyFigures[]> = {
    adempauze: [],
    phone_round: [],
    phone_round_nearest: [],
    adempauze_greedy: [],
    ...(settings.optimumEveryYear ? { offline_optimum: [] } : {}),
  };
  for (const seed of settings.extraSeeds) {
    const { requests, scope, flows } = yearOf(world, seed, settings.days);
    runs.adempauze!.push(
      figures(scope, checked(world, requests, 'adempauze', (await adempauze(world, requests, 'optimal', flows)).placements)),
    );
    runs.phone_round!.push(figures(scope, checked(world, requests, 'phone_round', phoneRound(world, requests))));
    runs.phone_round_nearest!.push(figures(scope, checked(world, requests, 'phone_round_nearest', phoneRound(world, requests, 'nearest'))));
    runs.adempauze_greedy!.push(
      figures(scope, checked(world, requests, 'adempauze_greedy', (await adempauze(world, requests, 'greedy', flows)).placements)),
    );
    if (settings.optimumEveryYear) {
      log(`robustness: offline optimum of seed ${seed} …`);
      const optimum = await offlineOptimum(world, requests, settings.optimum);
      runs.offline_optimum!.push(figures(scope, checked(world, requests, 'offline_optimum', optimum.placements)));
    }
  }
  const keys = [...CHART_FIGURES.map((figure) => figure.key), 'placed_outside_region_pct' as const];
  const stats = (list: PolicyFigures[]) =>
    Object.fromEntries(
      keys.map((key) => {
        const values = list.map((entry) => entry[key]);
        return [
          key,
          { mean: round2(values.reduce((sum, v) => sum + v, 0) / values.length), min: Math.min(...values), max: Math.max(...values) },
        ];
      }),
    );
  return {
    seeds: settings.extraSeeds,
    policies: Object.fromEntries(Object.entries(runs).map(([name, list]) => [name, stats(list)])),
    adempauze_better_than_phone_round_in: Object.fromEntries(
      CHART_FIGURES.map((figure) => [
        figure.key,
        `${
          runs.adempauze!.filter((entry, i) => {
            const other = runs.phone_round![i]![figure.key];
            return figure.better === 'higher' ? entry[figure.key] > other : entry[figure.key] < other;
          }).length
        } of ${settings.extraSeeds.length} years`,
      ]),
    ),
  };
}

type Stats = Record<string, { mean: number }>;

/**
 * Issue 18: in region within 2 points of the offline optimum, fewer unplaced and a shorter mean wait than both phone
 * rounds, in the main year and on the mean over the robustness years (the optimum's mean only with --optimum-every-year).
 */
function issue18Targets(main: Record<string, PolicyFigures>, years: Record<string, Stats>) {
  const a = main.adempauze!;
  const optimumMean = years.offline_optimum?.placed_in_region_pct?.mean;
  const mean = (policy: string, key: keyof PolicyFigures) => years[policy]![key]!.mean;
  const beats = (figures: (policy: string, key: keyof PolicyFigures) => number) =>
    ['phone_round', 'phone_round_nearest'].every(
      (other) =>
        figures('adempauze', 'not_placed_pct') < figures(other, 'not_placed_pct') &&
        figures('adempauze', 'mean_wait_days') < figures(other, 'mean_wait_days'),
    );
  return {
    issue18_in_region_within_2_points_of_optimum: {
      main_year: { value: a.placed_in_region_pct, optimum: main.offline_optimum!.placed_in_region_pct },
      met_main_year: a.placed_in_region_pct >= main.offline_optimum!.placed_in_region_pct - 2,
      robustness_mean: { value: mean('adempauze', 'placed_in_region_pct'), optimum: optimumMean ?? null },
      met_robustness_mean: optimumMean === undefined ? null : mean('adempauze', 'placed_in_region_pct') >= optimumMean - 2,
    },
    issue18_fewer_unplaced_and_shorter_wait_than_both_phone_rounds: {
      met_main_year: beats((policy, key) => main[policy]![key] as number),
      met_robustness_mean: beats(mean),
    },
  };
}

async function main() {
  const settings = settingsFrom(process.argv.slice(2));
  log(`simulation benchmark, ${settings.mode}: ${settings.days} days, seed ${settings.seed}`);
  const world = buildWorld();
  const { requests, scope, flows } = yearOf(world, settings.seed, settings.days);
  log(
    `demand: ${scope.requests.length} requests in the year, ${requests.length - scope.requests.length} more in the ${WARMUP_DAYS}-day warm-up`,
  );

  const outcomes: Record<string, Outcome> = {};
  const seconds: Record<string, number> = {};
  const timedPolicy = async (name: string, run: () => Promise<Outcome> | Outcome) => {
    log(`${name} …`);
    const started = performance.now();
    outcomes[name] = checked(world, requests, name, await run());
    seconds[name] = round2((performance.now() - started) / 1000);
    log(`${name}: ${outcomes[name]!.size} placed in ${seconds[name]} s`);
  };
  let batches = { solver: 0, proven: 0 };
  await timedPolicy('adempauze', async () => {
    const run = await adempauze(world, requests, 'optimal', flows);
    batches = { solver: run.solverBatches, proven: run.solverBatchesOptimal };
    return run.placements;
  });
  await timedPolicy('phone_round', () => phoneRound(world, requests));
  await timedPolicy('phone_round_nearest', () => phoneRound(world, requests, 'nearest'));
  let optimum: Awaited<ReturnType<typeof offlineOptimum>> | undefined;
  await timedPolicy('offline_optimum', async () => {
    optimum = await offlineOptimum(world, requests, settings.optimum, log);
    return optimum.placements;
  });
  await timedPolicy('adempauze_greedy', async () => (await adempauze(world, requests, 'greedy', flows)).placements);

  const policies = Object.fromEntries(Object.entries(outcomes).map(([name, outcome]) => [name, figures(scope, outcome)]));
  const components = optimum!.components;
  const optimumCost = components.reduce((sum, component) => sum + component.total_cost, 0);
  const optimumBound = components.reduce((sum, component) => sum + component.lower_bound, 0);
  const proven = components.every((component) => component.optimal);
  const adempauzeFigures = policies.adempauze!;
  const phoneFigures = policies.phone_round!;
  const optimumFigures = policies.offline_optimum!;

  log(`robustness: the online policies on ${settings.extraSeeds.length} more years …`);
  const spread = await robustness(world, settings);

  const comparison = betterOnEveryFigure(adempauzeFigures, phoneFigures);
  const result = {
    benchmark: 'simulation',
    mode: settings.mode,
    seed: settings.seed,
    year: {
      from: world.from,
      to: addDays(world.from, settings.days),
      days: settings.days,
      warmup_days: WARMUP_DAYS,
      what: settings.mode === 'full' ? 'the full demo year' : 'the first quarter of the demo year (requests wished in it)',
    },
    requests: scope.requests.length,
    policies,
    policy_descriptions: {
      adempauze:
        "the access point: every day all pending requests allocated at once by the minimum-cost batch allocation (allocateOptimal) over the units rankCandidates proposes for each first night still possible, home region first, neighbour regions only when no home unit can come free in time; ELV and crisis wait on the list, booked ahead on a unit that frees up within their wait; best fit between units about as good; anticipation from the demand model's rates: an ELV pays for the nights a crisis is expected to need, a guest from outside the region for the nights the host region's own ELV/crisis flow is expected to need",
      phone_round:
        'no access point: providers phoned in alphabetical order, home region then neighbours, the first with a suitable free unit wins; planned stays asked for the wished night and the nearest others within their flexibility, ELV and crisis phone again every morning until their wait runs out',
      phone_round_nearest:
        "as phone_round, but each list phoned nearest the guest's home first: a referrer who knows the region (a stronger baseline)",
      offline_optimum: 'all requests of the year known in advance, minimum total cost (allocateOptimal) per group of neighbouring regions',
      adempauze_greedy:
        'as adempauze, but the daily batch in waiting-list order (byPriority), each request taking its cheapest free option (allocateGreedy)',
    },
    offline_optimum: {
      solution: proven
        ? 'exact: proven minimum-cost assignment'
        : 'best assignment found with perfect foresight, with a proven lower bound on the optimum',
      optimal: proven,
      total_cost: round2(optimumCost),
      lower_bound: round2(optimumBound),
      relative_gap: round4(optimumCost === 0 ? 0 : (optimumCost - optimumBound) / optimumCost),
      over: settings.mode === 'full' ? 'the full year' : 'the quarter (the smaller year of --quick)',
      components: components.map((component) => ({
        ...component,
        total_cost: round2(component.total_cost),
        lower_bound: round2(component.lower_bound),
        relative_gap: round4(component.relative_gap),
        seconds: round2(component.seconds),
      })),
    },
    cost_function: {
      what: 'the same price of an outcome for every policy, over all simulated requests (warm-up included): km from home, plus the extras below; a request without a bed costs its no-bed price',
      outside_region_km: OUTSIDE_REGION_KM,
      no_bed_km_by_urgency: NO_BED_KM,
      wait_km_per_day: WAIT_KM_PER_DAY,
      adempauze_needless_flexibility_km: NEEDLESS_FLEXIBILITY_KM,
      total_cost: Object.fromEntries(
        Object.entries(outcomes).map(([name, outcome]) => [name, round2(totalCost(requests, world.unitById, outcome))]),
      ),
    },
    targets: {
      placed_in_region_at_least_97_pct: { value: adempauzeFigures.placed_in_region_pct, met: adempauzeFigures.placed_in_region_pct >= 97 },
      mean_km_at_most_1_1_times_optimum: {
        value: adempauzeFigures.mean_km,
        limit: round2(1.1 * optimumFigures.mean_km),
        ratio: round2(adempauzeFigures.mean_km / optimumFigures.mean_km),
        met: adempauzeFigures.mean_km <= 1.1 * optimumFigures.mean_km,
      },
      better_than_phone_round_on_every_figure: {
        met: Object.values(comparison).every((entry) => entry.better),
        figures: comparison,
      },
      ...issue18Targets(policies, spread.policies),
    },
    breakdown: Object.fromEntries(Object.entries(outcomes).map(([name, outcome]) => [name, breakdown(world, scope, outcome)])),
    demand: demandSummary(world, requests, 0, settings.days),
    calibration: calibrationNotes(),
    robustness: spread,
    adempauze_daily_batches: { needing_the_solver: batches.solver, proven_optimal: batches.proven },
    seconds_per_policy: seconds,
    wall_seconds: round2(elapsedSeconds()),
    machine: {
      cpus: os.cpus().length,
      cpu_model: os.cpus()[0]?.model ?? 'unknown',
      memory_gb: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
      node: process.version,
      os: `${os.type()} ${os.release()} ${os.arch()}`,
      loadavg_at_end: os.loadavg().map(round2),
    },
  };

  mkdirSync(dirname(settings.out), { recursive: true });
  const text = `${JSON.stringify(result, null, 2)}\n`;
  writeFileSync(settings.out, text);
  const png = settings.out.replace(/\.json$/, '') + '.png';
  const chartPolicies = {
    adempauze: adempauzeFigures,
    phone_round: phoneFigures,
    offline_optimum: optimumFigures,
    adempauze_greedy: policies.adempauze_greedy!,
  };
  writeFileSync(
    png,
    await chartPng(
      `Simulated ${settings.mode === 'full' ? 'year' : 'quarter'} in the demo regions (seed ${settings.seed}, ${scope.requests.length} requests)`,
      chartPolicies,
    ),
  );
  process.stdout.write(text);
  log(`wrote ${settings.out} and ${png} in ${elapsedSeconds().toFixed(1)} s`);
}

await main();
