import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { MatchesService, type MatchItem, type NeedMatches } from './matches.service.js';
import { MatchesPageQuery } from './matches.dto.js';

@Controller('needs/:needId/matches')
export class MatchesController {
  constructor(private readonly matches: MatchesService) {}

  @Get()
  list(@Param('needId', ParseUUIDPipe) needId: string, @Query() query: MatchesPageQuery): Promise<NeedMatches> {
    return this.matches.forNeed(needId, query);
  }

  @Get(':companyId')
  pair(
    @Param('needId', ParseUUIDPipe) needId: string,
    @Param('companyId', ParseUUIDPipe) companyId: string,
  ): Promise<MatchItem> {
    return this.matches.pair(needId, companyId);
  }
}
