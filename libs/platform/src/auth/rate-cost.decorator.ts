import { SetMetadata } from '@nestjs/common';
import type { Request } from 'express';

export const RATE_COST = 'parkmatch:rate-cost';

/** What one request to a route costs of its key's rate limit: a number, or one computed from the parsed request. */
export type RateCostOf = number | ((request: Request) => number);

/** Marks an expensive route: each request spends `cost` units of the key's budget instead of one. */
export const RateCost = (cost: RateCostOf): MethodDecorator & ClassDecorator => SetMetadata(RATE_COST, cost);

/** The route's cost for this request, at least 1. */
export const rateCostOf = (cost: RateCostOf | undefined, request: Request): number => {
  const units = typeof cost === 'function' ? cost(request) : (cost ?? 1);
  return Number.isFinite(units) ? Math.max(1, Math.ceil(units)) : 1;
};
