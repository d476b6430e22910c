import { ADDITIVE_CRITERIA, type AdditiveCriterion } from './criterion-weights.js';
import { defaultEngineVocabulary, type EngineVocabulary, type EngineVocabularyName } from './engine-vocabulary.js';
import { renderExplanation, type Explanation, type NotApplicableReason, type SharedTerm } from './explanation.js';
import { geographyPoints, hasChinaPresence } from './geography.js';
import { withAssetTerms } from './company-terms.js';
import { STEM_PREFIX } from './life-science-tokens.js';
import { bm25Term, lexicalUnits } from './bm25.js';
import {
  companyDocument,
  lexicalTokenTerm,
  type LexicalCorpus,
  type LexicalDocument,
  type LexicalQuery,
} from './lexical-relevance.js';
import type { CompanyProfile, NeedProfile } from './match-profile.types.js';
import type { CriterionScore, MatchResult } from './match-result.types.js';
import { distinct, planNeed, type NeedPlan } from './need-plan.js';
import { SCORE_UNITS, matchUnits, shareUnits, unitsToScore } from './score-units.js';
import {
  HIERARCHY_CREDIT_SCALE,
  HierarchyCredit,
  STAGE_CREDIT_SCALE,
  fulfils,
  hierarchyCredit,
  inSameLineage,
  stageCredit,
  stageDistance,
  type HierarchyCreditValue,
} from './term-relations.js';

/** A must-have counts double in the capability score, so meeting more of them also orders ineligible companies. */
export const MUST_HAVE_POINTS = 2;
export const NICE_TO_HAVE_POINTS = 1;

interface Assessment {
  readonly score: number;
  readonly units: number;
  readonly reason: Explanation;
}

/** Words and stems shown when explaining lexical relevance. */
const SHOWN_SHARED_TERMS = 6;

/**
 * The reference scorer: plain and explained, the oracle the packed kernel is tested against. Score one pair with a
 * full breakdown; for one need against many companies, plan the need once and use `scorePlannedPair`. `corpus` is
 * the population the pair is ranked in (see `populationCorpus`); without it lexical relevance does not apply.
 */
export function scorePair(
  need: NeedProfile,
  company: CompanyProfile,
  vocab: EngineVocabulary = defaultEngineVocabulary(),
  corpus?: LexicalCorpus,
): MatchResult {
  return scorePlannedPair(planNeed(need, vocab, corpus), company, vocab);
}

