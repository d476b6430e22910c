import { hasChinaPresence } from '../src/scoring/geography.js';
import { seededRandom } from './seeded-random.js';
import type { EngineVocabulary, EngineVocabularyName } from '../src/scoring/engine-vocabulary.js';
import type { CompanyProfile, NeedProfile, WuxiCoLocation } from '../src/scoring/match-profile.types.js';

/**
 * Terms of one vocabulary with skewed popularity (a few areas such as oncology are everywhere, most are rare) and
 * their subtrees, so profiles cluster the way real ones do.
 */
class TermPicker {
  private readonly ids: readonly string[];
  private readonly cumulative: Float64Array;
  private readonly children = new Map<string, string[]>();

  /** `roots` narrows the picker to those subtrees; roots the vocabulary lacks are ignored, none left means all. */
  constructor(
    vocab: EngineVocabulary,
    name: EngineVocabularyName,
    private readonly random: () => number,
    roots: readonly string[] = [],
  ) {
    const { vocabulary, hierarchy } = vocab.entries[name];
    const knownRoots = roots.filter((root) => hierarchy.has(root));
    const terms = vocabulary.terms.filter(
      (term) => knownRoots.length === 0 || knownRoots.some((root) => hierarchy.isDescendantOrSelf(term.id, root)),
    );
    this.ids = terms.map((term) => term.id);
    for (const term of terms) {
      if (term.parent !== undefined)
        this.children.set(term.parent, [...(this.children.get(term.parent) ?? []), term.id]);
    }
    const order = this.ids.map((_, index) => index);
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j] ?? 0, order[i] ?? 0];
    }
    const weights = new Float64Array(this.ids.length);
    order.forEach((index, position) => {
      weights[index] = 1 / (position + 1) ** 0.9;
    });
    this.cumulative = new Float64Array(this.ids.length);
    let total = 0;
    weights.forEach((weight, index) => {
      total += weight;
      this.cumulative[index] = total;
    });
  }

  one(): string {
    const target = this.random() * (this.cumulative[this.cumulative.length - 1] ?? 0);
    let low = 0;
    let high = this.cumulative.length - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((this.cumulative[middle] ?? 0) < target) low = middle + 1;
      else high = middle;
    }
    return this.ids[low] ?? '';
  }

  some(count: number): string[] {
    const picked = new Set<string>();
    for (let tries = 0; picked.size < Math.min(count, this.ids.length) && tries < count * 10; tries++) {
      picked.add(this.one());
    }
    return [...picked];
  }

  /** A term and some of its relatives: how a focused company describes its area. */
  cluster(count: number): string[] {
    const picked = new Set<string>([this.one()]);
    const seeds = [...picked];
    for (let tries = 0; picked.size < count && tries < count * 4; tries++) {
      const seed = seeds[Math.floor(this.random() * seeds.length)] ?? '';
      const below = this.children.get(seed) ?? [];
      const next =
        below.length > 0 && this.random() < 0.7 ? below[Math.floor(this.random() * below.length)] : this.one();
      if (next !== undefined && !picked.has(next)) {
        picked.add(next);
        seeds.push(next);
      }
    }
    return [...picked];
  }
}

const FREE_TEXT = [
  'organoid screening',
  'spatial transcriptomics',
  'AI-driven target discovery',
  'real-world evidence',
  'cold chain logistics',
  'microfluidic assay',
  'digital biomarkers',
  'liquid biopsy',
  'high-content imaging',
  'patient recruitment',
  'continuous manufacturing',
  'cryo-EM structure',
  '类器官筛选',
  '真实世界研究',
  '伴随诊断',
  '细胞治疗工艺开发',
  'wearable sensor',
  'federated learning',
  'toxicology modelling',
  'biobank access',
];

const WUXI: readonly (readonly [WuxiCoLocation, number])[] = [
  ['none', 0.5],
  ['interested', 0.2],
  ['planned', 0.1],
  ['resident', 0.2],
];

const DRUG_MODALITIES = [
  'small-molecule',
  'biologic',
  'peptide',
  'nucleic-acid-therapeutic',
  'cell-therapy',
  'gene-therapy',
  'oncolytic-virus',
  'vaccine',
  'radioconjugate',
  'microbiome-therapeutic',
  'traditional-chinese-medicine',
];

/** Kinds of park organisation; each draws its modalities, capabilities and stage scale from where it works. */
interface Archetype {
  readonly share: number;
  readonly sector: string;
  readonly modalityRoots: readonly string[];
  readonly capabilityRoots: readonly string[];
  readonly trl: boolean;
  /** Tagged in many areas and modalities, as service providers are. */
  readonly broad: boolean;
}

