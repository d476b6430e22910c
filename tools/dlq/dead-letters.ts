import type { IHeaders, KafkaMessage, Message } from 'kafkajs';

/** A record parked on a `<topic>.dlq` topic, read back with its `dlq-*` headers (see libs/messaging dead-letter.ts). */
export interface DeadLetter {
  /** `<partition>:<offset>` on the dead-letter topic: what `--id` names, besides the event id. */
  readonly id: string;
  readonly dlqTopic: string;
  readonly partition: number;
  readonly offset: string;
  readonly key: Buffer | null;
  readonly value: Buffer | null;
  readonly headers: Readonly<Record<string, string>>;
  readonly originalTopic: string;
  readonly originalPartition: number | undefined;
  readonly originalOffset: string | undefined;
  readonly consumer: string;
  readonly reason: string;
  readonly attempts: number;
  readonly failedAt: string;
  /** Only the first bytes of the value were kept (it was too large to park whole): it cannot be replayed. */
  readonly truncated: boolean;
  readonly eventId: string | undefined;
  readonly eventType: string | undefined;
}

const DLQ_SUFFIX = '.dlq';
const DLQ_HEADER = /^dlq-/;

/** The dead-letter topic a name refers to: the dead-letter topic itself or the topic it belongs to. */
export const deadLetterTopicFor = (topic: string): string =>
  topic.endsWith(DLQ_SUFFIX) ? topic : `${topic}${DLQ_SUFFIX}`;

const headerText = (value: IHeaders[string]): string | undefined => {
  const first = Array.isArray(value) ? value[0] : value;
  return first === undefined ? undefined : first.toString();
};

/** What the value says about itself, when it is an event envelope at all. */
const envelopeOf = (value: Buffer | null): { eventId?: string; type?: string } => {
  if (!value) return {};
  try {
    const parsed: unknown = JSON.parse(value.toString('utf8'));
    if (typeof parsed !== 'object' || parsed === null) return {};
    const { eventId, type } = parsed as Record<string, unknown>;
    return {
      eventId: typeof eventId === 'string' ? eventId : undefined,
      type: typeof type === 'string' ? type : undefined,
    };
  } catch {
    return {};
  }
};

export const toDeadLetter = (dlqTopic: string, partition: number, message: KafkaMessage): DeadLetter => {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(message.headers ?? {})) {
    const text = headerText(value);
    if (text !== undefined) headers[name] = text;
  }
  const originalPartition = headers['dlq-original-partition'];
  const envelope = envelopeOf(message.value);
  return {
    id: `${partition}:${message.offset}`,
    dlqTopic,
    partition,
    offset: message.offset,
    key: message.key,
    value: message.value,
    headers,
    originalTopic: headers['dlq-original-topic'] ?? dlqTopic.slice(0, -DLQ_SUFFIX.length),
    originalPartition: originalPartition === undefined ? undefined : Number(originalPartition),
    originalOffset: headers['dlq-original-offset'],
    consumer: headers['dlq-consumer'] ?? '',
    reason: headers['dlq-error'] ?? '',
    attempts: Number(headers['dlq-attempts'] ?? 0),
    failedAt: headers['dlq-failed-at'] ?? '',
    truncated: headers['dlq-truncated'] === 'true',
    eventId: envelope.eventId,
    eventType: envelope.type,
  };
};

/**
 * The dead letters `ids` name (each a `<partition>:<offset>` or an event id), in log order; every id must name at
 * least one, so a typo is an error rather than a silent no-op.
 */
export const selectDeadLetters = (
  all: readonly DeadLetter[],
  ids: readonly string[],
): { readonly selected: DeadLetter[]; readonly unknown: string[] } => {
  const wanted = new Set(ids);
  const selected = all.filter((letter) => wanted.has(letter.id) || (letter.eventId && wanted.has(letter.eventId)));
  const found = new Set(selected.flatMap((letter) => [letter.id, letter.eventId]));
  return { selected, unknown: ids.filter((id) => !found.has(id)) };
};

/**
 * The record a replay sends to the original topic: the original key, value and headers, without the `dlq-*` ones,
 * plus where it was replayed from. It goes through the consumer's normal path; the inbox makes a second replay of the
 * same event a no-op.
 */
export const replayMessage = (letter: DeadLetter): Message => {
  if (letter.truncated) {
    throw new Error(
      `${letter.dlqTopic} ${letter.id} holds only the first bytes of a too-large record (sha256 ${letter.headers['dlq-original-sha256'] ?? '?'}): it cannot be replayed`,
    );
  }
  const headers: IHeaders = Object.fromEntries(
    Object.entries(letter.headers).filter(([name]) => !DLQ_HEADER.test(name)),
  );
  headers['dlq-replayed-from'] = `${letter.dlqTopic}/${letter.id}`;
  return { key: letter.key, value: letter.value, headers };
};

const column = (text: string, width: number): string =>
  text.length > width ? `${text.slice(0, width - 1)}…` : text.padEnd(width);

/** One line per dead letter, for `list`. */
export const formatDeadLetterList = (letters: readonly DeadLetter[]): string => {
  if (letters.length === 0) return 'no dead letters';
  const header = `${column('ID', 10)} ${column('FAILED AT', 24)} ${column('EVENT', 38)} ${column('CONSUMER', 26)} REASON`;
  const rows = letters.map(
    (letter) =>
      `${column(letter.id, 10)} ${column(letter.failedAt, 24)} ${column(letter.eventId ?? '-', 38)} ${column(letter.consumer, 26)} ${letter.reason.split('\n')[0] ?? ''}`,
  );
  return [header, ...rows].join('\n');
};

/** Everything about one dead letter, for `show`: coordinates, reason, headers and the value as text. */
export const formatDeadLetter = (letter: DeadLetter): string =>
  JSON.stringify(
    {
      id: letter.id,
      dlqTopic: letter.dlqTopic,
      original: { topic: letter.originalTopic, partition: letter.originalPartition, offset: letter.originalOffset },
      consumer: letter.consumer,
      reason: letter.reason,
      attempts: letter.attempts,
      failedAt: letter.failedAt,
      truncated: letter.truncated,
      eventId: letter.eventId,
      eventType: letter.eventType,
      key: letter.key?.toString('utf8') ?? null,
      headers: letter.headers,
      value: letter.value?.toString('utf8') ?? null,
    },
    null,
    2,
  );
