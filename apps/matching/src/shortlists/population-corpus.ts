import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { populationDocuments, type LexicalCorpus } from '#engine';
import { ProjectionsRepository } from '../projections/projections.repository.js';
import { toCompanyProfile } from './engine-profiles.js';

/**
 * Document frequencies of the active companies, which weigh the words of lexical relevance. Rebuilt only when the
 * population's stamp changes, so reads between changes cost one small query. Within a transaction the stamp sees
 * the transaction's own writes, so a rescore uses the population it is about to commit.
 */
@Injectable()
export class PopulationCorpus {
  private cached: { readonly stamp: string; readonly corpus: LexicalCorpus } | undefined;

  constructor(private readonly projections: ProjectionsRepository) {}

  async current(manager?: EntityManager): Promise<LexicalCorpus> {
    const stamp = await this.projections.companyPopulationStamp(manager);
    if (this.cached?.stamp === stamp) return this.cached.corpus;
    const companies = await this.projections.activeCompanies(manager);
    const { corpus } = populationDocuments(companies.map(toCompanyProfile));
    this.cached = { stamp, corpus };
    return corpus;
  }
}
