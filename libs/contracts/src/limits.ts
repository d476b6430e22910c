import { ArrayMaxSize, IsArray, IsString, MaxLength } from 'class-validator';

export const MAX_TERMS_PER_FIELD = 50;
export const MAX_TERM_LENGTH = 200;
export const MAX_ASSETS_PER_COMPANY = 50;
export const MAX_CODES_PER_ASSET = 20;
export const MAX_ASSET_CODE_LENGTH = 100;

/** A list of vocabulary terms as sent by a client: ids, labels (English or Chinese) or synonyms. */
export const IsTermList =
  (): PropertyDecorator =>
  (target, property): void => {
    for (const decorate of [
      IsArray(),
      ArrayMaxSize(MAX_TERMS_PER_FIELD),
      IsString({ each: true }),
      MaxLength(MAX_TERM_LENGTH, { each: true }),
    ]) {
      decorate(target, property);
    }
  };
