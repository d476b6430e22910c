import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { Roles } from '#platform';
import { CompanyMatchesService, type CompanyMatches } from './company-matches.service.js';
import { MatchesPageQuery } from './matches.dto.js';

// Like shortlists, rankings are for the park's team: partner keys may not read them.
@Roles('admin', 'dashboard')
@Controller('companies/:companyId/matches')
export class CompanyMatchesController {
  constructor(private readonly companyMatches: CompanyMatchesService) {}

  @Get()
  list(
    @Param('companyId', ParseUUIDPipe) companyId: string,
    @Query() query: MatchesPageQuery,
  ): Promise<CompanyMatches> {
    return this.companyMatches.forCompany(companyId, query);
  }
}
