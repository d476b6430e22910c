import { expect } from '@jest/globals';
import { TOPICS } from '#contracts';
import type { ProducedEvent } from './company-events.js';
import { emptyTally, type IntakeTally } from './intake-metrics.js';
import { expectEventually } from './expect-eventually.js';
import { http } from './http.js';
import { KafkaCapture, type CapturedMessage } from './kafka-capture.js';
import { MATCHING_DLQ_TOPICS, MATCHING_TOPICS, type MatchingProbe, type VersionWatcher } from './matching-probe.js';

export interface DeliveryCounts {
  /** Sends of events to the broker, deliberate resends of one event included. */
  readonly produced: number;
  readonly uniqueEvents: number;
  /** Copies of those events in the broker's log (more than uniqueEvents when a producer or relay resent). */
  readonly copiesInLog: number;
  /** Events matching recorded in its inbox: one row per event id at most, by primary key. */
  readonly applied: number;
  /** Deliveries matching's intake skipped as already applied (its counters, summed over the test's processes). */
  readonly duplicatesSkipped: number;
  /** Events a newer version had already superseded: recorded in the inbox, projection untouched. */
  readonly staleIgnored: number;
  /** Attempts retried in place after a failure (a database outage, say). */
  readonly retries: number;
  /** Messages matching parked on its dead-letter topics that were produced during the test. */
  readonly deadLettered: number;
  readonly lag: number;
  readonly outboxBacklog: number;
}

export interface DeliveryExpectations {
  readonly probe: MatchingProbe;
  readonly events: readonly ProducedEvent[];
  /** Dead letters expected among the messages produced during the test; none unless told. */
  readonly expectedDeadLetters?: number;
  /** matching's intake counters over the test (IntakeTotals.peek); printed, they show the skipped duplicates. */
  readonly intake?: () => Promise<IntakeTally>;
  readonly watcher?: VersionWatcher;
  /** When set, each company's final name is also checked through matching's REST pair endpoint. */
  readonly pair?: { readonly matchingUrl: string; readonly needId: string };
  readonly timeoutMs?: number;
  readonly extra?: Record<string, number | string>;
}

const lastByKey = (events: readonly ProducedEvent[]): Map<string, ProducedEvent> => {
  const last = new Map<string, ProducedEvent>();
  for (const event of events) {
    const current = last.get(event.key);
    if (!current || event.version > current.version) last.set(event.key, event);
  }
  return last;
};

const uniqueById = (events: readonly ProducedEvent[]): ProducedEvent[] => [
  ...new Map(events.map((event) => [event.eventId, event])).values(),
];

/** Every message `topics` hold, read from the beginning by a throwaway consumer group. */
export const readTopics = async (probe: MatchingProbe, topics: readonly string[]): Promise<CapturedMessage[]> => {
  const total = await probe.messageCount(topics);
  const capture = await KafkaCapture.start([...topics]);
  try {
    await expectEventually(() => expect(capture.messages.length).toBeGreaterThanOrEqual(total), { timeoutMs: 30_000 });
    return [...capture.messages];
  } finally {
    await capture.stop();
  }
};

/** Waits until matching has applied `count` more of `events` (a list that may still grow) than it has now. */
export const expectProgress = async (
  probe: MatchingProbe,
  events: readonly ProducedEvent[],
  count: number,
  timeoutMs = 90_000,
): Promise<void> => {
  const applied = async () => (await probe.inboxRows(events.map((event) => event.eventId))).size;
  const before = await applied();
  await expectEventually(async () => expect(await applied()).toBeGreaterThanOrEqual(before + count), {
    timeoutMs,
    intervalMs: 100,
  });
};

const eventIdOf = (message: CapturedMessage): string => (message.value as { eventId?: string } | null)?.eventId ?? '';

/**
 * The pass criterion every fault test shares: every produced event applied (one inbox row per event id), none twice,
 * each key's events applied in the order produced and its final version the highest produced, versions never seen
 * going down, the consumer group's lag back to zero and every outbox drained. Prints and returns the counts.
 */
