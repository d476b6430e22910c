import { describe, expect, it } from '@jest/globals';
import { aCompany, aNeed, fixtureVocabulary } from '../scoring/engine-vocabulary.fixture.js';
import { compareMatches, topKForCompany, topKForNeed } from './match-ranking.js';

const vocab = fixtureVocabulary();

describe('ranking', () => {
  it('orders eligible first, then by score, then by id in code-unit order', () => {
    const matches = [
      { companyId: 'b', score: 0.5, eligible: true },
      { companyId: 'a', score: 0.5, eligible: true },
      { companyId: 'Z', score: 0.5, eligible: true },
      { companyId: 'c', score: 0.9, eligible: false },
      { companyId: 'd', score: 0.6, eligible: true },
    ];

    expect([...matches].sort(compareMatches).map((match) => match.companyId)).toEqual(['d', 'Z', 'a', 'b', 'c']);
  });

  it('breaks ties between equal companies by id, whatever the input order', () => {
    const need = aNeed({ therapeuticAreas: ['nsclc'] });
    const twins = ['c-3', 'a-1', 'b-2'].map((id) => aCompany({ id, therapeuticAreas: ['nsclc'] }));

    const ranked = topKForNeed(need, twins, 3, vocab);

    expect(ranked.map(({ companyId, rank }) => [companyId, rank])).toEqual([
      ['a-1', 1],
      ['b-2', 2],
      ['c-3', 3],
    ]);
    expect(new Set(ranked.map((match) => match.score)).size).toBe(1);
  });

  it('returns at most k matches and nothing for k = 0', () => {
    const need = aNeed({ therapeuticAreas: ['nsclc'] });
    const companies = ['a', 'b', 'c'].map((id) => aCompany({ id }));

    expect(topKForNeed(need, companies, 2, vocab)).toHaveLength(2);
    expect(topKForNeed(need, companies, 0, vocab)).toEqual([]);
    expect(topKForNeed(need, companies, 10, vocab)).toHaveLength(3);
  });

  it('ranks the needs that fit a company best', () => {
    const company = aCompany({ therapeuticAreas: ['nsclc'], capabilities: ['imaging'] });
    const needs = [
      aNeed({ id: 'asthma', therapeuticAreas: ['asthma'] }),
      aNeed({ id: 'lung', therapeuticAreas: ['nsclc'] }),
      aNeed({ id: 'gated', therapeuticAreas: ['nsclc'], mustHave: ['glp-toxicology'] }),
      aNeed({ id: 'cancer', therapeuticAreas: ['lung-cancer'], niceToHave: ['imaging', 'bioinformatics'] }),
    ];

    expect(
      topKForCompany(company, needs, 4, vocab).map(({ needId, rank, eligible }) => [needId, rank, eligible]),
    ).toEqual([
      ['lung', 1, true],
      ['cancer', 2, true],
      ['asthma', 3, true],
      ['gated', 4, false],
    ]);
  });
});
