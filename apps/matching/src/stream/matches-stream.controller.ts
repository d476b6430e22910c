import { Controller, Headers, type MessageEvent, Query, Sse } from '@nestjs/common';
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

  /** Browsers' EventSource sends `Last-Event-ID` when it reconnects; `?lastEventId=` does the same for a first one. */
  @Sse('matches/stream')
  stream(
    @Query() query: MatchesStreamQuery,
    @Headers('last-event-id') lastEventIdHeader?: string,
  ): Observable<MessageEvent> {
    return shortlistEvents(this.results, query.needId, { lastEventId: lastEventIdHeader ?? query.lastEventId });
  }
}
