import { describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { TOPICS } from '#contracts';
import { KeyedLoad, rdNeedUpserted } from '../utils/company-events.js';
import { expectEveryEventAppliedOnce, expectProgress } from '../utils/delivery-check.js';
import { VersionWatcher } from '../utils/matching-probe.js';
import { useMatchingFaultHarness } from '../utils/matching-fault-harness.js';

describe('fault (j): Postgres away for 10 s during consumption', () => {
  const harness = useMatchingFaultHarness(43, { databaseOutage: true });
  const { matching, producer, intake, outage } = harness;

  it('retries in place: everything applied once afterwards, nothing dead-lettered', async () => {
    const matchingPid = matching.pid;
    const needId = randomUUID();
    const companyIds = Array.from({ length: 12 }, () => randomUUID());
    const watcher = new VersionWatcher(harness.probe, companyIds).start();
    await producer.send(TOPICS.rdNeeds, [rdNeedUpserted(needId)]);

    const load = new KeyedLoad(producer, companyIds, 150);
    let terminated: number;
    try {
      await expectProgress(harness.probe, producer.produced, 36);
      try {
        terminated = await outage.begin();
        await sleep(10_000); // the fault itself: the database stays away this long
      } finally {
        await outage.end();
      }
      await expectProgress(harness.probe, producer.produced, 36);
    } finally {
      await load.stop();
    }

    const counts = await expectEveryEventAppliedOnce('j: Postgres away for 10 s', {
      probe: harness.probe,
      events: producer.produced,
      watcher,
      pair: { matchingUrl: matching.url, needId },
      intake: () => intake.peek([matching.url]),
      extra: { connectionsTerminated: terminated },
    });
    expect(matching.pid).toBe(matchingPid);
    // The outage did hit consumption: attempts failed and were retried in place.
    if (counts.intake.scraped > 0) expect(counts.retries).toBeGreaterThan(0);
    harness.passed();
  }, 180_000);
});
