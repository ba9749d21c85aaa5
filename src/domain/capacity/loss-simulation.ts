import { type Estimate, meanInterval, ratioInterval } from './confidence.ts';

/**
 * A discrete-event simulation of a loss system with several classes of request (stay types) and a structure of
 * units: who may use which unit, and whether a request may look at every unit or only at the units of one pool
 * (a provider on its own). A request that finds no free unit it may use is refused at once: no waiting room, as in
 * Erlang's loss model, which this reproduces when arrivals are Poisson (see the tests).
 *
 * Seeded and pure. Every structure of one call sees the same requests (common random numbers): replication r draws
 * its arrivals, stay lengths and pool choices once, and each structure is run over that same list, so a difference
 * between structures is the structures', not the dice's.
 */

/** How requests of one stream arrive, in days. */
export type Arrivals =
  /** Poisson; a list is a rate per day of a repeating cycle (a year of seasons), day 0 the first measured day. */
  | { readonly kind: 'poisson'; readonly perDay: number | readonly number[] }
  /** Guests who come back at fixed intervals (days), each guest one interval, at a random phase. */
  | { readonly kind: 'periodic'; readonly intervals: readonly number[] }
  /** Given arrival moments (days from the first measured day; negative ones fall in the warm-up). */
  | { readonly kind: 'trace'; readonly times: readonly number[] };

export type StayLength =
  | { readonly kind: 'exponential'; readonly mean: number }
  | { readonly kind: 'fixed'; readonly days: number }
  /** Drawn uniformly from observed lengths. */
  | { readonly kind: 'empirical'; readonly values: readonly number[] };

export interface Stream {
  readonly classId: string;
  readonly arrivals: Arrivals;
  readonly stay: StayLength;
}

export interface SimUnit {
  /** The pool it belongs to when pools are separate (a provider). */
  readonly group: string;
  /** The classes it takes. */
  readonly accepts: readonly string[];
}

export interface PoolStructure {
  readonly units: readonly SimUnit[];
  /**
   * pooled: a request may take any free unit that accepts it. by-group: a request is first sent to one pool, chosen
   * at random in proportion to the pool's units that accept its class (each provider its own clients), and is
   * refused when that pool has no free unit for it, whatever the others have.
   */
  readonly routing: 'pooled' | 'by-group';
}

export interface SimulationOptions {
  readonly seed: number;
  readonly replications: number;
  /** Measured days per replication. */
  readonly horizonDays: number;
  /** Days simulated before measuring, so the units are as full as in a running system. */
  readonly warmupDays: number;
  /** Of the intervals: 0.95 for 95 %. */
  readonly confidence: number;
}

export interface ClassOutcome {
  readonly classId: string;
  /** Mean requests per replication in the measured days. */
  readonly requests: number;
  readonly refused: number;
  /** Share refused with its interval; null when no replication had a request of this class. */
  readonly share: Estimate | null;
}

export interface StructureOutcome {
  readonly classes: ClassOutcome[];
  readonly total: ClassOutcome;
  /** Mean units busy over the measured days. */
  readonly busyUnits: Estimate;
}

/** Requests of one replication, sorted by time: the same for every structure. */
interface Request {
  readonly time: number;
  readonly classIndex: number;
  readonly days: number;
  /** Picks the pool under by-group routing. */
  readonly pick: number;
}

/** xoshiro128**: small, fast and well mixed; seeded through splitmix32 so nearby seeds give unrelated streams. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  const splitmix = () => {
    state = (state + 0x9e3779b9) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
  let [a, b, c, d] = [splitmix(), splitmix(), splitmix(), splitmix()];
  return () => {
    const result = Math.imul(rotate(Math.imul(b, 5), 7), 9) >>> 0;
    const t = b << 9;
    c ^= a;
    d ^= b;
    b ^= c;
    a ^= d;
    c ^= t;
    d = rotate(d, 11);
    return result / 2 ** 32;
  };
}

const rotate = (x: number, k: number) => ((x << k) | (x >>> (32 - k))) >>> 0;

function drawStay(stay: StayLength, random: () => number): number {
  switch (stay.kind) {
    case 'exponential':
      return -stay.mean * Math.log(1 - random());
    case 'fixed':
      return stay.days;
    case 'empirical':
      return stay.values[Math.floor(random() * stay.values.length)]!;
  }
}

function generateRequests(
  streams: readonly Stream[],
  classIndex: ReadonlyMap<string, number>,
  options: SimulationOptions,
  replication: number,
): Request[] {
  const requests: Request[] = [];
  const start = -options.warmupDays;
  const end = options.horizonDays;
  streams.forEach((stream, streamIndex) => {
    // A stream of its own per replication and stream: adding a stream leaves the others' draws as they were.
    const random = seededRandom((options.seed * 0x10001 + replication * 0x3c6ef35f + streamIndex * 0x2545f491) >>> 0);
    const cls = classIndex.get(stream.classId)!;
    const add = (time: number, cap = Number.POSITIVE_INFINITY) =>
      requests.push({ time, classIndex: cls, days: Math.min(drawStay(stream.stay, random), cap), pick: random() });
    const arrivals = stream.arrivals;
    if (arrivals.kind === 'poisson') {
      const rates = typeof arrivals.perDay === 'number' ? [arrivals.perDay] : arrivals.perDay;
      const peak = Math.max(0, ...rates);
      if (peak <= 0) return;
      // Thinning: candidates at the peak rate, each kept with the day's rate ÷ peak.
      // biome-ignore lint/correctness/useValidForDirection: log(1 − u) < 0, so subtracting it moves time forward.
      for (let time = start - Math.log(1 - random()) / peak; time < end; time -= Math.log(1 - random()) / peak) {
        const day = ((Math.floor(time) % rates.length) + rates.length) % rates.length;
        if (random() * peak < rates[day]!) add(time);
      }
    } else if (arrivals.kind === 'periodic') {
      for (const interval of arrivals.intervals) {
        if (!(interval > 0)) continue;
        // A guest who comes back every `interval` days cannot stay longer than that.
        for (let time = start + random() * interval; time < end; time += interval) add(time, interval);
      }
    } else {
      for (const time of arrivals.times) if (time >= start && time < end) add(time);
    }
  });
  return requests.sort((a, b) => a.time - b.time || a.classIndex - b.classIndex);
}

/** The units a request of each class may try, best fit first: the units that take the fewest other classes. */
function candidatesPerClass(units: readonly SimUnit[], classIds: readonly string[]): number[][] {
  return classIds.map((classId) =>
    units
      .map((unit, index) => ({ unit, index }))
      .filter(({ unit }) => unit.accepts.includes(classId))
      .sort((a, b) => a.unit.accepts.length - b.unit.accepts.length || a.index - b.index)
      .map(({ index }) => index),
  );
}

