import 'reflect-metadata';
import { describe, expect, it } from '@jest/globals';
import { TOPICS } from '#contracts';
import { applyFields, fieldsOf, storedEvent, termFieldsOf, toStoredProfile } from '#profiles';
import { anRdNeed } from '../../../../test/factories/rd-need.factory.js';
import { RdNeedEntity } from './rd-need.entity.js';
import { RD_NEED_PROFILE } from './rd-need.profile.js';

const stored = (row: RdNeedEntity): RdNeedEntity =>
  Object.assign(row, {
    id: '6f1c7a52-47a4-4d55-9b0c-3f4e2f6c9a10',
    version: 1,
    createdAt: new Date(0),
    updatedAt: new Date(0),
  });

describe('the R&D need profile', () => {
  it('resolves the term fields against their vocabularies, capabilities for both must- and nice-to-have', () => {
    expect(termFieldsOf(RD_NEED_PROFILE)).toEqual({
      therapeuticAreas: 'therapeuticAreas',
      targets: 'targets',
      modalities: 'modalities',
      stages: 'developmentStages',
      sectors: 'sectors',
      mustHave: 'capabilities',
      niceToHave: 'capabilities',
      collaborationTypes: 'collaborationTypes',
      offering: 'offerings',
      preferredPartnerNetworks: 'partnerNetworks',
    });
  });

  it('stores a deadline without its time, absent targets as [], absent weights and deadline as null', () => {
    const row = new RdNeedEntity();
    applyFields(RD_NEED_PROFILE, row, anRdNeed({ deadline: '2027-03-31T12:00:00Z' }), []);
    expect(row).toMatchObject({ deadline: '2027-03-31', targets: [], weights: null, externalSource: null });
    applyFields(RD_NEED_PROFILE, row, anRdNeed(), []);
    expect(row.deadline).toBeNull();
  });

  it('answers without the unset optional fields and with the partner reference, and reads back what it stored', () => {
    const fields = anRdNeed({ externalRef: { source: 'ukbia', id: 'N-1' } });
    const row = stored(new RdNeedEntity());
    applyFields(RD_NEED_PROFILE, row, fields, ['unknown term']);
    const answer = toStoredProfile(RD_NEED_PROFILE, row);
    expect(answer).not.toHaveProperty('deadline');
    expect(answer).not.toHaveProperty('weights');
    expect(answer).toMatchObject({ externalRef: { source: 'ukbia', id: 'N-1' }, unmappedTerms: ['unknown term'] });
    expect(fieldsOf(RD_NEED_PROFILE, row)).toEqual({ ...fields, targets: [] });
  });

  it('sees no change when the same fields are applied again, and a change when one differs', () => {
    const row = new RdNeedEntity();
    const fields = anRdNeed({ weights: { therapeuticArea: 2 } });
    expect(applyFields(RD_NEED_PROFILE, row, fields, [])).toBe(true);
    expect(applyFields(RD_NEED_PROFILE, row, { ...fields }, [])).toBe(false);
    expect(applyFields(RD_NEED_PROFILE, row, { ...fields, priority: 'low' as const }, [])).toBe(true);
  });

  it('publishes an open need whole and a closed one as RdNeedClosed at the version it reached', () => {
    const row = stored(new RdNeedEntity());
    applyFields(RD_NEED_PROFILE, row, anRdNeed(), []);
    expect(storedEvent(RD_NEED_PROFILE, toStoredProfile(RD_NEED_PROFILE, row))).toMatchObject({
      topic: TOPICS.rdNeeds,
      type: 'RdNeedUpserted',
      key: row.id,
      entityVersion: 1,
    });
    applyFields(RD_NEED_PROFILE, row, anRdNeed({ status: 'closed' }), []);
    expect(storedEvent(RD_NEED_PROFILE, toStoredProfile(RD_NEED_PROFILE, row))).toEqual({
      topic: TOPICS.rdNeeds,
      type: 'RdNeedClosed',
      key: row.id,
      payload: { id: row.id, version: 1 },
      entityVersion: 1,
    });
  });
});
