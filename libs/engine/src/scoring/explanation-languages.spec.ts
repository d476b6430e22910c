import { describe, expect, it } from '@jest/globals';
import { CRITERIA } from './criterion-weights.js';
import { aCompany, aNeed, fixtureVocabulary } from './engine-vocabulary.fixture.js';
import { defaultEngineVocabulary } from './engine-vocabulary.js';
import {
  LANGUAGES,
  explanationTerms,
  renderExplanation,
  termLabelIn,
  type ExplanationClause,
  type ExplanationKind,
} from './explanation.js';
import { scorePair } from './pair-scorer.js';

const vocab = defaultEngineVocabulary();

const areas = (...ids: string[]) => ({ vocabulary: 'therapeuticAreas', ids }) as const;
const stages = (...ids: string[]) => ({ vocabulary: 'developmentStages', ids }) as const;
const capabilities = (...ids: string[]) => ({ vocabulary: 'capabilities', ids }) as const;
const collaborations = (...ids: string[]) => ({ vocabulary: 'collaborationTypes', ids }) as const;
const offerings = (...ids: string[]) => ({ vocabulary: 'offerings', ids }) as const;
const networks = (...ids: string[]) => ({ vocabulary: 'partnerNetworks', ids }) as const;
const sectors = (...ids: string[]) => ({ vocabulary: 'sectors', ids }) as const;

/** One clause of every kind, over real terms: the type makes a new kind fail here until it has a sample. */
const SAMPLES: { readonly [K in ExplanationKind]: Extract<ExplanationClause, { kind: K }> } = {
  notApplicable: { kind: 'notApplicable', reason: 'target' },
  notCounted: { kind: 'notCounted' },
  fit: {
    kind: 'fit',
    vocabulary: 'therapeuticAreas',
    matched: ['lung-cancer'],
    partial: [{ companyTerm: 'non-small-cell-lung-cancer', relation: 'exact', needTerm: 'lung-cancer' }],
  },
  nothingOn: { kind: 'nothingOn', terms: areas('lung-cancer', 'small-cell-lung-cancer') },
  noTherapeuticArea: { kind: 'noTherapeuticArea' },
  focusShare: { kind: 'focusShare', related: 1, total: 3 },
  unrelatedAreas: { kind: 'unrelatedAreas', terms: areas('interstitial-lung-disease') },
  stageNotComparable: { kind: 'stageNotComparable', window: stages('discovery', 'preclinical') },
  stageInside: { kind: 'stageInside', stage: { vocabulary: 'developmentStages', id: 'preclinical' }, window: stages() },
  stageOutside: {
    kind: 'stageOutside',
    stage: { vocabulary: 'developmentStages', id: 'discovery' },
    steps: 2,
    window: stages('preclinical'),
  },
  mustHavesMet: { kind: 'mustHavesMet', terms: capabilities('target-validation') },
  unmet: { kind: 'unmet', terms: capabilities('target-identification') },
  niceToHavesMet: { kind: 'niceToHavesMet', terms: capabilities() },
  niceToHavesMissing: { kind: 'niceToHavesMissing', terms: capabilities('discovery-research') },
  openTo: { kind: 'openTo', terms: collaborations('licensing', 'co-development') },
  notOpenTo: { kind: 'notOpenTo', terms: collaborations('research-collaboration') },
  seeksNothing: { kind: 'seeksNothing' },
  offersSought: { kind: 'offersSought', terms: offerings('funding') },
  notOffered: { kind: 'notOffered', terms: offerings('compound-access') },
  chinaPresence: { kind: 'chinaPresence', present: false },
  wuxiCoLocation: { kind: 'wuxiCoLocation', coLocation: 'planned' },
  memberOf: { kind: 'memberOf', terms: networks('uk-bioindustry-association') },
  memberOfNone: { kind: 'memberOfNone', terms: networks('skolkovo-foundation') },
  noSharedWords: { kind: 'noSharedWords' },
  sharedTerms: {
    kind: 'sharedTerms',
    shown: [
      { kind: 'word', text: 'osimertinib' },
      { kind: 'stem', stem: 'tinib' },
      { kind: 'term', vocabulary: 'targets', id: 'EGFR' },
    ],
    more: 2,
  },
  inSectors: { kind: 'inSectors', terms: sectors('therapeutics') },
  outsideSectors: {
    kind: 'outsideSectors',
    company: sectors('medical-devices', 'diagnostics', 'digital-health', 'services', 'therapeutics'),
    need: sectors('therapeutics'),
    keepPercent: 40,
  },
};