export function scorePlannedPair(
  plan: NeedPlan,
  profile: CompanyProfile,
  vocab: EngineVocabulary,
  document?: LexicalDocument,
): MatchResult {
  const company = withAssetTerms(profile);
  const known = (name: EngineVocabularyName, ids: readonly string[] | undefined): string[] =>
    distinct(ids ?? []).filter((id) => vocab.entries[name].hierarchy.has(id));
  const companyAreas = known('therapeuticAreas', company.therapeuticAreas);
  const capabilities = assessCapabilities(vocab, plan, known('capabilities', company.capabilities));

  const assessments: Record<AdditiveCriterion, Assessment> = {
    therapeuticArea: plan.applicable.therapeuticArea
      ? assessHierarchyFit(vocab, 'therapeuticAreas', plan.therapeuticAreas, companyAreas, plan.scales.therapeuticArea)
      : notApplicable('therapeuticArea'),
    focus: plan.applicable.focus
      ? assessFocus(vocab, plan.therapeuticAreas, companyAreas, plan.scales.focus)
      : notApplicable('therapeuticArea'),
    target: plan.applicable.target
      ? assessHierarchyFit(vocab, 'targets', plan.targets, known('targets', company.targets), plan.scales.target)
      : notApplicable('target'),
    modality: plan.applicable.modality
      ? assessHierarchyFit(
          vocab,
          'modalities',
          plan.modalities,
          known('modalities', company.modalities),
          plan.scales.modality,
        )
      : notApplicable('modality'),
    developmentStage: plan.applicable.developmentStage
      ? assessStage(
          vocab,
          plan.stages,
          known('developmentStages', company.developmentStages),
          plan.scales.developmentStage,
        )
      : notApplicable('developmentStage'),
    capability: plan.applicable.capability ? capabilities : notApplicable('capability'),
    collaborationType: plan.applicable.collaborationType
      ? assessCoverage(
          vocab,
          'collaborationTypes',
          plan.collaborationTypes,
          known('collaborationTypes', company.collaborationTypes),
          plan.scales.collaborationType,
        )
      : notApplicable('collaborationType'),
    reciprocity: plan.applicable.reciprocity
      ? assessReciprocity(vocab, plan.offering, known('offerings', company.seeking), plan.scales.reciprocity)
      : notApplicable('reciprocity'),
    geography: plan.applicable.geography ? assessGeography(plan, company) : notApplicable('geography'),
    partnerNetwork: plan.applicable.partnerNetwork
      ? assessPartnerNetworks(
          vocab,
          plan.preferredPartnerNetworks,
          known('partnerNetworks', company.partnerNetworks),
          plan.scales.partnerNetwork,
        )
      : notApplicable('partnerNetwork'),
    textRelevance: plan.applicable.textRelevance
      ? assessText(plan.lexical, document ?? companyDocument(company, vocab), plan.scales.textRelevance)
      : notApplicable('textRelevance'),
  };

  const breakdown: CriterionScore[] = ADDITIVE_CRITERIA.map((criterion) => {
    // A criterion the need weighs at zero adds nothing, so it does not claim to.
    const assessed = assessments[criterion];
    const { score, units, reason } =
      plan.applicable[criterion] && plan.scales[criterion] === 0
        ? { ...assessed, units: 0, reason: [{ kind: 'notCounted' as const }] }
        : assessed;
    return {
      criterion,
      score,
      weight: plan.scales[criterion] / SCORE_UNITS,
      contribution: unitsToScore(units),
      explanation: renderExplanation(reason, 'en', vocab),
      reason,
    };
  });
  const additiveUnits = ADDITIVE_CRITERIA.reduce((sum, criterion) => sum + assessments[criterion].units, 0);
  const sector = assessSector(vocab, plan, known('sectors', company.sectors));
  const units = matchUnits(additiveUnits, sector.keep);
  breakdown.push({
    criterion: 'sector',
    score: sector.score,
    weight: plan.sectorApplies ? plan.weights.sector : 0,
    contribution: unitsToScore(units - Math.min(SCORE_UNITS, additiveUnits)),
    explanation: renderExplanation(sector.reason, 'en', vocab),
    reason: sector.reason,
  });
  return {
    score: unitsToScore(units),
    eligible: capabilities.unmet.length === 0,
    breakdown,
    unmetRequirements: capabilities.unmet,
  };
}

function notApplicable(reason: NotApplicableReason): Assessment {
  return { score: 0, units: 0, reason: [{ kind: 'notApplicable', reason }] };
}

/** The terms that pass `test` and the rest, each in input order. */
function partition(terms: readonly string[], test: (term: string) => boolean): [string[], string[]] {
  const passed: string[] = [];
  const failed: string[] = [];
  for (const term of terms) (test(term) ? passed : failed).push(term);
  return [passed, failed];
}

/** The clauses that apply, in order. */
function clauses(parts: readonly (Explanation[number] | false)[]): Explanation {
  return parts.filter((part): part is Explanation[number] => part !== false);
}

const RELATIONS: Readonly<Record<HierarchyCreditValue, keyof typeof HierarchyCredit>> = {
  [HierarchyCredit.exact]: 'exact',
  [HierarchyCredit.parent]: 'parent',
  [HierarchyCredit.ancestor]: 'ancestor',
  [HierarchyCredit.sibling]: 'sibling',
  [HierarchyCredit.none]: 'none',
};

