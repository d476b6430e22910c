import { describe, expect, it } from '@jest/globals';
import { inPartnerScope, withPartnerExternalRef } from './partner-scope.js';

describe('partner scope', () => {
  it('puts every record in scope without a partner, and only its own source with one', () => {
    expect(inPartnerScope('ukbia', undefined)).toBe(true);
    expect(inPartnerScope(null, undefined)).toBe(true);
    expect(inPartnerScope('ukbia', 'ukbia')).toBe(true);
    expect(inPartnerScope('bvh', 'ukbia')).toBe(false);
    expect(inPartnerScope(null, 'ukbia')).toBe(false);
  });

  it("ties a partner's writes to its source", () => {
    type Fields = { name?: string; externalRef?: { source: string; id: string } };
    const scoped = (fields: Fields, scope?: string, current?: Fields['externalRef']) =>
      withPartnerExternalRef(fields, scope, current);
    expect(scoped({ name: 'a' }, undefined)).toEqual({ name: 'a' });
    expect(scoped({ name: 'a' }, 'ukbia')).toEqual({
      name: 'a',
      externalRef: { source: 'ukbia', id: expect.any(String) },
    });
    expect(scoped({ name: 'a' }, 'ukbia', { source: 'ukbia', id: '7' }).externalRef).toEqual({
      source: 'ukbia',
      id: '7',
    });
    expect(() => scoped({ externalRef: { source: 'bvh', id: '1' } }, 'ukbia')).toThrow(
      expect.objectContaining({ status: 403 }),
    );
  });
});
