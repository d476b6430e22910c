import { defaultEngineVocabulary, type EngineVocabulary } from '../scoring/engine-vocabulary.js';
import type { CompanyProfile, NeedProfile } from '../scoring/match-profile.types.js';
import { populationDocuments, type LexicalCorpus, type PopulationDocuments } from '../scoring/lexical-relevance.js';
import { planNeed } from '../scoring/need-plan.js';
import { scorePlannedPair } from '../scoring/pair-scorer.js';

export interface RankedMatch {
  readonly companyId: string;
  /** 1-based. */
  readonly rank: number;
  readonly score: number;
  readonly eligible: boolean;
}

export interface RankedNeed {
  readonly needId: string;
  readonly rank: number;
  readonly score: number;
  readonly eligible: boolean;
}

/**
 * Eligible first, then higher score, then lower id. Ids compare by UTF-16 code units, not locale, so every machine
 * breaks ties the same way.
 */
export function compareMatches(
  a: Pick<RankedMatch, 'companyId' | 'score' | 'eligible'>,
  b: Pick<RankedMatch, 'companyId' | 'score' | 'eligible'>,
): number {
  return compareOrder(a.eligible, a.score, a.companyId, b.eligible, b.score, b.companyId);
}

function compareOrder(
  eligibleA: boolean,
  scoreA: number,
  idA: string,
  eligibleB: boolean,
  scoreB: number,
  idB: string,
): number {
  if (eligibleA !== eligibleB) return eligibleA ? -1 : 1;
  if (scoreA !== scoreB) return scoreB - scoreA;
  return idA < idB ? -1 : idA > idB ? 1 : 0;
}

interface Scored {
  readonly id: string;
  readonly score: number;
  readonly eligible: boolean;
}

function best(scored: Scored[], k: number): Scored[] {
  return scored
    .sort((a, b) => compareOrder(a.eligible, a.score, a.id, b.eligible, b.score, b.id))
    .slice(0, Math.max(0, k));
}

/** Reference ranking: scores every company with the reference scorer. */
export function topKForNeed(
  need: NeedProfile,
  companies: readonly CompanyProfile[],
  k: number,
  vocab: EngineVocabulary = defaultEngineVocabulary(),
  population: PopulationDocuments = populationDocuments(companies, vocab),
): RankedMatch[] {
  const { documents, corpus } = population;
  const plan = planNeed(need, vocab, corpus);
  const scored = companies.map((company, index) => ({
    id: company.id,
    ...scorePlannedPair(plan, company, vocab, documents[index]),
  }));
  return best(scored, k).map(({ id, score, eligible }, index) => ({ companyId: id, rank: index + 1, score, eligible }));
}

/** The needs a company fits best, ranked the same way; `corpus` is the company population (`populationDocuments`). */
export function topKForCompany(
  company: CompanyProfile,
  needs: readonly NeedProfile[],
  k: number,
  vocab: EngineVocabulary = defaultEngineVocabulary(),
  corpus?: LexicalCorpus,
): RankedNeed[] {
  const scored = needs.map((need) => ({
    id: need.id,
    ...scorePlannedPair(planNeed(need, vocab, corpus), company, vocab),
  }));
  return best(scored, k).map(({ id, score, eligible }, index) => ({ needId: id, rank: index + 1, score, eligible }));
}
