import { describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { TOPICS } from '#contracts';
import { companyUpserted } from '../utils/company-events.js';
import { expectEventually } from '../utils/expect-eventually.js';
import { messagesBetween } from '../utils/matching-probe.js';
import { useMatchingFaultHarness } from '../utils/matching-fault-harness.js';

describe('fault (b): matching SIGKILLed mid-stream and restarted', () => {
  const harness = useMatchingFaultHarness(32);
  const { matching, producer, intake } = harness;

  it('applies every event exactly once after the restart', async () => {
    const start = await harness.probe.topicEnds(TOPICS.companyProfiles);
    const companyIds = Array.from({ length: 20 }, () => randomUUID());
    const watcher = harness.watch(companyIds);
    const needId = await harness.publishNeed();

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
    await expectEventually(
      async () => expect((await harness.probe.inboxRows(companyEventIds())).size).toBeGreaterThan(100),
      {
        timeoutMs: 60_000,
        intervalMs: 20,
      },
    );
    await intake.collect(matching.url);
    await matching.stop('SIGKILL');
    const appliedAtKill = (await harness.probe.inboxRows(companyEventIds())).size;
    const committedAtKill = messagesBetween(start, await harness.probe.committedOffsets(TOPICS.companyProfiles));
    await stream;
    await matching.start();

    await harness.expectAppliedOnce('b: matching SIGKILL mid-stream', {
      watcher,
      needId,
      extra: {
        appliedAtKill,
        committedAtKill,
        // Applied before the kill but behind the committed offset: delivered again after the restart, and skipped.
        redeliveredAfterRestart: appliedAtKill - committedAtKill,
      },
    });
    harness.passed();
  }, 180_000);
});
