import { readFileSync, readdirSync } from 'node:fs';
import os from 'node:os';

/**
 * CPU seconds per group of processes over an interval, from /proc (Linux only; elsewhere the groups stay empty).
 * Shows where the shared cores went during a timed run: PostgreSQL (the benchmark's server: its postmaster and
 * children), this process (the app), the load generator, and anything else on the machine (close to 0 for a clean
 * measurement).
 */
const TICKS_PER_SECOND = 100;

interface Sample {
  at: number;
  byPid: Map<number, { comm: string; ppid: number; ticks: number }>;
  totalBusyTicks: number;
}

let postmaster: number | undefined;

/**
 * The server whose processes count as 'postgres': the parent of one of its backends (found through /proc, so only
 * when the server runs on this machine). Other PostgreSQL servers on the machine then count as other processes.
 */
export function identifyServer(backendPid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${backendPid}/stat`, 'utf8');
    postmaster = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    postmaster = undefined;
  }
  return postmaster;
}

function readSample(): Sample {
  const byPid = new Map<number, { comm: string; ppid: number; ticks: number }>();
  let totalBusyTicks = 0;
  try {
    for (const entry of readdirSync('/proc')) {
      const pid = Number(entry);
      if (!Number.isInteger(pid)) continue;
      try {
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
        const close = stat.lastIndexOf(')');
        const comm = stat.slice(stat.indexOf('(') + 1, close);
        const fields = stat.slice(close + 2).split(' ');
        // fields[0] is the state (field 3); utime and stime are fields 14 and 15.
        byPid.set(pid, { comm, ppid: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) });
      } catch {
        // The process ended while we looked.
      }
    }
    const cpu = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
    // user nice system idle iowait irq softirq steal
    totalBusyTicks = cpu[0]! + cpu[1]! + cpu[2]! + cpu[5]! + cpu[6]! + cpu[7]!;
  } catch {
    // Not Linux.
  }
  return { at: performance.now(), byPid, totalBusyTicks };
}

export interface CpuReport {
  wall_s: number;
  cores: number;
  /** CPU seconds per group; 'machine_busy' is all cores from /proc/stat, including the kernel. */
  cpu_s: { postgres: number; bench_process: number; load_generator: number; other_processes: number; machine_busy: number };
  /** machine_busy / (wall × cores). */
  utilisation: number;
}

export function startCpuWatch(loadGeneratorPid: () => number | undefined): () => CpuReport {
  const before = readSample();
  return () => {
    const after = readSample();
    const groups = { postgres: 0, bench_process: 0, load_generator: 0, other_processes: 0 };
    const childPid = loadGeneratorPid();
    for (const [pid, now] of after.byPid) {
      const delta = now.ticks - (before.byPid.get(pid)?.ticks ?? 0);
      if (delta <= 0) continue;
      if (pid === process.pid) groups.bench_process += delta;
      else if (pid === childPid) groups.load_generator += delta;
      else if (postmaster !== undefined ? pid === postmaster || now.ppid === postmaster : now.comm === 'postgres') groups.postgres += delta;
      else groups.other_processes += delta;
    }
    const wall = (after.at - before.at) / 1000;
    const busy = (after.totalBusyTicks - before.totalBusyTicks) / TICKS_PER_SECOND;
    const round = (ticks: number) => Math.round((ticks / TICKS_PER_SECOND) * 100) / 100;
    return {
      wall_s: Math.round(wall * 100) / 100,
      cores: os.cpus().length,
      cpu_s: {
        postgres: round(groups.postgres),
        bench_process: round(groups.bench_process),
        load_generator: round(groups.load_generator),
        other_processes: round(groups.other_processes),
        machine_busy: Math.round(busy * 100) / 100,
      },
      utilisation: Math.round((busy / (wall * os.cpus().length)) * 100) / 100,
    };
  };
}
