import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import type { Language } from '#engine';
import { Roles } from '#platform';
import { CompanyMatchesService, type CompanyMatches } from './company-matches.service.js';
import { MatchesPageQuery } from './matches.dto.js';
import { AnswersInLanguage, ResponseLanguage } from './response-language.js';

// Like shortlists, rankings are for the park's team: partner keys may not read them.
@Roles('admin', 'dashboard')
@Controller('companies/:companyId/matches')
export class CompanyMatchesController {
  constructor(private readonly companyMatches: CompanyMatchesService) {}

  @Get()
  @AnswersInLanguage()
  list(
    @Param('companyId', ParseUUIDPipe) companyId: string,
    @Query() query: MatchesPageQuery,
    @ResponseLanguage() language: Language,
  ): Promise<CompanyMatches> {
    return this.companyMatches.forCompany(companyId, query, language);
  }
}
