import type { EngineVocabulary, EngineVocabularyName } from './engine-vocabulary.js';
import type { WuxiCoLocation } from './match-profile.types.js';
import type { HierarchyCredit } from './term-relations.js';

/** The languages an explanation can be read in. */
export const LANGUAGES = ['en', 'zh'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Labels listed before "and N more". */
const SHOWN_LABELS = 4;

/** A coded term an explanation names: rendered by its label in the reader's language. */
export interface TermRef {
  readonly vocabulary: EngineVocabularyName;
  readonly id: string;
}

/** Terms of one vocabulary, listed up to `SHOWN_LABELS` and then counted. */
export interface TermList {
  readonly vocabulary: EngineVocabularyName;
  readonly ids: readonly string[];
}

/** A word or stem the need shares with the company: words are the profiles' own text and are shown as written. */
export type SharedTerm =
  | { readonly kind: 'word'; readonly text: string }
  | { readonly kind: 'stem'; readonly stem: string }
  | ({ readonly kind: 'term' } & TermRef);

export type HierarchyRelation = keyof typeof HierarchyCredit;

export type NotApplicableReason =
  | 'therapeuticArea'
  | 'target'
  | 'modality'
  | 'developmentStage'
  | 'capability'
  | 'collaborationType'
  | 'reciprocity'
  | 'geography'
  | 'partnerNetwork'
  | 'textRelevance'
  | 'sector';

/** Clauses that say one thing of a list of terms ("open to …", "member of …"). */
type TermListKind =
  | 'nothingOn'
  | 'unrelatedAreas'
  | 'mustHavesMet'
  | 'unmet'
  | 'niceToHavesMet'
  | 'niceToHavesMissing'
  | 'openTo'
  | 'notOpenTo'
  | 'offersSought'
  | 'notOffered'
  | 'memberOf'
  | 'memberOfNone'
  | 'inSectors';

type TermListClause = { readonly [K in TermListKind]: { readonly kind: K; readonly terms: TermList } }[TermListKind];

/** One clause of an explanation: what it says and the term ids it says it of, in no language yet. */
export type ExplanationClause =
  | TermListClause
  | { readonly kind: 'notApplicable'; readonly reason: NotApplicableReason }
  | { readonly kind: 'notCounted' }
  | {
      readonly kind: 'fit';
      readonly vocabulary: 'therapeuticAreas' | 'modalities' | 'targets';
      readonly matched: readonly string[];
      readonly partial: readonly {
        readonly companyTerm: string;
        readonly relation: HierarchyRelation;
        readonly needTerm: string;
      }[];
    }
  | { readonly kind: 'noTherapeuticArea' }
  | { readonly kind: 'focusShare'; readonly related: number; readonly total: number }
  | { readonly kind: 'stageNotComparable'; readonly window: TermList }
  | { readonly kind: 'stageInside'; readonly stage: TermRef; readonly window: TermList }
  | { readonly kind: 'stageOutside'; readonly stage: TermRef; readonly steps: number; readonly window: TermList }
  | { readonly kind: 'seeksNothing' }
  | { readonly kind: 'chinaPresence'; readonly present: boolean }
  | { readonly kind: 'wuxiCoLocation'; readonly coLocation: WuxiCoLocation }
  | { readonly kind: 'noSharedWords' }
  | { readonly kind: 'sharedTerms'; readonly shown: readonly SharedTerm[]; readonly more: number }
  | {
      readonly kind: 'outsideSectors';
      readonly company: TermList;
      readonly need: TermList;
      readonly keepPercent: number;
    };

/** An explanation is one sentence of clauses. */
export type Explanation = readonly ExplanationClause[];

export type ExplanationKind = ExplanationClause['kind'];

type ClauseOf<K extends ExplanationKind> = Extract<ExplanationClause, { kind: K }>;

/** What a template is given: the clause, and its terms' labels already in the template's language. */
interface Labeller {
  readonly label: (term: TermRef) => string;
  readonly list: (terms: TermList) => string;
}

type Templates = { readonly [K in ExplanationKind]: (clause: ClauseOf<K>, labels: Labeller) => string };

interface LanguageTemplates {
  readonly clauses: Templates;
  /** How a list of labels reads, with `more` labels left out. */
  readonly list: (labels: readonly string[], more: number) => string;
  readonly none: string;
  readonly sentence: (clauses: readonly string[]) => string;
}

const EN: LanguageTemplates = {
  none: 'none',
  list: (labels, more) => (more > 0 ? `${labels.join(', ')} and ${more} more` : labels.join(', ')),
  sentence: (clauses) => {
    const text = clauses.join('; ');
    return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
  },
  clauses: {
    notApplicable: ({ reason }) => `not applicable: ${EN_NOT_APPLICABLE[reason]}`,
    notCounted: () => 'not counted: the need gives it no weight',
    fit: ({ vocabulary, matched, partial }, { label }) =>
      `${EN_FIT_VERBS[vocabulary]} ${[
        ...matched.map((id) => label({ vocabulary, id })),
        ...partial.map(
          (part) =>
            `${label({ vocabulary, id: part.companyTerm })}, ${EN_RELATIONS[part.relation]} the need's ${label({ vocabulary, id: part.needTerm })}`,
        ),
      ].join('; ')}`,
    nothingOn: ({ terms }, { label }) =>
      `nothing on ${[
        ...terms.ids.slice(0, SHOWN_LABELS).map((id) => label({ vocabulary: terms.vocabulary, id })),
        ...(terms.ids.length > SHOWN_LABELS ? [`${terms.ids.length - SHOWN_LABELS} more`] : []),
      ].join(', ')}`,
    noTherapeuticArea: () => 'the company names no therapeutic area',
    focusShare: ({ related, total }) => `${related} of the company's ${total} therapeutic areas relate to the need`,
    unrelatedAreas: ({ terms }, { list }) => `unrelated ${list(terms)}`,
    stageNotComparable: ({ window }, { list }) => `no company stage is comparable with the window ${list(window)}`,
    stageInside: ({ stage, window }, { label, list }) => `${label(stage)} is inside the window ${list(window)}`,
    stageOutside: ({ stage, steps, window }, { label, list }) =>
      `nearest stage ${label(stage)} is ${steps} step${steps === 1 ? '' : 's'} outside the window ${list(window)}`,
    mustHavesMet: ({ terms }, { list }) => `must-haves met ${list(terms)}`,
    unmet: ({ terms }, { list }) => `UNMET ${list(terms)}`,
    niceToHavesMet: ({ terms }, { list }) => `nice-to-haves met ${list(terms)}`,
    niceToHavesMissing: ({ terms }, { list }) => `missing ${list(terms)}`,
    openTo: ({ terms }, { list }) => `open to ${list(terms)}`,
    notOpenTo: ({ terms }, { list }) => `not to ${list(terms)}`,
    seeksNothing: () => 'the company lists nothing it seeks from a partner',
    offersSought: ({ terms }, { list }) => `the need offers what the company seeks: ${list(terms)}`,
    notOffered: ({ terms }, { list }) => `not offered ${list(terms)}`,
    chinaPresence: ({ present }) => (present ? 'present in China' : 'no presence in China'),
    wuxiCoLocation: ({ coLocation }) => `Wuxi co-location ${coLocation}`,
    memberOf: ({ terms }, { list }) => `member of ${list(terms)}`,
    memberOfNone: ({ terms }, { list }) => `member of none of ${list(terms)}`,
    noSharedWords: () => 'shares no distinctive word with the need',
    sharedTerms: ({ shown, more }, { label }) =>
      `shared terms: ${shown.map((term) => sharedTermText(term, label, (stem) => `-${stem} drugs`)).join(', ')}${more > 0 ? ` and ${more} more` : ''}`,
    inSectors: ({ terms }, { list }) => `in ${list(terms)}`,
    outsideSectors: ({ company, need, keepPercent }, { list }) =>
      `in ${list(company)}, not ${list(need)}: the score keeps ${keepPercent}%`,
  },
};

