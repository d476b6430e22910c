import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { TOPICS } from '#contracts';
import { BrokerControl } from '../utils/broker-control.js';
import { KeyedLoad, rdNeedUpserted, TestEventProducer } from '../utils/company-events.js';
import { DatabaseOutage } from '../utils/database-outage.js';
import { expectEveryEventAppliedOnce, expectProgress } from '../utils/delivery-check.js';
import { IntakeTotals } from '../utils/intake-metrics.js';
import { MatchingProbe, PROJECTIONS_CONSUMER, VersionWatcher } from '../utils/matching-probe.js';
import { reportServiceProblems } from '../utils/service-logs.js';
import { ServiceProcess } from '../utils/service-process.js';

describe('fault (j): Postgres away for 10 s during consumption', () => {
  const broker = new BrokerControl();
  const matching = new ServiceProcess('matching', 43);
  const producer = new TestEventProducer();
  const intake = new IntakeTotals(PROJECTIONS_CONSUMER);
  const outage = new DatabaseOutage();
  let probe: MatchingProbe;
  let finished = false;

  beforeAll(async () => {
    await broker.ensureRunning();
    await outage.end();
    probe = await MatchingProbe.connect();
    await matching.start();
  }, 120_000);

  afterAll(async () => {
    if (!finished) reportServiceProblems([matching]);
    await outage.end();
    await matching.stop();
    await producer.disconnect();
    await probe?.close();
    await broker.ensureRunning();
  }, 120_000);

  it('retries in place: everything applied once afterwards, nothing dead-lettered', async () => {
    const matchingPid = matching.pid;
    const needId = randomUUID();
    const companyIds = Array.from({ length: 12 }, () => randomUUID());
    const watcher = new VersionWatcher(probe, companyIds).start();
    await producer.send(TOPICS.rdNeeds, [rdNeedUpserted(needId)]);

    const load = new KeyedLoad(producer, companyIds, 150);
    let terminated: number;
    try {
      await expectProgress(probe, producer.produced, 36);
      try {
        terminated = await outage.begin();
        await sleep(10_000); // the fault itself: the database stays away this long
      } finally {
        await outage.end();
      }
      await expectProgress(probe, producer.produced, 36);
    } finally {
      await load.stop();
    }

    const counts = await expectEveryEventAppliedOnce('j: Postgres away for 10 s', {
      probe,
      events: producer.produced,
      watcher,
      pair: { matchingUrl: matching.url, needId },
      intake: () => intake.peek([matching.url]),
      extra: { connectionsTerminated: terminated },
    });
    expect(matching.pid).toBe(matchingPid);
    // The outage did hit consumption: attempts failed and were retried in place.
    if (counts.intake.scraped > 0) expect(counts.retries).toBeGreaterThan(0);
    finished = true;
  }, 180_000);
});
