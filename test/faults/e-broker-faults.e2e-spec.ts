import { describe, expect, it } from '@jest/globals';
import { setTimeout as sleep } from 'node:timers/promises';
import { useMatchingFaultHarness } from '../utils/matching-fault-harness.js';

describe('fault (e): broker SIGTERM, SIGKILL and a 15 s SIGSTOP under keyed load', () => {
  const harness = useMatchingFaultHarness(36);
  const { broker, matching, producer } = harness;

  it('applies everything once, in per-key order, with no service restarted by hand', async () => {
    const matchingPid = matching.pid;
    // Keyed load, a new version of each of the 12 companies every ~150 ms, for as long as the faults last; between
    // faults, the test waits for matching to apply a few more rounds (it is consuming again).
    const run = await harness.underKeyedLoad(12, 150, async () => {
      try {
        await broker.stop('SIGTERM');
        await broker.start();
        await harness.expectProgress(36);
        await broker.stop('SIGKILL');
        await broker.start();
        await harness.expectProgress(36);
        broker.pause();
        await sleep(15_000); // the fault itself: the broker stays frozen this long
        broker.resume();
        await harness.expectProgress(36);
      } finally {
        broker.resume();
      }
    });

    await harness.expectAppliedOnce('e: broker SIGTERM, SIGKILL, 15 s SIGSTOP', {
      watcher: run.watcher,
      needId: run.needId,
      extra: { producerResends: producer.resends },
    });
    expect(matching.pid).toBe(matchingPid);
    harness.passed();
  }, 300_000);
});
