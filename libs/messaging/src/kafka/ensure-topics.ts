import type { Kafka } from 'kafkajs';
import { allTopicSpecs } from '#contracts';

/** Creates every Parkmatch topic that is missing; the broker never auto-creates topics. */
export const ensureTopics = async (kafka: Kafka): Promise<string[]> => {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const missing = allTopicSpecs().filter((spec) => !existing.has(spec.topic));
    if (missing.length > 0) {
      await admin.createTopics({
        waitForLeaders: true,
        topics: missing.map((spec) => ({ ...spec, replicationFactor: 1 })),
      });
    }
    return missing.map((spec) => spec.topic);
  } finally {
    await admin.disconnect();
  }
};
