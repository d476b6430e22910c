/** Every Kafka topic Parkmatch publishes or consumes. A published name is never changed: breaking changes get a `.v2`. */
export const TOPICS = {
  partnerCompanyProfiles: 'partner.company-profiles.v1',
  partnerRdNeeds: 'partner.rd-needs.v1',
  companyProfiles: 'companies.company-profiles.v1',
  rdNeeds: 'rd-needs.needs.v1',
  matchingCommands: 'matching.commands.v1',
  matchingResults: 'matching.results.v1',
} as const;

export type TopicName = (typeof TOPICS)[keyof typeof TOPICS];

export const deadLetterTopicOf = (topic: TopicName): string => `${topic}.dlq`;

/** Entity topics carry several partitions so consumers can scale out; keyed order is per partition. */
export const TOPIC_PARTITIONS: Readonly<Record<TopicName, number>> = {
  [TOPICS.partnerCompanyProfiles]: 6,
  [TOPICS.partnerRdNeeds]: 3,
  [TOPICS.companyProfiles]: 6,
  [TOPICS.rdNeeds]: 3,
  [TOPICS.matchingCommands]: 1,
  [TOPICS.matchingResults]: 3,
};

/** Every topic the project creates, dead-letter topics included (the broker never auto-creates). */
export const allTopicSpecs = (): { topic: string; numPartitions: number }[] =>
  (Object.values(TOPICS) as TopicName[]).flatMap((topic) => [
    { topic, numPartitions: TOPIC_PARTITIONS[topic] },
    { topic: deadLetterTopicOf(topic), numPartitions: 1 },
  ]);
