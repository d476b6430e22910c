import { describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { TOPICS } from '#contracts';
import { KeyedLoad, rdNeedUpserted } from '../utils/company-events.js';
import { expectEveryEventAppliedOnce, expectProgress } from '../utils/delivery-check.js';
import { expectEventually } from '../utils/expect-eventually.js';
import { scrapeIntake, type IntakeTally } from '../utils/intake-metrics.js';
import { PROJECTIONS_CONSUMER, VersionWatcher } from '../utils/matching-probe.js';
import { useMatchingFaultHarness } from '../utils/matching-fault-harness.js';

describe('fault (i): a consumer joining and one leaving mid-stream', () => {
  const harness = useMatchingFaultHarness(41, { secondMatchingPort: 42 });
  const { matching: first, secondMatching: second, producer, intake } = harness;

  it('hands partitions over without losing, repeating or reordering a key', async () => {
    const needId = randomUUID();
    const companyIds = Array.from({ length: 18 }, () => randomUUID());
    const watcher = new VersionWatcher(harness.probe, companyIds).start();
    await producer.send(TOPICS.rdNeeds, [rdNeedUpserted(needId)]);

    const load = new KeyedLoad(producer, companyIds, 100);
    let firstTally: IntakeTally;
    try {
      await expectProgress(harness.probe, producer.produced, 54);
      await second.start();
      // The newcomer has been given partitions and applies events alongside the first instance.
      await expectEventually(
        async () => expect((await scrapeIntake(second.url, PROJECTIONS_CONSUMER)).applied).toBeGreaterThan(0),
        { timeoutMs: 60_000, intervalMs: 200 },
      );
      await expectProgress(harness.probe, producer.produced, 54);
      firstTally = await intake.collect(first.url);
      await first.stop('SIGTERM');
      await expectProgress(harness.probe, producer.produced, 54);
    } finally {
      await load.stop();
    }

    await expectEveryEventAppliedOnce('i: consumer joins and leaves mid-stream', {
      probe: harness.probe,
      events: producer.produced,
      watcher,
      pair: { matchingUrl: second.url, needId },
      intake: () => intake.peek([second.url]),
      extra: { appliedByFirst: firstTally.applied },
    });
    harness.passed();
  }, 180_000);
});
