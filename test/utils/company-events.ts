import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { Kafka, logLevel, Partitioners, type Message, type Producer, type RecordMetadata } from 'kafkajs';
import { TOPICS, type EventEnvelope } from '#contracts';
import { createEnvelope } from '#messaging';
import { aCompany } from '../factories/company.factory.js';
import { anRdNeed } from '../factories/rd-need.factory.js';
import { testEnv } from './test-env.js';

/** One event the test produced, as the checks need it. */
export interface ProducedEvent {
  readonly eventId: string;
  readonly topic: string;
  readonly key: string;
  readonly type: string;
  readonly version: number;
  /** The company name this version carries, or null for a deletion. */
  readonly name: string | null;
}

const storedFields = (id: string, version: number) => {
  const now = new Date().toISOString();
  return { id, version, createdAt: now, updatedAt: now, unmappedTerms: [] };
};

const envelope = <P>(type: string, key: string, version: number, payload: P): EventEnvelope<string, P> =>
  createEnvelope({ type, key, payload, producer: 'fault-test', entityVersion: version });

/** The name a company carries at `version`, so the pair endpoint shows which version matching holds. */
const companyNameAt = (label: string, version: number): string => `${label} v${version}`;

/** A `CompanyProfileUpserted` envelope as the companies service would publish it. */
export const companyUpserted = (id: string, version: number, label = `Fault Co ${id.slice(0, 8)}`) =>
  envelope('CompanyProfileUpserted', id, version, {
    ...aCompany({ name: companyNameAt(label, version) }),
    ...storedFields(id, version),
  });

export const companyDeleted = (id: string, version: number) =>
  envelope('CompanyProfileDeleted', id, version, { id, version });

export const rdNeedUpserted = (id: string, version = 1) =>
  envelope('RdNeedUpserted', id, version, { ...anRdNeed(), ...storedFields(id, version) });

export const toProduced = (topic: string, event: EventEnvelope): ProducedEvent => {
  const payload = event.payload as { name?: string };
  return {
    eventId: event.eventId,
    topic,
    key: event.key,
    type: event.type,
    version: event.entityVersion ?? 0,
    name: event.type === 'CompanyProfileDeleted' ? null : (payload.name ?? null),
  };
};

/** The Kafka message the outbox relay would send for `event`. */
export const toMessage = (event: EventEnvelope): Message => ({
  key: event.key,
  value: JSON.stringify(event),
  headers: { 'event-type': event.type, 'event-id': event.eventId, 'content-type': 'application/json' },
});

const partitioner = Partitioners.DefaultPartitioner();

/** The partition the default (Java-compatible) partitioner picks for `key` on a topic of `partitions`. */
export const partitionOf = (key: string, partitions: number): number =>
  partitioner({
    topic: 'any',
    partitionMetadata: Array.from({ length: partitions }, (_, partitionId) => ({
      partitionErrorCode: 0,
      partitionId,
      leader: 1,
      replicas: [1],
      isr: [1],
    })),
    message: { key, value: null },
  });

/** `count` fresh company ids that all land on `partition` of the company topic (6 partitions). */
export const companyIdsOnPartition = (count: number, partition = 0, partitions = 6): string[] => {
  const ids: string[] = [];
  while (ids.length < count) {
    const id = randomUUID();
    if (partitionOf(id, partitions) === partition) ids.push(id);
  }
  return ids;
};

/**
 * An idempotent, acks=all producer for driving the consumers directly. A send that fails (broker stopped, frozen,
 * restarting) is retried until `timeoutMs`, so keyed order holds: nothing later is sent before it succeeds.
 */
export class TestEventProducer {
  readonly produced: ProducedEvent[] = [];
  /** Sends that failed and were retried; a retried send may leave a second copy in the log. */
  resends = 0;
  private producer: Producer | undefined;
  private readonly kafka: Kafka;

  constructor() {
    this.kafka = new Kafka({
      clientId: 'parkmatch-fault-producer',
      brokers: testEnv().kafkaBrokers,
      logLevel: logLevel.NOTHING,
      retry: { initialRetryTime: 100, maxRetryTime: 1_000, retries: 5 },
    });
  }

  async send(topic: string, events: readonly EventEnvelope[], timeoutMs = 120_000): Promise<RecordMetadata[]> {
    const metadata = await this.sendRaw(topic, events.map(toMessage), timeoutMs);
    this.produced.push(...events.map((event) => toProduced(topic, event)));
    return metadata;
  }

  async sendRaw(topic: string, messages: Message[], timeoutMs = 120_000): Promise<RecordMetadata[]> {
    const deadline = Date.now() + timeoutMs;
    for (let attempt = 1; ; attempt++) {
      try {
        this.producer ??= await this.connect();
        return await this.producer.send({ topic, acks: -1, messages });
      } catch (error) {
        if (Date.now() > deadline) throw error;
        this.resends++;
        // A producer whose sequence numbers the broker no longer accepts (after a crash) is replaced.
        if (attempt % 3 === 0) await this.reset();
        await sleep(Math.min(200 * attempt, 1_000));
      }
    }
  }

  async disconnect(): Promise<void> {
    await this.reset();
  }

  private async connect(): Promise<Producer> {
    const producer = this.kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false });
    try {
      await producer.connect();
    } catch (error) {
      await producer.disconnect().catch(() => undefined);
      throw error;
    }
    return producer;
  }

  private async reset(): Promise<void> {
    const producer = this.producer;
    this.producer = undefined;
    await producer?.disconnect().catch(() => undefined);
  }
}

/** Keyed load: a new version of every company in `ids` every `intervalMs`, until stopped. */
export class KeyedLoad {
  private running = true;
  private readonly loop: Promise<void>;

  constructor(producer: TestEventProducer, ids: readonly string[], intervalMs: number) {
    this.loop = (async () => {
      for (let version = 1; this.running; version++) {
        await producer.send(
          TOPICS.companyProfiles,
          ids.map((id) => companyUpserted(id, version)),
        );
        await sleep(intervalMs);
      }
    })();
  }

  /** Resolves once the send under way (if any) has gone through. */
  async stop(): Promise<void> {
    this.running = false;
    await this.loop;
  }
}
