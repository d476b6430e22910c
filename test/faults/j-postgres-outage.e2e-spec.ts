import { describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { KeyedLoad } from '../utils/company-events.js';
import { useMatchingFaultHarness } from '../utils/matching-fault-harness.js';

describe('fault (j): Postgres away for 10 s during consumption', () => {
  const harness = useMatchingFaultHarness(43, { databaseOutage: true });
  const { matching, producer, outage } = harness;

  it('retries in place: everything applied once afterwards, nothing dead-lettered', async () => {
    const matchingPid = matching.pid;
    const companyIds = Array.from({ length: 12 }, () => randomUUID());
    const watcher = harness.watch(companyIds);
    const needId = await harness.publishNeed();

    const load = new KeyedLoad(producer, companyIds, 150);
    let terminated: number;
    try {
      await harness.expectProgress(36);
      try {
        terminated = await outage.begin();
        await sleep(10_000); // the fault itself: the database stays away this long
      } finally {
        await outage.end();
      }
      await harness.expectProgress(36);
    } finally {
      await load.stop();
    }

    const counts = await harness.expectAppliedOnce('j: Postgres away for 10 s', {
      watcher,
      needId,
      extra: { connectionsTerminated: terminated },
    });
    expect(matching.pid).toBe(matchingPid);
    // The outage did hit consumption: attempts failed and were retried in place.
    if (counts.intake.scraped > 0) expect(counts.retries).toBeGreaterThan(0);
    harness.passed();
  }, 180_000);
});
