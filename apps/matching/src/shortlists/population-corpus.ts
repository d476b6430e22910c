import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { companyDocument, type LexicalCorpus, type LexicalDocument } from '#engine';
import { ProjectionsRepository, type CompanyChange } from '../projections/projections.repository.js';
import { toCompanyProfile } from './engine-profiles.js';

/**
 * Document frequencies of the active companies, which weigh the words of lexical relevance. Loaded once, then kept
 * current from the rows changed since the last read, so a company event costs one indexed query and one document.
 * Within a transaction the read sees the transaction's own writes, so a rescore uses the population it commits.
 * The sums are integers, so the corpus equals one built from scratch (`populationDocuments`).
 */
@Injectable()
export class PopulationCorpus implements LexicalCorpus {
  private readonly documents = new Map<string, { readonly version: number; readonly document: LexicalDocument }>();
  private readonly frequencies = new Map<string, number>();
  private totalLength = 0;
  /** The oldest transaction the previous read could not see: rows it wrote, or any later one, are read again. */
  private readXmin: string | undefined;

  constructor(private readonly projections: ProjectionsRepository) {}

  get documentCount(): number {
    return this.documents.size;
  }

  get averageLength(): number {
    return this.documents.size > 0 ? this.totalLength / this.documents.size : 0;
  }

  documentFrequency(token: string): number {
    return this.frequencies.get(token) ?? 0;
  }

  async current(manager?: EntityManager): Promise<LexicalCorpus> {
    const { changes, readXmin } = await this.projections.companiesChangedSince(
      manager,
      this.readXmin,
      (id, version) => (this.documents.get(id)?.version ?? 0) < version,
    );
    for (const change of changes) this.apply(change);
    this.readXmin = readXmin;
    return this;
  }

  private apply({ id, version, profile }: CompanyChange): void {
    const known = this.documents.get(id);
    if (known !== undefined && known.version >= version) return;
    if (known !== undefined) this.count(known.document, -1);
    if (profile === null) {
      this.documents.delete(id);
      return;
    }
    const document = companyDocument(toCompanyProfile(profile));
    this.documents.set(id, { version, document });
    this.count(document, 1);
  }

  private count(document: LexicalDocument, sign: 1 | -1): void {
    this.totalLength += sign * document.length;
    for (const token of document.tokens) {
      const frequency = (this.frequencies.get(token) ?? 0) + sign;
      if (frequency === 0) this.frequencies.delete(token);
      else this.frequencies.set(token, frequency);
    }
  }
}
