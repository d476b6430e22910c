import { SetMetadata } from '@nestjs/common';
import type { ApiRole } from './api-key.js';

export const ROUTE_ROLES = 'parkmatch:roles';

/**
 * The roles that may call a route (admin always may). Without it, reads (GET, HEAD) are open to every role and
 * anything else is admin only.
 */
export const Roles = (...roles: ApiRole[]): MethodDecorator & ClassDecorator => SetMetadata(ROUTE_ROLES, roles);
