import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { TOPICS, type CompanyProfileFields, type CompanyProfileSubmittedV1, type ExternalRef } from '#contracts';
import {
  DomainError,
  inPartnerScope,
  NotFoundError,
  OutboxWriter,
  resolveProfileTerms,
  withPartnerExternalRef,
  type ResolutionMode,
} from '#common';
import { CompaniesRepository } from './companies.repository.js';
import { CompanyEntity } from './company.entity.js';
import {
  COMPANY_TERM_FIELDS,
  type CompanyPage,
  type CompanyResponse,
  type ListCompaniesQuery,
  type UpdateCompanyDto,
} from './company.dto.js';
import { applyCompanyFields, companyFieldsOf, toCompanyResponse } from './company.mapper.js';

const notFound = (id: string): NotFoundError => new NotFoundError('COMPANY.NOT_FOUND', `Company ${id} not found`);

@Injectable()
export class CompaniesService {
  constructor(
    private readonly repository: CompaniesRepository,
    private readonly outbox: OutboxWriter,
  ) {}

  /** `scope`, here and below: the partner source the caller is confined to (undefined: any source). */
  async create(
    fields: CompanyProfileFields,
    mode: ResolutionMode = 'strict',
    scope?: string,
  ): Promise<CompanyResponse> {
    const { values, unmappedTerms } = resolveProfileTerms(
      withPartnerExternalRef(fields, scope),
      COMPANY_TERM_FIELDS,
      mode,
    );
    return this.repository.transaction(async (manager) => {
      if (values.externalRef) {
        const existing = await this.repository.findByExternalRef(
          manager,
          values.externalRef.source,
          values.externalRef.id,
        );
        if (existing) {
          throw new DomainError('COMPANY.EXTERNAL_REF_TAKEN', 'A company with this externalRef exists', 409, {
            id: existing.id,
          });
        }
      }
      const company = Object.assign(new CompanyEntity(), { id: randomUUID(), version: 1 });
      applyCompanyFields(company, values, unmappedTerms);
      return this.persist(manager, company);
    });
  }

  async get(id: string, scope?: string): Promise<CompanyResponse> {
    const company = await this.repository.findById(id);
    if (!company || !inPartnerScope(company.externalSource, scope)) throw notFound(id);
    return toCompanyResponse(company);
  }

  async list(query: ListCompaniesQuery, scope?: string): Promise<CompanyPage> {
    if (!inPartnerScope(query.source ?? scope, scope)) {
      return { items: [], total: 0, limit: query.limit, offset: query.offset };
    }
    const [companies, total] = await this.repository.list(scope === undefined ? query : { ...query, source: scope });
    return { items: companies.map(toCompanyResponse), total, limit: query.limit, offset: query.offset };
  }

  replace(id: string, fields: CompanyProfileFields, scope?: string): Promise<CompanyResponse> {
    return this.update(id, () => fields, false, scope);
  }

  patch(id: string, changes: UpdateCompanyDto, scope?: string): Promise<CompanyResponse> {
    return this.update(id, (current) => ({ ...current, ...changes }), true, scope);
  }

  async delete(id: string, scope?: string): Promise<void> {
    await this.repository.transaction(async (manager) => {
      const company = await this.repository.findForUpdate(manager, id);
      if (!company || !inPartnerScope(company.externalSource, scope)) throw notFound(id);
      await this.remove(manager, company);
    });
  }

  /** A partner's submission, upserted by external reference; terms the vocabulary can't resolve stay unmapped. */
  async submitFromPartner(manager: EntityManager, submission: CompanyProfileSubmittedV1): Promise<void> {
    const { values, unmappedTerms } = resolveProfileTerms(submission, COMPANY_TERM_FIELDS, 'lenient');
    const { source, id } = submission.externalRef;
    const existing = await this.repository.findByExternalRef(manager, source, id);
    const company = existing ?? Object.assign(new CompanyEntity(), { id: randomUUID(), version: 0 });
    if (!applyCompanyFields(company, values, unmappedTerms) && existing) return;
    company.version += 1;
    await this.persist(manager, company);
  }

  async withdrawFromPartner(manager: EntityManager, externalRef: ExternalRef): Promise<void> {
    const existing = await this.repository.findByExternalRef(manager, externalRef.source, externalRef.id);
    if (existing) await this.remove(manager, existing);
  }

  private async remove(manager: EntityManager, company: CompanyEntity): Promise<void> {
    const version = company.version + 1;
    await this.repository.delete(manager, company.id);
    await this.outbox.enqueue(manager, [
      {
        topic: TOPICS.companyProfiles,
        type: 'CompanyProfileDeleted',
        key: company.id,
        payload: { id: company.id, version },
        entityVersion: version,
      },
    ]);
  }

  /** Applies a change; a write that changes nothing keeps the version and publishes nothing (idempotent PUT). */
  private async update(
    id: string,
    change: (current: CompanyProfileFields) => CompanyProfileFields,
    keepUnmappedTerms: boolean,
    scope?: string,
  ): Promise<CompanyResponse> {
    return this.repository.transaction(async (manager) => {
      const company = await this.repository.findForUpdate(manager, id);
      if (!company || !inPartnerScope(company.externalSource, scope)) throw notFound(id);
      const current = companyFieldsOf(company);
      const { values, unmappedTerms } = resolveProfileTerms(
        withPartnerExternalRef(change(current), scope, current.externalRef),
        COMPANY_TERM_FIELDS,
        'strict',
      );
      const unmapped = keepUnmappedTerms ? [...new Set([...company.unmappedTerms, ...unmappedTerms])] : unmappedTerms;
      if (!applyCompanyFields(company, values, unmapped)) {
        return toCompanyResponse(company);
      }
      company.version += 1;
      return this.persist(manager, company);
    });
  }

  private async persist(manager: EntityManager, company: CompanyEntity): Promise<CompanyResponse> {
    const saved = toCompanyResponse(await this.repository.save(manager, company));
    await this.outbox.enqueue(manager, [
      {
        topic: TOPICS.companyProfiles,
        type: 'CompanyProfileUpserted',
        key: saved.id,
        payload: saved,
        entityVersion: saved.version,
      },
    ]);
    return saved;
  }
}
