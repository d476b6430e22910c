import {
  companyDocument,
  compileCompanies,
  compileNeeds,
  lexicalCorpus,
  topKForNeed,
  topKPerNeed,
  type CompanyProfile,
  type CriterionWeights,
  type LexicalDocument,
  type NeedProfile,
  type PopulationDocuments,
  type RankedMatch,
} from '#engine';
import { Bm25Index, termCounts, type TermCounts } from './bm25-baseline.js';
import { companyFromTrials, needFromTrial, type ConditionResolver, type CtgovTrial } from './ctgov-profiles.js';
import { profileSystem, type ProfileBuilders, type RankingSystem, type SponsorTrials } from './retrieval.js';

export function trialProfileBuilders(resolve: ConditionResolver, weights?: Partial<CriterionWeights>): ProfileBuilders {
  return {
    company: (member) => companyFromTrials(member.sponsor, member.trials, resolve),
    need: (trial) => {
      const need = needFromTrial(trial, resolve);
      return weights === undefined ? need : { ...need, weights };
    },
  };
}

/** Ineligible companies rank below every eligible one whatever their score; scores lie in [0, 1]. */
function rankingKey(match: Pick<RankedMatch, 'score' | 'eligible'>): number {
  return match.eligible ? match.score : match.score - 2;
}

/**
 * The population's lexical documents: each company is tokenised once per run, not once per query, since a query
 * rebuilds only its held-out sponsor's profile.
 */
export const documentsOf = (() => {
  const cache = new WeakMap<CompanyProfile, LexicalDocument>();
  return (companies: readonly CompanyProfile[]): PopulationDocuments => {
    const documents = companies.map((company) => {
      let document = cache.get(company);
      if (document === undefined) {
        document = companyDocument(company);
        cache.set(company, document);
      }
      return document;
    });
    return { documents, corpus: lexicalCorpus(documents) };
  };
})();

/** The engine's reference ranking as one score per company. */
export function parkmatchScores(need: NeedProfile, companies: readonly CompanyProfile[]): number[] {
  const ranked = topKForNeed(need, companies, companies.length, undefined, documentsOf(companies));
  const byId = new Map(ranked.map((match) => [match.companyId, match]));
  return companies.map((company) => {
    const match = byId.get(company.id);
    if (match === undefined) throw new Error(`The engine did not rank ${company.id}.`);
    return rankingKey(match);
  });
}

export interface KernelAgreement {
  checked: number;
  agreed: number;
  /** Needs whose kernel top 10 differed from the reference top 10, first few. */
  readonly disagreements: string[];
}

export const AGREEMENT_DEPTH = 10;

/** At most this many queries compile the population for the kernel check; a larger set checks an even sample. */
export const AGREEMENT_SAMPLE = 200;

/**
 * Parkmatch through the reference ranking; on every query (on an even sample of `AGREEMENT_SAMPLE` when there are
 * more) the fast kernel's top 10 is compared with the reference's (ids, order, scores, eligibility), since the
 * product serves the kernel and calibrates on the reference.
 */
export function parkmatchSystem(
  builders: ProfileBuilders,
  queries = AGREEMENT_SAMPLE,
): { system: RankingSystem; agreement: KernelAgreement } {
  const agreement: KernelAgreement = { checked: 0, agreed: 0, disagreements: [] };
  const stride = Math.max(1, Math.ceil(queries / AGREEMENT_SAMPLE));
  let seen = 0;
  const system = profileSystem('parkmatch', builders, async (need, companies) => {
    if (seen++ % stride === 0) {
      const reference = topKForNeed(need, companies, AGREEMENT_DEPTH, undefined, documentsOf(companies));
      const packed = compileCompanies(companies);
      const compiled = compileNeeds([need], undefined, packed.corpus);
      const kernel = (await topKPerNeed(packed, compiled, AGREEMENT_DEPTH, { workers: 0 })).get(need.id) ?? [];
      agreement.checked++;
      if (sameTop(reference, kernel)) agreement.agreed++;
      else if (agreement.disagreements.length < 5) agreement.disagreements.push(need.id);
    }
    return parkmatchScores(need, companies);
  });
  return { system, agreement };
}

function sameTop(a: readonly RankedMatch[], b: readonly RankedMatch[]): boolean {
  return (
    a.length === b.length &&
    a.every((match, index) => {
      const other = b[index];
      return (
        other !== undefined &&
        other.companyId === match.companyId &&
        other.score === match.score &&
        other.eligible === match.eligible
      );
    })
  );
}

export type TrialText = (trial: CtgovTrial) => string;

const conditionsText = (trial: CtgovTrial): string => trial.conditions.replaceAll('|', ' ');

/** Issue 9's baseline: titles and conditions. */
export const TITLES_AND_CONDITIONS: TrialText = (trial) => `${trial.title}\n${conditionsText(trial)}`;

/** Every text field a registration has: a stronger baseline, to be honest about what words alone can do. */
export const ALL_TEXT: TrialText = (trial) =>
  [trial.title, trial.officialTitle, trial.description, conditionsText(trial), trial.interventions].join('\n');

/** BM25 of the held-out trial's text against each sponsor's concatenated trial texts, each tokenised once. */
export function bm25System(name: string, text: TrialText): RankingSystem {
  const documents = new Map<string, TermCounts>();
  const documentOf = (member: SponsorTrials): TermCounts => {
    const key = `${member.sponsor}\u0000${member.trials.map((trial) => trial.nct).join(',')}`;
    let document = documents.get(key);
    if (document === undefined) {
      document = termCounts(member.trials.map(text).join('\n'));
      documents.set(key, document);
    }
    return document;
  };
  return {
    name,
    scores: (query) => new Bm25Index(query.population.map(documentOf)).scores(text(query.heldOut)),
  };
}
