import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { RdNeedUpsertedV1 } from '#contracts';
import { TransactionOutcomes, type TransactionOutcome } from '#platform';
import { DecisionsRepository, type Decline } from '../decisions/decisions.repository.js';
import { ProjectionsRepository } from '../projections/projections.repository.js';
import { ShortlistsRepository, type VersionedShortlistRow } from './shortlists.repository.js';

/** What matching ranks against, as committed: the open needs, their shortlists, and the declines by need. */
interface Committed {
  readonly needs: Map<string, RdNeedUpsertedV1>;
  readonly shortlists: Map<string, readonly VersionedShortlistRow[]>;
  /** need → company → the company version the decline was made on. */
  readonly declines: Map<string, Map<string, number>>;
}

/** The holder's changes, applied to the committed state only once its transaction commits; null means removed. */
interface Staged {
  readonly needs: Map<string, RdNeedUpsertedV1 | null>;
  readonly shortlists: Map<string, readonly VersionedShortlistRow[]>;
  readonly declines: Map<string, Map<string, number | null>>;
  /** The committed state was loaded in this transaction, which may have seen its own uncommitted writes. */
  loadedHere: boolean;
  /** The shortlist generation this transaction took. */
  generation: number;
}

/** How often a waiter checks whether the holder's connection went away without its transaction ending. */
const HOLDER_CHECK_MS = 250;

/**
 * Matching's open needs, shortlists and standing declines in memory, so a profile event ranks without reading them
 * again. One transaction at a time holds it, from {@link enter} until it ends; its changes are staged and become
 * the committed state only if it commits, so memory is never ahead of the database. Each holder takes the next
 * shortlist generation under the database's lock: a gap means another process changed shortlists, and memory is
 * loaded again. Any end it cannot account for
 * (a failed commit, a rollback to a savepoint, a load inside a transaction that rolled back) drops the state, and
 * the next holder loads it again from the projections.
 */
@Injectable()
export class ShortlistMemory {
  private committed: Committed | undefined;
  /** The shortlist generation the committed state is current at. */
  private generation = 0;
  private holder: EntityManager['queryRunner'];
  private staged: Staged | undefined;
  private readonly waiting = new Set<() => void>();

  constructor(
    private readonly outcomes: TransactionOutcomes,
    private readonly projections: ProjectionsRepository,
    private readonly shortlists: ShortlistsRepository,
    private readonly decisions: DecisionsRepository,
  ) {}

  /**
   * Makes `manager`'s transaction the holder (waiting for the current one to end) and takes the database's
   * shortlist lock for other processes. Entering again in the same transaction is free.
   */
  async enter(manager: EntityManager): Promise<void> {
    const runner = manager.queryRunner;
    if (!runner?.isTransactionActive) throw new Error('ShortlistMemory.enter needs a manager inside a transaction');
    if (this.holder === runner) return;
    while (this.holder !== undefined) await this.holderEnds();
    this.holder = runner;
    this.staged = { needs: new Map(), shortlists: new Map(), declines: new Map(), loadedHere: false, generation: 0 };
    this.outcomes.onEnd(manager, (outcome) => this.release(outcome));
    await this.shortlists.lockForUpdate(manager);
    this.staged.generation = await this.shortlists.nextGeneration(manager);
    // Another process (or this one, outside memory) changed shortlists since: what memory holds may be stale.
    if (this.staged.generation !== this.generation + 1) this.committed = undefined;
    if (this.committed === undefined) {
      this.staged.loadedHere = true;
      this.committed = await this.load(manager);
    }
  }

  openNeeds(): RdNeedUpsertedV1[] {
    const { committed, staged } = this.held();
    const needs = [...committed.needs.values()].filter((need) => !staged.needs.has(need.id));
    for (const need of staged.needs.values()) if (need !== null) needs.push(need);
    return needs;
  }

  shortlist(needId: string): readonly VersionedShortlistRow[] {
    const { committed, staged } = this.held();
    return staged.shortlists.get(needId) ?? committed.shortlists.get(needId) ?? [];
  }

  /** The open needs whose shortlist lists `companyId`. */
  needsListing(companyId: string): string[] {
    return this.openNeeds()
      .map((need) => need.id)
      .filter((needId) => this.shortlist(needId).some((row) => row.companyId === companyId));
  }

