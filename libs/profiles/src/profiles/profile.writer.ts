import type { Provider, Type } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { ExternalRef } from '#contracts';
import { DomainError, inPartnerScope, NotFoundError, withPartnerExternalRef } from '#platform';
import { OutboxWriter } from '#messaging';
import { resolveProfileTerms, type ResolutionMode, type TermFields } from '../taxonomy/profile-terms.js';
import {
  applyFields,
  fieldsOf,
  removedEvent,
  storedEvent,
  termFieldsOf,
  toStoredProfile,
  type ProfileDefinition,
  type ProfileFields,
  type StoredProfile,
} from './profile.definition.js';
import type { ProfileEntity } from './profile.entity.js';
import type { ProfileRepository } from './profile.repository.js';

/**
 * Writes of one kind of profile: REST create, replace, patch and delete, and partner submissions and withdrawals
 * upserted by external reference. Each write reads top to bottom: check, resolve terms, lock and compare the row,
 * store it and its event in one transaction (outbox). A write that changes nothing keeps the version and publishes
 * nothing. `scope`, where given, is the partner source the caller is confined to.
 */
export class ProfileWriter<F extends ProfileFields, Row extends ProfileEntity> {
  private readonly termFields: TermFields<F>;

  constructor(
    private readonly profile: ProfileDefinition<F, Row>,
    private readonly repository: ProfileRepository<Row>,
    private readonly outbox: OutboxWriter,
  ) {
    this.termFields = termFieldsOf(profile);
  }

  async create(fields: F, mode: ResolutionMode = 'strict', scope?: string): Promise<StoredProfile<F>> {
    this.profile.check?.(fields);
    const { values, unmappedTerms } = resolveProfileTerms(withPartnerExternalRef(fields, scope), this.termFields, mode);
    return this.repository.transaction(async (manager) => {
      await this.claimExternalRef(manager, values.externalRef);
      const row = Object.assign(new this.profile.entity(), { id: randomUUID(), version: 1 });
      applyFields(this.profile, row, values, unmappedTerms);
      return this.store(manager, row);
    });
  }

  async get(id: string, scope?: string): Promise<StoredProfile<F>> {
    const row = await this.repository.findById(id);
    if (!row || !inPartnerScope(row.externalSource, scope)) throw this.notFound(id);
    return toStoredProfile(this.profile, row);
  }

  replace(id: string, fields: F, scope?: string): Promise<StoredProfile<F>> {
    return this.update(id, () => fields, false, scope);
  }

  /** Fields left out keep what is stored, unmapped terms included. */
  patch(id: string, changes: Partial<F>, scope?: string): Promise<StoredProfile<F>> {
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
  async submitFromPartner(manager: EntityManager, submission: F & { externalRef: ExternalRef }): Promise<void> {
    this.profile.check?.(submission);
    const { values, unmappedTerms } = resolveProfileTerms(submission, this.termFields, 'lenient');
    const { source, id } = submission.externalRef;
    const existing = await this.repository.findByExternalRef(manager, source, id);
    const row = existing ?? Object.assign(new this.profile.entity(), { id: randomUUID(), version: 0 });
    if (!applyFields(this.profile, row, values, unmappedTerms) && existing) return;
    row.version += 1;
    await this.store(manager, row);
  }

  async withdrawFromPartner(manager: EntityManager, externalRef: ExternalRef): Promise<void> {
    const existing = await this.repository.findByExternalRef(manager, externalRef.source, externalRef.id);
    if (existing) await this.remove(manager, existing);
  }

  /** A 409 naming `externalRef` when another record holds it (the unique index would otherwise fail the write). */
  private async claimExternalRef(manager: EntityManager, externalRef: ExternalRef | undefined, ownId?: string) {
    if (!externalRef) return;
    const holder = await this.repository.findByExternalRef(manager, externalRef.source, externalRef.id);
    if (!holder || holder.id === ownId) return;
    throw this.externalRefTaken(holder.id);
  }

  private externalRefTaken(holderId?: string): DomainError {
    return new DomainError(
      `${this.profile.code}.EXTERNAL_REF_TAKEN`,
      `A ${this.profile.label} with this externalRef exists`,
      409,
      {
        ...(holderId ? { id: holderId } : {}),
        errors: [{ field: 'externalRef', message: 'is already held by another record' }],
      },
    );
  }

  private notFound(id: string): NotFoundError {
    return new NotFoundError(`${this.profile.code}.NOT_FOUND`, `${this.profile.label} ${id} not found`);
  }

  private async update(
    id: string,
    change: (current: F) => F,
    keepUnmappedTerms: boolean,
    scope?: string,
  ): Promise<StoredProfile<F>> {
    return this.repository.transaction(async (manager) => {
      const row = await this.repository.findForUpdate(manager, id);
      if (!row || !inPartnerScope(row.externalSource, scope)) throw this.notFound(id);
      const current = fieldsOf(this.profile, row);
      const next = withPartnerExternalRef(change(current), scope, current.externalRef);
      this.profile.check?.(next);
      const { values, unmappedTerms } = resolveProfileTerms(next, this.termFields, 'strict');
      await this.claimExternalRef(manager, values.externalRef, row.id);
      const unmapped = keepUnmappedTerms ? [...new Set([...row.unmappedTerms, ...unmappedTerms])] : unmappedTerms;
      if (!applyFields(this.profile, row, values, unmapped)) return toStoredProfile(this.profile, row);
      row.version += 1;
      return this.store(manager, row);
    });
  }

  private async store(manager: EntityManager, row: Row): Promise<StoredProfile<F>> {
    const saved = toStoredProfile(
      this.profile,
      await this.repository.save(manager, row).catch((error: unknown) => {
        // Two writes claiming one externalRef at once: the check above saw neither, the unique index sees both.
        throw isExternalRefViolation(error) ? this.externalRefTaken() : error;
      }),
    );
    await this.outbox.enqueue(manager, [storedEvent(this.profile, saved)]);
    return saved;
  }

  private async remove(manager: EntityManager, row: Row): Promise<void> {
    await this.repository.delete(manager, row.id);
    await this.outbox.enqueue(manager, [removedEvent(this.profile, row.id, row.version + 1)]);
  }
}

const isExternalRefViolation = (error: unknown): boolean => {
  const driverError = (error as { driverError?: { code?: unknown; constraint?: unknown } }).driverError;
  return driverError?.code === '23505' && String(driverError.constraint).endsWith('_external_ref_uq');
};

/** The app's one ProfileWriter, for its kind of profile and the repository storing it. */
export const profileWriterProvider = <F extends ProfileFields, Row extends ProfileEntity>(
  profile: ProfileDefinition<F, Row>,
  repository: Type<ProfileRepository<Row>>,
): Provider => ({
  provide: ProfileWriter,
  inject: [repository, OutboxWriter],
  useFactory: (rows: ProfileRepository<Row>, outbox: OutboxWriter) => new ProfileWriter(profile, rows, outbox),
});
