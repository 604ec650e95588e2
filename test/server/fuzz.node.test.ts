import { after, before, describe, it } from 'node:test';
import { fuzz, SEED } from './fuzz.js';
import { startServer, type Running } from './harness.js';
import { hasRedis, startRedis, type RunningRedis } from './redis-harness.js';

const unlimited = { rate: { perSecond: 1e6, burst: 1e6 }, userRatePerSecond: 1e9 };

describe('server fuzz: hostile frames', () => {
  let run: Running;
  before(async () => { run = await startServer(unlimited); });
  after(() => run.close());

  it(`one node in memory survives 6000 malformed and hostile frames with coded errors and no leaked join (seed ${SEED})`, () => fuzz(run, 6000));
});

describe('server fuzz: hostile frames in Redis mode (joins race real I/O)', { skip: hasRedis ? false : 'redis-server is not installed (.ci/run installs it)' }, () => {
  let redis: RunningRedis;
  let run: Running;
  before(async () => {
    redis = await startRedis();
    run = await startServer({ ...unlimited, redisUrl: redis.url });
  });
  after(async () => {
    await run?.close();
    await redis?.stop();
  });

  it(`a Redis-backed node survives 3000 hostile frames with no leaked join (seed ${SEED})`, () => fuzz(run, 3000));
});
