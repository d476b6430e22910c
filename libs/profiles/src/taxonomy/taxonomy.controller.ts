import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import {
  ResolveTermsDto,
  type ResolveTermsResponse,
  type TaxonomyCatalogue,
  type VocabularyDetail,
} from './taxonomy.dto.js';
import { Roles } from '#platform';
import { TaxonomyService } from './taxonomy.service.js';

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
  resolve(@Body() body: ResolveTermsDto): ResolveTermsResponse {
    return { results: this.taxonomy.resolve(body.terms, body.vocabulary) };
  }
}