function assessHierarchyFit(
  vocab: EngineVocabulary,
  name: 'therapeuticAreas' | 'modalities' | 'targets',
  needTerms: readonly string[],
  companyTerms: readonly string[],
  scale: number,
): Assessment {
  const hierarchy = vocab.entries[name].hierarchy;
  const matched: string[] = [];
  const partial: { companyTerm: string; relation: keyof typeof HierarchyCredit; needTerm: string }[] = [];
  const missing: string[] = [];
  let credit = 0;
  let units = 0;
  for (const needTerm of needTerms) {
    let best: HierarchyCreditValue = HierarchyCredit.none;
    let bestTerm = needTerm;
    for (const companyTerm of companyTerms) {
      const termCredit = hierarchyCredit(hierarchy, needTerm, companyTerm);
      if (termCredit > best) {
        best = termCredit;
        bestTerm = companyTerm;
      }
    }
    credit += best;
    units += shareUnits(scale, best, HIERARCHY_CREDIT_SCALE * needTerms.length);
    if (best === HierarchyCredit.none) missing.push(needTerm);
    else if (bestTerm === needTerm) matched.push(needTerm);
    else partial.push({ companyTerm: bestTerm, relation: RELATIONS[best], needTerm });
  }
  return {
    score: credit / (HIERARCHY_CREDIT_SCALE * needTerms.length),
    units,
    reason: clauses([
      (matched.length > 0 || partial.length > 0) && { kind: 'fit', vocabulary: name, matched, partial },
      missing.length > 0 && { kind: 'nothingOn', terms: { vocabulary: name, ids: missing } },
    ]),
  };
}

function assessFocus(
  vocab: EngineVocabulary,
  needTerms: readonly string[],
  companyTerms: readonly string[],
  scale: number,
): Assessment {
  const hierarchy = vocab.entries.therapeuticAreas.hierarchy;
  const [related, unrelated] = partition(companyTerms, (term) =>
    needTerms.some((needTerm) => inSameLineage(hierarchy, needTerm, term)),
  );
  if (companyTerms.length === 0) return { score: 0, units: 0, reason: [{ kind: 'noTherapeuticArea' }] };
  return {
    score: related.length / companyTerms.length,
    units: shareUnits(scale, related.length, companyTerms.length),
    reason: clauses([
      { kind: 'focusShare', related: related.length, total: companyTerms.length },
      unrelated.length > 0 && { kind: 'unrelatedAreas', terms: { vocabulary: 'therapeuticAreas', ids: unrelated } },
    ]),
  };
}

function assessStage(
  vocab: EngineVocabulary,
  window: readonly string[],
  companyStages: readonly string[],
  scale: number,
): Assessment {
  const hierarchy = vocab.entries.developmentStages.hierarchy;
  const windowTerms = { vocabulary: 'developmentStages', ids: window } as const;
  let nearest = Number.POSITIVE_INFINITY;
  let nearestStage: string | undefined;
  for (const companyStage of companyStages) {
    for (const windowStage of window) {
      const distance = stageDistance(hierarchy, windowStage, companyStage);
      if (distance < nearest) {
        nearest = distance;
        nearestStage = companyStage;
      }
    }
  }
  const credit = stageCredit(nearest);
  const stage = { vocabulary: 'developmentStages', id: nearestStage ?? '' } as const;
  const reason: Explanation = [
    nearestStage === undefined
      ? { kind: 'stageNotComparable', window: windowTerms }
      : nearest === 0
        ? { kind: 'stageInside', stage, window: windowTerms }
        : { kind: 'stageOutside', stage, steps: nearest, window: windowTerms },
  ];
  return { score: credit / STAGE_CREDIT_SCALE, units: shareUnits(scale, credit, STAGE_CREDIT_SCALE), reason };
}

