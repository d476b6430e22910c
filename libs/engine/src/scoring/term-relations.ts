import type { TermHierarchy } from './engine-vocabulary.js';

/** Hierarchy credits are integers out of HIERARCHY_CREDIT_SCALE so that partial matches add up exactly. */
export const HIERARCHY_CREDIT_SCALE = 20;

export const HierarchyCredit = {
  /** The company names the need's term or something more specific. */
  exact: 20,
  /** The company names the term's parent: it works in the area, perhaps not on this part of it. */
  parent: 10,
  /** A grandparent or further up: the company's claim is too broad to say much. */
  ancestor: 5,
  /** A term elsewhere under the same parent, e.g. small-cell for a non-small-cell need: next to nothing. */
  sibling: 2,
  none: 0,
} as const;

export type HierarchyCreditValue = (typeof HierarchyCredit)[keyof typeof HierarchyCredit];

/** Credit a company term earns towards one need term. */
export function hierarchyCredit(hierarchy: TermHierarchy, needTerm: string, companyTerm: string): HierarchyCreditValue {
  if (!hierarchy.has(needTerm) || !hierarchy.has(companyTerm)) return HierarchyCredit.none;
  if (hierarchy.isDescendantOrSelf(companyTerm, needTerm)) return HierarchyCredit.exact;
  const needAncestors = hierarchy.ancestors(needTerm);
  const distance = needAncestors.indexOf(companyTerm);
  if (distance === 0) return HierarchyCredit.parent;
  if (distance > 0) return HierarchyCredit.ancestor;
  const parent = needAncestors[0];
  if (parent !== undefined && hierarchy.isDescendantOrSelf(companyTerm, parent)) return HierarchyCredit.sibling;
  return HierarchyCredit.none;
}

/** One term is the other or lies above or below it: they speak about the same thing at different detail. */
export function inSameLineage(hierarchy: TermHierarchy, a: string, b: string): boolean {
  if (!hierarchy.has(a) || !hierarchy.has(b)) return false;
  return hierarchy.isDescendantOrSelf(a, b) || hierarchy.isDescendantOrSelf(b, a);
}

/** A company term fulfils a requirement when it is the required term or more specific. */
export function fulfils(hierarchy: TermHierarchy, companyTerm: string, requirement: string): boolean {
  return (
    hierarchy.has(companyTerm) && hierarchy.has(requirement) && hierarchy.isDescendantOrSelf(companyTerm, requirement)
  );
}

/** Stage credits are out of STAGE_CREDIT_SCALE; index = steps between the company's stage and the window. */
export const STAGE_CREDIT_SCALE = 4;
export const STAGE_CREDIT_BY_DISTANCE: readonly number[] = [4, 2, 1];

export function stageDistance(hierarchy: TermHierarchy, windowStage: string, companyStage: string): number {
  if (!hierarchy.has(windowStage) || !hierarchy.has(companyStage)) return Number.POSITIVE_INFINITY;
  if (windowStage === companyStage) return 0;
  const windowRank = hierarchy.rank(windowStage);
  const companyRank = hierarchy.rank(companyStage);
  if (windowRank === undefined || companyRank === undefined) return Number.POSITIVE_INFINITY;
  return Math.abs(windowRank - companyRank);
}

export function stageCredit(distance: number): number {
  return STAGE_CREDIT_BY_DISTANCE[distance] ?? 0;
}
