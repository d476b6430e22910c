import { describe, expect, it } from '@jest/globals';
import { DiagnosticSeverity, Parser } from '@asyncapi/parser';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import {
  ADMIN_ONLY_DECISION_REASONS,
  EVENT_CATALOG,
  EXAMPLE_PAYLOADS,
  TOPICS,
  deadLetterTopicOf,
  type CatalogTopic,
  type TopicName,
} from '#contracts';
import { decodeEvent } from '#messaging';
import type { AsyncApiDocumentView } from './asyncapi-html.js';
import { ASYNCAPI_HTML_PATH, ASYNCAPI_PATH, renderAsyncApi, renderAsyncApiPage } from './generate.js';

interface SchemaNode {
  readonly enum?: readonly string[];
  readonly properties?: Record<string, SchemaNode>;
}

type Json = Record<string, unknown>;

interface Example {
  readonly headers: Json;
  readonly payload: Json & { readonly payload: Json };
}

interface DocumentMessage {
  readonly headers?: Json;
  readonly payload: Json & { readonly required?: string[]; readonly properties?: Record<string, { $ref?: string }> };
  readonly examples?: Example[];
}

const committed = readFileSync(ASYNCAPI_PATH, 'utf8');
const asyncApi = parse(committed) as AsyncApiDocumentView & {
  components: { messages: Record<string, DocumentMessage>; schemas: Record<string, Json & { required?: string[] }> };
};

const ENVELOPE_FIELDS = [
  'eventId',
  'type',
  'schemaVersion',
  'occurredAt',
  'producer',
  'correlationId',
  'causationId',
  'key',
  'entityVersion',
  'payload',
];

/** Every event type with the topic it travels on. */
const EVENTS = Object.entries(EVENT_CATALOG).flatMap(([topic, types]) =>
  Object.keys(types).map((type) => ({ topic: topic as CatalogTopic, type })),
);

const SCHEMA_BASE = 'https://parkmatch.example/asyncapi/';

/**
 * Ajv (draft-07, which AsyncAPI 3 schemas extend) with ajv-formats, in strict mode: an unknown format is an error, as
 * it is for partners. The document's `#/components/schemas/X` references become the schemas registered as X.
 */
const validators = (() => {
  const ajv = new Ajv({ allowUnionTypes: true });
  addFormats.default(ajv);
  const withRefs = (schema: unknown, id: string): Json => ({
    ...(JSON.parse(JSON.stringify(schema).replaceAll('"#/components/schemas/', '"')) as Json),
    $id: `${SCHEMA_BASE}${id}`,
  });
  for (const [name, schema] of Object.entries(asyncApi.components.schemas)) ajv.addSchema(withRefs(schema, name));
  const cache = new Map<string, ValidateFunction>();
  return (id: string, schema: unknown): ValidateFunction => {
    if (!cache.has(id)) cache.set(id, ajv.compile(withRefs(schema, id)));
    return cache.get(id)!;
  };
})();

const messageOf = (type: string): DocumentMessage => asyncApi.components.messages[type]!;
const exampleOf = (type: string): Example => messageOf(type).examples![0]!;
const validateEnvelope = (type: string, envelope: unknown): boolean =>
  validators(`message-${type}`, messageOf(type).payload)(envelope);
const payloadSchemaName = (type: string): string =>
  messageOf(type).payload.properties!.payload!.$ref!.replace('#/components/schemas/', '');
const without = (record: Json, field: string): Json =>
  Object.fromEntries(Object.entries(record).filter(([k]) => k !== field));

describe('docs/asyncapi.yaml', () => {
  it('is a valid AsyncAPI 3 document', async () => {
    const { document, diagnostics } = await new Parser().parse(committed);
    const errors = diagnostics.filter((diagnostic) => Number(diagnostic.severity) === Number(DiagnosticSeverity.Error));
    expect(errors.map((error) => `${error.path.join('.')}: ${error.message}`)).toEqual([]);
    expect(document?.version()).toBe('3.0.0');
  });

  it('describes every topic, its dead-letter topic and every event type of the contracts', async () => {
    const { document } = await new Parser().parse(committed);
    const addresses = new Map(
      document!
        .channels()
        .all()
        .map((channel) => [channel.address(), channel]),
    );
    for (const topic of Object.values(TOPICS) as TopicName[]) {
      expect(addresses.has(topic)).toBe(true);
      expect(addresses.has(deadLetterTopicOf(topic))).toBe(true);
      const types = Object.keys((EVENT_CATALOG as Partial<Record<string, object>>)[topic] ?? {});
      const described = addresses
        .get(topic)!
        .messages()
        .all()
        .map((message) => message.name());
      expect(described.sort()).toEqual(types.sort());
    }
  });

  it('lets no admin-only decision reason onto matching.results.v1, which dashboards read', () => {
    const schemas = (parse(committed) as { components: { schemas: Record<string, SchemaNode> } }).components.schemas;
    const reasons = schemas.MatchDecisionRecordedV1?.properties?.reason?.enum ?? [];
    expect(reasons.length).toBeGreaterThan(0);
    for (const adminOnly of ADMIN_ONLY_DECISION_REASONS) expect(reasons).not.toContain(adminOnly);
  });

  it('matches the contract classes exactly (regenerate with `npm run asyncapi`)', () => {
    expect(committed).toBe(renderAsyncApi());
  });
});

