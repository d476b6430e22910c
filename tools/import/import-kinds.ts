import { getMetadataStorage } from 'class-validator';
import { CompanyProfileFields, RdNeedFields } from '#contracts';
import { termFieldsOf } from '#profiles';
import { COMPANY_PROFILE } from '../../apps/companies/src/companies/company.profile.js';
import { RD_NEED_PROFILE } from '../../apps/rd-needs/src/needs/rd-need.profile.js';
import type { ColumnKinds, ImportKind, TermFieldMap } from './import-file.js';

/** What the import needs to know of one kind of profile: its REST path, its fields and the class validating them. */
export interface ImportTarget {
  readonly kind: ImportKind;
  /** The collection's path on its service. */
  readonly path: string;
  readonly columns: ColumnKinds;
  readonly termFields: TermFieldMap;
  readonly fieldsClass: new () => object;
  /** Values a row may leave out; the API requires them. */
  readonly defaults: Readonly<Record<string, unknown>>;
}

/**
 * How each field's cells are read, taken from the contract's validation decorators so the two cannot differ: an
 * array of records or an object is JSON, an array is a `;`-separated list, a boolean is true/false.
 */
const columnKindsOf = (fieldsClass: new () => object): ColumnKinds => {
  const metadata = getMetadataStorage().getTargetValidationMetadatas(fieldsClass, '', true, false);
  const has = (field: string, name: string): boolean =>
    metadata.some((entry) => entry.propertyName === field && (entry.name === name || entry.type === name));
  const fields = [...new Set(metadata.map((entry) => entry.propertyName))];
  return {
    json: fields.filter((field) => has(field, 'nestedValidation') || has(field, 'isObject')),
    lists: fields.filter((field) => has(field, 'isArray') && !has(field, 'nestedValidation')),
    booleans: fields.filter((field) => has(field, 'isBoolean')),
  };
};

export const IMPORT_TARGETS: Readonly<Record<ImportKind, ImportTarget>> = {
  companies: {
    kind: 'companies',
    path: '/companies',
    columns: columnKindsOf(CompanyProfileFields),
    termFields: termFieldsOf(COMPANY_PROFILE) as TermFieldMap,
    fieldsClass: CompanyProfileFields,
    defaults: {},
  },
  needs: {
    kind: 'needs',
    path: '/needs',
    columns: columnKindsOf(RdNeedFields),
    termFields: termFieldsOf(RD_NEED_PROFILE) as TermFieldMap,
    fieldsClass: RdNeedFields,
    // A need from a spreadsheet is posted to the market unless the sheet says otherwise.
    defaults: { status: 'open' },
  },
};
