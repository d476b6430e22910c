import type { Vocabulary } from '../vocabulary.types.js';

/*
 * Two ordered scales that share ranks 1–9. Drug stages run discovery (1) to marketed (9). Devices, diagnostics and
 * digital products use Technology Readiness Levels, and TRL n has rank n, which lines the scales up roughly as:
 *
 *   rank  drug stage             TRL
 *   1     discovery              TRL 1  basic principles observed
 *   2     lead optimisation      TRL 2  technology concept formulated
 *   3     preclinical            TRL 3  experimental proof of concept
 *   4     IND-enabling           TRL 4  validated in the lab
 *   5     phase 1                TRL 5  validated in a relevant environment
 *   6     phase 2                TRL 6  demonstrated in a relevant environment (first clinical use)
 *   7     phase 3                TRL 7  prototype demonstrated in the operational environment
 *   8     regulatory submission  TRL 8  system complete and qualified (submitted for clearance)
 *   9     marketed               TRL 9  proven in operational use
 *
 * Comparisons within one scale are exact; across scales the rank is an approximation of maturity, good enough to tell
 * an early device from a late one when a need names drug stages.
 */
export const DEVELOPMENT_STAGES: Vocabulary = {
  name: 'developmentStages',
  version: '2026.11.1',
  hierarchical: false,
  ordered: true,
  terms: [
    {
      id: 'discovery',
      label: 'Discovery',
      labelZh: '药物发现',
      synonyms: [
        'discovery research',
        'early discovery',
        'target discovery',
        'hit identification',
        'hit finding',
        '发现阶段',
        '早期发现',
      ],
      rank: 1,
    },
    {
      id: 'lead-optimisation',
      label: 'Lead optimisation',
      labelZh: '先导化合物优化',
      synonyms: ['LO', 'hit-to-lead', 'H2L', 'lead generation', 'candidate selection', '先导优化'],
      rank: 2,
    },
    {
      id: 'preclinical',
      label: 'Preclinical',
      labelZh: '临床前',
      synonyms: ['preclinical development', 'nonclinical', '临床前研究'],
      rank: 3,
    },
    {
      id: 'ind-enabling',
      label: 'IND-enabling',
      labelZh: 'IND申报准备',
      synonyms: [
        'IND-enabling studies',
        'GLP toxicology',
        'CTA-enabling',
        'IND filing',
        'IND submission',
        'IND申报',
        '新药临床试验申请准备',
      ],
      rank: 4,
    },
    {
      id: 'phase-1',
      label: 'Phase 1',
      labelZh: 'I期临床',
      synonyms: [
        'phase 1 clinical trial',
        'phase 1a',
        'Ph1',
        'phase 1b',
        'first-in-human',
        'FIH',
        '1期临床',
        '一期临床',
        '临床I期',
        'I期',
      ],
      rank: 5,
    },
    {
      id: 'phase-2',
      label: 'Phase 2',
      labelZh: 'II期临床',
      synonyms: [
        'phase 2 clinical trial',
        'phase 2a',
        'Ph2',
        'phase 2b',
        'proof of concept',
        'PoC',
        '2期临床',
        '二期临床',
        '临床II期',
        'II期',
      ],
      rank: 6,
    },
    {
      id: 'phase-3',
      label: 'Phase 3',
      labelZh: 'III期临床',
      synonyms: [
        'phase 3 clinical trial',
        'pivotal',
        'Ph3',
        'pivotal trial',
        'registrational trial',
        '3期临床',
        '三期临床',
        '临床III期',
        'III期',
      ],
      rank: 7,
    },
    {
      id: 'regulatory-submission',
      label: 'Regulatory submission',
      labelZh: '上市申请',
      synonyms: [
        'NDA',
        'BLA',
        'MAA',
        'NDA/BLA submission',
        'regulatory filing',
        'regulatory review',
        'filed',
        '注册申报',
        '新药上市申请',
      ],
      rank: 8,
    },
    {
      id: 'marketed',
      label: 'Marketed',
      labelZh: '已上市',
      synonyms: [
        'approved',
        'launched',
        'commercialised',
        'commercial',
        'on market',
        'phase 4',
        'post-marketing',
        '上市',
        '商业化',
      ],
      rank: 9,
    },
    {
      id: 'trl-1',
      label: 'TRL 1: basic principles observed',
      labelZh: '技术成熟度1级',
      synonyms: ['TRL 1', 'technology readiness level 1', 'TRL1级'],
      rank: 1,
    },
    {
      id: 'trl-2',
      label: 'TRL 2: technology concept formulated',
      labelZh: '技术成熟度2级',
      synonyms: ['TRL 2', 'technology readiness level 2', 'TRL2级'],
      rank: 2,
    },
    {
      id: 'trl-3',
      label: 'TRL 3: experimental proof of concept',
      labelZh: '技术成熟度3级',
      synonyms: ['TRL 3', 'technology readiness level 3', 'TRL3级'],
      rank: 3,
    },
    {
      id: 'trl-4',
      label: 'TRL 4: technology validated in lab',
      labelZh: '技术成熟度4级',
      synonyms: ['TRL 4', 'technology readiness level 4', 'TRL4级'],
      rank: 4,
    },
    {
      id: 'trl-5',
      label: 'TRL 5: technology validated in relevant environment',
      labelZh: '技术成熟度5级',
      synonyms: ['TRL 5', 'technology readiness level 5', 'TRL5级'],
      rank: 5,
    },
    {
      id: 'trl-6',
      label: 'TRL 6: technology demonstrated in relevant environment',
      labelZh: '技术成熟度6级',
      synonyms: ['TRL 6', 'technology readiness level 6', 'TRL6级'],
      rank: 6,
    },
    {
      id: 'trl-7',
      label: 'TRL 7: system prototype demonstrated in operational environment',
      labelZh: '技术成熟度7级',
      synonyms: ['TRL 7', 'technology readiness level 7', 'TRL7级'],
      rank: 7,
    },
    {
      id: 'trl-8',
      label: 'TRL 8: system complete and qualified',
      labelZh: '技术成熟度8级',
      synonyms: ['TRL 8', 'technology readiness level 8', 'TRL8级'],
      rank: 8,
    },
    {
      id: 'trl-9',
      label: 'TRL 9: actual system proven in operational environment',
      labelZh: '技术成熟度9级',
      synonyms: ['TRL 9', 'technology readiness level 9', 'TRL9级'],
      rank: 9,
    },
  ],
};