/** What a Chinese sentence may still spell in Latin letters: its terms' Chinese labels (EGFR, IND) and the words it quotes. */
const quoted = (clause: ExplanationClause): string[] => [
  ...explanationTerms([clause]).map((term) => termLabelIn(vocab, term, 'zh')),
  ...(clause.kind === 'sharedTerms'
    ? clause.shown.flatMap((term) => (term.kind === 'word' ? [term.text] : term.kind === 'stem' ? [term.stem] : []))
    : []),
];

describe('explanations in English and Chinese', () => {
  it.each(Object.values(SAMPLES))('renders a $kind clause in every language', (clause) => {
    for (const language of LANGUAGES) {
      expect(renderExplanation([clause], language, vocab)).not.toBe('');
    }
  });

  it.each(Object.values(SAMPLES))('leaves no English word in a Chinese $kind clause', (clause) => {
    const sentence = renderExplanation([clause], 'zh', vocab);
    const rest = quoted(clause)
      .sort((a, b) => b.length - a.length)
      .reduce((text, allowed) => text.split(allowed).join(''), sentence);
    expect(rest).not.toMatch(/[A-Za-z]/u);
    expect(sentence).toMatch(/。$/u);
  });

  it('says that a narrower area is a subtype of the need’s, naturally and briefly', () => {
    const clause: ExplanationClause = {
      kind: 'fit',
      vocabulary: 'therapeuticAreas',
      matched: [],
      partial: [{ companyTerm: 'non-small-cell-lung-cancer', relation: 'exact', needTerm: 'lung-cancer' }],
    };
    expect(renderExplanation([clause], 'zh', vocab)).toBe('研究非小细胞肺癌，属于需求所述肺癌的亚型。');
    expect(renderExplanation([clause], 'en', vocab)).toBe(
      "Works on Non-small cell lung cancer, a subtype of the need's Lung cancer.",
    );
  });

  it('lists shared terms by their Chinese labels, quoting the words as written', () => {
    const clause: ExplanationClause = {
      kind: 'sharedTerms',
      shown: [
        { kind: 'word', text: 'osimertinib' },
        { kind: 'term', vocabulary: 'targets', id: 'EGFR' },
      ],
      more: 0,
    };
    expect(renderExplanation([clause], 'zh', vocab)).toBe('共同术语：osimertinib、表皮生长因子受体。');
  });

  it('joins clauses and counts what a list leaves out', () => {
    const sentence = renderExplanation([SAMPLES.mustHavesMet, SAMPLES.unmet, SAMPLES.outsideSectors], 'zh', vocab);
    expect(sentence).toBe(
      '已满足必备能力：靶点验证；未满足必备能力：靶点发现；属于医疗器械、诊断、数字健康、' +
        `${termLabelIn(vocab, { vocabulary: 'sectors', id: 'services' }, 'zh')}等5项，而非治疗药物：得分保留40%。`,
    );
  });

  it('says how far the nearest stage is outside the need’s window', () => {
    expect(renderExplanation([SAMPLES.stageOutside], 'zh', vocab)).toBe(
      '最接近的阶段药物发现在需求阶段（临床前）之外，相差2个阶段。',
    );
  });

  it('falls back to the English label of a term without a Chinese one', () => {
    const term = { vocabulary: 'therapeuticAreas', id: 'DOID:7' } as const;
    expect(termLabelIn(vocab, term, 'zh')).toBe('disease of anatomical entity');
    expect(renderExplanation([{ kind: 'unrelatedAreas', terms: areas('DOID:7') }], 'zh', vocab)).toBe(
      '无关领域：disease of anatomical entity。',
    );
  });

  it('renders every criterion of a scored pair in Chinese, and in English exactly as the scorer explains it', () => {
    const fixtures = fixtureVocabulary();
    const result = scorePair(aNeed(), aCompany(), fixtures);
    expect(result.breakdown.map((entry) => entry.criterion)).toEqual(CRITERIA);
    for (const entry of result.breakdown) {
      expect(renderExplanation(entry.reason, 'en', fixtures)).toBe(entry.explanation);
      expect(renderExplanation(entry.reason, 'zh', fixtures)).toMatch(/[\u4e00-\u9fff]/u);
    }
  });
});
