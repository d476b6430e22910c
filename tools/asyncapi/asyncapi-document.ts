import 'reflect-metadata';
import { defaultMetadataStorage } from 'class-transformer/cjs/storage.js';
import { getMetadataStorage, IS_ISO8601, IS_URL, ValidationTypes } from 'class-validator';
import { targetConstructorToSchema, validationMetadatasToSchemas } from 'class-validator-jsonschema';
import {
  deadLetterTopicOf,
  EVENT_CATALOG,
  EventEnvelopeShape,
  EXAMPLE_PAYLOADS,
  SCHEMA_VERSION,
  TOPICS,
  type CatalogTopic,
  type TopicName,
} from '#contracts';
import type { TermFieldSpec } from '#profiles';
import { COMPANY_PROFILE } from '../../apps/companies/src/companies/company.profile.js';
import { RD_NEED_PROFILE } from '../../apps/rd-needs/src/needs/rd-need.profile.js';

type Schema = Record<string, unknown>;

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

const PARTNER_TOPICS: ReadonlySet<string> = new Set([TOPICS.partnerCompanyProfiles, TOPICS.partnerRdNeeds]);

/** Fields the contracts validate as ISO 8601 that are dates rather than instants. */
const DATE_FIELDS: ReadonlySet<string> = new Set(['deadline']);

const converterOptions = {
  classValidatorMetadataStorage: getMetadataStorage(),
  // Lets nested arrays (`@Type(() => X)`) reference X instead of Array.
  classTransformerMetadataStorage: defaultMetadataStorage,
  refPointerPrefix: '#/components/schemas/',
  // The converter's defaults (`oneOf [date, date-time]`, `format: url`) are not formats standard validators check.
  additionalConverters: {
    [IS_ISO8601]: (meta: { propertyName: string }) =>
      DATE_FIELDS.has(meta.propertyName)
        ? {
            type: 'string' as const,
            format: 'date',
            description: 'A date (YYYY-MM-DD); a date-time is stored as its date.',
          }
        : { type: 'string' as const, format: 'date-time' },
    [IS_URL]: { type: 'string' as const, format: 'uri' },
  },
};

/**
 * A class's schema with every `@IsDefined` property required: class-validator runs IsDefined even where an inherited
 * `@IsOptional` would skip the property (externalRef on the *Submitted events), the converter does not see that.
 */
const schemaOfClass = (target: new () => object): Schema => {
  const schema = targetConstructorToSchema(target, converterOptions) as Schema;
  const defined = getMetadataStorage()
    .getTargetValidationMetadatas(target, '', true, false)
    .filter((rule) => rule.type === ValidationTypes.IS_DEFINED)
    .map((rule) => rule.propertyName);
  const required = [...new Set([...((schema.required as string[] | undefined) ?? []), ...defined])];
  return required.length > 0 ? { ...schema, required } : schema;
};

const envelopeSchema = (topic: TopicName, payloadClass: string, type: string): Schema => {
  const shape = schemaOfClass(EventEnvelopeShape);
  const properties = shape.properties as Record<string, Schema>;
  return {
    ...shape,
    properties: {
      ...properties,
      eventId: { ...properties.eventId, description: 'Unique per event; consumers skip an eventId they have applied' },
      type: { type: 'string', const: type },
      schemaVersion: { type: 'integer', const: SCHEMA_VERSION, description: 'Other versions are dead-lettered' },
      occurredAt: { ...properties.occurredAt, description: 'When the change happened (ISO 8601, UTC)' },
      correlationId: { ...properties.correlationId, description: 'Ties the events of one request or flow together' },
      causationId: {
        type: ['string', 'null'],
        maxLength: 200,
        description: 'The eventId of the event that caused this one; null for the first',
      },
      key: { ...properties.key, description: 'The Kafka message key, repeated' },
      entityVersion: {
        ...properties.entityVersion,
        description: PARTNER_TOPICS.has(topic)
          ? "The partner's version of the record: an event at or below the version already applied for its " +
            'externalRef is skipped as stale; without it, events apply in arrival order'
          : 'Version of the entity after this event',
      },
      payload: { $ref: `#/components/schemas/${payloadClass}` },
    },
  };
};

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

type TermSpecs = Readonly<Record<string, TermFieldSpec<never> | { readonly each: TermSpecs }>>;

const termSpecsOf = (definition: { readonly fields: object }): TermSpecs =>
  Object.fromEntries(
    Object.entries(definition.fields as Record<string, { readonly terms?: TermSpecs[string] }>).flatMap(
      ([field, spec]) => (spec.terms === undefined ? [] : [[field, spec.terms]]),
    ),
  );