const EN_NOT_APPLICABLE: Readonly<Record<NotApplicableReason, string>> = {
  therapeuticArea: 'the need names no therapeutic area',
  target: 'the need names no target or biomarker',
  modality: 'the need names no modality',
  developmentStage: 'the need names no development stage',
  capability: 'the need names no capability',
  collaborationType: 'the need names no collaboration type',
  reciprocity: 'the need offers nothing in return',
  geography: 'the need has no China or Wuxi preference',
  partnerNetwork: 'the need prefers no partner network',
  textRelevance: 'the need has no words, or there are no profiles to weigh them against',
  sector: 'the need names no sector',
};

const EN_FIT_VERBS: Readonly<Record<'therapeuticAreas' | 'modalities' | 'targets', string>> = {
  therapeuticAreas: 'works on',
  modalities: 'works with',
  targets: 'works on',
};

const EN_RELATIONS: Readonly<Record<HierarchyRelation, string>> = {
  exact: 'a subtype of',
  parent: 'broader than',
  ancestor: 'much broader than',
  sibling: 'related to',
  none: 'unrelated to',
};

const ZH: LanguageTemplates = {
  none: '无',
  list: (labels, more) => (more > 0 ? `${labels.join('、')}等${labels.length + more}项` : labels.join('、')),
  sentence: (clauses) => `${clauses.join('；')}。`,
  clauses: {
    notApplicable: ({ reason }) => `不适用：${ZH_NOT_APPLICABLE[reason]}`,
    notCounted: () => '不计分：需求未给此项权重',
    fit: ({ vocabulary, matched, partial }, { label }) =>
      `${ZH_FIT_VERBS[vocabulary]}${[
        ...matched.map((id) => label({ vocabulary, id })),
        ...partial.map((part) =>
          ZH_RELATIONS[part.relation](
            label({ vocabulary, id: part.companyTerm }),
            label({ vocabulary, id: part.needTerm }),
          ),
        ),
      ].join('；')}`,
    nothingOn: ({ terms }, { list }) => `未涉及${list(terms)}`,
    noTherapeuticArea: () => '企业未填写治疗领域',
    focusShare: ({ related, total }) => `企业的${total}个治疗领域中有${related}个与需求相关`,
    unrelatedAreas: ({ terms }, { list }) => `无关领域：${list(terms)}`,
    stageNotComparable: ({ window }, { list }) => `企业没有可与需求阶段（${list(window)}）比较的阶段`,
    stageInside: ({ stage, window }, { label, list }) => `${label(stage)}处于需求阶段（${list(window)}）之内`,
    stageOutside: ({ stage, steps, window }, { label, list }) =>
      `最接近的阶段${label(stage)}在需求阶段（${list(window)}）之外，相差${steps}个阶段`,
    mustHavesMet: ({ terms }, { list }) => `已满足必备能力：${list(terms)}`,
    unmet: ({ terms }, { list }) => `未满足必备能力：${list(terms)}`,
    niceToHavesMet: ({ terms }, { list }) => `已满足加分能力：${list(terms)}`,
    niceToHavesMissing: ({ terms }, { list }) => `缺少${list(terms)}`,
    openTo: ({ terms }, { list }) => `接受${list(terms)}`,
    notOpenTo: ({ terms }, { list }) => `不接受${list(terms)}`,
    seeksNothing: () => '企业未列出希望从合作方获得的资源',
    offersSought: ({ terms }, { list }) => `需求提供企业所寻求的：${list(terms)}`,
    notOffered: ({ terms }, { list }) => `未提供${list(terms)}`,
    chinaPresence: ({ present }) => (present ? '在中国有业务' : '在中国无业务'),
    wuxiCoLocation: ({ coLocation }) => `无锡落地：${ZH_CO_LOCATIONS[coLocation]}`,
    memberOf: ({ terms }, { list }) => `属于${list(terms)}`,
    memberOfNone: ({ terms }, { list }) => `不属于${list(terms)}中的任何一个`,
    noSharedWords: () => '与需求没有共同的特征词',
    sharedTerms: ({ shown, more }, { label }) =>
      `共同术语：${shown.map((term) => sharedTermText(term, label, (stem) => `-${stem}类药物`)).join('、')}${more > 0 ? `等${shown.length + more}项` : ''}`,
    inSectors: ({ terms }, { list }) => `属于${list(terms)}`,
    outsideSectors: ({ company, need, keepPercent }, { list }) =>
      `属于${list(company)}，而非${list(need)}：得分保留${keepPercent}%`,
  },
};

