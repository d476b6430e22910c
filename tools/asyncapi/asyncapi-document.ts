import 'reflect-metadata';
import { defaultMetadataStorage } from 'class-transformer/cjs/storage.js';
import { getMetadataStorage } from 'class-validator';
import { targetConstructorToSchema, validationMetadatasToSchemas } from 'class-validator-jsonschema';
import { deadLetterTopicOf, EVENT_CATALOG, TOPICS, type TopicName } from '#contracts';

/** Who publishes and who consumes each topic; dashboards and partner systems are outside Parkmatch. */
const TOPIC_ROLES: Readonly<Record<TopicName, { producer: string; consumers: string[]; key: string }>> = {
  [TOPICS.partnerCompanyProfiles]: {
    producer: 'partner systems',
    consumers: ['companies'],
    key: "the partner's external id",
  },
  [TOPICS.partnerRdNeeds]: { producer: 'partner systems', consumers: ['rd-needs'], key: "the partner's external id" },
  [TOPICS.companyProfiles]: { producer: 'companies', consumers: ['matching'], key: 'company id' },
  [TOPICS.rdNeeds]: { producer: 'rd-needs', consumers: ['matching'], key: 'need id' },
  [TOPICS.matchingCommands]: {
    producer: 'admins, partner systems',
    consumers: ['matching'],
    key: 'scope or entity id',
  },
  [TOPICS.matchingResults]: { producer: 'matching', consumers: ['dashboards'], key: 'need id' },
};

const channelId = (topic: string): string =>
  topic.replace(/[^a-zA-Z0-9]+(.)/g, (_, next: string) => next.toUpperCase());

const envelopeSchema = (payloadClass: string, type: string) => ({
  type: 'object',
  required: ['eventId', 'type', 'schemaVersion', 'occurredAt', 'producer', 'correlationId', 'key', 'payload'],
  properties: {
    eventId: { type: 'string', format: 'uuid' },
    type: { type: 'string', const: type },
    schemaVersion: { type: 'integer', minimum: 1 },
    occurredAt: { type: 'string', format: 'date-time' },
    producer: { type: 'string' },
    correlationId: { type: 'string' },
    causationId: { type: ['string', 'null'] },
    key: { type: 'string', description: 'The Kafka message key, repeated' },
    entityVersion: { type: 'integer', minimum: 1, description: 'Version of the entity after this event' },
    payload: { $ref: `#/components/schemas/${payloadClass}` },
  },
});

const STANDARD_HEADERS = {
  type: 'object',
  properties: {
    'event-type': { type: 'string' },
    'event-id': { type: 'string', format: 'uuid' },
    'correlation-id': { type: 'string' },
    'content-type': { type: 'string', const: 'application/json' },
  },
};

const DEAD_LETTER_HEADERS = {
  type: 'object',
  properties: {
    'dlq-original-topic': { type: 'string' },
    'dlq-original-partition': { type: 'string' },
    'dlq-original-offset': { type: 'string' },
    'dlq-consumer': { type: 'string' },
    'dlq-error': { type: 'string', description: 'Why the message could not be applied' },
    'dlq-attempts': { type: 'string' },
    'dlq-failed-at': { type: 'string', format: 'date-time' },
  },
};

/**
 * The AsyncAPI 3 description of every topic, generated from the contract classes (topics, the topic → event → payload
 * map and the class-validator rules), so the document and the code cannot drift: a test regenerates and compares.
 */
