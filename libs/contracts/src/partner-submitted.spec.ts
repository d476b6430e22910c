import { describe, expect, it } from '@jest/globals';
import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { CompanyProfileSubmittedV1 } from './company-profile-submitted.v1.js';
import {
  EXAMPLE_COMPANY_PROFILE,
  EXAMPLE_EXTERNAL_REF,
  EXAMPLE_NEED_EXTERNAL_REF,
  EXAMPLE_RD_NEED,
} from './examples.js';
import { RdNeedSubmittedV1 } from './rd-need-submitted.v1.js';

const invalidFields = (target: new () => object, value: object): string[] =>
  validateSync(plainToInstance(target, value)).map((error) => error.property);

describe('partner submissions', () => {
  it.each([
    { event: CompanyProfileSubmittedV1, fields: EXAMPLE_COMPANY_PROFILE, externalRef: EXAMPLE_EXTERNAL_REF },
    { event: RdNeedSubmittedV1, fields: EXAMPLE_RD_NEED, externalRef: EXAMPLE_NEED_EXTERNAL_REF },
  ])(
    '$event.name needs externalRef, although the fields it extends leave it optional',
    ({ event, fields, externalRef }) => {
      expect(invalidFields(event, { ...fields, externalRef })).toEqual([]);
      expect(invalidFields(event, fields)).toEqual(['externalRef']);
      expect(invalidFields(event, { ...fields, externalRef: null })).toEqual(['externalRef']);
    },
  );
});
