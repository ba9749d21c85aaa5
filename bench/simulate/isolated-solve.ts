import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type Allocation,
  type AllocationOption,
  type AllocationRequest,
  allocateOptimal,
  type SolveLimits,
} from '../../src/domain/matching/batch-allocation.ts';

/**
 * allocateOptimal in a process of its own, for the solves that may be too large. The solver runs as WebAssembly
 * inside a 32-bit memory; on a full year it can run out of it and abort, and a process in which that happened could
 * not start another solver, not even a small one, afterwards. A child process gives each large solve a fresh heap and
 * turns an abort into a rejected promise.
 */
export async function allocateIsolated(requests: readonly AllocationRequest[], limits: SolveLimits): Promise<Allocation> {
  const folder = mkdtempSync(join(tmpdir(), 'adempauze-solve-'));
  try {
    const input = join(folder, 'input.json');
    writeFileSync(input, JSON.stringify({ requests, limits }));
    const output = await new Promise<string>((resolve, reject) => {
      execFile(process.execPath, [import.meta.filename, input], { maxBuffer: 256 * 2 ** 20 }, (error, stdout, stderr) => {
        if (error) reject(new Error(`the solver process failed: ${lastLine(stderr) || error.message}`));
        else resolve(stdout);
      });
    });
    const result = JSON.parse(output) as Omit<Allocation, 'assigned' | 'lowerBound'> & {
      assigned: [string, AllocationOption][];
      lowerBound: number | null;
    };
    return { ...result, assigned: new Map(result.assigned), lowerBound: result.lowerBound ?? Number.NEGATIVE_INFINITY };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/** The error line of a crashed child, not the minified source Node prints before it. */
function lastLine(text: string): string {
  return (
    text
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => /Error/.test(line) && line.length < 300)
      .at(-1) ?? ''
  );
}

// Run as a script: solve the file named on the command line and print the allocation as JSON.
if (process.argv[1] === import.meta.filename) {
  const { requests, limits } = JSON.parse(readFileSync(process.argv[2]!, 'utf8')) as { requests: AllocationRequest[]; limits: SolveLimits };
  const allocation = await allocateOptimal(requests, limits);
  // JSON has no infinity: an unknown bound travels as null and comes back as -Infinity.
  process.stdout.write(
    JSON.stringify({
      ...allocation,
      assigned: [...allocation.assigned],
      lowerBound: Number.isFinite(allocation.lowerBound) ? allocation.lowerBound : null,
    }),
  );
}
