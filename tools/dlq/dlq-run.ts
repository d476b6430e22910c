import type { Kafka } from 'kafkajs';
import { readDeadLetters, replayDeadLetters } from './dead-letter-topic.js';
import { deadLetterTopicFor, formatDeadLetter, formatDeadLetterList, selectDeadLetters } from './dead-letters.js';
import type { DlqOptions } from './dlq-args.js';

export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

/** Runs one command; what it prints goes to stdout, problems to stderr. Returns the exit code. */
export const runDlq = async (
  { command, topic, ids, all }: DlqOptions,
  kafka: Kafka,
  out: (text: string) => void,
  err: (text: string) => void,
): Promise<number> => {
  const dlqTopic = deadLetterTopicFor(topic);
  const letters = await readDeadLetters(kafka, dlqTopic);
  if (command === 'list') {
    out(formatDeadLetterList(letters));
    return EXIT.ok;
  }
  const { selected, unknown } =
    all || ids.length === 0 ? { selected: letters, unknown: [] } : selectDeadLetters(letters, ids);
  if (unknown.length > 0) {
    err(`no dead letter on ${dlqTopic} has the id ${unknown.join(', ')} (ids are <partition>:<offset> or event ids)`);
    return EXIT.failed;
  }
  if (command === 'show') {
    for (const letter of selected) out(formatDeadLetter(letter));
    return EXIT.ok;
  }
  const truncated = selected.filter((letter) => letter.truncated);
  if (truncated.length > 0) {
    err(
      `cannot replay truncated dead letters (too large to park whole): ${truncated.map((letter) => letter.id).join(', ')}`,
    );
    return EXIT.failed;
  }
  await replayDeadLetters(kafka, selected);
  out(`replayed ${selected.length} of ${letters.length} dead letters from ${dlqTopic}`);
  return EXIT.ok;
};
