import 'reflect-metadata';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { InvalidFieldsError, serviceDataSourceOptions } from '#platform';
import { OutboxWriter } from '#messaging';
import { ProfileWriter, warmVocabularyIndexes } from '#profiles';
import { TOPICS } from '#contracts';
import { aCompany } from '../../../../test/factories/company.factory.js';
import { testEnv } from '../../../../test/utils/test-env.js';
import { companiesDataSource } from '../database/companies.data-source.js';
import { CompaniesRepository } from './companies.repository.js';
import { COMPANY_PROFILE, type CompanyWriter } from './company.profile.js';

describe('the company ProfileWriter against Postgres', () => {
  let dataSource: DataSource;
  let service: CompanyWriter;

  const outboxFor = async (id: string): Promise<{ event_type: string; envelope: { entityVersion: number } }[]> =>
    dataSource.query('SELECT event_type, envelope FROM companies.outbox WHERE message_key = $1 ORDER BY id', [id]);

  beforeAll(async () => {
    dataSource = await new DataSource(
      serviceDataSourceOptions(companiesDataSource(testEnv().databaseUrl)),
    ).initialize();
    service = new ProfileWriter(
      COMPANY_PROFILE,
      new CompaniesRepository(dataSource),
      new OutboxWriter('companies', 'companies'),
    );
    // As the service does at boot: the ontology's index is built once, before the first write.
    warmVocabularyIndexes();
  }, 30_000);

  afterAll(async () => {
    await dataSource.destroy();
  });

  it('stores a company and its CompanyProfileUpserted event in one transaction, terms resolved to ids', async () => {
    const created = await service.create(aCompany({ therapeuticAreas: ['NSCLC'], modalities: ['Small Molecule'] }));
    expect(created.version).toBe(1);
    expect(created.therapeuticAreas).toEqual(['non-small-cell-lung-cancer']);
    expect(created.modalities).toEqual(['small-molecule']);
    const events = await outboxFor(created.id);
    expect(events.map((event) => event.event_type)).toEqual(['CompanyProfileUpserted']);
    expect(events[0]?.envelope).toMatchObject({ key: created.id, entityVersion: 1, payload: { id: created.id } });
  });

  it('keeps version and publishes nothing when a PUT changes nothing; bumps both when it does', async () => {
    const body = aCompany();
    const created = await service.create(body);
    const same = await service.replace(created.id, body);
    expect(same.version).toBe(1);
    expect(await outboxFor(created.id)).toHaveLength(1);
    const patched = await service.patch(created.id, { city: 'Oxford' });
    expect(patched.version).toBe(2);
    expect(patched.city).toBe('Oxford');
    expect((await outboxFor(created.id)).map((event) => event.envelope.entityVersion)).toEqual([1, 2]);
  });

  it('rejects an unknown term naming the field and writes nothing', async () => {
    const before = await dataSource.query('SELECT count(*)::int AS n FROM companies.company');
    await expect(service.create(aCompany({ modalities: ['small-molecule', 'telepathy'] }))).rejects.toBeInstanceOf(
      InvalidFieldsError,
    );
    expect(await dataSource.query('SELECT count(*)::int AS n FROM companies.company')).toEqual(before);
  });

  it('deletes with a CompanyProfileDeleted event carrying the next version', async () => {
    const created = await service.create(aCompany());
    await service.delete(created.id);
    await expect(service.get(created.id)).rejects.toMatchObject({ code: 'COMPANY.NOT_FOUND' });
    const events = await outboxFor(created.id);
    expect(events.map((event) => [event.event_type, event.envelope.entityVersion])).toEqual([
      ['CompanyProfileUpserted', 1],
      ['CompanyProfileDeleted', 2],
    ]);
    expect(TOPICS.companyProfiles).toBe('companies.company-profiles.v1');
  });
});
