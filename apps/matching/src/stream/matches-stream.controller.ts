import { Controller, type MessageEvent, Query, Sse } from '@nestjs/common';
import type { Observable } from 'rxjs';
import { Roles } from '#platform';
import { MatchesStreamQuery } from './matches-stream.dto.js';
import { ResultsStreamService } from './results-stream.service.js';
import { shortlistEvents } from './shortlist-events.js';

/** Live shortlist changes for dashboards, as server-sent events; like shortlists, not for partner keys. */
@Roles('admin', 'dashboard')
@Controller()
export class MatchesStreamController {
  constructor(private readonly results: ResultsStreamService) {}

  @Sse('matches/stream')
  stream(@Query() query: MatchesStreamQuery): Observable<MessageEvent> {
    return shortlistEvents(this.results, query.needId);
  }
}
