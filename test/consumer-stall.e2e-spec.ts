import { describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { TOPICS } from '#contracts';
import { aCompany } from './factories/company.factory.js';
import { expectEventually } from './utils/expect-eventually.js';
import { http } from './utils/http.js';
import { EventPublisher } from './utils/event-publisher.js';
import { ServiceProcess, useServices } from './utils/service-process.js';
import { testEnv } from './utils/test-env.js';

interface Readiness {
  status: string;
  checks: Record<string, { status: string; stalled?: { topic: string; lag: number }[] }>;
}

/** A consumer held on one record (here: a row lock it waits for) is reported by readiness, and recovers. */
describe('readiness of a stalled consumer', () => {
  const companies = new ServiceProcess('companies', 85, { HEALTH_CONSUMER_STALL_MS: '1500' });
  const source = `stall-partner-${randomUUID().slice(0, 8)}`;

  useServices(companies);
  const publisher = EventPublisher.use();

  it('is not ready while the committed offset stands still with messages waiting, and ready once it moves', async () => {
    const externalId = `co-${randomUUID()}`;
    const submission = { ...aCompany(), externalRef: { source, id: externalId } };
    const namesOf = async () =>
      (
        await http<{ items: { name: string }[] }>(
          `${companies.url}/companies?source=${source}&externalId=${externalId}`,
        )
      ).body.items.map((item) => item.name);
    await publisher.publish(TOPICS.partnerCompanyProfiles, 'CompanyProfileSubmitted', externalId, submission);
    await expectEventually(async () => expect(await namesOf()).toEqual([submission.name]));
    const ready = () => http<Readiness>(`${companies.url}/health/ready`);
    const stalledGauge = async () => {
      const metrics = (await http<string>(`${companies.url}/metrics`)).body;
      return Number(/^parkmatch_consumer_stalled_partitions\{[^}]*\} (\d+)$/m.exec(metrics)?.[1]);
    };
    await expectEventually(async () => expect((await ready()).status).toBe(200));

    const holder = new pg.Client({ connectionString: testEnv().databaseUrl });
    await holder.connect();
    try {
      await holder.query('BEGIN');
      await holder.query(
        'SELECT id FROM companies.company WHERE external_source = $1 AND external_id = $2 FOR UPDATE',
        [source, externalId],
      );
      await publisher.publish(TOPICS.partnerCompanyProfiles, 'CompanyProfileSubmitted', externalId, {
        ...submission,
        name: 'Renamed While Locked',
      });
      const stuck = await expectEventually(
        async () => {
          const answer = await ready();
          expect(answer.status).toBe(503);
          return answer.body;
        },
        { timeoutMs: 20_000 },
      );
      expect(stuck.checks.consumerStall).toMatchObject({
        status: 'down',
        stalled: [expect.objectContaining({ topic: TOPICS.partnerCompanyProfiles })],
      });
      expect(stuck.checks.database?.status).toBe('up');
      expect(await stalledGauge()).toBe(1);
    } finally {
      await holder.query('ROLLBACK').catch(() => undefined);
      await holder.end();
    }

    await expectEventually(async () => expect(await namesOf()).toEqual(['Renamed While Locked']));
    await expectEventually(async () => expect((await ready()).status).toBe(200), { timeoutMs: 20_000 });
    expect(await stalledGauge()).toBe(0);
  }, 90_000);
});
