import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { CompanyProfileUpsertedV1 } from '#contracts';
import { companyDocument, type LexicalCorpus, type LexicalDocument } from '#engine';
import { TransactionOutcomes } from '#platform';
import { ProjectionsRepository, type CompanyChange } from '../projections/projections.repository.js';
import { toCompanyProfile } from './engine-profiles.js';

interface ActiveCompany {
  readonly version: number;
  readonly profile: CompanyProfileUpsertedV1;
  readonly document: LexicalDocument;
}

/**
 * The active companies in memory, and their document frequencies, which weigh the words of lexical relevance. Loaded
 * once, then kept current from the rows changed since the last read, so a company event costs one indexed query and
 * one document. Within a transaction the read sees the transaction's own writes, so a rescore uses the population it
 * commits; if that transaction then does not commit, everything is read again. The sums are integers, so the corpus
 * equals one built from scratch (`populationDocuments`).
 */
@Injectable()
export class PopulationCorpus implements LexicalCorpus {
  private readonly documents = new Map<string, ActiveCompany>();
  private readonly frequencies = new Map<string, number>();
  private totalLength = 0;
  /** The oldest transaction the previous read could not see: rows it wrote, or any later one, are read again. */
  private readXmin: string | undefined;
  /** Transactions whose own writes were applied: if one does not commit, memory is ahead of the database. */
  private readonly watched = new WeakSet<object>();

  constructor(
    private readonly projections: ProjectionsRepository,
    private readonly outcomes: TransactionOutcomes,
  ) {}

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
    const runner = manager?.queryRunner;
    if (manager && runner?.isTransactionActive && changes.length > 0 && !this.watched.has(runner)) {
      this.watched.add(runner);
      this.outcomes.onEnd(manager, (outcome) => {
        this.watched.delete(runner);
        if (outcome !== 'committed') this.forget();
      });
    }
    return this;
  }

  /** The active companies as of the last {@link current}. */
  activeCompanies(): CompanyProfileUpsertedV1[] {
    return [...this.documents.values()].map((company) => company.profile);
  }

  /** The version of an active company as of the last {@link current}. */
  versionOf(id: string): number | undefined {
    return this.documents.get(id)?.version;
  }

  private forget(): void {
    this.documents.clear();
    this.frequencies.clear();
    this.totalLength = 0;
    this.readXmin = undefined;
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
    this.documents.set(id, { version, profile, document });
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
