import { Session } from 'node:inspector';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileSummary {
  file: string;
  sampled_ms: number;
  /** Where the event loop spent its time itself (idle = waiting for I/O). */
  top_self: { share: string; ms: number; fn: string }[];
  /** Time inside each source file or package, callees included. */
  top_inclusive: { share: string; ms: number; where: string }[];
}

const ROOT = join(import.meta.dirname, '..');

function place(url: string): string {
  if (url.includes('node_modules/')) return url.replace(/.*node_modules\/((@[^/]+\/)?[^/]+).*/, '$1');
  if (url.startsWith('file://')) return url.replace(`file://${ROOT}/`, '');
  return url;
}

/** The app's event loop, profiled with the inspector during a chosen window (the timed part of a run). */
export class Profiler {
  readonly #session = new Session();
  #stopped: Promise<CpuProfile> | undefined;

  async open(): Promise<void> {
    this.#session.connect();
    await this.#post('Profiler.enable');
    await this.#post('Profiler.setSamplingInterval', { interval: 500 });
  }

  start(): void {
    void this.#post('Profiler.start');
  }

  stop(): void {
    this.#stopped = this.#post('Profiler.stop').then((reply) => (reply as { profile: CpuProfile }).profile);
  }

  async result(): Promise<ProfileSummary | null> {
    if (!this.#stopped) return null;
    const profile = await this.#stopped;
    this.#session.disconnect();
    const dir = join(import.meta.dirname, 'results');
    mkdirSync(dir, { recursive: true });
    const file = join(dir, 'http-app.cpuprofile');
    writeFileSync(file, JSON.stringify(profile));
    return { file: file.replace(`${ROOT}/`, ''), ...summarise(profile) };
  }

  #post(method: string, params?: object): Promise<unknown> {
    return new Promise((resolve, reject) =>
      this.#session.post(method, params ?? {}, (error, reply) => (error ? reject(error) : resolve(reply))),
    );
  }
}

function summarise(profile: CpuProfile): Omit<ProfileSummary, 'file'> {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const selfTime = new Map<number, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const dt = profile.timeDeltas[i] ?? 0;
    selfTime.set(id, (selfTime.get(id) ?? 0) + dt);
    total += dt;
  });
  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  for (const [id, time] of selfTime) {
    const frame = byId.get(id)!.callFrame;
    const key = `${frame.functionName || '(anonymous)'} ${place(frame.url)}${frame.url ? `:${frame.lineNumber + 1}` : ''}`.trim();
    self.set(key, (self.get(key) ?? 0) + time);
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const f = byId.get(cur)!.callFrame;
      const where = f.url ? place(f.url) : f.functionName;
      if (!where || seen.has(where)) continue;
      seen.add(where);
      inclusive.set(where, (inclusive.get(where) ?? 0) + time);
    }
  }
  const top = (map: Map<string, number>, n: number) =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([key, time]) => ({
        share: `${((100 * time) / total).toFixed(1)}%`,
        ms: Math.round(time / 1000),
        key,
      }));
  return {
    sampled_ms: Math.round(total / 1000),
    top_self: top(self, 20).map(({ share, ms, key }) => ({ share, ms, fn: key })),
    // bench/ files only wrap the app (the statement counter wraps pg's query), so they are left out.
    top_inclusive: top(inclusive, 24)
      .filter((e) => e.key !== '(root)' && !e.key.startsWith('bench/'))
      .map(({ share, ms, key }) => ({ share, ms, where: key })),
  };
}