const ZH_NOT_APPLICABLE: Readonly<Record<NotApplicableReason, string>> = {
  therapeuticArea: '需求未指定治疗领域',
  target: '需求未指定靶点或生物标志物',
  modality: '需求未指定药物形式',
  developmentStage: '需求未指定研发阶段',
  capability: '需求未指定能力',
  collaborationType: '需求未指定合作方式',
  reciprocity: '需求未提供任何回报',
  geography: '需求没有中国或无锡的偏好',
  partnerNetwork: '需求未偏好任何合作网络',
  textRelevance: '需求没有文字，或没有可比较的档案',
  sector: '需求未指定行业',
};

const ZH_FIT_VERBS: Readonly<Record<'therapeuticAreas' | 'modalities' | 'targets', string>> = {
  therapeuticAreas: '研究',
  modalities: '采用',
  targets: '研究',
};

const ZH_RELATIONS: Readonly<Record<HierarchyRelation, (company: string, need: string) => string>> = {
  exact: (company, need) => `${company}，属于需求所述${need}的亚型`,
  parent: (company, need) => `${company}，比需求所述${need}宽泛`,
  ancestor: (company, need) => `${company}，远比需求所述${need}宽泛`,
  sibling: (company, need) => `${company}，与需求所述${need}相关`,
  none: (company, need) => `${company}，与需求所述${need}无关`,
};

