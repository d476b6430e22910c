import { describe, expect, it } from '@jest/globals';
import { IMPORT_TARGETS } from './import-kinds.js';

describe('IMPORT_TARGETS', () => {
  it("reads how each column's cells are read from the contract's validation", () => {
    const { companies, needs } = IMPORT_TARGETS;
    expect(companies.columns.json).toEqual(expect.arrayContaining(['assets', 'externalRef']));
    expect(companies.columns.lists).toEqual(expect.arrayContaining(['sectors', 'seeking', 'targets']));
    expect(companies.columns.lists).not.toContain('assets');
    expect(companies.columns.booleans).toEqual(['chinaPresence']);
    expect(needs.columns.json).toEqual(expect.arrayContaining(['weights']));
    expect(needs.columns.booleans).toEqual(['preferChinaPresence', 'preferWuxiCoLocation']);
  });

  it("takes the term fields from the services' profile definitions", () => {
    expect(IMPORT_TARGETS.companies.termFields).toMatchObject({
      seeking: 'offerings',
      organisationType: 'organisationTypes',
    });
    expect(IMPORT_TARGETS.needs.termFields).toMatchObject({ mustHave: 'capabilities', stages: 'developmentStages' });
  });
});
