import { describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { TOPICS } from '#contracts';
import { companyUpserted } from '../utils/company-events.js';
import { IntakeTotals } from '../utils/intake-metrics.js';
import { PROJECTIONS_CONSUMER } from '../utils/matching-probe.js';
import { useMatchingFaultHarness } from '../utils/matching-fault-harness.js';

describe('fault (a): replaying the matching consumer group from the earliest offset', () => {
  const harness = useMatchingFaultHarness(31);
  const { matching, producer } = harness;

  it('changes no state: every replayed event is skipped as a duplicate and the lag returns to zero', async () => {
    const companyIds = Array.from({ length: 10 }, () => randomUUID());
    const needId = await harness.publishNeed();
    for (let version = 1; version <= 5; version++) {
      await producer.send(
        TOPICS.companyProfiles,
        companyIds.map((id) => companyUpserted(id, version)),
      );
    }
    const firstPass = new IntakeTotals(PROJECTIONS_CONSUMER);
    await harness.expectAppliedOnce('a: first pass', {
      watcher: harness.watch(companyIds),
      needId,
      intake: firstPass,
    });
    const before = await harness.probe.matchingStateDigest();

    await matching.stop();
    await harness.probe.rewindToEarliest();
    const replayed = await harness.probe.lag();
    expect(replayed).toBeGreaterThanOrEqual(producer.produced.length);
    await matching.start();

    const replay = new IntakeTotals(PROJECTIONS_CONSUMER);
    const counts = await harness.expectAppliedOnce('a: after replay', {
      watcher: harness.watch(companyIds),
      needId,
      intake: replay,
      extra: { replayedMessages: replayed },
    });
    expect(await harness.probe.matchingStateDigest()).toEqual(before);
    if (counts.intake.scraped > 0) expect(counts.duplicatesSkipped).toBeGreaterThanOrEqual(producer.produced.length);
    harness.passed();
  }, 180_000);
});
