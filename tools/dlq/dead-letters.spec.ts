import { describe, expect, it } from '@jest/globals';
import type { KafkaMessage } from 'kafkajs';
import { deadLetterMessage } from '../../libs/messaging/src/kafka/dead-letter.js';
import {
  deadLetterTopicFor,
  formatDeadLetterList,
  replayMessage,
  selectDeadLetters,
  toDeadLetter,
  type DeadLetter,
} from './dead-letters.js';

const TOPIC = 'partner.company-profiles.v1';
const event = (eventId: string) => JSON.stringify({ eventId, type: 'CompanyProfileSubmitted', payload: {} });

/** A dead letter as the services park it (libs/messaging's deadLetterMessage), read back at `partition:offset`. */
const parked = (offset: number, value: string, maxBytes?: number): DeadLetter => {
  const message = deadLetterMessage(
    {
      topic: TOPIC,
      partition: 3,
      offset: String(100 + offset),
      key: 'ext-1',
      value: Buffer.from(value),
      headers: { 'x-correlation-id': 'corr-1' },
      consumer: 'companies.partner-ingest',
      reason: 'payload.name must be shorter',
      attempts: 1,
    },
    maxBytes,
  );
  const read: KafkaMessage = {
    key: Buffer.from(String(message.key)),
    value: message.value as Buffer,
    headers: Object.fromEntries(
      Object.entries(message.headers ?? {}).map(([name, text]) => [name, Buffer.from(String(text))]),
    ),
    offset: String(offset),
    timestamp: '0',
    attributes: 0,
  };
  return toDeadLetter(`${TOPIC}.dlq`, 0, read);
};

describe('dead letters read back', () => {
  it('names the dead-letter topic from either name', () => {
    expect([deadLetterTopicFor(TOPIC), deadLetterTopicFor(`${TOPIC}.dlq`)]).toEqual([`${TOPIC}.dlq`, `${TOPIC}.dlq`]);
  });

  it('reads the coordinates, reason and event id the service wrote', () => {
    const letter = parked(7, event('ev-7'));
    expect(letter).toMatchObject({
      id: '0:7',
      originalTopic: TOPIC,
      originalPartition: 3,
      originalOffset: '107',
      consumer: 'companies.partner-ingest',
      reason: 'payload.name must be shorter',
      attempts: 1,
      truncated: false,
      eventId: 'ev-7',
      eventType: 'CompanyProfileSubmitted',
    });
  });

  it('has no event id for a value that is no envelope', () => {
    expect(parked(1, '{not json').eventId).toBeUndefined();
  });

  it('selects by coordinates or event id and names the ids that match nothing', () => {
    const letters = [parked(1, event('ev-1')), parked(2, event('ev-2')), parked(3, event('ev-3'))];
    const { selected, unknown } = selectDeadLetters(letters, ['ev-3', '0:1', '0:9']);
    expect({ selected: selected.map((letter) => letter.id), unknown }).toEqual({
      selected: ['0:1', '0:3'],
      unknown: ['0:9'],
    });
  });

  it('replays the original key, value and headers without the dlq ones, saying where from', () => {
    const message = replayMessage(parked(5, event('ev-5')));
    expect({ key: String(message.key), value: String(message.value), headers: message.headers }).toEqual({
      key: 'ext-1',
      value: event('ev-5'),
      headers: { 'x-correlation-id': 'corr-1', 'dlq-replayed-from': `${TOPIC}.dlq/0:5` },
    });
  });

  it('refuses to replay a truncated copy', () => {
    const letter = parked(6, event('ev-6') + ' '.repeat(5_000), 2_000);
    expect(letter.truncated).toBe(true);
    expect(() => replayMessage(letter)).toThrow(/only the first bytes .* cannot be replayed/);
  });

  it('lists one line per dead letter under a header', () => {
    const lines = formatDeadLetterList([parked(1, event('ev-1')), parked(2, event('ev-2'))]).split('\n');
    expect(lines.map((line) => line.split(/\s+/)[0])).toEqual(['ID', '0:1', '0:2']);
    expect(lines[1]).toContain('ev-1');
    expect(formatDeadLetterList([])).toBe('no dead letters');
  });
});
