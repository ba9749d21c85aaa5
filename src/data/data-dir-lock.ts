import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';

/**
 * PGlite does not stop a second process from opening the same data directory, and two writers corrupt it.
 * We hold a lock file that names our process; a lock left by a process that no longer runs is taken over.
 * A process id alone is not enough: in a container the server is pid 1 before and after a crash, and after a
 * reboot another program may have the old pid. So the lock also records the boot and the process's start time
 * (Linux /proc), and a lock whose pid now belongs to another process is stale too.
 */
export class DataDirLockedError extends Error {
  readonly holderPid: number;
  constructor(dataDir: string, holderPid: number) {
    super(
      `The data directory ${dataDir} is already in use by another Adempauze process (pid ${holderPid}). ` +
        'Stop that process first, or start this one with another DATA_DIR.',
    );
    this.name = 'DataDirLockedError';
    this.holderPid = holderPid;
  }
}

export interface DataDirLock {
  release(): void;
}

export const LOCK_FILE_NAME = 'adempauze.lock';

export function lockDataDir(dataDir: string): DataDirLock {
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, LOCK_FILE_NAME);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, processIdentity(process.pid) ?? String(process.pid));
      closeSync(fd);
      let released = false;
      return {
        release() {
          if (released) return;
          released = true;
          rmSync(path, { force: true });
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const recorded = readFileSync(path, 'utf8').trim();
      const holder = Number.parseInt(recorded, 10);
      if (Number.isInteger(holder) && processIsAlive(holder) && sameProcess(recorded, holder)) {
        throw new DataDirLockedError(dataDir, holder);
      }
      rmSync(path, { force: true }); // stale: its process is gone, or its pid was reused
    }
  }
  throw new Error(`Could not take the lock on ${dataDir}`);
}

/** "pid boot-id start-ticks" on Linux; undefined where /proc does not tell. */
function processIdentity(pid: number): string | undefined {
  try {
    const bootId = readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Field 22 (start time) counted after the command name, which is in parentheses and may hold spaces.
    const startTicks = stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
    return startTicks ? `${pid} ${bootId} ${startTicks}` : undefined;
  } catch {
    return undefined;
  }
}

/** Whether the live process with this pid is the one that wrote the lock; a bare pid (no /proc) is trusted. */
function sameProcess(recorded: string, pid: number): boolean {
  if (!recorded.includes(' ')) return true;
  const current = processIdentity(pid);
  return current === undefined || current === recorded;
}

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
