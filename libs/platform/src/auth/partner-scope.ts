import { randomUUID } from 'node:crypto';
import type { ExternalRef } from '#contracts';
import { ForbiddenError } from './auth.errors.js';

/** A record is in a partner's scope when its external source is the partner's; without a scope, every record is. */
export const inPartnerScope = (recordSource: string | null | undefined, scope: string | undefined): boolean =>
  scope === undefined || recordSource === scope;

/**
 * The fields a partner writes, tied to its source: an absent externalRef becomes the record's current one (or a new
 * one of the partner's source), another source's is a 403. Without a scope the fields pass unchanged.
 */
export const withPartnerExternalRef = <F extends { externalRef?: ExternalRef }>(
  fields: F,
  scope: string | undefined,
  current?: ExternalRef,
): F => {
  if (scope === undefined) return fields;
  if (!fields.externalRef) return { ...fields, externalRef: current ?? { source: scope, id: randomUUID() } };
  if (fields.externalRef.source !== scope) {
    throw new ForbiddenError(`This key writes records of source "${scope}" only (externalRef.source)`);
  }
  return fields;
};
