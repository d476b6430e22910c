import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { TOPICS, type ExternalRef, type RdNeedFields, type RdNeedSubmittedV1 } from '#contracts';
import {
  DomainError,
  inPartnerScope,
  NotFoundError,
  OutboxWriter,
  resolveProfileTerms,
  withPartnerExternalRef,
  type ResolutionMode,
} from '#common';
import { RdNeedsRepository } from './rd-needs.repository.js';
import { RdNeedEntity } from './rd-need.entity.js';
import {
  RD_NEED_TERM_FIELDS,
  type ListRdNeedsQuery,
  type RdNeedPage,
  type RdNeedResponse,
  type UpdateRdNeedDto,
} from './rd-need.dto.js';
import { applyRdNeedFields, rdNeedFieldsOf, toRdNeedResponse } from './rd-need.mapper.js';
import { validateWeights } from './weights.js';

const notFound = (id: string): NotFoundError => new NotFoundError('RD_NEED.NOT_FOUND', `R&D need ${id} not found`);

@Injectable()
export class RdNeedsService {
  constructor(
    private readonly repository: RdNeedsRepository,
    private readonly outbox: OutboxWriter,
  ) {}

  /** `scope`, here and below: the partner source the caller is confined to (undefined: any source). */
  async create(fields: RdNeedFields, mode: ResolutionMode = 'strict', scope?: string): Promise<RdNeedResponse> {
    validateWeights(fields.weights);
    const { values, unmappedTerms } = resolveProfileTerms(
      withPartnerExternalRef(fields, scope),
      RD_NEED_TERM_FIELDS,
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
          throw new DomainError('RD_NEED.EXTERNAL_REF_TAKEN', 'An R&D need with this externalRef exists', 409, {
            id: existing.id,
          });
        }
      }
      const need = Object.assign(new RdNeedEntity(), { id: randomUUID(), version: 1 });
      applyRdNeedFields(need, values, unmappedTerms);
      return this.persist(manager, need);
    });
  }

  async get(id: string, scope?: string): Promise<RdNeedResponse> {
    const need = await this.repository.findById(id);
    if (!need || !inPartnerScope(need.externalSource, scope)) throw notFound(id);
    return toRdNeedResponse(need);
  }

  async list(query: ListRdNeedsQuery, scope?: string): Promise<RdNeedPage> {
    if (!inPartnerScope(query.source ?? scope, scope)) {
      return { items: [], total: 0, limit: query.limit, offset: query.offset };
    }
    const [needs, total] = await this.repository.list(scope === undefined ? query : { ...query, source: scope });
    return { items: needs.map(toRdNeedResponse), total, limit: query.limit, offset: query.offset };
  }

  replace(id: string, fields: RdNeedFields, scope?: string): Promise<RdNeedResponse> {
    return this.update(id, () => fields, false, scope);
  }

  patch(id: string, changes: UpdateRdNeedDto, scope?: string): Promise<RdNeedResponse> {
    return this.update(id, (current) => ({ ...current, ...changes }), true, scope);
  }

  async delete(id: string, scope?: string): Promise<void> {
    await this.repository.transaction(async (manager) => {
      const need = await this.repository.findForUpdate(manager, id);
      if (!need || !inPartnerScope(need.externalSource, scope)) throw notFound(id);
      await this.remove(manager, need);
    });
  }

  /** A partner's submission, upserted by external reference; terms the vocabulary can't resolve stay unmapped. */
  async submitFromPartner(manager: EntityManager, submission: RdNeedSubmittedV1): Promise<void> {
    const { values, unmappedTerms } = resolveProfileTerms(submission, RD_NEED_TERM_FIELDS, 'lenient');
    const { source, id } = submission.externalRef;
    const existing = await this.repository.findByExternalRef(manager, source, id);
    const need = existing ?? Object.assign(new RdNeedEntity(), { id: randomUUID(), version: 0 });
    if (!applyRdNeedFields(need, values, unmappedTerms) && existing) return;
    need.version += 1;
    await this.persist(manager, need);
  }

  async withdrawFromPartner(manager: EntityManager, externalRef: ExternalRef): Promise<void> {
    const existing = await this.repository.findByExternalRef(manager, externalRef.source, externalRef.id);
    if (existing) await this.remove(manager, existing);
  }

  private async remove(manager: EntityManager, need: RdNeedEntity): Promise<void> {
    const version = need.version + 1;
    await this.repository.delete(manager, need.id);
    await this.outbox.enqueue(manager, [
      {
        topic: TOPICS.rdNeeds,
        type: 'RdNeedClosed',
        key: need.id,
        payload: { id: need.id, version },
        entityVersion: version,
      },
    ]);
  }

  /** Applies a change; a write that changes nothing keeps the version and publishes nothing (idempotent PUT). */
  private async update(
    id: string,
    change: (current: RdNeedFields) => RdNeedFields,
    keepUnmappedTerms: boolean,
    scope?: string,
  ): Promise<RdNeedResponse> {
    return this.repository.transaction(async (manager) => {
      const need = await this.repository.findForUpdate(manager, id);
      if (!need || !inPartnerScope(need.externalSource, scope)) throw notFound(id);
      const current = rdNeedFieldsOf(need);
      const next = withPartnerExternalRef(change(current), scope, current.externalRef);
      validateWeights(next.weights);
      const { values, unmappedTerms } = resolveProfileTerms(next, RD_NEED_TERM_FIELDS, 'strict');
      const unmapped = keepUnmappedTerms ? [...new Set([...need.unmappedTerms, ...unmappedTerms])] : unmappedTerms;
      if (!applyRdNeedFields(need, values, unmapped)) return toRdNeedResponse(need);
      need.version += 1;
      return this.persist(manager, need);
    });
  }

  /** An open need is published whole; a closed one leaves the market with `RdNeedClosed`. */
  private async persist(manager: EntityManager, need: RdNeedEntity): Promise<RdNeedResponse> {
    const saved = toRdNeedResponse(await this.repository.save(manager, need));
    await this.outbox.enqueue(manager, [
      saved.status === 'open'
        ? { topic: TOPICS.rdNeeds, type: 'RdNeedUpserted', key: saved.id, payload: saved, entityVersion: saved.version }
        : {
            topic: TOPICS.rdNeeds,
            type: 'RdNeedClosed',
            key: saved.id,
            payload: { id: saved.id, version: saved.version },
            entityVersion: saved.version,
          },
    ]);
    return saved;
  }
}
