import { describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { TOPICS } from '#contracts';
import { aCompany } from './factories/company.factory.js';
import { anRdNeed } from './factories/rd-need.factory.js';
import { expectEventually } from './utils/expect-eventually.js';
import { http } from './utils/http.js';
import { scrapeIntake } from './utils/intake-metrics.js';
import { EventPublisher } from './utils/event-publisher.js';
import { ServiceProcess, useServices } from './utils/service-process.js';

interface Page<T> {
  items: T[];
  total: number;
}

/** Partner versions arriving out of order: one older than the newest applied for its external reference is skipped. */
describe('stale partner versions', () => {
  const companies = new ServiceProcess('companies', 83);
  const needs = new ServiceProcess('rd-needs', 84);
  const source = `stale-partner-${randomUUID().slice(0, 8)}`;

  const staleCount = async (url: string, consumer: string): Promise<number> =>
    (await scrapeIntake(url, consumer)).stale;

  useServices(companies, needs);
  const publisher = EventPublisher.use();

  it('keeps a company at the newer version when an older one arrives after it', async () => {
    const externalId = `co-${randomUUID()}`;
    const externalRef = { source, id: externalId };
    const submit = (entityVersion: number, name: string) =>
      publisher.publish(
        TOPICS.partnerCompanyProfiles,
        'CompanyProfileSubmitted',
        externalId,
        { ...aCompany({ name }), externalRef },
        { entityVersion },
      );
    const staleBefore = await staleCount(companies.url, 'companies.partner-ingest');
    await submit(2, 'Version Two');
    await submit(1, 'Version One');
    await submit(3, 'Version Three');

    const page = await expectEventually(async () => {
      const current = (
        await http<Page<{ name: string; version: number }>>(
          `${companies.url}/companies?source=${source}&externalId=${externalId}`,
        )
      ).body;
      expect(current.items[0]?.name).toBe('Version Three');
      return current;
    });
    // Two writes applied (versions 2 and 3); version 1 changed nothing.
    expect(page.items[0]?.version).toBe(2);
    expect(await staleCount(companies.url, 'companies.partner-ingest')).toBe(staleBefore + 1);
  }, 30_000);

  it('does not resurrect a withdrawn need with an older submission', async () => {
    const externalId = `need-${randomUUID()}`;
    const externalRef = { source, id: externalId };
    const needsOf = async () =>
      (await http<Page<{ priority: string }>>(`${needs.url}/needs?source=${source}&externalId=${externalId}`)).body;
    const submission = { ...anRdNeed({ priority: 'high' }), externalRef };
    await publisher.publish(TOPICS.partnerRdNeeds, 'RdNeedSubmitted', externalId, submission, { entityVersion: 1 });
    await expectEventually(async () => expect((await needsOf()).total).toBe(1));
    await publisher.publish(
      TOPICS.partnerRdNeeds,
      'RdNeedWithdrawn',
      externalId,
      { externalRef },
      { entityVersion: 3 },
    );
    await publisher.publish(TOPICS.partnerRdNeeds, 'RdNeedSubmitted', externalId, submission, { entityVersion: 2 });
    await expectEventually(async () => expect(await staleCount(needs.url, 'rd-needs.partner-ingest')).toBe(1));
    expect((await needsOf()).total).toBe(0);
  }, 30_000);
});
