import { Controller, Headers, type MessageEvent, Post, Query, Sse } from '@nestjs/common';
import type { Observable } from 'rxjs';
import { AcceptsStreamToken, Principal, Roles, StreamTokens, type IssuedStreamToken } from '#platform';
import { MatchesStreamQuery } from './matches-stream.dto.js';
import { ResultsStreamService } from './results-stream.service.js';
import { shortlistEvents } from './shortlist-events.js';

/** Live shortlist changes for dashboards, as server-sent events; like shortlists, not for partner keys. */
@Roles('admin', 'dashboard')
@Controller()
export class MatchesStreamController {
  constructor(
    private readonly results: ResultsStreamService,
    private readonly tokens: StreamTokens,
  ) {}

  /** A browser's way in: a token for `?access_token=` on the stream, valid for a minute, standing for this key. */
  @Post('matches/stream/tokens')
  issueToken(@Principal() principal: Principal): IssuedStreamToken {
    return this.tokens.issue(principal.keyId);
  }

  /** Browsers' EventSource sends `Last-Event-ID` when it reconnects; `?lastEventId=` does the same for a first one. */
  @Sse('matches/stream')
  @AcceptsStreamToken()
  stream(
    @Query() query: MatchesStreamQuery,
    @Headers('last-event-id') lastEventIdHeader?: string,
  ): Observable<MessageEvent> {
    return shortlistEvents(this.results, query.needId, { lastEventId: lastEventIdHeader ?? query.lastEventId });
  }
}
