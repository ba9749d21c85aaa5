import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { DataDirLockedError, LOCK_FILE_NAME, lockDataDir } from './data-dir-lock.ts';

describe('data directory lock', () => {
  const dir = mkdtempSync(join(tmpdir(), 'adempauze-lock-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('refuses a second lock while the first is held, and allows it after release', () => {
    const first = lockDataDir(dir);
    assert.throws(() => lockDataDir(dir), DataDirLockedError);
    first.release();
    lockDataDir(dir).release();
  });

  it('takes over a lock left by a process that no longer runs', () => {
    writeFileSync(join(dir, LOCK_FILE_NAME), '999999999');
    lockDataDir(dir).release();
  });

  it('takes over a lock whose pid now belongs to another process (pid reuse after a reboot, or pid 1 in a container)', () => {
    const bootId = readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
    // Our own pid, alive, but with a start time that is not ours: the process that wrote it is gone.
    writeFileSync(join(dir, LOCK_FILE_NAME), `${process.pid} ${bootId} 1`);
    lockDataDir(dir).release();
    writeFileSync(join(dir, LOCK_FILE_NAME), `${process.pid} another-boot 1`);
    lockDataDir(dir).release();
  });

  it('refuses a second start of the app on the same data directory with a clear message', async () => {
    const held = lockDataDir(dir);
    try {
      const main = join(import.meta.dirname, '..', 'main.ts');
      const child = spawn(process.execPath, [main], {
        env: { ...process.env, DATA_DIR: dir, DATABASE_URL: '', PORT: '0' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let output = '';
      child.stdout.on('data', (chunk) => (output += chunk));
      child.stderr.on('data', (chunk) => (output += chunk));
      const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
      assert.equal(code, 1);
      assert.match(output, /already in use by another Adempauze process \(pid \d+\)/);
    } finally {
      held.release();
    }
  });
});
