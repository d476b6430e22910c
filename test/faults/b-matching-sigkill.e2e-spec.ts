import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { TOPICS } from '#contracts';
import { BrokerControl } from '../utils/broker-control.js';
import { companyUpserted, rdNeedUpserted, TestEventProducer } from '../utils/company-events.js';
import { expectEveryEventAppliedOnce } from '../utils/delivery-check.js';
import { expectEventually } from '../utils/expect-eventually.js';
import { IntakeTotals } from '../utils/intake-metrics.js';
import { MatchingProbe, messagesBetween, PROJECTIONS_CONSUMER, VersionWatcher } from '../utils/matching-probe.js';
import { reportServiceProblems } from '../utils/service-logs.js';
import { ServiceProcess } from '../utils/service-process.js';

describe('fault (b): matching SIGKILLed mid-stream and restarted', () => {
  const broker = new BrokerControl();
  const matching = new ServiceProcess('matching', 32);
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

  it('applies every event exactly once after the restart', async () => {
    const start = await probe.topicEnds(TOPICS.companyProfiles);
    const needId = randomUUID();
    const companyIds = Array.from({ length: 20 }, () => randomUUID());
    const watcher = new VersionWatcher(probe, companyIds).start();
    await producer.send(TOPICS.rdNeeds, [rdNeedUpserted(needId)]);

    // A steady keyed stream: one new version of every company every 25 ms, 300 events in all.
    const stream = (async () => {
      for (let version = 1; version <= 15; version++) {
        await producer.send(
          TOPICS.companyProfiles,
          companyIds.map((id) => companyUpserted(id, version)),
        );
        await sleep(25);
      }
    })();

    const companyEventIds = () =>
      producer.produced.filter((event) => event.topic === TOPICS.companyProfiles).map((event) => event.eventId);
    await expectEventually(async () => expect((await probe.inboxRows(companyEventIds())).size).toBeGreaterThan(100), {
      timeoutMs: 60_000,
      intervalMs: 20,
    });
    await intake.collect(matching.url);
    await matching.stop('SIGKILL');
    const appliedAtKill = (await probe.inboxRows(companyEventIds())).size;
    const committedAtKill = messagesBetween(start, await probe.committedOffsets(TOPICS.companyProfiles));
    await stream;
    await matching.start();

    await expectEveryEventAppliedOnce('b: matching SIGKILL mid-stream', {
      probe,
      events: producer.produced,
      watcher,
      pair: { matchingUrl: matching.url, needId },
      intake: () => intake.peek([matching.url]),
      extra: {
        appliedAtKill,
        committedAtKill,
        // Applied before the kill but behind the committed offset: delivered again after the restart, and skipped.
        redeliveredAfterRestart: appliedAtKill - committedAtKill,
      },
    });
    finished = true;
  }, 180_000);
});
