import { describe, expect, it } from '@jest/globals';
import { expectEventually } from '../utils/expect-eventually.js';
import { scrapeIntake } from '../utils/intake-metrics.js';
import { PROJECTIONS_CONSUMER } from '../utils/matching-probe.js';
import { useMatchingFaultHarness } from '../utils/matching-fault-harness.js';

describe('fault (i): a consumer joining and one leaving mid-stream', () => {
  const harness = useMatchingFaultHarness(41, { secondMatchingPort: 42 });
  const { matching: first, secondMatching: second, intake } = harness;

  it('hands partitions over without losing, repeating or reordering a key', async () => {
    const run = await harness.underKeyedLoad(18, 100, async () => {
      await second.start();
      // The newcomer has been given partitions and applies events alongside the first instance.
      await expectEventually(
        async () => expect((await scrapeIntake(second.url, PROJECTIONS_CONSUMER)).applied).toBeGreaterThan(0),
        { timeoutMs: 60_000, intervalMs: 200 },
      );
      await harness.expectProgress(54);
      const tally = await intake.collect(first.url);
      await first.stop('SIGTERM');
      await harness.expectProgress(54);
      return tally;
    });

    await harness.expectAppliedOnce('i: consumer joins and leaves mid-stream', {
      watcher: run.watcher,
      needId: run.needId,
      via: second,
      extra: { appliedByFirst: run.result.applied },
    });
    harness.passed();
  }, 180_000);
});
