import { describe, expect, it } from '@jest/globals';
import { EventEmitter } from 'node:events';
import type { Kafka } from 'kafkajs';
import { listening, SupervisedKafkaServer } from './supervised-kafka.server.js';

const CRASH = 'consumer.crash';

/** A kafkajs consumer as far as Nest's server uses it: connect, subscribe, run, disconnect and its events. */
class FakeConsumer extends EventEmitter {
  readonly events = { CRASH, CONNECT: 'c', DISCONNECT: 'd', REBALANCING: 'r', STOP: 's' };
  running = false;
  disconnected = false;
  constructor(private readonly onRun: (consumer: FakeConsumer) => void) {
    super();
  }
  async connect(): Promise<void> {}
  async subscribe(): Promise<void> {}
  async run(): Promise<void> {
    this.running = true;
    this.onRun(this);
  }
  async disconnect(): Promise<void> {
    this.running = false;
    this.disconnected = true;
  }
  crash(restart: boolean): void {
    this.emit(CRASH, { payload: { error: new Error('The coordinator is not aware of this member'), restart } });
  }
}

/** Hands out consumers; `failConnects` connections are refused first, as by a broker still down. */
class FakeKafka {
  readonly consumers: FakeConsumer[] = [];
  private waiters: Array<{ count: number; resolve: () => void }> = [];
  constructor(public failConnects = 0) {}
  consumer(): FakeConsumer {
    const consumer = new FakeConsumer(() => this.settle());
    const connect = consumer.connect.bind(consumer);
    consumer.connect = async () => {
      if (this.failConnects > 0 && this.consumers.length > 1) {
        this.failConnects--;
        throw new Error('connect ECONNREFUSED');
      }
      return connect();
    };
    this.consumers.push(consumer);
    return consumer;
  }
  get first(): FakeConsumer {
    const [consumer] = this.consumers;
    if (!consumer) throw new Error('no consumer started');
    return consumer;
  }
  producer() {
    return { connect: async () => {}, disconnect: async () => {}, on: () => {}, events: {} };
  }
  /** Resolves once `count` consumers have started running. */
  running(count: number): Promise<void> {
    return new Promise((resolve) => {
      this.waiters.push({ count, resolve });
      this.settle();
    });
  }
  private settle(): void {
    const started = this.consumers.filter((consumer) => consumer.running || consumer.disconnected).length;
    this.waiters = this.waiters.filter((waiter) => (started >= waiter.count ? (waiter.resolve(), false) : true));
  }
}

class TestServer extends SupervisedKafkaServer {
  constructor(private readonly kafka: FakeKafka) {
    super(
      { client: { brokers: ['127.0.0.1:1'] }, consumer: { groupId: 'g' }, postfixId: '' },
      { partitionsConcurrently: 2, chunkSize: 10 },
      { initialMs: 1, maxMs: 4 },
    );
  }
  override async createClient<T = Kafka>(): Promise<T> {
    return this.kafka as unknown as T;
  }
}

const started = async (kafka: FakeKafka): Promise<TestServer> => {
  const server = new TestServer(kafka);
  server.addHandler('partner.company-profiles.v1', async () => undefined, true);
  await listening(server);
  return server;
};

describe('SupervisedKafkaServer', () => {
  it('starts a new consumer when kafkajs gives up on a crashed one', async () => {
    const kafka = new FakeKafka();
    const server = await started(kafka);
    kafka.first.crash(false);
    await kafka.running(2);
    expect(kafka.consumers.map((consumer) => consumer.running)).toEqual([false, true]);
    await server.close();
  });

  it('keeps trying while the broker refuses connections', async () => {
    const kafka = new FakeKafka(3);
    const server = await started(kafka);
    kafka.first.crash(false);
    await kafka.running(5);
    expect({ refusedLeft: kafka.failConnects, running: kafka.consumers.at(-1)?.running }).toEqual({
      refusedLeft: 0,
      running: true,
    });
    await server.close();
  });

  it('leaves a crash kafkajs restarts itself to kafkajs', async () => {
    const kafka = new FakeKafka();
    const server = await started(kafka);
    kafka.first.crash(true);
    await server.close();
    expect(kafka.consumers).toHaveLength(1);
  });

  it('does not restart once closed', async () => {
    const kafka = new FakeKafka();
    const server = await started(kafka);
    await server.close();
    kafka.first.crash(false);
    expect(kafka.consumers).toHaveLength(1);
  });
});