/** The payload classes whose term fields resolve against vocabularies, and whether they carry input or stored ids. */
const TERM_FIELDS: Readonly<Record<string, { readonly terms: TermSpecs; readonly as: 'input' | 'ids' }>> = {
  CompanyProfileSubmittedV1: { terms: termSpecsOf(COMPANY_PROFILE), as: 'input' },
  CompanyProfileUpsertedV1: { terms: termSpecsOf(COMPANY_PROFILE), as: 'ids' },
  RdNeedSubmittedV1: { terms: termSpecsOf(RD_NEED_PROFILE), as: 'input' },
  RdNeedUpsertedV1: { terms: termSpecsOf(RD_NEED_PROFILE), as: 'ids' },
};

const ACCEPTED_TERMS =
  'a term id, an English label or synonym, or a Chinese label, resolved as `POST /taxonomy/resolve` resolves ' +
  "it; a term that does not resolve is kept in the record's `unmappedTerms` rather than rejected";

const termDescription = (vocabulary: string, as: 'input' | 'ids' | 'either', list: boolean): string => {
  const what = `${list ? 'Terms' : 'A term'} of the \`${vocabulary}\` vocabulary (\`GET /taxonomy/${vocabulary}\`)`;
  switch (as) {
    case 'input':
      return `${what}: ${list ? 'each ' : ''}${ACCEPTED_TERMS}.`;
    case 'ids':
      return `${what}, as term ids.`;
    case 'either':
      return `${what}. On partner topics ${ACCEPTED_TERMS}; on Parkmatch's own topics the term id.`;
  }
};

/** Says, on each vocabulary field, what it accepts: a field shared by input and output (a nested record) says both. */
const describeTermFields = (
  schemas: Record<string, Schema>,
  name: string,
  terms: TermSpecs,
  as: 'input' | 'ids',
): void => {
  const properties = (schemas[name]?.properties ?? {}) as Record<string, Schema>;
  for (const [field, spec] of Object.entries(terms)) {
    const property = properties[field];
    if (!property) continue;
    if (typeof spec === 'string') {
      property.description = termDescription(spec, as, property.type === 'array');
      continue;
    }
    const ref = (property.items as Schema | undefined)?.$ref;
    const nested = typeof ref === 'string' ? ref.slice(ref.lastIndexOf('/') + 1) : undefined;
    const nestedProperties = (nested ? (schemas[nested]?.properties ?? {}) : {}) as Record<string, Schema>;
    for (const [nestedField, vocabulary] of Object.entries(spec.each)) {
      const target = nestedProperties[nestedField];
      if (target && typeof vocabulary === 'string') {
        target.description = termDescription(vocabulary, 'either', target.type === 'array');
      }
    }
  }
};

/**
 * What a class's `@ValidateIf` rules require, which the converter cannot read from a function: stated here in JSON
 * Schema, and checked against the intake by the spec (a rule added there without one here fails it).
 */
const CONDITIONAL_RULES: Readonly<
  Record<string, { readonly describe: Record<string, string>; readonly rule: Schema }>
> = {
  RematchRequestedV1: {
    describe: { id: 'The need or company id; required unless `scope` is `all`.' },
    rule: { if: { properties: { scope: { const: 'all' } } }, else: { required: ['id'] } },
  },
};

const withConditionalRules = (name: string, schema: Schema): Schema => {
  const conditional = CONDITIONAL_RULES[name];
  if (!conditional) return schema;
  const properties = schema.properties as Record<string, Schema>;
  for (const [field, description] of Object.entries(conditional.describe)) {
    properties[field] = { ...properties[field], description };
  }
  return { ...schema, ...conditional.rule };
};

/** Example envelope values: fixed, so the generated document is the same on every run. */
const exampleEnvelope = (topic: CatalogTopic, type: string, index: number, payload: object): Schema => {
  const eventId = `5a0c1e7b-2f4d-4c3a-9e8b-${String(index + 1).padStart(12, '0')}`;
  const record = payload as { externalRef?: { id: string }; id?: string; needId?: string; version?: number };
  // Keyed as the topic says: partner topics by the partner's record id, the others by the aggregate's id.
  const key = PARTNER_TOPICS.has(topic) ? record.externalRef?.id : (record.needId ?? record.id);
  const { producer } = TOPIC_ROLES[topic];
  return {
    eventId,
    type,
    schemaVersion: SCHEMA_VERSION,
    occurredAt: '2026-12-01T10:00:00.000Z',
    producer: producer.includes('partner systems') ? 'acme-crm' : producer,
    correlationId: eventId,
    causationId: null,
    key,
    entityVersion: record.version ?? 1,
    payload,
  };
};

