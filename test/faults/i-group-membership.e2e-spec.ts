import { describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { KeyedLoad } from '../utils/company-events.js';
import { expectEventually } from '../utils/expect-eventually.js';
import { scrapeIntake, type IntakeTally } from '../utils/intake-metrics.js';
import { PROJECTIONS_CONSUMER } from '../utils/matching-probe.js';
import { useMatchingFaultHarness } from '../utils/matching-fault-harness.js';

describe('fault (i): a consumer joining and one leaving mid-stream', () => {
  const harness = useMatchingFaultHarness(41, { secondMatchingPort: 42 });
  const { matching: first, secondMatching: second, producer, intake } = harness;

  it('hands partitions over without losing, repeating or reordering a key', async () => {
    const companyIds = Array.from({ length: 18 }, () => randomUUID());
    const watcher = harness.watch(companyIds);
    const needId = await harness.publishNeed();

    const load = new KeyedLoad(producer, companyIds, 100);
    let firstTally: IntakeTally;
    try {
      await harness.expectProgress(54);
      await second.start();
      // The newcomer has been given partitions and applies events alongside the first instance.
      await expectEventually(
        async () => expect((await scrapeIntake(second.url, PROJECTIONS_CONSUMER)).applied).toBeGreaterThan(0),
        { timeoutMs: 60_000, intervalMs: 200 },
      );
      await harness.expectProgress(54);
      firstTally = await intake.collect(first.url);
      await first.stop('SIGTERM');
      await harness.expectProgress(54);
    } finally {
      await load.stop();
    }

    await harness.expectAppliedOnce('i: consumer joins and leaves mid-stream', {
      watcher,
      needId,
      via: second,
      extra: { appliedByFirst: firstTally.applied },
    });
    harness.passed();
  }, 180_000);
});
