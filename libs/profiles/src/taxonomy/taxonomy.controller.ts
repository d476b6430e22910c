import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import type { Request } from 'express';
import {
  ResolveTermsDto,
  type ResolveTermsResponse,
  type TaxonomyCatalogue,
  type VocabularyDetail,
} from './taxonomy.dto.js';
import { RateCost, Roles } from '#platform';
import { TaxonomyService } from './taxonomy.service.js';

/** Resolving is the costliest read: a request spends one unit of the key's rate limit plus one per five terms. */
export const resolveCost = (request: Request): number => {
  const terms = (request.body as { terms?: unknown } | undefined)?.terms;
  return 1 + (Array.isArray(terms) ? Math.ceil(terms.length / 5) : 0);
};

/** The controlled vocabularies, served read-only by every service that accepts vocabulary fields. */
@Controller('taxonomy')
export class TaxonomyController {
  constructor(private readonly taxonomy: TaxonomyService) {}

  @Get()
  catalogue(): TaxonomyCatalogue {
    return this.taxonomy.catalogue();
  }

  @Get(':name')
  vocabulary(@Param('name') name: string): VocabularyDetail {
    return this.taxonomy.vocabulary(name);
  }

  /** A lookup, not a creation: 200. */
  @Post('resolve')
  @HttpCode(200)
  @Roles('admin', 'partner', 'dashboard')
  @RateCost(resolveCost)
  resolve(@Body() body: ResolveTermsDto): ResolveTermsResponse {
    return { results: this.taxonomy.resolve(body.terms, body.vocabulary) };
  }
}