const ARCHETYPES: readonly Archetype[] = [
  {
    share: 0.4,
    sector: 'therapeutics',
    modalityRoots: DRUG_MODALITIES,
    capabilityRoots: [
      'discovery-research',
      'translational-science',
      'clinical-development',
      'regulatory-and-market-access',
    ],
    trl: false,
    broad: false,
  },
  {
    share: 0.18,
    sector: 'services',
    modalityRoots: DRUG_MODALITIES,
    capabilityRoots: ['manufacturing-cmc', 'translational-science', 'clinical-development', 'discovery-research'],
    trl: false,
    broad: true,
  },
  {
    share: 0.14,
    sector: 'medical-devices',
    modalityRoots: ['medical-device'],
    capabilityRoots: ['device-and-diagnostics-development', 'regulatory-and-market-access', 'clinical-development'],
    trl: true,
    broad: false,
  },
  {
    share: 0.12,
    sector: 'diagnostics',
    modalityRoots: ['diagnostic'],
    capabilityRoots: ['device-and-diagnostics-development', 'translational-science', 'regulatory-and-market-access'],
    trl: true,
    broad: false,
  },
  {
    share: 0.1,
    sector: 'digital-health',
    modalityRoots: ['digital-software'],
    capabilityRoots: ['data-and-digital', 'clinical-development'],
    trl: true,
    broad: false,
  },
  {
    share: 0.06,
    sector: 'research-tools',
    modalityRoots: DRUG_MODALITIES,
    capabilityRoots: ['discovery-research', 'translational-science', 'data-and-digital'],
    trl: false,
    broad: false,
  },
];

const SYLLABLES = [
  'ka',
  'lo',
  'mi',
  'ne',
  'ro',
  'ta',
  'vi',
  'zu',
  'fen',
  'dor',
  'lix',
  'mab',
  'tin',
  'sar',
  'pel',
  'qua',
];
const LEXICON_SIZE = 6000;
const LEXICON_EXPONENT = 1.05;

/**
 * Words with a Zipf-like frequency, as in real descriptions: a few ("patients", "study") are in most documents and
 * give long postings, most are rare. Words are made of syllables, so they mean nothing and favour no real term.
 */
class Lexicon {
  private readonly words: string[] = [];
  private readonly cumulative: Float64Array;

  constructor(private readonly random: () => number) {
    const seen = new Set<string>();
    while (this.words.length < LEXICON_SIZE) {
      const length = 2 + Math.floor(random() * 3);
      const word = Array.from({ length }, () => SYLLABLES[Math.floor(random() * SYLLABLES.length)]).join('');
      if (seen.has(word)) continue;
      seen.add(word);
      this.words.push(word);
    }
    this.cumulative = new Float64Array(LEXICON_SIZE);
    let total = 0;
    for (let rank = 0; rank < LEXICON_SIZE; rank++) {
      total += 1 / (rank + 1) ** LEXICON_EXPONENT;
      this.cumulative[rank] = total;
    }
  }

  text(count: number): string {
    const total = this.cumulative[LEXICON_SIZE - 1] ?? 1;
    return Array.from({ length: count }, () => {
      const target = this.random() * total;
      let low = 0;
      let high = LEXICON_SIZE - 1;
      while (low < high) {
        const middle = (low + high) >> 1;
        if ((this.cumulative[middle] ?? 0) < target) low = middle + 1;
        else high = middle;
      }
      return this.words[low];
    }).join(' ');
  }

  assetCode(): string {
    const letters = Array.from({ length: 2 + Math.floor(this.random() * 2) }, () =>
      String.fromCharCode(65 + Math.floor(this.random() * 26)),
    ).join('');
    return `${letters}-${100 + Math.floor(this.random() * 9900)}`;
  }
}

export interface PopulationSize {
  readonly companies: number;
  readonly needs: number;
  readonly seed?: number;
}

export interface Population {
  readonly companies: CompanyProfile[];
  readonly needs: NeedProfile[];
}

/**
 * A park-like population: focused biotechs, CROs tagged in many areas, device, diagnostics and digital firms on the
 * TRL scale, needs with a stage window and zero to three must-haves. Archetypes name real vocabulary roots; with a
 * vocabulary that lacks them (test fixtures) terms are drawn from the whole vocabulary. Same seed, same population.
 */
