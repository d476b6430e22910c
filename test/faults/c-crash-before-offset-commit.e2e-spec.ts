import { describe, expect, it } from '@jest/globals';
import { TOPICS } from '#contracts';
import { companyIdsOnPartition, companyUpserted } from '../utils/company-events.js';
import { expectEventually } from '../utils/expect-eventually.js';
import { messagesBetween } from '../utils/matching-probe.js';
import { useMatchingFaultHarness } from '../utils/matching-fault-harness.js';

/**
 * Why this is "after the database commit, before the offset commit": kafkajs commits a partition's offsets only
 * after it has handled the whole fetched batch. The 300 events go to one partition in one produce request, so
 * matching fetches them as one batch and commits nothing until its end. Killed a third of the way through, it has
 * committed about 100 transactions (inbox row + projection) whose offsets the group never recorded; the restarted
 * service is handed them again, and the inbox must turn each redelivery into a skipped duplicate.
 */
describe('fault (c): crash after the database commit, before the offset commit', () => {
  const harness = useMatchingFaultHarness(33);
  const { matching, producer, intake } = harness;

  it('deduplicates the events applied but not committed when the consumer died', async () => {
    const needId = await harness.publishNeed();
    const start = await harness.probe.topicEnds(TOPICS.companyProfiles);
    const companyIds = companyIdsOnPartition(5, 0);
    const watcher = harness.watch(companyIds);
    const events = [];
    for (let version = 1; version <= 60; version++)
      events.push(...companyIds.map((id) => companyUpserted(id, version)));
    await producer.send(TOPICS.companyProfiles, events);
    const ids = events.map((event) => event.eventId);

    await expectEventually(async () => expect((await harness.probe.inboxRows(ids)).size).toBeGreaterThanOrEqual(100), {
      timeoutMs: 60_000,
      intervalMs: 10,
    });
    await intake.collect(matching.url);
    await matching.stop('SIGKILL');
    const appliedAtKill = (await harness.probe.inboxRows(ids)).size;
    const committedAtKill = messagesBetween(start, await harness.probe.committedOffsets(TOPICS.companyProfiles));
    const redelivered = appliedAtKill - committedAtKill;
    // The scenario only means something if the kill left applied events behind the committed offset.
    expect(redelivered).toBeGreaterThan(0);
    await matching.start();

    const counts = await harness.expectAppliedOnce('c: crash between DB commit and offset commit', {
      watcher,
      needId,
      extra: { appliedAtKill, committedAtKill, redeliveredAfterRestart: redelivered },
    });
    if (counts.intake.scraped > 0) expect(counts.duplicatesSkipped).toBeGreaterThanOrEqual(redelivered);
    harness.passed();
  }, 180_000);
});
