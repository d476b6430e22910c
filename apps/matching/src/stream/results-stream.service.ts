import { Inject, Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import type { Consumer, Kafka } from 'kafkajs';
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { BehaviorSubject, ReplaySubject, Subject, type Observable } from 'rxjs';
import { TOPICS } from '#contracts';
import { createKafka } from '#messaging';
import { backoffDelay } from '#platform';
import { MATCHING_CONFIG, type MatchingConfig } from '../matching.config.js';
import { RecentChanges } from './recent-changes.js';
import { toShortlistChange, type ShortlistChange } from './shortlist-change.js';
import type { ShortlistChangeSource } from './shortlist-events.js';

const MAX_RETRY_DELAY_MS = 10_000;
const SHUTDOWN_WAIT_MS = 5_000;

/**
 * Reads `matching.results.v1` for the live stream, so every instance streams every change, whichever instance
 * computed it. Each instance is its own consumer group that starts at the end of the topic and commits nothing:
 * the stream is live only, and a restart leaves no offsets behind. Other event types are not streamed, and invalid
 * messages are skipped: dead-lettering them is the business of the topic's real consumers.
 */
@Injectable()
export class ResultsStreamService implements ShortlistChangeSource, OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(ResultsStreamService.name);
  private readonly changes = new Subject<ShortlistChange>();
  private readonly live = new BehaviorSubject<boolean>(false);
  private readonly closed = new ReplaySubject<void>(1);
  private readonly recent = new RecentChanges();
  private readonly stopping = new AbortController();
  private readonly groupId: string;
  private consumer: Consumer | undefined;
  private running: Promise<void> | undefined;
  /** Messages skipped because they were not valid events of the topic. */
  invalidMessages = 0;

  constructor(@Inject(MATCHING_CONFIG) private readonly config: MatchingConfig) {
    this.groupId = `${config.kafkaGroupPrefix}.matching-stream.${randomUUID()}`;
  }

  get changes$(): Observable<ShortlistChange> {
    return this.changes.asObservable();
  }

  get live$(): Observable<boolean> {
    return this.live.asObservable();
  }

  get closed$(): Observable<void> {
    return this.closed.asObservable();
  }

  changesAfter(eventId: string): readonly ShortlistChange[] | undefined {
    return this.recent.after(eventId);
  }

  /** Starts reading in the background: the service boots and serves HTTP while the broker is away. */
  onModuleInit(): void {
    this.running = this.consumeUntilStopped();
  }

  async onModuleDestroy(): Promise<void> {
    this.stopping.abort();
    this.setLive(false);
    // Ends every open stream, so the HTTP server can close instead of waiting for dashboards to hang up.
    this.closed.next();
    this.closed.complete();
    this.changes.complete();
    this.live.complete();
    await this.consumer?.disconnect().catch(() => undefined);
    // A connect still retrying against an absent broker ends on its own; shutdown does not wait for it.
    await Promise.race([this.running, sleep(SHUTDOWN_WAIT_MS, undefined, { ref: false })]);
  }

  /** The Kafka client; a seam for unit tests. */
  protected createKafka(): Kafka {
    return createKafka('matching-stream', this.config.kafkaBrokers, this.config.kafkaSecurity);
  }

  private get stopped(): boolean {
    return this.stopping.signal.aborted;
  }

  private async consumeUntilStopped(): Promise<void> {
    const kafka = this.createKafka();
    for (let attempt = 1; !this.stopped; attempt++) {
      const consumer = kafka.consumer({
        groupId: this.groupId,
        // Short fetch waits keep the delay before `live` and the time to shut down well under a second.
        maxWaitTimeInMs: 250,
        sessionTimeout: 15_000,
        heartbeatInterval: 1_000,
        allowAutoTopicCreation: false,
      });
      this.consumer = consumer;
      const watched = this.watch(consumer);
      try {
        await consumer.connect();
        await consumer.subscribe({ topic: TOPICS.matchingResults, fromBeginning: false });
        await consumer.run({
          autoCommit: false,
          eachMessage: async ({ message }) => this.dispatch(message.value),
        });
        attempt = 0;
        const reason = await watched.dead;
        if (reason) this.logger.warn(`results stream consumer stopped, reconnecting: ${reason}`);
      } catch (error) {
        if (!this.stopped) {
          this.logger.warn(`results stream not connected (attempt ${attempt}): ${(error as Error).message}`);
        }
      }
      watched.release();
      this.setLive(false);
      await consumer.disconnect().catch(() => undefined);
      if (this.stopped) return;
      await sleep(backoffDelay(attempt, { initialMs: 500, maxMs: MAX_RETRY_DELAY_MS }), undefined, {
        signal: this.stopping.signal,
      }).catch(() => undefined);
    }
  }

  /**
   * Tracks `live` (the group joined and a first fetch answered, so the starting offsets are fixed) and resolves once
   * the consumer is gone for good: with the crash's message when kafkajs will not restart it, or when we stop.
   */
  private watch(consumer: Consumer): { readonly dead: Promise<string | undefined>; readonly release: () => void } {
    let joined = false;
    // Every (re)join starts again from the end of the topic, as nothing is committed: whatever was published since
    // the last fetch is skipped, so a rejoin is a gap, whether or not a rebalance was announced before it.
    consumer.on(consumer.events.GROUP_JOIN, () => {
      joined = true;
      this.setLive(false);
    });
    consumer.on(consumer.events.FETCH, () => {
      if (joined && !this.stopped) this.setLive(true);
    });
    consumer.on(consumer.events.REBALANCING, () => {
      joined = false;
      this.setLive(false);
    });
    let release = (): void => undefined;
    const dead = new Promise<string | undefined>((resolve) => {
      const onStop = (): void => resolve(undefined);
      release = () => this.stopping.signal.removeEventListener('abort', onStop);
      this.stopping.signal.addEventListener('abort', onStop, { once: true });
      consumer.on(consumer.events.CRASH, ({ payload }) => {
        joined = false;
        this.setLive(false);
        if (!payload.restart) resolve(payload.error.message);
      });
    });
    return { dead, release };
  }

  private setLive(live: boolean): void {
    // Whatever was kept no longer joins up with what a rejoin reads next.
    if (!live) this.recent.clear();
    if (this.live.value !== live) this.live.next(live);
  }

  private dispatch(value: Buffer | null): void {
    const decoded = toShortlistChange(value);
    switch (decoded.kind) {
      case 'change':
        this.recent.add(decoded.change);
        this.changes.next(decoded.change);
        return;
      case 'other':
        return;
      case 'invalid':
        this.invalidMessages++;
        this.logger.debug(`skipped a ${TOPICS.matchingResults} message: ${decoded.reason}`);
    }
  }
}
