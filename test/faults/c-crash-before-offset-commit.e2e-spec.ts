import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { TOPICS } from '#contracts';
import { BrokerControl } from '../utils/broker-control.js';
import { companyIdsOnPartition, companyUpserted, rdNeedUpserted, TestEventProducer } from '../utils/company-events.js';
import { expectEveryEventAppliedOnce } from '../utils/delivery-check.js';
import { expectEventually } from '../utils/expect-eventually.js';
import { IntakeTotals } from '../utils/intake-metrics.js';
import { MatchingProbe, messagesBetween, PROJECTIONS_CONSUMER, VersionWatcher } from '../utils/matching-probe.js';
import { reportServiceProblems } from '../utils/service-logs.js';
import { ServiceProcess } from '../utils/service-process.js';

/**
 * Why this is "after the database commit, before the offset commit": kafkajs commits a partition's offsets only
 * after it has handled the whole fetched batch. The 300 events go to one partition in one produce request, so
 * matching fetches them as one batch and commits nothing until its end. Killed a third of the way through, it has
 * committed about 100 transactions (inbox row + projection) whose offsets the group never recorded; the restarted
 * service is handed them again, and the inbox must turn each redelivery into a skipped duplicate.
 */
describe('fault (c): crash after the database commit, before the offset commit', () => {
  const broker = new BrokerControl();
  const matching = new ServiceProcess('matching', 33);
  const producer = new TestEventProducer();
  const intake = new IntakeTotals(PROJECTIONS_CONSUMER);
  let probe: MatchingProbe;
  let finished = false;

  beforeAll(async () => {
    await broker.ensureRunning();
    probe = await MatchingProbe.connect();
    await matching.start();
  }, 120_000);

  afterAll(async () => {
    if (!finished) reportServiceProblems([matching]);
    await matching.stop();
    await producer.disconnect();
    await probe?.close();
    await broker.ensureRunning();
  }, 120_000);

  it('deduplicates the events applied but not committed when the consumer died', async () => {
    const needId = randomUUID();
    await producer.send(TOPICS.rdNeeds, [rdNeedUpserted(needId)]);
    const start = await probe.topicEnds(TOPICS.companyProfiles);
    const companyIds = companyIdsOnPartition(5, 0);
    const watcher = new VersionWatcher(probe, companyIds).start();
    const events = [];
    for (let version = 1; version <= 60; version++)
      events.push(...companyIds.map((id) => companyUpserted(id, version)));
    await producer.send(TOPICS.companyProfiles, events);
    const ids = events.map((event) => event.eventId);

    await expectEventually(async () => expect((await probe.inboxRows(ids)).size).toBeGreaterThanOrEqual(100), {
      timeoutMs: 60_000,
      intervalMs: 10,
    });
    await intake.collect(matching.url);
    await matching.stop('SIGKILL');
    const appliedAtKill = (await probe.inboxRows(ids)).size;
    const committedAtKill = messagesBetween(start, await probe.committedOffsets(TOPICS.companyProfiles));
    const redelivered = appliedAtKill - committedAtKill;
    // The scenario only means something if the kill left applied events behind the committed offset.
    expect(redelivered).toBeGreaterThan(0);
    await matching.start();

    const counts = await expectEveryEventAppliedOnce('c: crash between DB commit and offset commit', {
      probe,
      events: producer.produced,
      watcher,
      pair: { matchingUrl: matching.url, needId },
      intake: () => intake.peek([matching.url]),
      extra: { appliedAtKill, committedAtKill, redeliveredAfterRestart: redelivered },
    });
    if (counts.intake.scraped > 0) expect(counts.duplicatesSkipped).toBeGreaterThanOrEqual(redelivered);
    finished = true;
  }, 180_000);
});
