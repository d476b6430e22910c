import { describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { TOPICS } from '#contracts';
import { companyDeleted, companyUpserted } from '../utils/company-events.js';
import { useMatchingFaultHarness } from '../utils/matching-fault-harness.js';

describe('fault (h): versions arriving 2, 1, 1', () => {
  const harness = useMatchingFaultHarness(40);
  const { producer } = harness;

  it('keeps version 2: the older versions are recorded as handled and change nothing', async () => {
    const needId = await harness.publishNeed();
    const [distinct, resent, deleted] = [randomUUID(), randomUUID(), randomUUID()];
    const resentV1 = companyUpserted(resent, 1);
    const sequences = [
      // 2, then two different events that both carry version 1.
      [companyUpserted(distinct, 2), companyUpserted(distinct, 1), companyUpserted(distinct, 1)],
      // 2, then one version-1 event delivered twice (a producer retry).
      [companyUpserted(resent, 2), resentV1, resentV1],
      // A deletion at version 2 leaves a tombstone that a late version 1 cannot resurrect.
      [companyUpserted(deleted, 1), companyDeleted(deleted, 2), companyUpserted(deleted, 1)],
    ];
    const watcher = harness.watch([distinct, resent, deleted]);
    for (const sequence of sequences) {
      for (const event of sequence) await producer.send(TOPICS.companyProfiles, [event]);
    }

    const counts = await harness.expectAppliedOnce('h: versions 2, 1, 1', {
      watcher,
      needId,
    });
    const final = await harness.probe.companyProjections([distinct, resent, deleted]);
    expect([distinct, resent, deleted].map((id) => [final.get(id)?.version, final.get(id)?.removed])).toEqual([
      [2, false],
      [2, false],
      [2, true],
    ]);
    if (counts.intake.scraped > 0) expect([counts.staleIgnored, counts.duplicatesSkipped]).toEqual([4, 1]);
    harness.passed();
  }, 120_000);
});