describe('the examples and schemas of docs/asyncapi.yaml', () => {
  it.each(EVENTS)('shows $type with a full envelope built from the contracts’ examples', ({ topic, type }) => {
    const example = exampleOf(type);
    expect(Object.keys(example.payload)).toEqual(ENVELOPE_FIELDS);
    expect(example.payload.type).toBe(type);
    const payload = example.payload.payload as { externalRef?: { id: string }; id?: string; needId?: string };
    const partnerTopic = topic === TOPICS.partnerCompanyProfiles || topic === TOPICS.partnerRdNeeds;
    expect(example.payload.key).toBe(partnerTopic ? payload.externalRef?.id : (payload.needId ?? payload.id));
    expect(example.payload.payload).toEqual(JSON.parse(JSON.stringify(EXAMPLE_PAYLOADS[topic][type as never])));
  });

  it.each(EVENTS)('validates the $type example against its own envelope, payload and header schemas', ({ type }) => {
    const example = exampleOf(type);
    const envelope = validators(`message-${type}`, messageOf(type).payload);
    expect(envelope(example.payload) ? [] : envelope.errors).toEqual([]);
    const headers = validators(`headers-${type}`, messageOf(type).headers);
    expect(headers(example.headers) ? [] : headers.errors).toEqual([]);
  });

  it.each(EVENTS)('has the intake accept the $type example as it stands', ({ topic, type }) => {
    const decoded = decodeEvent(topic, JSON.stringify(exampleOf(type).payload));
    expect(decoded.ok ? '' : decoded.reason).toBe('');
  });

  it.each(EVENTS)('marks required exactly the $type fields the intake refuses to go without', ({ topic, type }) => {
    const envelope = exampleOf(type).payload;
    const payloadRequired = asyncApi.components.schemas[payloadSchemaName(type)]!.required ?? [];
    // RematchRequested.id is required unless scope is `all`: a condition the schema states in words only.
    const conditional = type === 'RematchRequested' ? ['id'] : [];
    for (const field of Object.keys(envelope.payload).filter((name) => !conditional.includes(name))) {
      const decoded = decodeEvent(topic, JSON.stringify({ ...envelope, payload: without(envelope.payload, field) }));
      expect({ field, refused: !decoded.ok }).toEqual({ field, refused: payloadRequired.includes(field) });
    }
    for (const field of Object.keys(envelope)) {
      const decoded = decodeEvent(topic, JSON.stringify(without(envelope, field)));
      const required = messageOf(type).payload.required ?? [];
      expect({ field, refused: !decoded.ok }).toEqual({ field, refused: required.includes(field) });
    }
  });

  it('requires a RematchRequested id unless the scope is all, as the intake does', () => {
    const envelope = exampleOf('RematchRequested').payload;
    for (const scope of ['all', 'need', 'company']) {
      const withoutId = { ...envelope, payload: { ...without(envelope.payload, 'id'), scope } };
      const accepted = decodeEvent(TOPICS.matchingCommands, JSON.stringify(withoutId)).ok;
      expect({ scope, valid: validateEnvelope('RematchRequested', withoutId) }).toEqual({ scope, valid: accepted });
      expect(accepted).toBe(scope === 'all');
    }
  });

  it.each(['CompanyProfileSubmitted', 'RdNeedSubmitted', 'CompanyProfileWithdrawn', 'RdNeedWithdrawn'])(
    'rejects a %s without externalRef, as the intake does',
    (type) => {
      const envelope = exampleOf(type).payload;
      expect(validateEnvelope(type, { ...envelope, payload: without(envelope.payload, 'externalRef') })).toBe(false);
    },
  );

  it('accepts ISO 8601 UTC timestamps and absolute URLs, and refuses what is neither', () => {
    const envelope = exampleOf('CompanyProfileSubmitted').payload;
    const withTime = (occurredAt: string) => validateEnvelope('CompanyProfileSubmitted', { ...envelope, occurredAt });
    const withWebsite = (website: string) =>
      validateEnvelope('CompanyProfileSubmitted', { ...envelope, payload: { ...envelope.payload, website } });
    expect(withTime('2026-12-01T10:00:00.000Z')).toBe(true);
    expect(withTime('2026-12-01T11:00:00+01:00')).toBe(true);
    expect(withTime('yesterday')).toBe(false);
    expect(withWebsite('https://helix-oncology.example/pipeline')).toBe(true);
    expect(withWebsite('helix oncology')).toBe(false);
  });

  it('describes the production brokers with TLS and SASL/SCRAM or client certificates, beside the local one', () => {
    expect(asyncApi.servers.local?.protocol).toBe('kafka');
    expect(asyncApi.servers.production?.protocol).toBe('kafka-secure');
    const schemes = Object.values(asyncApi.components.securitySchemes).map((scheme) => scheme.type);
    expect(schemes.sort()).toEqual(['X509', 'scramSha256', 'scramSha512']);
  });

  it('says on every vocabulary field of a partner submission what it accepts', () => {
    const submitted = asyncApi.components.schemas.CompanyProfileSubmittedV1!.properties as Record<string, Json>;
    for (const field of ['therapeuticAreas', 'modalities', 'seeking', 'organisationType']) {
      expect(submitted[field]?.description).toEqual(
        expect.stringMatching(/term id.*English label or synonym.*Chinese label.*\/taxonomy\/resolve.*unmappedTerms/),
      );
    }
  });
});

describe('docs/asyncapi.html', () => {
  const page = readFileSync(ASYNCAPI_HTML_PATH, 'utf8');

  it('shows every channel, message and example', () => {
    for (const channel of Object.values(asyncApi.channels)) expect(page).toContain(`<code>${channel.address}</code>`);
    for (const { type } of EVENTS) {
      expect(page).toContain(`id="message-${type}"`);
      expect(page).toContain(`&#34;eventId&#34;: &#34;${String(exampleOf(type).payload.eventId)}&#34;`);
    }
  });

  it('matches the contract classes exactly (regenerate with `npm run asyncapi`)', () => {
    expect(page).toBe(renderAsyncApiPage());
  });
});