export const expectEveryEventAppliedOnce = async (
  name: string,
  expectations: DeliveryExpectations,
): Promise<DeliveryCounts & { readonly intake: IntakeTally }> => {
  const { probe, events, timeoutMs = 90_000 } = expectations;
  const unique = uniqueById(events);
  const ids = unique.map((event) => event.eventId);
  const companies = lastByKey(unique.filter((event) => event.topic === TOPICS.companyProfiles));
  const needs = lastByKey(unique.filter((event) => event.topic === TOPICS.rdNeeds));

  const inbox = await expectEventually(
    async () => {
      const rows = await probe.inboxRows(ids);
      expect({ missingFromInbox: ids.length - rows.size }).toEqual({ missingFromInbox: 0 });
      return rows;
    },
    { timeoutMs, intervalMs: 200 },
  );
  const projections = await expectEventually(
    async () => {
      const states = await probe.companyProjections([...companies.keys()]);
      const wrong = [...companies.values()].filter((last) => states.get(last.key)?.version !== last.version);
      expect(wrong.map((last) => `${last.key} at ${states.get(last.key)?.version}, want ${last.version}`)).toEqual([]);
      return states;
    },
    { timeoutMs: 10_000 },
  );
  for (const last of companies.values()) {
    const state = projections.get(last.key);
    expect({ key: last.key, removed: state?.removed, name: state?.removed ? null : state?.name }).toEqual({
      key: last.key,
      removed: last.name === null,
      name: last.name,
    });
  }
  const needVersions = await probe.needVersions([...needs.keys()]);
  for (const last of needs.values())
    expect({ need: last.key, version: needVersions.get(last.key) }).toEqual({
      need: last.key,
      version: last.version,
    });

  // Per-key order: a key's events are applied (inbox processed_at) in the order they were produced.
  const outOfOrder: string[] = [];
  const byKey = new Map<string, ProducedEvent[]>();
  for (const event of unique) byKey.set(event.key, [...(byKey.get(event.key) ?? []), event]);
  for (const [key, keyEvents] of byKey) {
    const applied = [...keyEvents].sort((a, b) => inbox.get(a.eventId)! - inbox.get(b.eventId)!);
    if (applied.some((event, index) => event !== keyEvents[index])) {
      const versions = (events: ProducedEvent[]) => events.map((event) => event.version).join(',');
      outOfOrder.push(`${key}: produced ${versions(keyEvents)}, applied ${versions(applied)}`);
    }
  }
  expect(outOfOrder).toEqual([]);
  await expectations.watcher?.stop();
  expect(expectations.watcher?.regressions ?? []).toEqual([]);

  const lag = await expectEventually(
    async () => {
      const lag = await probe.lag();
      expect({ lag }).toEqual({ lag: 0 });
      return lag;
    },
    { timeoutMs: 30_000, intervalMs: 200 },
  );
  const outboxBacklog = await expectEventually(
    async () => {
      const backlog = await probe.outboxBacklog();
      expect({ outboxBacklog: backlog }).toEqual({ outboxBacklog: 0 });
      return backlog;
    },
    { timeoutMs: 30_000, intervalMs: 200 },
  );

  if (expectations.pair) {
    const { matchingUrl, needId } = expectations.pair;
    for (const last of companies.values()) {
      const response = await http<{ companyName: string }>(`${matchingUrl}/needs/${needId}/matches/${last.key}`);
      if (last.name === null)
        expect({ key: last.key, status: response.status }).toEqual({ key: last.key, status: 404 });
      else expect({ key: last.key, name: response.body.companyName }).toEqual({ key: last.key, name: last.name });
    }
  }

  const idSet = new Set(ids);
  const log = await readTopics(probe, [...MATCHING_TOPICS, ...MATCHING_DLQ_TOPICS]);
  const copies = log.filter((message) => !message.topic.endsWith('.dlq') && idSet.has(eventIdOf(message))).length;
  const deadLettered = log.filter(
    (message) =>
      message.topic.endsWith('.dlq') &&
      probe.isRecent(
        message.headers['dlq-original-topic'] ?? '',
        Number(message.headers['dlq-original-partition']),
        Number(message.headers['dlq-original-offset']),
      ),
  ).length;
  expect({ deadLettered }).toEqual({ deadLettered: expectations.expectedDeadLetters ?? 0 });

  const intake = (await expectations.intake?.()) ?? emptyTally();
  const counts: DeliveryCounts & Readonly<Record<string, number | string>> = {
    produced: events.length,
    uniqueEvents: unique.length,
    copiesInLog: copies,
    applied: inbox.size,
    duplicatesSkipped: intake.duplicates,
    staleIgnored: intake.stale,
    retries: intake.retries,
    deadLettered,
    lag,
    outboxBacklog,
    ...expectations.extra,
  };
  console.log(`[fault ${name}] ${JSON.stringify(counts)}`);
  return { ...counts, intake };
};
