import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { Principal, Roles, type ApiPrincipal } from '#platform';
import { MatchesService, type MatchItem, type NeedMatches } from './matches.service.js';
import { MatchesPageQuery } from './matches.dto.js';

// Shortlists span every partner's companies: partner keys may not read them.
@Roles('admin', 'dashboard')
@Controller('needs/:needId/matches')
export class MatchesController {
  constructor(private readonly matches: MatchesService) {}

  @Get()
  list(
    @Param('needId', ParseUUIDPipe) needId: string,
    @Query() query: MatchesPageQuery,
    @Principal() principal: ApiPrincipal,
  ): Promise<NeedMatches> {
    return this.matches.forNeed(needId, query, principal.role === 'admin');
  }

  @Get(':companyId')
  pair(
    @Param('needId', ParseUUIDPipe) needId: string,
    @Param('companyId', ParseUUIDPipe) companyId: string,
    @Principal() principal: ApiPrincipal,
  ): Promise<MatchItem> {
    return this.matches.pair(needId, companyId, principal.role === 'admin');
  }
}
