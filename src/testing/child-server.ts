import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';

/**
 * The real server (`node src/main.ts`) as a child process, for tests that start, stop or kill it: the crash test and
 * the test of several processes on one database.
 */
const ROOT = join(import.meta.dirname, '..', '..');
const MAIN = join(ROOT, 'src', 'main.ts');
const STOP_TIMEOUT_MS = 15_000;
export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface Server {
  readonly child: ChildProcess;
  readonly baseUrl: string;
  readonly exited: Promise<Exit>;
  output(): string;
}

/** Children still running: a test's after() kills them, so a failed test leaves no server behind. */
export const liveChildren = new Set<ChildProcess>();

export function serverEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: '0',
    HOST: '127.0.0.1',
    SEED_DEMO: 'true',
    LOG: 'false',
    SMTP_URL: '',
    // One test client sends thousands of requests; the limiter has its own test.
    RATE_LIMIT_PER_MINUTE: '1000000',
    ...extra,
  };
  // The test runner's marker would make a child that uses node:test report to us; the server must not see it.
  delete env.NODE_TEST_CONTEXT;
  return env;
}

export async function startServer(env: NodeJS.ProcessEnv): Promise<Server> {
  const child = spawn(process.execPath, [MAIN], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  liveChildren.add(child);
  let output = '';
  const exited = new Promise<Exit>((resolve) =>
    child.once('exit', (code, signal) => {
      liveChildren.delete(child);
      resolve({ code, signal });
    }),
  );
  // Ready when it says where it listens; a server that exits first has failed to start.
  const baseUrl = await new Promise<string>((resolve, reject) => {
    const onData = (chunk: string) => {
      output += chunk;
      const match = /Adempauze is running on (http:\/\/\S+?):(\d+)/.exec(output);
      if (match) resolve(`http://127.0.0.1:${match[2]}`);
    };
    child.stdout!.setEncoding('utf8').on('data', onData);
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    child.once('error', reject);
    void exited.then(({ code, signal }) => {
      reject(new Error(`The server exited while starting (code ${code}, signal ${signal}). Output:\n${output}`));
    });
  });
  return { child, baseUrl, exited, output: () => output };
}

/** The promise, or a clear error after `ms`; the timer is cleared either way. */
export async function withTimeout<T>(promise: Promise<T>, ms: number, message: () => string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(message())), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export function waitForExit(server: Server, what: string): Promise<Exit> {
  return withTimeout(
    server.exited,
    STOP_TIMEOUT_MS,
    () => `The server did not exit within ${STOP_TIMEOUT_MS} ms after ${what}. Output:\n${server.output()}`,
  );
}

/** A proper stop: SIGTERM, the server closes the database and releases its lock, exit code 0. */
export async function stopServer(server: Server): Promise<void> {
  server.child.kill('SIGTERM');
  const exit = await waitForExit(server, 'SIGTERM');
  assert.equal(exit.code, 0, `the server did not stop cleanly on SIGTERM (${JSON.stringify(exit)}). Output:\n${server.output()}`);
}

export async function killServer(server: Server): Promise<void> {
  server.child.kill('SIGKILL');
  const exit = await waitForExit(server, 'SIGKILL');
  assert.equal(exit.signal, 'SIGKILL');
}