export const buildAsyncApiDocument = (): Record<string, unknown> => {
  const options = {
    classValidatorMetadataStorage: getMetadataStorage(),
    // Lets nested arrays (`@Type(() => X)`) reference X instead of Array.
    classTransformerMetadataStorage: defaultMetadataStorage,
    refPointerPrefix: '#/components/schemas/',
  };
  const schemas = validationMetadatasToSchemas(options);
  const channels: Record<string, unknown> = {};
  const operations: Record<string, unknown> = {};
  const messages: Record<string, unknown> = {};
  const usedSchemas: Record<string, unknown> = {};

  for (const topic of Object.values(TOPICS) as TopicName[]) {
    const roles = TOPIC_ROLES[topic];
    const id = channelId(topic);
    const catalog: Partial<Record<TopicName, Record<string, new () => object>>> = EVENT_CATALOG;
    const events = catalog[topic] ?? {};
    const channelMessages: Record<string, unknown> = {};
    for (const [type, payloadClass] of Object.entries(events)) {
      messages[type] = {
        name: type,
        title: type,
        contentType: 'application/json',
        headers: STANDARD_HEADERS,
        payload: envelopeSchema(payloadClass.name, type),
        bindings: { kafka: { key: { type: 'string', description: roles.key } } },
      };
      // Built per class so inherited rules (shapes, mixins) are included.
      usedSchemas[payloadClass.name] = targetConstructorToSchema(payloadClass, options);
      channelMessages[type] = { $ref: `#/components/messages/${type}` };
    }
    channels[id] = {
      address: topic,
      description: `Produced by ${roles.producer}; consumed by ${roles.consumers.join(', ')}. Key: ${roles.key}.`,
      messages: channelMessages,
    };
    const messageRefs = Object.keys(channelMessages).map((type) => ({ $ref: `#/channels/${id}/messages/${type}` }));
    operations[`send${id[0]!.toUpperCase()}${id.slice(1)}`] = {
      action: 'send',
      channel: { $ref: `#/channels/${id}` },
      summary: `${roles.producer} publish`,
      messages: messageRefs,
    };
    operations[`receive${id[0]!.toUpperCase()}${id.slice(1)}`] = {
      action: 'receive',
      channel: { $ref: `#/channels/${id}` },
      summary: `${roles.consumers.join(', ')} consume`,
      messages: messageRefs,
    };

    const dlq = deadLetterTopicOf(topic);
    const dlqId = channelId(dlq);
    channels[dlqId] = {
      address: dlq,
      description: `Messages from ${topic} that could not be applied, unchanged, with the reason in headers.`,
      messages: { DeadLetter: { $ref: '#/components/messages/DeadLetter' } },
    };
    operations[`receive${dlqId[0]!.toUpperCase()}${dlqId.slice(1)}`] = {
      action: 'receive',
      channel: { $ref: `#/channels/${dlqId}` },
      summary: 'operators inspect and replay',
      messages: [{ $ref: `#/channels/${dlqId}/messages/DeadLetter` }],
    };
  }
  messages.DeadLetter = {
    name: 'DeadLetter',
    title: 'Dead letter',
    contentType: 'application/octet-stream',
    headers: DEAD_LETTER_HEADERS,
    payload: { description: 'The original message value, byte for byte' },
  };

  // Payload classes reference nested classes (e.g. ExternalRef); include every schema reachable from them.
  const pending = Object.values(usedSchemas);
  while (pending.length > 0) {
    const json = JSON.stringify(pending.pop());
    for (const [, name] of json.matchAll(/#\/components\/schemas\/([A-Za-z0-9_]+)/g)) {
      if (name && !(name in usedSchemas) && schemas[name]) {
        usedSchemas[name] = schemas[name];
        pending.push(schemas[name]);
      }
    }
  }

  return {
    asyncapi: '3.0.0',
    info: {
      title: 'Parkmatch events',
      version: '1.0.0',
      description:
        'Every event travels in one JSON envelope keyed by its aggregate id. Generated from libs/contracts by ' +
        '`npm run asyncapi`; a test fails when this file and the contract classes disagree.',
    },
    servers: { local: { host: '127.0.0.1:9092', protocol: 'kafka', description: 'npm start' } },
    defaultContentType: 'application/json',
    channels,
    operations,
    components: {
      messages,
      schemas: Object.fromEntries(Object.entries(usedSchemas).sort(([a], [b]) => a.localeCompare(b))),
    },
  };
};
