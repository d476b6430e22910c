import { createHash } from 'node:crypto';
import type { IHeaders, Message } from 'kafkajs';
import type { ConsumedRecord } from './consumed-record.js';

/**
 * What a dead-letter copy may weigh in all (key, value and headers), under the broker's default
 * `message.max.bytes` (1,048,588) with room for the record batch's own framing.
 */
export const DEAD_LETTER_MAX_BYTES = 1_000_000;

/** Where a dead-lettered record came from and why it is parked; written as `dlq-*` headers. */
export interface DeadLetterCause extends Omit<ConsumedRecord, 'heartbeat'> {
  readonly consumer: string;
  readonly reason: string;
  readonly attempts: number;
}

const byteLength = (value: Buffer | string | null | undefined): number =>
  value === null || value === undefined ? 0 : typeof value === 'string' ? Buffer.byteLength(value) : value.length;

const headersLength = (headers: IHeaders): number =>
  Object.entries(headers).reduce(
    (total, [name, value]) =>
      total +
      Buffer.byteLength(name) +
      (Array.isArray(value) ? value.reduce((sum: number, item) => sum + byteLength(item), 0) : byteLength(value)),
    0,
  );

/**
 * The dead-letter copy of a record: its key, value and headers plus the `dlq-*` headers. A copy that would weigh more
 * than `maxBytes` keeps only the first bytes of the value that fit, with the original's size and sha-256 digest, so
 * parking never fails for size (which would retry forever and hold the partition).
 */
export const deadLetterMessage = (cause: DeadLetterCause, maxBytes = DEAD_LETTER_MAX_BYTES): Message => {
  const headers: IHeaders = {
    ...cause.headers,
    'dlq-original-topic': cause.topic,
    'dlq-original-partition': String(cause.partition),
    'dlq-original-offset': cause.offset,
    'dlq-consumer': cause.consumer,
    'dlq-error': cause.reason.slice(0, 2_000),
    'dlq-attempts': String(cause.attempts),
    'dlq-failed-at': new Date().toISOString(),
  };
  const value = cause.value === null ? null : Buffer.from(cause.value);
  const overhead = byteLength(cause.key) + headersLength(headers);
  if (value === null || overhead + value.length <= maxBytes) return { key: cause.key, value, headers };
  const truncated = {
    'dlq-truncated': 'true',
    'dlq-original-size': String(value.length),
    'dlq-original-sha256': createHash('sha256').update(value).digest('hex'),
  };
  const room = Math.max(0, maxBytes - overhead - headersLength(truncated));
  return { key: cause.key, value: value.subarray(0, room), headers: { ...headers, ...truncated } };
};

/** The broker refused a record for its size; sending it again can never succeed. */
export const isTooLargeForBroker = (error: unknown): boolean =>
  error instanceof Error &&
  ((error as { type?: unknown }).type === 'MESSAGE_TOO_LARGE' ||
    /larger than the max message size|MESSAGE_TOO_LARGE/i.test(error.message));
