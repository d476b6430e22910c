import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { ApiPrincipal } from './api-key.js';

/** The authenticated caller (`@Principal() principal: Principal`). */
export type Principal = ApiPrincipal;

export interface AuthenticatedRequest {
  principal?: ApiPrincipal;
}

/** The caller the API key guard authenticated; undefined only on public routes. */
export const Principal = createParamDecorator(
  (_data: unknown, context: ExecutionContext): ApiPrincipal | undefined =>
    context.switchToHttp().getRequest<AuthenticatedRequest>().principal,
);

/** The partner source a caller is confined to; undefined for admin and dashboard keys, which see every source. */
export const partnerScopeOf = (principal: ApiPrincipal | undefined): string | undefined =>
  principal?.role === 'partner' ? principal.source : undefined;
