import {
  defaultEngineVocabulary,
  type EngineVocabulary,
  type EngineVocabularyName,
} from '../scoring/engine-vocabulary.js';
import { WUXI_CO_LOCATIONS, hasChinaPresence } from '../scoring/geography.js';
import type { CompanyProfile } from '../scoring/match-profile.types.js';
import { textTokens } from '../scoring/text-tokens.js';
import {
  SEEK_COUNT_BITS,
  geographyCode,
  sharedInt32,
  sharedUint16,
  sharedUint32,
  type PackedCompanies,
} from './packed-profiles.js';
import { termSpaceOf, type TermSpace } from './term-space.js';

/** Compile once per population; recompiling is only needed when profiles or vocabularies change. */
export function compileCompanies(
  companies: readonly CompanyProfile[],
  vocab: EngineVocabulary = defaultEngineVocabulary(),
): PackedCompanies {
  const space = termSpaceOf(vocab);
  const count = companies.length;
  const bounds = sharedUint32(3 * count + 1);
  const attributes = sharedInt32(count);
  const tokenBounds = sharedUint32(count + 1);
  const terms: number[] = [];
  const tokens: number[] = [];
  const tokenNumbers = new Map<string, number>();

  companies.forEach((company, index) => {
    bounds[3 * index] = terms.length;
    pushKnown(terms, space, 'capabilities', company.capabilities);
    pushKnown(terms, space, 'sectors', company.sectors);
    bounds[3 * index + 1] = terms.length;
    pushKnown(terms, space, 'therapeuticAreas', company.therapeuticAreas);
    bounds[3 * index + 2] = terms.length;
    pushKnown(terms, space, 'modalities', company.modalities);
    pushKnown(terms, space, 'developmentStages', company.developmentStages);
    pushKnown(terms, space, 'collaborationTypes', company.collaborationTypes);
    const seekCount = pushKnown(terms, space, 'offerings', company.seeking);
    pushKnown(terms, space, 'partnerNetworks', company.partnerNetworks);
    const geography = geographyCode(hasChinaPresence(company), WUXI_CO_LOCATIONS.indexOf(company.wuxiCoLocation));
    attributes[index] = seekCount | (geography << SEEK_COUNT_BITS);

    tokenBounds[index] = tokens.length;
    for (const token of textTokens(company.unmappedTerms)) {
      let number = tokenNumbers.get(token);
      if (number === undefined) {
        number = tokenNumbers.size;
        tokenNumbers.set(token, number);
      }
      tokens.push(number);
    }
  });
  bounds[3 * count] = terms.length;
  tokenBounds[count] = tokens.length;

  const ids = companies.map((company) => company.id);
  // Sorting an index array keeps equal ids in input order, as the reference's stable sort does.
  const byIdRank = Uint32Array.from(ids.keys()).sort((a, b) => {
    const idA = ids[a] ?? '';
    const idB = ids[b] ?? '';
    return idA < idB ? -1 : idA > idB ? 1 : a - b;
  });
  const idRanks = sharedUint32(count);
  byIdRank.forEach((companyIndex, rank) => {
    idRanks[companyIndex] = rank;
  });

  const packedTerms = sharedUint16(terms.length);
  packedTerms.set(terms);
  const packedTokens = sharedInt32(tokens.length);
  packedTokens.set(tokens);
  return {
    termSpaceFingerprint: space.fingerprint,
    ids,
    byIdRank,
    tokenNumbers,
    buffers: { count, bounds, terms: packedTerms, attributes, idRanks, tokenBounds, tokens: packedTokens },
  };
}

/** Appends the known, distinct terms of one field and returns how many it appended. */
function pushKnown(terms: number[], space: TermSpace, name: EngineVocabularyName, ids: readonly string[]): number {
  const numbers = new Set<number>();
  for (const id of ids) {
    const number = space.numberOf(name, id);
    if (number !== undefined) numbers.add(number);
  }
  terms.push(...numbers);
  return numbers.size;
}
