import { describe, expect, it } from '@jest/globals';
import { resolveRecordTerms } from './import-terms.js';

describe('resolveRecordTerms', () => {
  it('pairs each written term with the vocabulary entries it resolves to, nested records named by index', () => {
    const outcomes = resolveRecordTerms(
      { sectors: ['research tools'], organisationType: 'biotech', assets: [{ name: 'A', targets: ['EGFR'] }] },
      { sectors: 'sectors', organisationType: 'organisationTypes', assets: { each: { targets: 'targets' } } },
    );
    expect(outcomes).toEqual([
      {
        field: 'sectors',
        input: 'research tools',
        resolved: true,
        terms: [{ id: 'research-tools', label: 'Research tools' }],
      },
      {
        field: 'organisationType',
        input: 'biotech',
        resolved: true,
        terms: [expect.objectContaining({ id: 'biotech' })],
      },
      { field: 'assets[0].targets', input: 'EGFR', resolved: true, terms: [expect.objectContaining({ id: 'EGFR' })] },
    ]);
  });

  it('reports a term no vocabulary knows as unmapped, with suggestions', () => {
    const [outcome] = resolveRecordTerms(
      { capabilities: ['process developmnt xyzzy'] },
      { capabilities: 'capabilities' },
    );
    expect(outcome).toMatchObject({ field: 'capabilities', resolved: false });
  });

  it('skips absent fields', () => {
    expect(resolveRecordTerms({}, { sectors: 'sectors' })).toEqual([]);
  });
});
