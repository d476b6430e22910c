import { describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { TOPICS } from '#contracts';
import { aCompany } from './factories/company.factory.js';
import { anRdNeed } from './factories/rd-need.factory.js';
import { expectEventually } from './utils/expect-eventually.js';
import { http } from './utils/http.js';
import { KafkaCapture } from './utils/kafka-capture.js';
import { EventPublisher } from './utils/event-publisher.js';
import { ServiceProcess, useServices } from './utils/service-process.js';

interface Page<T> {
  items: T[];
  total: number;
}

interface StoredCompany {
  id: string;
  version: number;
  name: string;
  therapeuticAreas: string[];
  unmappedTerms: string[];
}

describe('partner ingestion over Kafka', () => {
  const companies = new ServiceProcess('companies', 4);
  const needs = new ServiceProcess('rd-needs', 5);
  const source = `test-partner-${randomUUID().slice(0, 8)}`;

  const companiesOf = async (externalId: string) =>
    (await http<Page<StoredCompany>>(`${companies.url}/companies?source=${source}&externalId=${externalId}`)).body;

  useServices(companies, needs);
  const publisher = EventPublisher.use();
  const dlq = KafkaCapture.use([`${TOPICS.partnerCompanyProfiles}.dlq`, `${TOPICS.partnerRdNeeds}.dlq`]);

  it('upserts by (source, externalId): a resubmission updates the one record, messy and unknown terms kept', async () => {
    const externalId = `co-${randomUUID()}`;
    const submission = { ...aCompany(), externalRef: { source, id: externalId } };
    await publisher.publish(TOPICS.partnerCompanyProfiles, 'CompanyProfileSubmitted', externalId, submission);
    await expectEventually(async () => expect((await companiesOf(externalId)).total).toBe(1));

    await publisher.publish(TOPICS.partnerCompanyProfiles, 'CompanyProfileSubmitted', externalId, {
      ...submission,
      name: 'Renamed Therapeutics',
      therapeuticAreas: ['Carcinoma, Non-Small-Cell Lung', 'Quantum wellness syndrome'],
    });
    const page = await expectEventually(async () => {
      const current = await companiesOf(externalId);
      expect(current.items[0]?.name).toBe('Renamed Therapeutics');
      return current;
    });
    expect(page.total).toBe(1);
    expect(page.items[0]).toMatchObject({
      version: 2,
      therapeuticAreas: ['non-small-cell-lung-cancer'],
      unmappedTerms: ['Quantum wellness syndrome'],
    });
    const metrics = await http<string>(`${companies.url}/metrics`);
    const counted = /parkmatch_unmapped_terms_total\{[^}]*vocabulary="therapeuticAreas"[^}]*\} (\d+)/.exec(
      metrics.body,
    );
    expect(Number(counted?.[1])).toBeGreaterThanOrEqual(1);
  }, 30_000);

  it('dead-letters structurally invalid events with the reason and keeps consuming behind them', async () => {
    const externalId = `co-${randomUUID()}`;
    const badKey = `bad-${randomUUID()}`;
    await publisher.publishRaw(TOPICS.partnerCompanyProfiles, [{ key: badKey, value: '{"not": json' }]);
    await publisher.publish(TOPICS.partnerCompanyProfiles, 'CompanyProfileSubmitted', badKey, {
      ...aCompany({ country: 'Atlantis' }),
      externalRef: { source, id: badKey },
    });
    await publisher.publish(TOPICS.partnerCompanyProfiles, 'CompanyProfileTeleported', badKey, {});
    await publisher.publish(TOPICS.partnerCompanyProfiles, 'CompanyProfileSubmitted', badKey, aCompany());
    await publisher.publish(TOPICS.partnerCompanyProfiles, 'CompanyProfileSubmitted', externalId, {
      ...aCompany(),
      externalRef: { source, id: externalId },
    });

    await expectEventually(async () => expect((await companiesOf(externalId)).total).toBe(1));
    const parked = await expectEventually(() => {
      const found = dlq.messages.filter((message) => message.key === badKey);
      expect(found).toHaveLength(4);
      return found;
    });
    const reasons = parked.map((message) => message.headers['dlq-error']);
    expect(reasons[0]).toContain('unparseable JSON');
    expect(reasons[1]).toContain('country');
    expect(reasons[2]).toContain('unknown event type "CompanyProfileTeleported"');
    expect(reasons[3]).toContain('invalid CompanyProfileSubmitted payload: externalRef');
    for (const message of parked) {
      expect(message.headers['dlq-original-topic']).toBe(TOPICS.partnerCompanyProfiles);
      expect(message.headers['dlq-original-offset']).toMatch(/^\d+$/);
    }
    expect((await companiesOf(badKey)).total).toBe(0);
    expect((await http(`${companies.url}/health`)).status).toBe(200);
  }, 30_000);

  it('withdraws a profile', async () => {
    const externalId = `co-${randomUUID()}`;
    const externalRef = { source, id: externalId };
    await publisher.publish(TOPICS.partnerCompanyProfiles, 'CompanyProfileSubmitted', externalId, {
      ...aCompany(),
      externalRef,
    });
    await expectEventually(async () => expect((await companiesOf(externalId)).total).toBe(1));
    await publisher.publish(TOPICS.partnerCompanyProfiles, 'CompanyProfileWithdrawn', externalId, { externalRef });
    await expectEventually(async () => expect((await companiesOf(externalId)).total).toBe(0));
  }, 30_000);

  it('ingests partner R&D needs the same way', async () => {
    const externalId = `need-${randomUUID()}`;
    const submission = {
      ...anRdNeed({ therapeuticAreas: ['Metastatic Colorectal Cancer (CRC)'] }),
      externalRef: { source, id: externalId },
    };
    await publisher.publish(TOPICS.partnerRdNeeds, 'RdNeedSubmitted', externalId, submission);
    await publisher.publish(TOPICS.partnerRdNeeds, 'RdNeedSubmitted', externalId, { ...submission, priority: 'low' });
    const page = await expectEventually(async () => {
      const current = (
        await http<Page<{ priority: string; therapeuticAreas: string[] }>>(
          `${needs.url}/needs?source=${source}&externalId=${externalId}`,
        )
      ).body;
      expect(current.items[0]?.priority).toBe('low');
      return current;
    });
    expect(page.total).toBe(1);
    expect(page.items[0]?.therapeuticAreas).toEqual(['colorectal-cancer']);
  }, 30_000);
});
