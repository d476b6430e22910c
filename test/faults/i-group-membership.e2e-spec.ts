import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { TOPICS } from '#contracts';
import { BrokerControl } from '../utils/broker-control.js';
import { KeyedLoad, rdNeedUpserted, TestEventProducer } from '../utils/company-events.js';
import { expectEveryEventAppliedOnce, expectProgress } from '../utils/delivery-check.js';
import { expectEventually } from '../utils/expect-eventually.js';
import { IntakeTotals, scrapeIntake, type IntakeTally } from '../utils/intake-metrics.js';
import { MatchingProbe, PROJECTIONS_CONSUMER, VersionWatcher } from '../utils/matching-probe.js';
import { reportServiceProblems } from '../utils/service-logs.js';
import { ServiceProcess } from '../utils/service-process.js';

describe('fault (i): a consumer joining and one leaving mid-stream', () => {
  const broker = new BrokerControl();
  const first = new ServiceProcess('matching', 41);
  const second = new ServiceProcess('matching', 42);
  const producer = new TestEventProducer();
  const intake = new IntakeTotals(PROJECTIONS_CONSUMER);
  let probe: MatchingProbe;
  let finished = false;

  beforeAll(async () => {
    await broker.ensureRunning();
    probe = await MatchingProbe.connect();
    await first.start();
  }, 120_000);

  afterAll(async () => {
    if (!finished) reportServiceProblems([first, second]);
    await Promise.all([first.stop(), second.stop()]);
    await producer.disconnect();
    await probe?.close();
    await broker.ensureRunning();
  }, 120_000);

  it('hands partitions over without losing, repeating or reordering a key', async () => {
    const needId = randomUUID();
    const companyIds = Array.from({ length: 18 }, () => randomUUID());
    const watcher = new VersionWatcher(probe, companyIds).start();
    await producer.send(TOPICS.rdNeeds, [rdNeedUpserted(needId)]);

    const load = new KeyedLoad(producer, companyIds, 100);
    let firstTally: IntakeTally;
    try {
      await expectProgress(probe, producer.produced, 54);
      await second.start();
      // The newcomer has been given partitions and applies events alongside the first instance.
      await expectEventually(
        async () => expect((await scrapeIntake(second.url, PROJECTIONS_CONSUMER)).applied).toBeGreaterThan(0),
        { timeoutMs: 60_000, intervalMs: 200 },
      );
      await expectProgress(probe, producer.produced, 54);
      firstTally = await intake.collect(first.url);
      await first.stop('SIGTERM');
      await expectProgress(probe, producer.produced, 54);
    } finally {
      await load.stop();
    }

    await expectEveryEventAppliedOnce('i: consumer joins and leaves mid-stream', {
      probe,
      events: producer.produced,
      watcher,
      pair: { matchingUrl: second.url, needId },
      intake: () => intake.peek([second.url]),
      extra: { appliedByFirst: firstTally.applied },
    });
    finished = true;
  }, 180_000);
});
