import type { EntityManager } from 'typeorm';
import type { ExternalRef } from '#contracts';
import { InboxEntryEntity } from './inbox-entry.entity.js';
import { InboxVersionEntity } from './inbox-version.entity.js';

/**
 * Records that `consumer` handled `eventId`, inside the caller's transaction.
 * Returns false when it already had: the caller then skips its effects.
 */
export const claimInboxEntry = async (manager: EntityManager, consumer: string, eventId: string): Promise<boolean> => {
  const result = await manager
    .createQueryBuilder()
    .insert()
    .into(InboxEntryEntity)
    .values({ consumer, eventId })
    .orIgnore()
    .returning(['eventId'])
    .execute();
  return (result.raw as unknown[]).length > 0;
};

/**
 * Records that `consumer` handled each of `eventIds` with one statement, inside the caller's transaction.
 * Returns those of `eventIds` it had not handled before (as spelled there; Postgres answers uuids in lower case).
 */
export const claimInboxEntries = async (
  manager: EntityManager,
  consumer: string,
  eventIds: readonly string[],
): Promise<Set<string>> => {
  if (eventIds.length === 0) return new Set();
  const table = manager.getRepository(InboxEntryEntity).metadata.tablePath;
  const rows: { event_id: string }[] = await manager.query(
    `INSERT INTO ${table} (consumer, event_id) SELECT $1, id FROM unnest($2::uuid[]) AS claimed(id)
     ON CONFLICT DO NOTHING RETURNING event_id`,
    [consumer, [...new Set(eventIds)]],
  );
  const claimed = new Set(rows.map((row) => row.event_id));
  return new Set(eventIds.filter((eventId) => claimed.has(eventId.toLowerCase())));
};

/** Undoes claims made in the caller's transaction for events it leaves to a later one. */
export const releaseInboxEntries = async (
  manager: EntityManager,
  consumer: string,
  eventIds: readonly string[],
): Promise<void> => {
  const table = manager.getRepository(InboxEntryEntity).metadata.tablePath;
  await manager.query(`DELETE FROM ${table} WHERE consumer = $1 AND event_id = ANY($2::uuid[])`, [consumer, eventIds]);
};

/**
 * Records that `consumer` applies `version` of `entityKey`, inside the caller's transaction (row-locked until it ends).
 * Returns false when it already applied that version or a newer one: the event is stale and the caller skips it.
 */
export const claimEntityVersion = async (
  manager: EntityManager,
  consumer: string,
  entityKey: string,
  version: number,
): Promise<boolean> => {
  const table = manager.getRepository(InboxVersionEntity).metadata.tablePath;
  const rows: unknown[] = await manager.query(
    `INSERT INTO ${table} AS applied (consumer, entity_key, version) VALUES ($1, $2, $3)
     ON CONFLICT (consumer, entity_key) DO UPDATE SET version = EXCLUDED.version WHERE applied.version < EXCLUDED.version
     RETURNING version`,
    [consumer, entityKey, version],
  );
  return rows.length > 0;
};

/** The entity key of a partner's record: its source and its id there, unambiguous whatever characters they hold. */
export const partnerEntityKey = (externalRef: ExternalRef): string =>
  JSON.stringify([externalRef.source, externalRef.id]);
