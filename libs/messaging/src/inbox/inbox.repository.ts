import type { EntityManager } from 'typeorm';
import { InboxEntryEntity } from './inbox-entry.entity.js';

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
  return result.raw.length > 0;
};