/**
 * The AsyncAPI 3 description of every topic, generated from the contract classes (topics, the topic → event → payload
 * map and the class-validator rules), so the document and the code cannot drift: a test regenerates and compares.
 */
export const buildAsyncApiDocument = (): Record<string, unknown> => {
  const schemas = validationMetadatasToSchemas(converterOptions) as Record<string, Schema>;
  const channels: Record<string, unknown> = {};
  const operations: Record<string, unknown> = {};
  const messages: Record<string, unknown> = {};
  const usedSchemas: Record<string, Schema> = {};
  let exampleIndex = 0;

  for (const topic of Object.values(TOPICS) as TopicName[]) {
    const roles = TOPIC_ROLES[topic];
    const id = channelId(topic);
    const catalog: Partial<Record<TopicName, Record<string, new () => object>>> = EVENT_CATALOG;
    const events = catalog[topic] ?? {};
    const channelMessages: Record<string, unknown> = {};
    const examples: Partial<Record<TopicName, Record<string, object>>> = EXAMPLE_PAYLOADS;
    for (const [type, payloadClass] of Object.entries(events)) {
      const example = exampleEnvelope(topic, type, exampleIndex++, examples[topic]![type]!);
      messages[type] = {
        name: type,
        title: type,
        contentType: 'application/json',
        headers: STANDARD_HEADERS,
        payload: envelopeSchema(topic, payloadClass.name, type),
        bindings: { kafka: { key: { type: 'string', description: roles.key } } },
        examples: [
          {
            name: `${type}Example`,
            summary: `A ${type} event built from the contracts' examples`,
            headers: {
              'event-type': type,
              'event-id': example.eventId,
              'correlation-id': example.correlationId,
              'content-type': 'application/json',
            },
            payload: example,
          },
        ],
      };
      // Built per class so inherited rules (shapes, mixins) are included.
      usedSchemas[payloadClass.name] = withConditionalRules(payloadClass.name, schemaOfClass(payloadClass));
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

  for (const [name, { terms, as }] of Object.entries(TERM_FIELDS)) describeTermFields(usedSchemas, name, terms, as);

  return {
    asyncapi: '3.0.0',
    info: {
      title: 'Parkmatch events',
      version: '1.0.0',
      description:
        'Every event travels in one JSON envelope keyed by its aggregate id. Generated from libs/contracts by ' +
        '`npm run asyncapi`; a test fails when this file and the contract classes disagree.',
    },
    servers: {
      local: { host: '127.0.0.1:9092', protocol: 'kafka', description: 'Development broker (`npm start`), plaintext' },
      production: {
        host: '{broker}:{port}',
        protocol: 'kafka-secure',
        description:
          'Production brokers: TLS, and SASL/SCRAM credentials (or a client certificate) issued per partner. The ' +
          'services read the same settings from KAFKA_SSL, KAFKA_SSL_CA_FILE and KAFKA_SASL_*.',
        variables: {
          broker: {
            default: 'kafka.parkmatch.example',
            description: 'The bootstrap host Parkmatch operations give you',
          },
          port: { default: '9093', description: 'The TLS listener' },
        },
        security: [
          { $ref: '#/components/securitySchemes/scramSha512' },
          { $ref: '#/components/securitySchemes/scramSha256' },
          { $ref: '#/components/securitySchemes/mutualTls' },
        ],
      },
    },
    defaultContentType: 'application/json',
    channels,
    operations,
    components: {
      securitySchemes: {
        scramSha512: {
          type: 'scramSha512',
          description: 'SASL/SCRAM-SHA-512 over TLS (`KAFKA_SASL_MECHANISM=scram-sha-512`); the preferred mechanism',
        },
        scramSha256: {
          type: 'scramSha256',
          description: 'SASL/SCRAM-SHA-256 over TLS (`KAFKA_SASL_MECHANISM=scram-sha-256`)',
        },
        mutualTls: {
          type: 'X509',
          description:
            'A TLS client certificate issued to the partner, where operations enable it instead of SCRAM; ' +
            "Parkmatch's own services authenticate with SCRAM",
        },
      },
      messages,
      schemas: Object.fromEntries(Object.entries(usedSchemas).sort(([a], [b]) => a.localeCompare(b))),
    },
  };
};
