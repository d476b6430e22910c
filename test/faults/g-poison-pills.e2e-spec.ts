import { describe, expect, it } from '@jest/globals';
import type { Message } from 'kafkajs';
import { deadLetterTopicOf, TOPICS } from '#contracts';
import { companyIdsOnPartition, companyUpserted, toMessage, toProduced } from '../utils/company-events.js';
import { expectEventually } from '../utils/expect-eventually.js';
import { useMatchingFaultHarness } from '../utils/matching-fault-harness.js';

describe('fault (g): poison pills', () => {
  const harness = useMatchingFaultHarness(39, { capture: [deadLetterTopicOf(TOPICS.companyProfiles)] });
  const { producer } = harness;

  it('parks each bad message on .dlq with its reason and processes the good messages behind it', async () => {
    const needId = await harness.publishNeed();

    // Everything on one partition, interleaved, so each good message really sits behind a poison pill.
    const [poisonKey, ...companyIds] = companyIdsOnPartition(5, 0) as [string, ...string[]];
    const good = [1, 2].flatMap((version) => companyIds.map((id) => companyUpserted(id, version)));
    const base = companyUpserted(poisonKey, 1);
    const poison: [string, string | null][] = [
      ['unparseable JSON', '{"eventId": '],
      ['not an object', '[1, 2, 3]'],
      ['empty value', null],
      ['envelope without eventId', JSON.stringify({ ...base, eventId: undefined })],
      ['unknown event type', JSON.stringify({ ...base, type: 'CompanyProfileExploded' })],
      [
        'invalid payload',
        JSON.stringify({ ...base, payload: { ...base.payload, country: 'Atlantis', sectors: 'all' } }),
      ],
      // Valid to the contract (an unknown term is kept as unmapped), refused by Postgres (text cannot hold NUL).
      ['handler failure', JSON.stringify({ ...base, payload: { ...base.payload, capabilities: ['Bad\u0000Term'] } })],
    ];
    const messages: Message[] = [];
    const poisonAt = new Map<number, string>();
    good.forEach((event, index) => {
      messages.push(toMessage(event));
      const pill = poison[index];
      if (!pill) return;
      poisonAt.set(messages.length, pill[0]);
      messages.push({ key: poisonKey, value: pill[1] });
    });
    const [metadata] = await producer.sendRaw(TOPICS.companyProfiles, messages);
    expect(metadata?.partition).toBe(0);
    const baseOffset = Number(metadata?.baseOffset);
    producer.produced.push(...good.map((event) => toProduced(TOPICS.companyProfiles, event)));

    const parked = await expectEventually(
      () => {
        const mine = harness.captured.messages.filter((message) => message.key === poisonKey);
        expect(mine).toHaveLength(poisonAt.size);
        return mine;
      },
      { timeoutMs: 60_000 },
    );
    const reasons = parked.map((message) => {
      expect(message.headers).toMatchObject({
        'dlq-original-topic': TOPICS.companyProfiles,
        'dlq-original-partition': '0',
        'dlq-error': expect.any(String),
      });
      const reason = poisonAt.get(Number(message.headers['dlq-original-offset']) - baseOffset);
      expect({ reason, attempts: message.headers['dlq-attempts'] }).toEqual({
        reason: expect.any(String),
        // A value the database rejects fails the same way every time: parked at once, not retried.
        attempts: '1',
      });
      return reason;
    });
    expect(reasons.sort()).toEqual(poison.map(([reason]) => reason).sort());
    expect((await harness.probe.companyProjections([poisonKey])).size).toBe(0);

    await harness.expectAppliedOnce('g: poison pills', {
      expectedDeadLetters: poisonAt.size,
      watcher: harness.watch(companyIds),
      needId,
      extra: { poisonPills: poisonAt.size, goodAroundThem: good.length },
    });
    harness.passed();
  }, 180_000);
});
