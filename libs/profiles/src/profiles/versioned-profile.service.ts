import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { ExternalRef } from '#contracts';
import { DomainError, inPartnerScope, NotFoundError, withPartnerExternalRef } from '#platform';
import type { AnyOutboxEvent, OutboxWriter } from '#messaging';
import type { VersionedRepository } from './versioned.repository.js';
import { resolveProfileTerms, type ResolutionMode, type TermFields } from '../taxonomy/profile-terms.js';

/** What a stored profile (a company, an R&D need) has in common. */
export interface ProfileRow {
  id: string;
  version: number;
  externalSource: string | null;
  externalId: string | null;
  unmappedTerms: string[];
}

export interface ProfileFields {
  externalRef?: ExternalRef;
}

/** Everything that differs between kinds of profile: names, vocabulary fields, mapping and events. */
export interface ProfileDefinition<TRow extends ProfileRow, TFields extends ProfileFields, TResponse> {
  /** For messages: `Company`, `R&D need`. */
  readonly label: string;
  /** For error codes: `COMPANY`, `RD_NEED`. */
  readonly code: string;
  readonly termFields: TermFields<TFields>;
  newRow(): TRow;
  /** Applies resolved fields; returns whether anything the API shows changed. */
  apply(row: TRow, fields: TFields, unmappedTerms: string[]): boolean;
  fieldsOf(row: TRow): TFields;
  toResponse(row: TRow): TResponse;
  /** Checks beyond class-validator's that need the whole profile; throws a DomainError. */
  validate?(fields: TFields): void;
  /** The event that publishes a stored profile. */
  stored(saved: TResponse): AnyOutboxEvent;
  /** The event that takes a profile off the market, with the version it reached. */
  removed(id: string, version: number): AnyOutboxEvent;
}

/**
 * Writes of a versioned profile: REST create, replace, patch and delete, and partner submissions and withdrawals
 * upserted by external reference. State and event go into one transaction (outbox); a write that changes nothing
 * keeps the version and publishes nothing. `scope`, where given, is the partner source the caller is confined to.
 */
export class VersionedProfileService<TRow extends ProfileRow, TFields extends ProfileFields, TResponse> {
  constructor(
    protected readonly repository: VersionedRepository<TRow>,
    protected readonly outbox: OutboxWriter,
    private readonly definition: ProfileDefinition<TRow, TFields, TResponse>,
  ) {}

  async create(fields: TFields, mode: ResolutionMode = 'strict', scope?: string): Promise<TResponse> {
    const { definition } = this;
    definition.validate?.(fields);
    const { values, unmappedTerms } = resolveProfileTerms(
      withPartnerExternalRef(fields, scope),
      definition.termFields,
      mode,
    );
    return this.repository.transaction(async (manager) => {
      if (values.externalRef) {
        const { source, id } = values.externalRef;
        const existing = await this.repository.findByExternalRef(manager, source, id);
        if (existing) {
          throw new DomainError(
            `${definition.code}.EXTERNAL_REF_TAKEN`,
            `A ${definition.label} with this externalRef exists`,
            409,
            { id: existing.id },
          );
        }
      }
      const row = Object.assign(definition.newRow(), { id: randomUUID(), version: 1 });
      definition.apply(row, values, unmappedTerms);
      return this.persist(manager, row);
    });
  }

  async get(id: string, scope?: string): Promise<TResponse> {
    const row = await this.repository.findById(id);
    if (!row || !inPartnerScope(row.externalSource, scope)) throw this.notFound(id);
    return this.definition.toResponse(row);
  }

  replace(id: string, fields: TFields, scope?: string): Promise<TResponse> {
    return this.update(id, () => fields, false, scope);
  }

  patch(id: string, changes: Partial<TFields>, scope?: string): Promise<TResponse> {
    return this.update(id, (current) => ({ ...current, ...changes }), true, scope);
  }

  async delete(id: string, scope?: string): Promise<void> {
    await this.repository.transaction(async (manager) => {
      const row = await this.repository.findForUpdate(manager, id);
      if (!row || !inPartnerScope(row.externalSource, scope)) throw this.notFound(id);
      await this.remove(manager, row);
    });
  }

  /** A partner's submission, upserted by external reference; terms the vocabulary can't resolve stay unmapped. */
  async submitFromPartner(manager: EntityManager, submission: TFields & { externalRef: ExternalRef }): Promise<void> {
    this.definition.validate?.(submission);
    const { values, unmappedTerms } = resolveProfileTerms(submission, this.definition.termFields, 'lenient');
    const { source, id } = submission.externalRef;
    const existing = await this.repository.findByExternalRef(manager, source, id);
    const row = existing ?? Object.assign(this.definition.newRow(), { id: randomUUID(), version: 0 });
    if (!this.definition.apply(row, values, unmappedTerms) && existing) return;
    row.version += 1;
    await this.persist(manager, row);
  }

  async withdrawFromPartner(manager: EntityManager, externalRef: ExternalRef): Promise<void> {
    const existing = await this.repository.findByExternalRef(manager, externalRef.source, externalRef.id);
    if (existing) await this.remove(manager, existing);
  }

  protected notFound(id: string): NotFoundError {
    return new NotFoundError(`${this.definition.code}.NOT_FOUND`, `${this.definition.label} ${id} not found`);
  }

  private async remove(manager: EntityManager, row: TRow): Promise<void> {
    await this.repository.delete(manager, row.id);
    await this.outbox.enqueue(manager, [this.definition.removed(row.id, row.version + 1)]);
  }

  private async update(
    id: string,
    change: (current: TFields) => TFields,
    keepUnmappedTerms: boolean,
    scope?: string,
  ): Promise<TResponse> {
    const { definition } = this;
    return this.repository.transaction(async (manager) => {
      const row = await this.repository.findForUpdate(manager, id);
      if (!row || !inPartnerScope(row.externalSource, scope)) throw this.notFound(id);
      const current = definition.fieldsOf(row);
      const next = withPartnerExternalRef(change(current), scope, current.externalRef);
      definition.validate?.(next);
      const { values, unmappedTerms } = resolveProfileTerms(next, definition.termFields, 'strict');
      const unmapped = keepUnmappedTerms ? [...new Set([...row.unmappedTerms, ...unmappedTerms])] : unmappedTerms;
      if (!definition.apply(row, values, unmapped)) return definition.toResponse(row);
      row.version += 1;
      return this.persist(manager, row);
    });
  }

  private async persist(manager: EntityManager, row: TRow): Promise<TResponse> {
    const saved = this.definition.toResponse(await this.repository.save(manager, row));
    await this.outbox.enqueue(manager, [this.definition.stored(saved)]);
    return saved;
  }
}
