import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import type { Language } from '#engine';
import { Principal, Roles, type ApiPrincipal } from '#platform';
import { MatchesService, type MatchItem, type NeedMatches } from './matches.service.js';
import { MatchesPageQuery } from './matches.dto.js';
import { AnswersInLanguage, LanguageQuery, ResponseLanguage } from './response-language.js';

// Shortlists span every partner's companies: partner keys may not read them.
@Roles('admin', 'dashboard')
@Controller('needs/:needId/matches')
export class MatchesController {
  constructor(private readonly matches: MatchesService) {}

  @Get()
  @AnswersInLanguage()
  list(
    @Param('needId', ParseUUIDPipe) needId: string,
    @Query() query: MatchesPageQuery,
    @Principal() principal: ApiPrincipal,
    @ResponseLanguage() language: Language,
  ): Promise<NeedMatches> {
    return this.matches.forNeed(needId, query, principal.role === 'admin', language);
  }

  @Get(':companyId')
  @AnswersInLanguage()
  pair(
    @Param('needId', ParseUUIDPipe) needId: string,
    @Param('companyId', ParseUUIDPipe) companyId: string,
    @Query() _query: LanguageQuery,
    @Principal() principal: ApiPrincipal,
    @ResponseLanguage() language: Language,
  ): Promise<MatchItem> {
    return this.matches.pair(needId, companyId, principal.role === 'admin', language);
  }
}
