import { randomUUID } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { TOPICS } from '#contracts';
import { aCompany } from './factories/company.factory.js';
import { anRdNeed } from './factories/rd-need.factory.js';
import { expectEventually } from './utils/expect-eventually.js';
import { http } from './utils/http.js';
import { KafkaCapture } from './utils/kafka-capture.js';
import { ServiceProcess, useServices } from './utils/service-process.js';

interface Stored {
  id: string;
  version: number;
}

interface MatchItem {
  companyId: string;
  companyName: string;
  rank: number | null;
  score: number;
  eligible: boolean;
  breakdown: { criterion: string; score: number; weight: number; contribution: number; explanation: string }[];
}

describe('walking skeleton: REST → outbox → Kafka → matching projections → scored matches', () => {
  const companies = new ServiceProcess('companies', 1);
  const needs = new ServiceProcess('rd-needs', 2);
  const matching = new ServiceProcess('matching', 3);

  useServices(companies, needs, matching);
  const capture = KafkaCapture.use([TOPICS.companyProfiles, TOPICS.rdNeeds, TOPICS.matchingResults]);

  it('scores a company created over REST against a need created over REST', async () => {
    // A word of its own shared by the pair, and the Wuxi co-location the need prefers, so the company stands out
    // among the factory companies other files leave in the shared database (whatever ran before) and makes the
    // need's shortlist.
    const marker = `skeleton${randomUUID().slice(0, 8)}`;
    const company = await http<Stored>(`${companies.url}/companies`, 'POST', {
      ...aCompany({ wuxiCoLocation: 'resident' }),
      description: `Small-molecule kinase inhibitors for non-small cell lung cancer, programme ${marker}.`,
    });
    expect(company.status).toBe(201);
    const need = await http<Stored>(`${needs.url}/needs`, 'POST', {
      ...anRdNeed(),
      description: `Seeking preclinical small molecules in lung cancer, such as programme ${marker}.`,
    });
    expect(need.status).toBe(201);

    const upserted = await capture.waitFor((message) => message.key === company.body.id);
    expect(upserted.topic).toBe(TOPICS.companyProfiles);
    expect(upserted.value).toMatchObject({ type: 'CompanyProfileUpserted', entityVersion: 1, key: company.body.id });

    const pair = await expectEventually(
      async () => {
        const response = await http<MatchItem>(`${matching.url}/needs/${need.body.id}/matches/${company.body.id}`);
        expect(response.status).toBe(200);
        return response.body;
      },
      { timeoutMs: 10_000 },
    );
    expect(pair.score).toBeGreaterThan(0.5);
    expect(pair.eligible).toBe(true);
    expect(pair.rank).toEqual(expect.any(Number));
    expect(pair.breakdown.length).toBeGreaterThan(3);

    const list = await http<{ needId: string; matches: MatchItem[] }>(`${matching.url}/needs/${need.body.id}/matches`);
    expect(list.body.matches.map((match) => match.companyId)).toContain(company.body.id);

    const shortlistEvent = await capture.waitFor(
      (message) => message.topic === TOPICS.matchingResults && message.key === need.body.id,
    );
    expect(shortlistEvent.value).toMatchObject({ type: 'ShortlistUpdated', payload: { needId: need.body.id } });
  }, 60_000);

  it('answers 400 naming the field for an unknown vocabulary term, and stores nothing', async () => {
    const before = await http<{ total: number }>(`${companies.url}/companies`);
    const response = await http<{ errors: { field: string; suggestions?: unknown[] }[] }>(
      `${companies.url}/companies`,
      'POST',
      aCompany({ therapeuticAreas: ['oncology', 'definitely-not-a-disease'] }),
    );
    expect(response.status).toBe(400);
    expect(response.body.errors[0]?.field).toBe('therapeuticAreas[1]');
    const after = await http<{ total: number }>(`${companies.url}/companies`);
    expect(after.body.total).toBe(before.body.total);
  });

  it('answers 404 for the pair endpoint once the company is deleted', async () => {
    const company = await http<Stored>(`${companies.url}/companies`, 'POST', aCompany());
    const need = await http<Stored>(`${needs.url}/needs`, 'POST', anRdNeed());
    const pairUrl = `${matching.url}/needs/${need.body.id}/matches/${company.body.id}`;
    await expectEventually(async () => expect((await http(pairUrl)).status).toBe(200));
    expect((await http(`${companies.url}/companies/${company.body.id}`, 'DELETE')).status).toBe(204);
    await expectEventually(async () => expect((await http(pairUrl)).status).toBe(404));
  }, 30_000);

  it('reports database and Kafka on /health of every service', async () => {
    for (const service of [companies, needs, matching]) {
      const health = await http<{ status: string; checks: Record<string, { status: string }> }>(
        `${service.url}/health`,
      );
      expect(health.status).toBe(200);
      expect(health.body.checks).toEqual({ database: { status: 'up' }, kafka: { status: 'up' } });
    }
  });
});
