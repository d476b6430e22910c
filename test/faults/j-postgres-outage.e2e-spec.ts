import { describe, expect, it } from '@jest/globals';
import { setTimeout as sleep } from 'node:timers/promises';
import { useMatchingFaultHarness } from '../utils/matching-fault-harness.js';

describe('fault (j): Postgres away for 10 s during consumption', () => {
  const harness = useMatchingFaultHarness(43, { databaseOutage: true });
  const { matching, outage } = harness;

  it('retries in place: everything applied once afterwards, nothing dead-lettered', async () => {
    const matchingPid = matching.pid;
    const run = await harness.underKeyedLoad(12, 150, async () => {
      let terminated: number;
      try {
        terminated = await outage.begin();
        await sleep(10_000); // the fault itself: the database stays away this long
      } finally {
        await outage.end();
      }
      await harness.expectProgress(36);
      return terminated;
    });

    const counts = await harness.expectAppliedOnce('j: Postgres away for 10 s', {
      watcher: run.watcher,
      needId: run.needId,
      extra: { connectionsTerminated: run.result },
    });
    expect(matching.pid).toBe(matchingPid);
    // The outage did hit consumption: attempts failed and were retried in place.
    if (counts.intake.scraped > 0) expect(counts.retries).toBeGreaterThan(0);
    harness.passed();
  }, 180_000);
});
