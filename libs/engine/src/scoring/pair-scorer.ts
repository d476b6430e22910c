import { ADDITIVE_CRITERIA, type AdditiveCriterion } from './criterion-weights.js';
import {
  defaultEngineVocabulary,
  termLabel,
  type EngineVocabulary,
  type EngineVocabularyName,
} from './engine-vocabulary.js';
import { geographyPoints, hasChinaPresence } from './geography.js';
import { withAssetTerms } from './company-terms.js';
import { STEM_PREFIX } from './life-science-tokens.js';
import { bm25Term, lexicalUnits } from './bm25.js';
import {
  companyDocument,
  lexicalTokenLabel,
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
  readonly explanation: string;
}

/** Words and stems shown when explaining lexical relevance. */
const SHOWN_SHARED_TERMS = 6;
/** Labels listed before "and N more". */
const SHOWN_LABELS = 4;

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
      : notApplicable('the need names no therapeutic area'),
    focus: plan.applicable.focus
      ? assessFocus(vocab, plan.therapeuticAreas, companyAreas, plan.scales.focus)
      : notApplicable('the need names no therapeutic area'),
    target: plan.applicable.target
      ? assessHierarchyFit(vocab, 'targets', plan.targets, known('targets', company.targets), plan.scales.target)
      : notApplicable('the need names no target or biomarker'),
    modality: plan.applicable.modality
      ? assessHierarchyFit(
          vocab,
          'modalities',
          plan.modalities,
          known('modalities', company.modalities),
          plan.scales.modality,
        )
      : notApplicable('the need names no modality'),
    developmentStage: plan.applicable.developmentStage
      ? assessStage(
          vocab,
          plan.stages,
          known('developmentStages', company.developmentStages),
          plan.scales.developmentStage,
        )
      : notApplicable('the need names no development stage'),
    capability: plan.applicable.capability ? capabilities : notApplicable('the need names no capability'),
    collaborationType: plan.applicable.collaborationType
      ? assessCoverage(
          vocab,
          'collaborationTypes',
          plan.collaborationTypes,
          known('collaborationTypes', company.collaborationTypes),
          plan.scales.collaborationType,
        )
      : notApplicable('the need names no collaboration type'),
    reciprocity: plan.applicable.reciprocity
      ? assessReciprocity(vocab, plan.offering, known('offerings', company.seeking), plan.scales.reciprocity)
      : notApplicable('the need offers nothing in return'),
    geography: plan.applicable.geography
      ? assessGeography(plan, company)
      : notApplicable('the need has no China or Wuxi preference'),
    partnerNetwork: plan.applicable.partnerNetwork
      ? assessPartnerNetworks(
          vocab,
          plan.preferredPartnerNetworks,
          known('partnerNetworks', company.partnerNetworks),
          plan.scales.partnerNetwork,
        )
      : notApplicable('the need prefers no partner network'),
    textRelevance: plan.applicable.textRelevance
      ? assessText(plan.lexical, document ?? companyDocument(company, vocab), plan.scales.textRelevance, vocab)
      : notApplicable('the need has no words, or there are no profiles to weigh them against'),
  };

  const breakdown: CriterionScore[] = ADDITIVE_CRITERIA.map((criterion) => {
    // A criterion the need weighs at zero adds nothing, so it does not claim to.
    const assessed = assessments[criterion];
    const { score, units, explanation } =
      plan.applicable[criterion] && plan.scales[criterion] === 0
        ? { ...assessed, units: 0, explanation: 'Not counted: the need gives it no weight.' }
        : assessed;
    return {
      criterion,
      score,
      weight: plan.scales[criterion] / SCORE_UNITS,
      contribution: unitsToScore(units),
      explanation,
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
    explanation: sector.explanation,
  });
  return {
    score: unitsToScore(units),
    eligible: capabilities.unmet.length === 0,
    breakdown,
    unmetRequirements: capabilities.unmet,
  };
}

function notApplicable(reason: string): Assessment {
  return { score: 0, units: 0, explanation: `Not applicable: ${reason}.` };
}

