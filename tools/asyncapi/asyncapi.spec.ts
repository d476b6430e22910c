import { describe, expect, it } from '@jest/globals';
import { DiagnosticSeverity, Parser } from '@asyncapi/parser';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { ADMIN_ONLY_DECISION_REASONS, EVENT_CATALOG, TOPICS, deadLetterTopicOf, type TopicName } from '#contracts';
import { ASYNCAPI_PATH, renderAsyncApi } from './generate.js';

interface SchemaNode {
  readonly enum?: readonly string[];
  readonly properties?: Record<string, SchemaNode>;
}

const committed = readFileSync(ASYNCAPI_PATH, 'utf8');

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
