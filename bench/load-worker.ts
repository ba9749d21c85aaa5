/**
 * The booking load generator, run as a child process of bench/run.ts (fork with an IPC channel), so the 64 client
 * loops do not share the app's event loop. One run = untimed warm-up requests, a 'started' message to the parent
 * (which starts its CPU accounting), the timed requests, a 'finished' message, then the result; requests are pulled from
 * one shared queue by `concurrency` closed-loop workers (a worker sends its next request when the previous answered).
 *
 *   mode 'http': POST /api/stays over keep-alive connections (node:http Agent, one socket per worker).
 *   mode 'sql':  the same stays as a plain INSERT INTO stay … on `concurrency` dedicated pg connections;
 *                the exclusion constraint stay_no_overlap rejects overlaps (SQLSTATE 23P01).
 */
import http from 'node:http';
import pg from 'pg';

export interface BookingRequest {
  unitId: string;
  clientId: string;
  stayType: string;
  arrival: string;
  departure: string;
}

export interface RunMessage {
  type: 'run';
  mode: 'http' | 'sql';
  /** Base URL of the app, or of several separated by commas (http), or the database URL (sql). */
  target: string;
  /** Extra request headers (http): the session cookie and CSRF token of a signed-in coordinator. */
  headers?: Record<string, string>;
  concurrency: number;
  warmup: BookingRequest[];
  requests: BookingRequest[];
}

export interface RunResult {
  type: 'result';
  mode: 'http' | 'sql';
  seconds: number;
  /** 'ok' (201 / row inserted), 'conflict' (409 / 23P01), anything else by status or SQLSTATE. */
  outcomes: Record<string, number>;
  latencyMs: { p50: number; p95: number; p99: number };
  /** Latency per outcome: a 409 carries alternatives and costs more than a 201. */
  latencyByOutcomeMs: Record<string, { p50: number; p95: number }>;
  errors: string[];
}

const INSERT = `INSERT INTO stay (unit_id, client_id, stay_type, arrival, departure, status)
                VALUES ($1, $2, $3, $4, $5, 'confirmed')`;

type Send = (request: BookingRequest) => Promise<string>;

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = (p / 100) * (sorted.length - 1);
  const low = Math.floor(rank);
  const high = Math.ceil(rank);
  return Math.round((sorted[low]! + (sorted[high]! - sorted[low]!) * (rank - low)) * 100) / 100;
}

async function drive(send: Send, requests: readonly BookingRequest[], concurrency: number) {
  const outcomes: Record<string, number> = {};
  const latencies: number[] = [];
  const byOutcome: Record<string, number[]> = {};
  const errors: string[] = [];
  let next = 0;
  const worker = async () => {
    while (next < requests.length) {
      const request = requests[next++]!;
      const start = performance.now();
      let outcome: string;
      try {
        outcome = await send(request);
      } catch (error) {
        outcome = 'error';
        if (errors.length < 5) errors.push(String((error as Error).message ?? error));
      }
      const elapsed = performance.now() - start;
      latencies.push(elapsed);
      const bucket = byOutcome[outcome] ?? [];
      byOutcome[outcome] = bucket;
      bucket.push(elapsed);
      outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
    }
  };
  const start = performance.now();
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = (performance.now() - start) / 1000;
  latencies.sort((a, b) => a - b);
  const latencyByOutcomeMs = Object.fromEntries(
    Object.entries(byOutcome).map(([outcome, values]) => {
      values.sort((a, b) => a - b);
      return [outcome, { p50: percentile(values, 50), p95: percentile(values, 95) }];
    }),
  );
  return {
    seconds,
    outcomes,
    latencyMs: { p50: percentile(latencies, 50), p95: percentile(latencies, 95), p99: percentile(latencies, 99) },
    latencyByOutcomeMs,
    errors,
  };
}

/** `baseUrls`: one app, or several separated by commas, taken in turn as a load balancer would. */
function httpSender(baseUrls: string, concurrency: number, extraHeaders: Record<string, string>): { send: Send; close(): void } {
  const urls = baseUrls.split(',').map((baseUrl) => new URL('/api/stays', baseUrl));
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency, maxFreeSockets: concurrency });
  let turn = 0;
  const send: Send = (request) =>
    new Promise((resolve, reject) => {
      const body = JSON.stringify({ ...request, status: 'confirmed' });
      const req = http.request(
        urls[turn++ % urls.length]!,
        {
          method: 'POST',
          agent,
          headers: { ...extraHeaders, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => {
            const status = res.statusCode ?? 0;
            if (status === 201) resolve('ok');
            else if (status === 409) resolve('conflict');
            else reject(new Error(`HTTP ${status}: ${Buffer.concat(chunks).toString('utf8').slice(0, 300)}`));
          });
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  return { send, close: () => agent.destroy() };
}

async function sqlSender(databaseUrl: string, concurrency: number): Promise<{ send: Send; close(): Promise<void> }> {
  const clients = await Promise.all(
    Array.from({ length: concurrency }, async () => {
      const client = new pg.Client({ connectionString: databaseUrl });
      await client.connect();
      return client;
    }),
  );
  const idle = [...clients];
  const send: Send = async (request) => {
    // Each worker holds one connection for its whole run: take one, give it back after the statement.
    const client = idle.pop()!;
    try {
      await client.query(INSERT, [request.unitId, request.clientId, request.stayType, request.arrival, request.departure]);
      return 'ok';
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (code === '23P01') return 'conflict';
      throw error;
    } finally {
      idle.push(client);
    }
  };
  return { send, close: async () => void (await Promise.all(clients.map((c) => c.end()))) };
}

let acknowledge: (() => void) | undefined;

/**
 * Warm-up, 'started', the timed requests, 'finished', then the result. Connections stay open until the parent has
 * acknowledged 'finished' (it reads the CPU of the server's backends before they exit).
 */
async function timedRun(send: Send, message: RunMessage) {
  await drive(send, message.warmup, message.concurrency);
  process.send!({ type: 'started' });
  const result = await drive(send, message.requests, message.concurrency);
  const acknowledged = new Promise<void>((resolve) => (acknowledge = resolve));
  process.send!({ type: 'finished' });
  await acknowledged;
  return result;
}

async function handle(message: RunMessage): Promise<RunResult> {
  if (message.mode === 'http') {
    const sender = httpSender(message.target, message.concurrency, message.headers ?? {});
    try {
      return { type: 'result', mode: 'http', ...(await timedRun(sender.send, message)) };
    } finally {
      sender.close();
    }
  }
  const sender = await sqlSender(message.target, message.concurrency);
  try {
    return { type: 'result', mode: 'sql', ...(await timedRun(sender.send, message)) };
  } finally {
    await sender.close();
  }
}

process.on('message', (message: RunMessage | { type: 'exit' } | { type: 'ack' }) => {
  if (message.type === 'ack') {
    acknowledge?.();
    return;
  }
  if (message.type === 'exit') {
    process.disconnect();
    return;
  }
  handle(message).then(
    (result) => process.send!(result),
    (error: unknown) => process.send!({ type: 'failed', error: String((error as Error).stack ?? error) }),
  );
});
