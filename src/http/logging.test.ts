import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import { aClient } from '../testing/fixtures.ts';
import { type TestApp, createTestApp } from '../testing/test-app.ts';

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/;

describe('the JSON log', () => {
  let t: TestApp;
  const lines: Record<string, unknown>[] = [];
  before(async () => {
    const log = new PassThrough();
    log.setEncoding('utf8').on('data', (chunk: string) => {
      for (const line of chunk.split('\n').filter(Boolean)) lines.push(JSON.parse(line));
    });
    t = await createTestApp({ log });
  });
  after(() => t.close());

  it('files each request under its id, by method and route pattern, without its address, query or any person', async () => {
    const clientId = await aClient(t.database.db, 'Johan de Vries');
    const response = await t.inject({
      method: 'GET',
      url: `/api/clients/${clientId}?naam=Johan%20de%20Vries`,
      headers: { 'x-request-id': 'lb-1234' },
    });
    assert.equal(response.headers['x-request-id'], 'lb-1234');
    const own = lines.filter((line) => line.requestId === 'lb-1234');
    assert.deepEqual(
      own.map((line) => line.msg),
      ['incoming request', 'request completed'],
    );
    assert.deepEqual(own[0]!.req, { method: 'GET', route: '/api/clients/:id' });
    assert.equal((own[1]!.res as { statusCode: number }).statusCode, response.statusCode);
    const text = JSON.stringify(lines);
    assert.doesNotMatch(text, /Johan|Vries|naam=/);
    assert.doesNotMatch(text, UUID);
  });

  it('makes up an id when the caller sends none or a strange one', async () => {
    const response = await t.inject({ method: 'GET', url: '/api/health', headers: { 'x-request-id': 'x'.repeat(65) } }, 'anonymous');
    assert.match(String(response.headers['x-request-id']), UUID);
  });
});