interface Tally {
  requests: number[];
  refused: number[];
  busyDays: number;
}

function run(
  structure: PoolStructure,
  candidates: number[][],
  groups: { weights: number[]; members: number[][] }[],
  requests: readonly Request[],
  horizon: number,
  classes: number,
): Tally {
  const freeAt = new Float64Array(structure.units.length).fill(Number.NEGATIVE_INFINITY);
  const tally: Tally = { requests: new Array(classes).fill(0), refused: new Array(classes).fill(0), busyDays: 0 };
  for (const request of requests) {
    let options = candidates[request.classIndex]!;
    if (structure.routing === 'by-group') {
      const { weights, members } = groups[request.classIndex]!;
      const total = weights.reduce((sum, weight) => sum + weight, 0);
      let pick = request.pick * total;
      let chosen = weights.length - 1;
      for (let g = 0; g < weights.length; g++) {
        pick -= weights[g]!;
        if (pick < 0) {
          chosen = g;
          break;
        }
      }
      options = members[chosen] ?? [];
    }
    let unit = -1;
    for (const candidate of options) {
      if (freeAt[candidate]! <= request.time) {
        unit = candidate;
        break;
      }
    }
    const measured = request.time >= 0;
    if (measured) tally.requests[request.classIndex]!++;
    if (unit < 0) {
      if (measured) tally.refused[request.classIndex]!++;
      continue;
    }
    const until = request.time + request.days;
    freeAt[unit] = until;
    tally.busyDays += Math.max(0, Math.min(until, horizon) - Math.max(request.time, 0));
  }
  return tally;
}

/** Runs every structure over the same requests; one outcome per structure, in the given order. */
export function simulateLoss(
  streams: readonly Stream[],
  structures: readonly PoolStructure[],
  options: SimulationOptions,
): StructureOutcome[] {
  if (!(options.replications >= 2)) throw new RangeError('at least two replications, for an interval');
  if (!(options.horizonDays > 0) || !(options.warmupDays >= 0)) throw new RangeError('a measured period and a warm-up of 0 or more days');
  const classIds = [...new Set(streams.map((stream) => stream.classId))];
  const classIndex = new Map(classIds.map((id, index) => [id, index]));
  const prepared = structures.map((structure) => {
    const candidates = candidatesPerClass(structure.units, classIds);
    const groupNames = [...new Set(structure.units.map((unit) => unit.group))];
    const groups = candidates.map((forClass) => {
      const members = groupNames
        .map((name) => forClass.filter((index) => structure.units[index]!.group === name))
        .filter((list) => list.length > 0);
      return { weights: members.map((list) => list.length), members };
    });
    return { structure, candidates, groups };
  });
  const tallies = prepared.map(() => [] as Tally[]);
  for (let replication = 0; replication < options.replications; replication++) {
    const requests = generateRequests(streams, classIndex, options, replication);
    prepared.forEach(({ structure, candidates, groups }, index) => {
      tallies[index]!.push(run(structure, candidates, groups, requests, options.horizonDays, classIds.length));
    });
  }
  return tallies.map((perReplication) => {
    const outcome = (classId: string, requestsOf: (tally: Tally) => number, refusedOf: (tally: Tally) => number): ClassOutcome => {
      const requests = perReplication.map(requestsOf);
      const refused = perReplication.map(refusedOf);
      return {
        classId,
        requests: requests.reduce((sum, value) => sum + value, 0) / requests.length,
        refused: refused.reduce((sum, value) => sum + value, 0) / refused.length,
        share: ratioInterval(refused, requests, options.confidence),
      };
    };
    const sum = (values: readonly number[]) => values.reduce((total, value) => total + value, 0);
    return {
      classes: classIds.map((classId, index) =>
        outcome(
          classId,
          (tally) => tally.requests[index]!,
          (tally) => tally.refused[index]!,
        ),
      ),
      total: outcome(
        'total',
        (tally) => sum(tally.requests),
        (tally) => sum(tally.refused),
      ),
      busyUnits: meanInterval(
        perReplication.map((tally) => tally.busyDays / options.horizonDays),
        options.confidence,
      ),
    };
  });
}
