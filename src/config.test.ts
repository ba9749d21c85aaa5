import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadConfig } from './config.ts';

describe('configuration from the environment', () => {
  it('runs the jobs every minute and serves metrics on the machine only, unless told otherwise', () => {
    const config = loadConfig({});
    assert.deepEqual([config.jobIntervalSeconds, config.metricsToken, config.replicaUrl], [60, undefined, undefined]);
    assert.equal(loadConfig({ JOB_INTERVAL_SECONDS: '1', METRICS_TOKEN: 'a-token-of-sixteen+' }).jobIntervalSeconds, 1);
  });

  it('refuses a short metrics token and a replica without its primary, saying which setting is wrong', () => {
    assert.throws(() => loadConfig({ METRICS_TOKEN: 'short' }), /METRICS_TOKEN: must be at least 16 characters/);
    assert.throws(
      () => loadConfig({ DATABASE_REPLICA_URL: 'postgres://replica/db' }),
      /DATABASE_REPLICA_URL: a replica needs its primary in DATABASE_URL/,
    );
    assert.equal(
      loadConfig({ DATABASE_URL: 'postgres://primary/db', DATABASE_REPLICA_URL: 'postgres://replica/db' }).replicaUrl,
      'postgres://replica/db',
    );
  });
});
