import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { Principal, Roles, type ApiPrincipal } from '#platform';
import type { DecisionView } from '../decisions/decision.dto.js';
import { RecordDecisionDto } from '../decisions/decision.dto.js';
import { DecisionsService } from './decisions.service.js';

@Roles('admin')
@Controller('needs/:needId/matches/:companyId/decision')
export class DecisionsController {
  constructor(private readonly decisions: DecisionsService) {}

  @Post()
  @HttpCode(200)
  record(
    @Param('needId', ParseUUIDPipe) needId: string,
    @Param('companyId', ParseUUIDPipe) companyId: string,
    @Body() body: RecordDecisionDto,
    @Principal() principal: ApiPrincipal,
  ): Promise<DecisionView> {
    return this.decisions.record(needId, companyId, body, `${principal.role}:${principal.keyId}`);
  }
}