function labels(vocab: EngineVocabulary, name: EngineVocabularyName, ids: readonly string[]): string {
  if (ids.length === 0) return 'none';
  const shown = ids.slice(0, SHOWN_LABELS).map((id) => termLabel(vocab, name, id));
  return ids.length > SHOWN_LABELS ? `${shown.join(', ')} and ${ids.length - SHOWN_LABELS} more` : shown.join(', ');
}

function sentence(parts: readonly (string | false)[]): string {
  const text = parts.filter((part): part is string => part !== false).join('; ');
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}

const RELATION_WORDS: Readonly<Record<HierarchyCreditValue, string>> = {
  [HierarchyCredit.exact]: 'a subtype of',
  [HierarchyCredit.parent]: 'broader than',
  [HierarchyCredit.ancestor]: 'much broader than',
  [HierarchyCredit.sibling]: 'related to',
  [HierarchyCredit.none]: 'unrelated to',
};

const FIT_VERBS: Readonly<Record<'therapeuticAreas' | 'modalities' | 'targets', string>> = {
  therapeuticAreas: 'Works on',
  modalities: 'Works with',
  targets: 'Works on',
};

function assessHierarchyFit(
  vocab: EngineVocabulary,
  name: 'therapeuticAreas' | 'modalities' | 'targets',
  needTerms: readonly string[],
  companyTerms: readonly string[],
  scale: number,
): Assessment {
  const hierarchy = vocab.entries[name].hierarchy;
  const label = (id: string): string => termLabel(vocab, name, id);
  const matched: string[] = [];
  const partial: string[] = [];
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
    if (best === HierarchyCredit.none) missing.push(label(needTerm));
    else if (bestTerm === needTerm) matched.push(label(needTerm));
    else partial.push(`${label(bestTerm)}, ${RELATION_WORDS[best]} the need's ${label(needTerm)}`);
  }
  const shownMissing =
    missing.length > SHOWN_LABELS
      ? [...missing.slice(0, SHOWN_LABELS), `${missing.length - SHOWN_LABELS} more`]
      : missing;
  return {
    score: credit / (HIERARCHY_CREDIT_SCALE * needTerms.length),
    units,
    explanation: sentence([
      (matched.length > 0 || partial.length > 0) && `${FIT_VERBS[name]} ${[...matched, ...partial].join('; ')}`,
      missing.length > 0 && `nothing on ${shownMissing.join(', ')}`,
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
  const related = companyTerms.filter((term) => needTerms.some((needTerm) => inSameLineage(hierarchy, needTerm, term)));
  const unrelated = companyTerms.filter((term) => !related.includes(term));
  if (companyTerms.length === 0) return { score: 0, units: 0, explanation: 'The company names no therapeutic area.' };
  return {
    score: related.length / companyTerms.length,
    units: shareUnits(scale, related.length, companyTerms.length),
    explanation: sentence([
      `${related.length} of the company's ${companyTerms.length} therapeutic areas relate to the need`,
      unrelated.length > 0 && `unrelated ${labels(vocab, 'therapeuticAreas', unrelated)}`,
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
  const windowLabels = labels(vocab, 'developmentStages', window);
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
  const explanation =
    nearestStage === undefined
      ? `No company stage is comparable with the window ${windowLabels}.`
      : nearest === 0
        ? `${termLabel(vocab, 'developmentStages', nearestStage)} is inside the window ${windowLabels}.`
        : `Nearest stage ${termLabel(vocab, 'developmentStages', nearestStage)} is ${nearest} step${nearest === 1 ? '' : 's'} outside the window ${windowLabels}.`;
  return { score: credit / STAGE_CREDIT_SCALE, units: shareUnits(scale, credit, STAGE_CREDIT_SCALE), explanation };
}

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
  const unmet = plan.mustHave.filter((requirement) => !has(requirement));
  const metMust = plan.mustHave.filter(has);
  const metNice = plan.niceToHave.filter(has);
  const missingNice = plan.niceToHave.filter((requirement) => !metNice.includes(requirement));
  const units =
    metMust.length * shareUnits(scale, MUST_HAVE_POINTS, outOf) +
    metNice.length * shareUnits(scale, NICE_TO_HAVE_POINTS, outOf);
  const points = MUST_HAVE_POINTS * metMust.length + NICE_TO_HAVE_POINTS * metNice.length;
  return {
    score: outOf > 0 ? points / outOf : 0,
    units,
    unmet,
    explanation: sentence([
      plan.mustHave.length > 0 && `Must-haves met ${labels(vocab, 'capabilities', metMust)}`,
      unmet.length > 0 && `UNMET ${labels(vocab, 'capabilities', unmet)}`,
      plan.niceToHave.length > 0 && `nice-to-haves met ${labels(vocab, 'capabilities', metNice)}`,
      missingNice.length > 0 && `missing ${labels(vocab, 'capabilities', missingNice)}`,
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
  const met = needTerms.filter((needTerm) => companyTerms.some((term) => fulfils(hierarchy, term, needTerm)));
  const missing = needTerms.filter((needTerm) => !met.includes(needTerm));
  return {
    score: met.length / needTerms.length,
    units: met.length * shareUnits(scale, 1, needTerms.length),
    explanation: sentence([
      `Open to ${labels(vocab, name, met)}`,
      missing.length > 0 && `not to ${labels(vocab, name, missing)}`,
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
  const matched = seeking.filter((sought) => offering.some((offer) => inSameLineage(hierarchy, offer, sought)));
  const unmatched = seeking.filter((sought) => !matched.includes(sought));
  // Judged against what could be matched at most, so a need offering one thing is not blamed for not offering five.
  const attainable = Math.min(seeking.length, offering.length);
  const credited = Math.min(matched.length, attainable);
  if (seeking.length === 0) {
    return { score: 0, units: 0, explanation: 'The company lists nothing it seeks from a partner.' };
  }
  return {
    score: credited / attainable,
    units: shareUnits(scale, credited, attainable),
    explanation: sentence([
      `The need offers what the company seeks: ${labels(vocab, 'offerings', matched)}`,
      unmatched.length > 0 && `not offered ${labels(vocab, 'offerings', unmatched)}`,
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
    explanation: sentence([
      plan.need.preferChinaPresence && (inChina ? 'Present in China' : 'No presence in China'),
      plan.need.preferWuxiCoLocation && `Wuxi co-location ${company.wuxiCoLocation}`,
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
    explanation:
      member.length > 0
        ? `Member of ${labels(vocab, 'partnerNetworks', member)}.`
        : `Member of none of ${labels(vocab, 'partnerNetworks', preferred)}.`,
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

function assessText(
  query: LexicalQuery,
  document: LexicalDocument,
  scale: number,
  vocab: EngineVocabulary,
): Assessment {
  const { score, shared } = lexicalScore(query, document);
  const units = lexicalUnits(scale, score, query.maxScore);
  const strongest = [...shared]
    .sort((a, b) => query.idfs[b]! - query.idfs[a]! || a - b)
    .slice(0, SHOWN_SHARED_TERMS)
    .map((q) => {
      const token = query.tokens[q]!;
      return token.startsWith(STEM_PREFIX)
        ? `-${token.slice(STEM_PREFIX.length)} drugs`
        : lexicalTokenLabel(token, vocab);
    });
  return {
    score: scale > 0 ? units / scale : 0,
    units,
    explanation:
      shared.length === 0
        ? 'Shares no distinctive word with the need.'
        : `Shared terms: ${strongest.join(', ')}${shared.length > SHOWN_SHARED_TERMS ? ` and ${shared.length - SHOWN_SHARED_TERMS} more` : ''}.`,
  };
}

function assessSector(
  vocab: EngineVocabulary,
  plan: NeedPlan,
  companySectors: readonly string[],
): { readonly score: number; readonly keep: number; readonly explanation: string } {
  if (!plan.sectorApplies) return { score: 0, keep: 1, explanation: 'Not applicable: the need names no sector.' };
  const hierarchy = vocab.entries.sectors.hierarchy;
  const matching = companySectors.filter((sector) => plan.sectors.some((wanted) => fulfils(hierarchy, sector, wanted)));
  if (matching.length > 0) return { score: 1, keep: 1, explanation: `In ${labels(vocab, 'sectors', matching)}.` };
  return {
    score: 0,
    keep: plan.sectorKeep,
    explanation: `In ${labels(vocab, 'sectors', companySectors)}, not ${labels(vocab, 'sectors', plan.sectors)}: the score keeps ${Math.round(plan.sectorKeep * 100)}%.`,
  };
}
