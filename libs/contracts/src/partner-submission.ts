import { Type } from 'class-transformer';
import { IsDefined, ValidateIf, ValidateNested } from 'class-validator';
import { ExternalRef } from './company-profile.shape.js';

/**
 * A partner submission's `externalRef`: required, although the fields the submission extends leave it optional. The
 * `ValidateIf` replaces the inherited @IsOptional: class-validator keeps a subclass's rule of a kind over its base's,
 * and while an optional rule stands, @IsDefined is skipped and a submission without externalRef would pass validation.
 */
export const IsRequiredExternalRef =
  (): PropertyDecorator =>
  (target, property): void => {
    // Bottom first, as stacked decorators apply.
    for (const decorate of [Type(() => ExternalRef), ValidateNested(), IsDefined(), ValidateIf(() => true)]) {
      decorate(target, property);
    }
  };
