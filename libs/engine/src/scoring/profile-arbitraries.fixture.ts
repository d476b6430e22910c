import fc from 'fast-check';
import { FIXTURE_VOCABULARIES } from './engine-vocabulary.fixture.js';
import type { EngineVocabularyName } from './engine-vocabulary.js';
import type { CompanyProfile, NeedProfile, WuxiCoLocation } from './match-profile.types.js';

const FREE_TEXT = ['organoid screening', 'liquid biopsy', 'cryo-EM', 'real world evidence', '类器官筛选', '伴随诊断'];
const WORDS = [
  'KRAS',
  'G12C',
  'AZD-9291',
  'osimertinib',
  'tumour',
  'tumor',
  'lung',
  'organoid',
  'the',
  'β-cell',
  '肺癌',
];

/** Short texts over a small word list, so needs and companies share words often and with repeats. */
const text = (maxWords: number): fc.Arbitrary<string> =>
  fc.array(fc.constantFrom(...WORDS), { maxLength: maxWords }).map((words) => words.join(' '));

/** Ids of a fixture vocabulary, now and then one it does not know, which both scoring paths must ignore alike. */
function termsOf(name: EngineVocabularyName, maxLength: number): fc.Arbitrary<string[]> {
  const ids = FIXTURE_VOCABULARIES[name].terms.map((term) => term.id);
  return fc.array(
    fc.oneof(
      { weight: 12, arbitrary: fc.constantFrom(...ids) },
      { weight: 1, arbitrary: fc.constant('not-in-vocabulary') },
    ),
    {
      maxLength,
    },
  );
}

export const companyProfile = (
  id: fc.Arbitrary<string> = fc.string({ minLength: 1, maxLength: 6 }),
): fc.Arbitrary<CompanyProfile> =>
  fc.record({
    id,
    sectors: termsOf('sectors', 2),
    therapeuticAreas: termsOf('therapeuticAreas', 8),
    modalities: termsOf('modalities', 4),
    developmentStages: termsOf('developmentStages', 4),
    capabilities: termsOf('capabilities', 8),
    collaborationTypes: termsOf('collaborationTypes', 3),
    seeking: termsOf('offerings', 4),
    partnerNetworks: termsOf('partnerNetworks', 2),
    chinaPresence: fc.boolean(),
    wuxiCoLocation: fc.constantFrom<WuxiCoLocation>('none', 'interested', 'planned', 'resident'),
    unmappedTerms: fc.array(fc.constantFrom(...FREE_TEXT), { maxLength: 3 }),
    description: text(12),
    targets: termsOf('targets', 3),
    assets: fc.array(
      fc.record({
        name: text(2),
        codes: fc.array(fc.constantFrom('AZD-9291', 'AB 112', 'XY1316'), { maxLength: 2 }),
        modality: fc.constantFrom(...FIXTURE_VOCABULARIES.modalities.terms.map((term) => term.id)),
        targets: termsOf('targets', 2),
        therapeuticAreas: termsOf('therapeuticAreas', 2),
      }),
      { maxLength: 2 },
    ),
  });

/** Needs up to sizes that overflow the kernel's split layout, so both layouts get exercised. */
export const needProfile = (
  id: fc.Arbitrary<string> = fc.string({ minLength: 1, maxLength: 6 }),
): fc.Arbitrary<NeedProfile> =>
  fc.record(
    {
      id,
      therapeuticAreas: termsOf('therapeuticAreas', 9),
      modalities: termsOf('modalities', 4),
      stages: termsOf('developmentStages', 4),
      sectors: termsOf('sectors', 2),
      mustHave: termsOf('capabilities', 4),
      niceToHave: termsOf('capabilities', 8),
      collaborationTypes: termsOf('collaborationTypes', 3),
      offering: termsOf('offerings', 3),
      preferChinaPresence: fc.boolean(),
      preferWuxiCoLocation: fc.boolean(),
      preferredPartnerNetworks: termsOf('partnerNetworks', 2),
      weights: fc.record(
        {
          therapeuticArea: fc.double({ min: 0, max: 1, noNaN: true }),
          textRelevance: fc.double({ min: 0, max: 1, noNaN: true }),
          sector: fc.double({ min: 0, max: 1, noNaN: true }),
        },
        { requiredKeys: [] },
      ),
      unmappedTerms: fc.array(fc.constantFrom(...FREE_TEXT), { maxLength: 2 }),
      title: text(6),
      description: text(10),
      targets: termsOf('targets', 3),
    },
    {
      requiredKeys: [
        'id',
        'therapeuticAreas',
        'modalities',
        'stages',
        'sectors',
        'mustHave',
        'niceToHave',
        'collaborationTypes',
        'offering',
        'preferChinaPresence',
        'preferWuxiCoLocation',
        'preferredPartnerNetworks',
      ],
    },
  );

/** Companies with distinct ids, so a ranking is fully determined by scores and ids. */
export const companyPopulation = (maxLength: number): fc.Arbitrary<CompanyProfile[]> =>
  fc.uniqueArray(companyProfile(), { maxLength, selector: (company) => company.id });