  /**
   * Standing declines per need: a decline lapses once the company has a newer version than the one it was made on
   * (`versionOf`, undefined for a company no longer active, whose declines stand).
   */
  declined(needIds: readonly string[], versionOf: (companyId: string) => number | undefined): Map<string, Set<string>> {
    const { committed, staged } = this.held();
    const byNeed = new Map<string, Set<string>>();
    for (const needId of needIds) {
      const decided = new Map(committed.declines.get(needId));
      for (const [companyId, version] of staged.declines.get(needId) ?? []) {
        if (version === null) decided.delete(companyId);
        else decided.set(companyId, version);
      }
      const standing = [...decided].filter(([companyId, version]) => (versionOf(companyId) ?? 0) <= version);
      if (standing.length > 0) byNeed.set(needId, new Set(standing.map(([companyId]) => companyId)));
    }
    return byNeed;
  }

  openNeed(need: RdNeedUpsertedV1): void {
    this.held().staged.needs.set(need.id, need);
  }

  closeNeed(needId: string): void {
    const { staged } = this.held();
    staged.needs.set(needId, null);
    staged.shortlists.set(needId, []);
  }

  /** The shortlist as just written. */
  replaceShortlist(needId: string, rows: readonly VersionedShortlistRow[]): void {
    this.held().staged.shortlists.set(needId, rows);
  }

  /** A decline made on `companyVersion`, or, with null, a decision that is not a decline. */
  decide(needId: string, companyId: string, declinedVersion: number | null): void {
    const { staged } = this.held();
    const forNeed = staged.declines.get(needId) ?? new Map<string, number | null>();
    forNeed.set(companyId, declinedVersion);
    staged.declines.set(needId, forNeed);
  }

  private held(): { committed: Committed; staged: Staged } {
    if (this.committed === undefined || this.staged === undefined) {
      throw new Error('ShortlistMemory is read or changed outside the transaction that entered it');
    }
    return { committed: this.committed, staged: this.staged };
  }

  private async load(manager: EntityManager): Promise<Committed> {
    const needs = await this.projections.openNeeds(manager);
    const [shortlists, declines] = await Promise.all([
      this.shortlists.forNeeds(
        manager,
        needs.map((need) => need.id),
      ),
      this.decisions.declines(manager),
    ]);
    return { needs: new Map(needs.map((need) => [need.id, need])), shortlists, declines: byNeed(declines) };
  }

  private release(outcome: TransactionOutcome): void {
    const { committed, staged } = this;
    if (committed !== undefined && staged !== undefined && outcome === 'committed') apply(committed, staged);
    else if (outcome === 'unknown' || staged?.loadedHere) this.committed = undefined;
    // Taken whether or not the transaction committed: a rolled-back one changed nothing memory holds.
    if (staged !== undefined) this.generation = staged.generation;
    this.holder = undefined;
    this.staged = undefined;
    for (const wake of this.waiting) wake();
  }

  private holderEnds(): Promise<void> {
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(check);
        this.waiting.delete(done);
        resolve();
      };
      const check = setTimeout(() => {
        this.outcomes.sweep();
        done();
      }, HOLDER_CHECK_MS);
      this.waiting.add(done);
    });
  }
}

const byNeed = (declines: readonly Decline[]): Map<string, Map<string, number>> => {
  const result = new Map<string, Map<string, number>>();
  for (const { needId, companyId, companyVersion } of declines) {
    const forNeed = result.get(needId) ?? new Map<string, number>();
    forNeed.set(companyId, companyVersion);
    result.set(needId, forNeed);
  }
  return result;
};

const apply = (committed: Committed, staged: Staged): void => {
  for (const [id, need] of staged.needs) {
    if (need === null) committed.needs.delete(id);
    else committed.needs.set(id, need);
  }
  for (const [needId, rows] of staged.shortlists) {
    if (rows.length === 0) committed.shortlists.delete(needId);
    else committed.shortlists.set(needId, rows);
  }
  for (const [needId, decisions] of staged.declines) {
    const forNeed = committed.declines.get(needId) ?? new Map<string, number>();
    for (const [companyId, version] of decisions) {
      if (version === null) forNeed.delete(companyId);
      else forNeed.set(companyId, version);
    }
    if (forNeed.size > 0) committed.declines.set(needId, forNeed);
    else committed.declines.delete(needId);
  }
};
