import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { TOPICS } from '#contracts';
import { BrokerControl } from '../utils/broker-control.js';
import { companyUpserted, rdNeedUpserted, TestEventProducer } from '../utils/company-events.js';
import { expectEveryEventAppliedOnce } from '../utils/delivery-check.js';
import { IntakeTotals } from '../utils/intake-metrics.js';
import { MatchingProbe, PROJECTIONS_CONSUMER, VersionWatcher } from '../utils/matching-probe.js';
import { reportServiceProblems } from '../utils/service-logs.js';
import { ServiceProcess } from '../utils/service-process.js';

describe('fault (a): replaying the matching consumer group from the earliest offset', () => {
  const broker = new BrokerControl();
  const matching = new ServiceProcess('matching', 31);
  const producer = new TestEventProducer();
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

  it('changes no state: every replayed event is skipped as a duplicate and the lag returns to zero', async () => {
    const needId = randomUUID();
    const companyIds = Array.from({ length: 10 }, () => randomUUID());
    await producer.send(TOPICS.rdNeeds, [rdNeedUpserted(needId)]);
    for (let version = 1; version <= 5; version++) {
      await producer.send(
        TOPICS.companyProfiles,
        companyIds.map((id) => companyUpserted(id, version)),
      );
    }
    const firstPass = new IntakeTotals(PROJECTIONS_CONSUMER);
    await expectEveryEventAppliedOnce('a: first pass', {
      probe,
      events: producer.produced,
      watcher: new VersionWatcher(probe, companyIds).start(),
      pair: { matchingUrl: matching.url, needId },
      intake: () => firstPass.peek([matching.url]),
    });
    const before = await probe.matchingStateDigest();

    await matching.stop();
    await probe.rewindToEarliest();
    const replayed = await probe.lag();
    expect(replayed).toBeGreaterThanOrEqual(producer.produced.length);
    await matching.start();

    const replay = new IntakeTotals(PROJECTIONS_CONSUMER);
    const counts = await expectEveryEventAppliedOnce('a: after replay', {
      probe,
      events: producer.produced,
      watcher: new VersionWatcher(probe, companyIds).start(),
      pair: { matchingUrl: matching.url, needId },
      intake: () => replay.peek([matching.url]),
      extra: { replayedMessages: replayed },
    });
    expect(await probe.matchingStateDigest()).toEqual(before);
    if (counts.intake.scraped > 0) expect(counts.duplicatesSkipped).toBeGreaterThanOrEqual(producer.produced.length);
    finished = true;
  }, 180_000);
});