const capabilityTerms = (ids: readonly string[]) => ({ vocabulary: 'capabilities', ids }) as const;

function assessCapabilities(
  vocab: EngineVocabulary,
  plan: NeedPlan,
  companyCapabilities: readonly string[],
): Assessment & { readonly unmet: string[] } {
  const hierarchy = vocab.entries.capabilities.hierarchy;
  const has = (requirement: string): boolean =>
    companyCapabilities.some((term) => fulfils(hierarchy, term, requirement));
  const outOf = MUST_HAVE_POINTS * plan.mustHave.length + NICE_TO_HAVE_POINTS * plan.niceToHave.length;
  const scale = plan.scales.capability;
  const [metMust, unmet] = partition(plan.mustHave, has);
  const [metNice, missingNice] = partition(plan.niceToHave, has);
  const units =
    metMust.length * shareUnits(scale, MUST_HAVE_POINTS, outOf) +
    metNice.length * shareUnits(scale, NICE_TO_HAVE_POINTS, outOf);
  const points = MUST_HAVE_POINTS * metMust.length + NICE_TO_HAVE_POINTS * metNice.length;
  return {
    score: outOf > 0 ? points / outOf : 0,
    units,
    unmet,
    reason: clauses([
      plan.mustHave.length > 0 && { kind: 'mustHavesMet', terms: capabilityTerms(metMust) },
      unmet.length > 0 && { kind: 'unmet', terms: capabilityTerms(unmet) },
      plan.niceToHave.length > 0 && { kind: 'niceToHavesMet', terms: capabilityTerms(metNice) },
      missingNice.length > 0 && { kind: 'niceToHavesMissing', terms: capabilityTerms(missingNice) },
    ]),
  };
}

function assessCoverage(
  vocab: EngineVocabulary,
  name: 'collaborationTypes',
  needTerms: readonly string[],
  companyTerms: readonly string[],
  scale: number,
): Assessment {
  const hierarchy = vocab.entries[name].hierarchy;
  const [met, missing] = partition(needTerms, (needTerm) =>
    companyTerms.some((term) => fulfils(hierarchy, term, needTerm)),
  );
  return {
    score: met.length / needTerms.length,
    units: met.length * shareUnits(scale, 1, needTerms.length),
    reason: clauses([
      { kind: 'openTo', terms: { vocabulary: name, ids: met } },
      missing.length > 0 && { kind: 'notOpenTo', terms: { vocabulary: name, ids: missing } },
    ]),
  };
}

function assessReciprocity(
  vocab: EngineVocabulary,
  offering: readonly string[],
  seeking: readonly string[],
  scale: number,
): Assessment {
  const hierarchy = vocab.entries.offerings.hierarchy;
  const [matched, unmatched] = partition(seeking, (sought) =>
    offering.some((offer) => inSameLineage(hierarchy, offer, sought)),
  );
  // Judged against what could be matched at most, so a need offering one thing is not blamed for not offering five.
  const attainable = Math.min(seeking.length, offering.length);
  const credited = Math.min(matched.length, attainable);
  if (seeking.length === 0) {
    return { score: 0, units: 0, reason: [{ kind: 'seeksNothing' }] };
  }
  return {
    score: credited / attainable,
    units: shareUnits(scale, credited, attainable),
    reason: clauses([
      { kind: 'offersSought', terms: { vocabulary: 'offerings', ids: matched } },
      unmatched.length > 0 && { kind: 'notOffered', terms: { vocabulary: 'offerings', ids: unmatched } },
    ]),
  };
}

function assessGeography(plan: NeedPlan, company: CompanyProfile): Assessment {
  const inChina = hasChinaPresence(company);
  const { points, outOf } = geographyPoints(
    plan.need.preferChinaPresence,
    plan.need.preferWuxiCoLocation,
    inChina,
    company.wuxiCoLocation,
  );
  return {
    score: points / outOf,
    units: shareUnits(plan.scales.geography, points, outOf),
    reason: clauses([
      plan.need.preferChinaPresence && { kind: 'chinaPresence', present: inChina },
      plan.need.preferWuxiCoLocation && { kind: 'wuxiCoLocation', coLocation: company.wuxiCoLocation },
    ]),
  };
}

