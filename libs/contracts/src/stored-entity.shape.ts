import { IsInt, IsISO8601, IsUUID, Min } from 'class-validator';
import { IsTermList } from './limits.js';

/** What every stored aggregate adds to its writable fields. */
export interface StoredEntityFields {
  id: string;
  version: number;
  createdAt: string;
  updatedAt: string;
  unmappedTerms: string[];
}

/** Validation of the stored-aggregate fields, applied to a state event's payload class by `withStoredFields`. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- TypeScript requires `any[]` for mixin constructors
type Constructor<T = object> = new (...args: any[]) => T;

export const withStoredFields = <TBase extends Constructor>(Base: TBase) => {
  class Stored extends Base implements StoredEntityFields {
    @IsUUID()
    id!: string;

    @IsInt()
    @Min(1)
    version!: number;

    @IsISO8601()
    createdAt!: string;

    @IsISO8601()
    updatedAt!: string;

    @IsTermList()
    unmappedTerms!: string[];
  }
  return Stored;
};
