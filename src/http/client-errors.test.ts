import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { type TestApp, createTestApp } from '../testing/test-app.ts';

/**
 * Requests that Node's HTTP parser refuses before Fastify sees them (issue 15, item 11): an over-long address, a
 * request that is not HTTP. inject() bypasses that parser, so these go over a real socket.
 */

interface RawAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

function rawRequest(port: number, request: string): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let received = '';
    const finish = () => {
      const split = received.indexOf('\r\n\r\n');
      if (split < 0) return reject(new Error(`No complete answer: ${JSON.stringify(received)}`));
      const [statusLine, ...lines] = received.slice(0, split).split('\r\n');
      const headers = Object.fromEntries(
        lines.map((line) => {
          const colon = line.indexOf(':');
          return [line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim()];
        }),
      );
      resolve({ status: Number(statusLine!.split(' ')[1]), headers, body: received.slice(split + 4) });
    };
    socket.setEncoding('utf8');
    socket.setTimeout(10_000, () => socket.destroy(new Error('no answer within 10 s')));
    socket.on('data', (chunk: string) => (received += chunk));
    socket.on('close', finish);
    // A reset after the answer arrived is how some servers close; the answer is what counts.
    socket.on('error', (error) => (received ? undefined : reject(error)));
    socket.write(request);
  });
}

function assertProblem(answer: RawAnswer, status: number): Record<string, unknown> {
  assert.equal(answer.status, status, `status; body ${answer.body}`);
  assert.match(answer.headers['content-type'] ?? '', /^application\/problem\+json/);
  assert.equal(Number(answer.headers['content-length']), Buffer.byteLength(answer.body), 'content-length matches the body');
  const problem = JSON.parse(answer.body) as Record<string, unknown>;
  assert.equal(problem.status, status);
  assert.equal(typeof problem.type, 'string');
  assert.equal(typeof problem.title, 'string');
  assert.ok((problem.title as string).length > 0);
  assert.equal(typeof problem.detail, 'string');
  return problem;
}

describe('requests refused by the HTTP parser', () => {
  let testApp: TestApp;
  let port: number;

  before(async () => {
    testApp = await createTestApp();
    await testApp.app.listen({ port: 0, host: '127.0.0.1' });
    const address = testApp.app.server.address();
    assert.ok(address && typeof address === 'object');
    port = address.port;
  });
  after(() => testApp.close());

  it('answers a 20 kB address with a 431 problem document', async () => {
    const answer = await rawRequest(port, `GET /api/regions?q=${'x'.repeat(20_000)} HTTP/1.1\r\nHost: localhost\r\n\r\n`);
    const problem = assertProblem(answer, 431);
    assert.equal(answer.headers.connection, 'close');
    assert.equal(answer.headers['x-content-type-options'], 'nosniff');
    assert.equal(problem.title, 'Adres of kopregels te lang');
  });

  it('answers a request that is not HTTP with a 400 problem document', async () => {
    assertProblem(await rawRequest(port, 'NOT AN HTTP REQUEST\r\n\r\n'), 400);
  });

  it('still serves normal requests on new connections', async () => {
    const response = await fetch(`http://127.0.0.1:${port}/api/health`);
    assert.equal(response.status, 200);
  });
});