export function syntheticPopulation(vocab: EngineVocabulary, size: PopulationSize): Population {
  const random = seededRandom(size.seed ?? 20240611);
  const between = (min: number, max: number): number => min + Math.floor(random() * (max - min + 1));
  const chance = (p: number): boolean => random() < p;
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const everywhere = {
    sectors: new TermPicker(vocab, 'sectors', random),
    therapeuticAreas: new TermPicker(vocab, 'therapeuticAreas', random),
    collaborationTypes: new TermPicker(vocab, 'collaborationTypes', random),
    offerings: new TermPicker(vocab, 'offerings', random),
    partnerNetworks: new TermPicker(vocab, 'partnerNetworks', random),
    capabilities: new TermPicker(vocab, 'capabilities', random),
    targets: new TermPicker(vocab, 'targets', random),
  };
  const lexicon = new Lexicon(random);
  const kinds = ARCHETYPES.map((archetype) => ({
    archetype,
    sectors: vocab.entries.sectors.hierarchy.has(archetype.sector) ? [archetype.sector] : everywhere.sectors.some(1),
    modalities: new TermPicker(vocab, 'modalities', random, archetype.modalityRoots),
    capabilities: new TermPicker(vocab, 'capabilities', random, archetype.capabilityRoots),
  }));
  const kindOf = (): (typeof kinds)[number] =>
    weighted(
      random,
      kinds.map((kind) => [kind, kind.archetype.share] as const),
    );
  const stageTerms = vocab.entries.developmentStages.vocabulary.terms;
  const drugStages = stageTerms.filter((term) => !term.id.startsWith('trl-')).map((term) => term.id);
  const trlStages = stageTerms.filter((term) => term.id.startsWith('trl-')).map((term) => term.id);
  const stageWindow = (trl: boolean, length: number): string[] => {
    const scale = trl && trlStages.length > 0 ? trlStages : drugStages;
    const start = between(0, Math.max(0, scale.length - length));
    return scale.slice(start, start + length);
  };
  const freeText = (max: number): string[] => Array.from({ length: between(0, max) }, () => pick(FREE_TEXT));

  const companies: CompanyProfile[] = [];
  for (let index = 0; index < size.companies; index++) {
    const { archetype, sectors, modalities, capabilities } = kindOf();
    const broad = archetype.broad && chance(0.6);
    const company: CompanyProfile = {
      id: `co-${String(index).padStart(6, '0')}`,
      sectors: chance(0.15) ? [...new Set([...sectors, ...everywhere.sectors.some(1)])] : sectors,
      therapeuticAreas: broad
        ? everywhere.therapeuticAreas.some(between(8, 20))
        : everywhere.therapeuticAreas.cluster(between(1, 4)),
      modalities: modalities.cluster(broad ? between(3, 8) : between(1, 3)),
      developmentStages: stageWindow(archetype.trl, broad ? between(3, 6) : between(1, 3)),
      capabilities: [
        ...new Set([...capabilities.cluster(between(3, 10)), ...everywhere.capabilities.some(between(0, 2))]),
      ],
      collaborationTypes: everywhere.collaborationTypes.some(between(1, 4)),
      seeking: everywhere.offerings.some(between(0, 4)),
      partnerNetworks: chance(0.3) ? everywhere.partnerNetworks.some(between(1, 2)) : [],
      chinaPresence: chance(0.6),
      wuxiCoLocation: weighted(random, WUXI),
      unmappedTerms: freeText(3),
      description: lexicon.text(between(15, 60)),
      targets: chance(0.5) ? everywhere.targets.some(between(1, 3)) : [],
      assets: Array.from({ length: between(0, 3) }, () => ({
        name: lexicon.text(1),
        codes: [lexicon.assetCode()],
        targets: chance(0.5) ? everywhere.targets.some(1) : [],
      })),
    };
    companies.push({ ...company, chinaPresence: hasChinaPresence(company) });
  }

  const needs: NeedProfile[] = [];
  for (let index = 0; index < size.needs; index++) {
    const { archetype, sectors, modalities, capabilities } = kindOf();
    const mustHaves = weighted(random, [
      [0, 0.35],
      [1, 0.35],
      [2, 0.2],
      [3, 0.1],
    ]);
    needs.push({
      id: `need-${String(index).padStart(5, '0')}`,
      therapeuticAreas: everywhere.therapeuticAreas.cluster(between(1, 3)),
      modalities: modalities.some(between(0, 2)),
      stages: stageWindow(archetype.trl, between(2, 4)),
      sectors: chance(0.8) ? sectors : [],
      mustHave: capabilities.some(mustHaves),
      niceToHave: capabilities.some(between(0, 4)),
      collaborationTypes: everywhere.collaborationTypes.some(between(1, 2)),
      offering: everywhere.offerings.some(between(1, 3)),
      preferChinaPresence: chance(0.5),
      preferWuxiCoLocation: chance(0.4),
      preferredPartnerNetworks: chance(0.2) ? everywhere.partnerNetworks.some(1) : [],
      ...(chance(0.1) ? { weights: { therapeuticArea: 0.4, capability: 0.3 } } : {}),
      unmappedTerms: freeText(2),
      title: lexicon.text(between(5, 12)),
      description: lexicon.text(between(10, 40)),
      targets: chance(0.4) ? everywhere.targets.some(between(1, 2)) : [],
    });
  }
  return { companies, needs };
}

function weighted<T>(random: () => number, options: readonly (readonly [T, number])[]): T {
  let target = random();
  for (const [value, probability] of options) {
    target -= probability;
    if (target < 0) return value;
  }
  const last = options[options.length - 1];
  if (last === undefined) throw new Error('weighted() needs at least one option.');
  return last[0];
}
