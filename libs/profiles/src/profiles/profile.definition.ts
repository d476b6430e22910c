import { isDeepStrictEqual } from 'node:util';
import type { CatalogTopic, EventTypeOf, ExternalRef, PayloadOf, StoredEntityFields } from '#contracts';
import type { AnyOutboxEvent } from '#messaging';
import type { TermFields, TermFieldSpec } from '../taxonomy/profile-terms.js';
import type { ProfileEntity } from './profile.entity.js';

/** The writable fields of a kind of profile, as REST bodies and partner events carry them. */
export interface ProfileFields {
  externalRef?: ExternalRef;
}

/** How one writable field is resolved, stored and answered. */
export interface FieldSpec<V> {
  /** The vocabulary its terms resolve against (for a list of records, each record's term fields). */
  readonly terms?: TermFieldSpec<NonNullable<V>>;
  /** Stored when the input leaves the field out. `null` also leaves the field out of answers while it is unset. */
  readonly absent?: readonly [] | null;
  /** The stored form of a given value (an upper-case country code, a date without its time). */
  readonly store?: (value: NonNullable<V>) => unknown;
}

/** One entry per writable field, in the order answers and events list them; the partner reference is common. */
export type FieldSpecs<F extends ProfileFields> = {
  readonly [K in Exclude<keyof F, 'externalRef'>]-?: FieldSpec<F[K]>;
};

/** A stored profile as the API answers it and its state event carries it. */
export type StoredProfile<F extends ProfileFields> = F & StoredEntityFields;

/** The event types of topic T whose payload a P is. */
type EventsCarrying<T extends CatalogTopic, P> = {
  [E in EventTypeOf<T>]: P extends PayloadOf<T, E> ? E : never;
}[EventTypeOf<T>];

/** The entity stream a kind of profile publishes to: its state event, and the event that takes it off the market. */
export type ProfileEvents<F extends ProfileFields> = {
  [T in CatalogTopic]: {
    readonly topic: T;
    readonly stored: EventsCarrying<T, StoredProfile<F>>;
    readonly removed: EventsCarrying<T, { id: string; version: number }>;
  };
}[CatalogTopic];

/**
 * A kind of profile (a company, an R&D need), as data: its fields, the vocabularies of their terms, and its events.
 * The mapping between input, row and answer is derived from the one list of fields.
 */
export interface ProfileDefinition<F extends ProfileFields, Row extends ProfileEntity> {
  /** For messages: `Company`, `R&D need`. */
  readonly label: string;
  /** For error codes: `COMPANY`, `RD_NEED`. */
  readonly code: string;
  readonly entity: new () => Row;
  readonly fields: FieldSpecs<F>;
  /** Checks beyond class-validator's that need the whole profile; throws a DomainError. */
  readonly check?: (fields: F) => void;
  readonly events: ProfileEvents<F>;
  /** Whether a stored profile is on the market (default: always); one that is not is published as removed. */
  readonly listed?: (fields: F) => boolean;
}

type Values = Record<string, unknown>;

const specsOf = (definition: { readonly fields: object }): [string, FieldSpec<unknown>][] =>
  Object.entries(definition.fields as Record<string, FieldSpec<unknown>>);

/** Which vocabulary each term field resolves against. */
export const termFieldsOf = <F extends ProfileFields>(definition: ProfileDefinition<F, ProfileEntity>): TermFields<F> =>
  Object.fromEntries(
    specsOf(definition).flatMap(([name, spec]) => (spec.terms === undefined ? [] : [[name, spec.terms]])),
  ) as TermFields<F>;

/** The writable fields of a stored profile, as an update starts from them. */
export const fieldsOf = <F extends ProfileFields, Row extends ProfileEntity>(
  definition: ProfileDefinition<F, Row>,
  row: Row,
): F => {
  const stored = row as unknown as Values;
  const fields: Values = {};
  for (const [name, spec] of specsOf(definition)) {
    if (spec.absent === null && !stored[name]) continue;
    fields[name] = stored[name];
  }
  if (row.externalSource && row.externalId) fields.externalRef = { source: row.externalSource, id: row.externalId };
  return fields as F;
};

/** A stored profile as the API answers it and its state event carries it. */
export const toStoredProfile = <F extends ProfileFields, Row extends ProfileEntity>(
  definition: ProfileDefinition<F, Row>,
  row: Row,
): StoredProfile<F> => ({
  id: row.id,
  version: row.version,
  ...fieldsOf(definition, row),
  unmappedTerms: row.unmappedTerms,
  createdAt: row.createdAt.toISOString(),
  updatedAt: row.updatedAt.toISOString(),
});

/** Applies resolved fields to a row; returns whether anything the API shows changed. */
export const applyFields = <F extends ProfileFields, Row extends ProfileEntity>(
  definition: ProfileDefinition<F, Row>,
  row: Row,
  fields: F,
  unmappedTerms: string[],
): boolean => {
  const given = fields as Values;
  const next: Values = {};
  for (const [name, spec] of specsOf(definition)) {
    const value = given[name];
    if (value !== undefined && value !== null) next[name] = spec.store ? spec.store(value) : value;
    else next[name] = Array.isArray(spec.absent) ? [] : spec.absent;
  }
  next.externalSource = fields.externalRef?.source ?? null;
  next.externalId = fields.externalRef?.id ?? null;
  next.unmappedTerms = unmappedTerms;
  const stored = row as unknown as Values;
  const changed = Object.keys(next).some((key) => !isDeepStrictEqual(stored[key], next[key]));
  Object.assign(row, next);
  return changed;
};

/** The event a stored profile publishes: itself whole while listed, else its removal at the version it reached. */
export const storedEvent = <F extends ProfileFields>(
  definition: ProfileDefinition<F, ProfileEntity>,
  saved: StoredProfile<F>,
): AnyOutboxEvent =>
  definition.listed?.(saved) === false
    ? removedEvent(definition, saved.id, saved.version)
    : ({
        topic: definition.events.topic,
        type: definition.events.stored,
        key: saved.id,
        payload: saved,
        entityVersion: saved.version,
      } as AnyOutboxEvent);

/** The event that takes a profile off the market, with the version it reached. */
export const removedEvent = (
  definition: { readonly events: { readonly topic: CatalogTopic; readonly removed: string } },
  id: string,
  version: number,
): AnyOutboxEvent =>
  ({
    topic: definition.events.topic,
    type: definition.events.removed,
    key: id,
    payload: { id, version },
    entityVersion: version,
  }) as AnyOutboxEvent;