function assessPartnerNetworks(
  vocab: EngineVocabulary,
  preferred: readonly string[],
  companyNetworks: readonly string[],
  scale: number,
): Assessment {
  const hierarchy = vocab.entries.partnerNetworks.hierarchy;
  const member = companyNetworks.filter((network) => preferred.some((wanted) => fulfils(hierarchy, network, wanted)));
  return {
    score: member.length > 0 ? 1 : 0,
    units: member.length > 0 ? shareUnits(scale, 1, 1) : 0,
    reason: [
      member.length > 0
        ? { kind: 'memberOf', terms: { vocabulary: 'partnerNetworks', ids: member } }
        : { kind: 'memberOfNone', terms: { vocabulary: 'partnerNetworks', ids: preferred } },
    ],
  };
}

/**
 * BM25 over the need's words and the company's document. Both token lists are in code-unit order, so one merge
 * pass finds the shared words, and the terms are added in query order exactly as the kernel adds them.
 */
export function lexicalScore(query: LexicalQuery, document: LexicalDocument): { score: number; shared: number[] } {
  let score = 0;
  const shared: number[] = [];
  let d = 0;
  for (let q = 0; q < query.tokens.length; q++) {
    const token = query.tokens[q]!;
    while (d < document.tokens.length && document.tokens[d]! < token) d++;
    if (d === document.tokens.length) break;
    if (document.tokens[d] !== token) continue;
    score += bm25Term(query.idfs[q]!, document.frequencies[d]!, document.length, query.averageLength);
    shared.push(q);
  }
  return { score, shared };
}

function assessText(query: LexicalQuery, document: LexicalDocument, scale: number): Assessment {
  const { score, shared } = lexicalScore(query, document);
  const units = lexicalUnits(scale, score, query.maxScore);
  const strongest = [...shared]
    .sort((a, b) => query.idfs[b]! - query.idfs[a]! || a - b)
    .slice(0, SHOWN_SHARED_TERMS)
    .map((q): SharedTerm => {
      const token = query.tokens[q]!;
      return token.startsWith(STEM_PREFIX)
        ? { kind: 'stem', stem: token.slice(STEM_PREFIX.length) }
        : lexicalTokenTerm(token);
    });
  return {
    score: scale > 0 ? units / scale : 0,
    units,
    reason: [
      shared.length === 0
        ? { kind: 'noSharedWords' }
        : { kind: 'sharedTerms', shown: strongest, more: Math.max(0, shared.length - SHOWN_SHARED_TERMS) },
    ],
  };
}

function assessSector(
  vocab: EngineVocabulary,
  plan: NeedPlan,
  companySectors: readonly string[],
): { readonly score: number; readonly keep: number; readonly reason: Explanation } {
  if (!plan.sectorApplies) return { score: 0, keep: 1, reason: [{ kind: 'notApplicable', reason: 'sector' }] };
  const hierarchy = vocab.entries.sectors.hierarchy;
  const matching = companySectors.filter((sector) => plan.sectors.some((wanted) => fulfils(hierarchy, sector, wanted)));
  if (matching.length > 0) {
    return { score: 1, keep: 1, reason: [{ kind: 'inSectors', terms: { vocabulary: 'sectors', ids: matching } }] };
  }
  return {
    score: 0,
    keep: plan.sectorKeep,
    reason: [
      {
        kind: 'outsideSectors',
        company: { vocabulary: 'sectors', ids: companySectors },
        need: { vocabulary: 'sectors', ids: plan.sectors },
        keepPercent: Math.round(plan.sectorKeep * 100),
      },
    ],
  };
}
