import { describe, expect, it } from '@jest/globals';
import { topKForNeed } from '../ranking/match-ranking.js';
import { aCompany, aNeed, criterionOf, fixtureVocabulary } from './engine-vocabulary.fixture.js';
import { populationDocuments } from './lexical-relevance.js';
import type { CompanyProfile, NeedProfile } from './match-profile.types.js';
import { scorePair } from './pair-scorer.js';

const vocab = fixtureVocabulary();

/** Scores one pair inside a population, which is where document frequencies come from. */
const textIn = (need: NeedProfile, company: CompanyProfile, others: readonly CompanyProfile[] = []) =>
  criterionOf(
    scorePair(need, company, vocab, populationDocuments([company, ...others], vocab).corpus),
    'textRelevance',
  );

const bystanders = Array.from({ length: 8 }, (_, index) =>
  aCompany({ id: `other-${index}`, description: 'A contract research organisation running patient studies.' }),
);

describe('lexical relevance (BM25 over need and company text)', () => {
  it('credits a company whose description shares the need’s rare words, and names them', () => {
    const need = aNeed({ title: 'Partner for osimertinib resistance studies' });
    const company = aCompany({ description: 'We study osimertinib resistance in patients.' });
    const text = textIn(need, company, bystanders);

    expect(text.score).toBeGreaterThan(0);
    expect(text.explanation).toMatch(/^Shared terms: (osimertinib|resistance), (osimertinib|resistance)/u);
  });

  it('weighs a rare shared word above a common one', () => {
    const need = aNeed({ title: 'organoid patient studies' });
    const rare = aCompany({ id: 'rare', description: 'organoid models' });
    const common = aCompany({ id: 'common', description: 'patient studies' });

    const ranked = topKForNeed(need, [common, rare, ...bystanders], 2, vocab).map((match) => match.companyId);

    expect(ranked[0]).toBe('rare');
  });

  it('matches asset codes however they are written, and asset names', () => {
    const need = aNeed({ title: 'Combination partner for AZD 9291' });
    const coded = aCompany({ id: 'coded', assets: [{ name: 'Tagrisso', codes: ['AZD-9291'] }] });
    const named = aCompany({ id: 'named', assets: [{ name: 'AZD9291 follow-on' }] });

    expect(textIn(need, coded, bystanders).score).toBeGreaterThan(0);
    expect(textIn(need, named, bystanders).score).toBeGreaterThan(0);
    expect(textIn(need, coded, bystanders).explanation).toContain('azd9291');
  });

  it('folds British and American spellings and Greek letters together', () => {
    const need = aNeed({ title: 'Paediatric tumour immunology of TNF-α' });
    const company = aCompany({ description: 'pediatric tumor models, TNF alpha' });

    expect(textIn(need, company, bystanders).explanation).toMatch(/pediatric|tumor|alpha/u);
    expect(textIn(need, company, bystanders).score).toBeGreaterThan(0.3);
  });

  it('lets drugs of one class meet through their INN stem', () => {
    const need = aNeed({ title: 'Next-generation kinase inhibitor: gefitinib' });
    const company = aCompany({ description: 'Our lead asset erlotinib' });

    expect(textIn(need, company, bystanders).explanation).toContain('-tinib drugs');
  });

  it('is zero for a company sharing no word, and not applicable without a population', () => {
    const need = aNeed({ title: 'organoid screening' });

    expect(textIn(need, aCompany({ description: 'medical devices' }), bystanders).score).toBe(0);
    expect(
      criterionOf(scorePair(need, aCompany({ description: 'organoid screening' }), vocab), 'textRelevance'),
    ).toMatchObject({ weight: 0, contribution: 0 });
  });

  it('does not claim a contribution when the need weighs it at zero', () => {
    const need = aNeed({ title: 'organoid screening', weights: { textRelevance: 0 } });
    const text = textIn(need, aCompany({ description: 'organoid screening' }), bystanders);

    expect(text).toMatchObject({ weight: 0, contribution: 0 });
    expect(text.explanation).toBe('Not counted: the need gives it no weight.');
  });

  it('grows with more shared words but never past 1', () => {
    const need = aNeed({ title: 'organoid screening liquid biopsy' });
    const one = aCompany({ id: 'one', description: 'organoid' });
    const two = aCompany({ id: 'two', description: 'organoid screening' });
    const all = aCompany({ id: 'all', description: 'organoid screening, liquid biopsy' });
    const { corpus } = populationDocuments([one, two, all, ...bystanders], vocab);
    const text = (company: CompanyProfile) => criterionOf(scorePair(need, company, vocab, corpus), 'textRelevance');

    expect(text(two).score).toBeGreaterThan(text(one).score);
    expect(text(all).score).toBeGreaterThan(text(two).score);
    expect(text(all).score).toBeLessThanOrEqual(1);
  });

  it('lets a coded area meet companies coded with it or below it, not siblings', () => {
    const need = aNeed({ title: 'Partner wanted', therapeuticAreas: ['nsclc'] });
    const narrower = aCompany({ id: 'narrower', therapeuticAreas: ['egfr-nsclc'] });
    const sibling = aCompany({ id: 'sibling', therapeuticAreas: ['sclc'] });
    const population = [narrower, sibling, ...bystanders];
    const { corpus } = populationDocuments(population, vocab);
    const text = (company: CompanyProfile) => criterionOf(scorePair(need, company, vocab, corpus), 'textRelevance');

    expect(text(narrower).score).toBeGreaterThan(0);
    expect(text(narrower).explanation).toContain('Nsclc');
    expect(text(sibling).score).toBe(0);
  });

  it('counts a word the need repeats more than one it uses once', () => {
    const need = aNeed({ title: 'organoid screening', description: 'Organoid models; organoid biobank.' });
    const repeated = aCompany({ id: 'repeated', description: 'organoid' });
    const once = aCompany({ id: 'once', description: 'screening' });
    const { corpus } = populationDocuments([repeated, once, ...bystanders], vocab);
    const text = (company: CompanyProfile) => criterionOf(scorePair(need, company, vocab, corpus), 'textRelevance');

    expect(text(repeated).score).toBeGreaterThan(text(once).score);
  });
});
