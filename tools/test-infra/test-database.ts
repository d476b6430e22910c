import { migrateService, recreateTestDatabase } from '#platform';
import { companiesDataSource } from '../../apps/companies/src/database/companies.data-source.js';
import { matchingDataSource } from '../../apps/matching/src/database/matching.data-source.js';
import { rdNeedsDataSource } from '../../apps/rd-needs/src/database/rd-needs.data-source.js';

/** A fresh database at `url` with every service's migrations applied. Refuses a database whose name lacks "test". */
export async function freshTestDatabase(url: string): Promise<void> {
  await recreateTestDatabase(url);
  for (const spec of [companiesDataSource, rdNeedsDataSource, matchingDataSource]) {
    await migrateService(spec(url));
  }
}