const ZH_CO_LOCATIONS: Readonly<Record<WuxiCoLocation, string>> = {
  none: '无',
  interested: '有意向',
  planned: '已计划',
  resident: '已入驻',
};

/** Sentence templates by language: the one place an explanation's wording lives. */
export const EXPLANATION_TEMPLATES: Readonly<Record<Language, LanguageTemplates>> = { en: EN, zh: ZH };

function sharedTermText(term: SharedTerm, label: (term: TermRef) => string, stem: (stem: string) => string): string {
  switch (term.kind) {
    case 'word':
      return term.text;
    case 'stem':
      return stem(term.stem);
    case 'term':
      return label(term);
  }
}

/** A term's label in a language; a term without a Chinese label reads in English, an unknown id as itself. */
export function termLabelIn(vocab: EngineVocabulary, term: TermRef, language: Language): string {
  const found = vocab.entries[term.vocabulary].hierarchy.get(term.id);
  if (found === undefined) return term.id;
  return language === 'zh' && found.labelZh !== '' ? found.labelZh : found.label;
}

export function renderExplanation(explanation: Explanation, language: Language, vocab: EngineVocabulary): string {
  const templates = EXPLANATION_TEMPLATES[language];
  const label = (term: TermRef): string => termLabelIn(vocab, term, language);
  const labeller: Labeller = {
    label,
    list: ({ vocabulary, ids }) =>
      ids.length === 0
        ? templates.none
        : templates.list(
            ids.slice(0, SHOWN_LABELS).map((id) => label({ vocabulary, id })),
            Math.max(0, ids.length - SHOWN_LABELS),
          ),
  };
  return templates.sentence(explanation.map((clause) => renderClause(templates.clauses, clause, labeller)));
}

function renderClause(templates: Templates, clause: ExplanationClause, labeller: Labeller): string {
  const template = templates[clause.kind] as (clause: ExplanationClause, labels: Labeller) => string;
  return template(clause, labeller);
}

/** The coded terms an explanation names, each once, in the order it names them. */
export function explanationTerms(explanation: Explanation): TermRef[] {
  const terms: TermRef[] = [];
  const seen = new Set<string>();
  const add = (term: TermRef): void => {
    const key = `${term.vocabulary}\u0000${term.id}`;
    if (seen.has(key)) return;
    seen.add(key);
    terms.push(term);
  };
  const addList = ({ vocabulary, ids }: TermList): void => ids.forEach((id) => add({ vocabulary, id }));
  for (const clause of explanation) {
    switch (clause.kind) {
      case 'fit':
        clause.matched.forEach((id) => add({ vocabulary: clause.vocabulary, id }));
        clause.partial.forEach((part) => {
          add({ vocabulary: clause.vocabulary, id: part.companyTerm });
          add({ vocabulary: clause.vocabulary, id: part.needTerm });
        });
        break;
      case 'stageInside':
      case 'stageOutside':
        add(clause.stage);
        addList(clause.window);
        break;
      case 'stageNotComparable':
        addList(clause.window);
        break;
      case 'sharedTerms':
        clause.shown.forEach((term) => {
          if (term.kind === 'term') add(term);
        });
        break;
      case 'outsideSectors':
        addList(clause.company);
        addList(clause.need);
        break;
      case 'nothingOn':
      case 'unrelatedAreas':
      case 'mustHavesMet':
      case 'unmet':
      case 'niceToHavesMet':
      case 'niceToHavesMissing':
      case 'openTo':
      case 'notOpenTo':
      case 'offersSought':
      case 'notOffered':
      case 'memberOf':
      case 'memberOfNone':
      case 'inSectors':
        addList(clause.terms);
        break;
      case 'notApplicable':
      case 'notCounted':
      case 'noTherapeuticArea':
      case 'focusShare':
      case 'seeksNothing':
      case 'chinaPresence':
      case 'wuxiCoLocation':
      case 'noSharedWords':
        break;
    }
  }
  return terms;
}
