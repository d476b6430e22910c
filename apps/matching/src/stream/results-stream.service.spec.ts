import 'reflect-metadata';
import { afterEach, describe, expect, it } from '@jest/globals';
import type { Consumer, ConsumerRunConfig, Kafka } from 'kafkajs';
import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { firstValueFrom, take, toArray } from 'rxjs';
import type { MatchingConfig } from '../matching.config.js';
import { ResultsStreamService } from './results-stream.service.js';
import { aShortlistUpdated } from './shortlist-updated.fixture.js';

const EVENTS = {
  GROUP_JOIN: 'consumer.group_join',
  FETCH: 'consumer.fetch',
  REBALANCING: 'consumer.rebalancing',
  CRASH: 'consumer.crash',
} as const;

/** Just enough of a kafkajs consumer: lifecycle calls are recorded, instrumentation events are emitted by the test. */
class FakeConsumer extends EventEmitter {
  readonly events = EVENTS;
  readonly calls: string[] = [];
  eachMessage: ConsumerRunConfig['eachMessage'];

  constructor(
    readonly config: { groupId: string },
    private readonly failConnect: boolean,
  ) {
    super();
  }

  async connect(): Promise<void> {
    this.calls.push('connect');
    if (this.failConnect) throw new Error('Connection error: ECONNREFUSED');
  }

  async subscribe(subscription: unknown): Promise<void> {
    this.calls.push(`subscribe ${JSON.stringify(subscription)}`);
  }

  async run(config: ConsumerRunConfig): Promise<void> {
    this.calls.push(`run autoCommit=${String(config.autoCommit)}`);
    this.eachMessage = config.eachMessage;
  }

  async disconnect(): Promise<void> {
    this.calls.push('disconnect');
  }

  instrument(event: keyof typeof EVENTS, payload: unknown = {}): void {
    this.emit(EVENTS[event], { payload });
  }

  async deliver(value: string): Promise<void> {
    await this.eachMessage!({ message: { value: Buffer.from(value) } } as never);
  }
}

class TestResultsStreamService extends ResultsStreamService {
  readonly consumers: FakeConsumer[] = [];

  constructor(private readonly connectFailures = 0) {
    super({ kafkaGroupPrefix: 'parkmatch-test', kafkaBrokers: ['127.0.0.1:1'] } as MatchingConfig);
  }

  protected override createKafka(): Kafka {
    return {
      consumer: (config: { groupId: string }) => {
        const consumer = new FakeConsumer(config, this.consumers.length < this.connectFailures);
        this.consumers.push(consumer);
        return consumer as unknown as Consumer;
      },
    } as unknown as Kafka;
  }
}

const eventually = async (assertion: () => void, timeoutMs = 5_000): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      assertion();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }
};

const shortlistUpdated = (needId: string) => JSON.stringify(aShortlistUpdated(needId));

const decisionRecorded = (needId: string) =>
  JSON.stringify({
    ...JSON.parse(shortlistUpdated(needId)),
    type: 'MatchDecisionRecorded',
    payload: {
      needId,
      companyId: randomUUID(),
      decision: 'accepted',
      companyVersion: 1,
      decidedBy: 'dev-admin',
      decidedAt: new Date().toISOString(),
    },
  });

describe('ResultsStreamService', () => {
  let service: TestResultsStreamService | undefined;

  afterEach(async () => {
    await service?.onModuleDestroy();
  });

  it('reads only new messages in a group of its own, committing nothing', async () => {
    service = new TestResultsStreamService();
    service.onModuleInit();
    await eventually(() => expect(service!.consumers[0]?.calls).toContain('run autoCommit=false'));
    const [consumer] = service.consumers;
    expect(consumer!.config.groupId).toMatch(/^parkmatch-test\.matching-stream\.[0-9a-f-]{36}$/);
    expect(consumer!.calls).toEqual([
      'connect',
      'subscribe {"topic":"matching.results.v1","fromBeginning":false}',
      'run autoCommit=false',
    ]);
  });

  it('fans valid ShortlistUpdated events out and skips everything else', async () => {
    service = new TestResultsStreamService();
    const received = firstValueFrom(service.changes$.pipe(take(2), toArray()));
    service.onModuleInit();
    await eventually(() => expect(service!.consumers[0]?.eachMessage).toBeDefined());
    const consumer = service.consumers[0]!;
    const needA = randomUUID();
    const needB = randomUUID();

    await consumer.deliver(shortlistUpdated(needA));
    await consumer.deliver('{"not":"an envelope"}');
    await consumer.deliver(decisionRecorded(needA));
    await consumer.deliver(shortlistUpdated(needB));

    expect((await received).map((change) => change.needId)).toEqual([needA, needB]);
    // A decision is a valid event of the topic, just not one this stream carries.
    expect(service.invalidMessages).toBe(1);
  });

  it('does not hold up boot while the broker is away, and keeps trying', async () => {
    service = new TestResultsStreamService(1);
    service.onModuleInit();
    await eventually(() => expect(service!.consumers).toHaveLength(2));
    expect(service.consumers[0]!.calls).toEqual(['connect', 'disconnect']);
    await eventually(() => expect(service!.consumers[1]!.calls).toContain('run autoCommit=false'));
  });

  it('is live once the group is joined and a fetch answered, and not from a rebalance or rejoin until the next fetch', async () => {
    service = new TestResultsStreamService();
    const states: boolean[] = [];
    service.live$.subscribe((live) => states.push(live));
    service.onModuleInit();
    await eventually(() => expect(service!.consumers[0]?.eachMessage).toBeDefined());
    const consumer = service.consumers[0]!;

    consumer.instrument('FETCH');
    expect(states).toEqual([false]);
    consumer.instrument('GROUP_JOIN');
    consumer.instrument('FETCH');
    consumer.instrument('FETCH');
    consumer.instrument('REBALANCING');
    consumer.instrument('GROUP_JOIN');
    consumer.instrument('FETCH');
    expect(states).toEqual([false, true, false, true]);

    // A rejoin without an announced rebalance (the coordinator forgot the member) restarts at the end of the topic too.
    consumer.instrument('GROUP_JOIN');
    consumer.instrument('FETCH');
    expect(states).toEqual([false, true, false, true, false, true]);
  });

  it('starts a new consumer when kafkajs gives one up after a crash', async () => {
    service = new TestResultsStreamService();
    service.onModuleInit();
    await eventually(() => expect(service!.consumers[0]?.eachMessage).toBeDefined());
    const first = service.consumers[0]!;
    first.instrument('GROUP_JOIN');
    first.instrument('FETCH');

    first.instrument('CRASH', { error: new Error('retriable'), restart: true });
    expect(service.consumers).toHaveLength(1);
    first.instrument('CRASH', { error: new Error('not retriable'), restart: false });

    await eventually(() => expect(service!.consumers[1]?.calls).toContain('run autoCommit=false'));
    expect(first.calls.at(-1)).toBe('disconnect');
    expect(service.consumers[1]!.config.groupId).toBe(first.config.groupId);
  });

  it('on shutdown disconnects and ends every stream', async () => {
    service = new TestResultsStreamService();
    service.onModuleInit();
    await eventually(() => expect(service!.consumers[0]?.eachMessage).toBeDefined());
    const closed = firstValueFrom(service.closed$);

    await service.onModuleDestroy();

    await expect(closed).resolves.toBeUndefined();
    expect(service.consumers[0]!.calls).toContain('disconnect');
    expect(service.consumers).toHaveLength(1);
    service = undefined;
  });
});
