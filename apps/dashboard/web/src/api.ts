// Every call the dashboard makes, in one place, so the typed client (libs/client) can replace it. The page talks to
// its own origin: the dashboard server forwards /api/<service>/… to each service.

export type Language = 'en' | 'zh';

export interface RdNeed {
  id: string;
  title: string;
  status: 'open' | 'closed';
  priority?: string;
  therapeuticAreas?: string[];
}

export interface CriterionExplained {
  criterion: string;
  score: number;
  weight: number;
  contribution: number;
  explanation: string;
}

export interface Decision {
  decision: MatchDecision;
  reason?: DecisionReason;
  note?: string;
  decidedBy: string;
  decidedAt: string;
}

export interface MatchItem {
  companyId: string;
  companyName: string;
  rank: number | null;
  score: number;
  eligible: boolean;
  breakdown: CriterionExplained[];
  unmetRequirements: string[];
  decision?: Decision;
}

export interface NeedMatches {
  needId: string;
  algorithmVersion: string;
  computedAt: string | null;
  total: number;
  matches: MatchItem[];
}

export const MATCH_DECISIONS = ['shortlisted', 'accepted', 'declined'] as const;
export type MatchDecision = (typeof MATCH_DECISIONS)[number];
export const DECISION_REASONS = [
  'too-early-stage',
  'not-relevant',
  'competitor-conflict',
  'capacity',
  'other',
] as const;
export type DecisionReason = (typeof DECISION_REASONS)[number];

export type RematchStatus = 'queued' | 'running' | 'completed' | 'failed' | 'cancelled';
export const FINISHED_REMATCH: readonly RematchStatus[] = ['completed', 'failed', 'cancelled'];

export interface RematchJob {
  id: string;
  status: RematchStatus;
  progress: { done: number; total: number };
  shortlistsChanged: number;
  error: string | null;
}

/** One `shortlist-updated` event of the stream: ids and ranks only (labels come from the REST routes). */
export interface ShortlistChange {
  needId: string;
  added: { companyId: string }[];
  removed: { companyId: string }[];
  moved: { companyId: string }[];
}

/** A non-2xx answer, with the service's error body `{statusCode, code, message}`. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string | undefined,
    message: string,
  ) {
    super(message);
  }
}

export class DashboardApi {
  constructor(private readonly apiKey: string) {}

  private async call<T>(service: 'rd-needs' | 'matching', pathAndQuery: string, body?: unknown): Promise<T> {
    const response = await fetch(`/api/${service}${pathAndQuery}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: {
        authorization: `Bearer ${this.apiKey}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const answer = (await response.json().catch(() => null)) as { code?: string; message?: string } | null;
    if (!response.ok) throw new ApiError(response.status, answer?.code, answer?.message ?? response.statusText);
    return answer as T;
  }

  async openNeeds(): Promise<RdNeed[]> {
    const page = await this.call<{ items: RdNeed[] }>('rd-needs', '/needs?status=open&limit=200');
    return page.items;
  }

  shortlist(needId: string, language: Language): Promise<NeedMatches> {
    return this.call('matching', `/needs/${encodeURIComponent(needId)}/matches?limit=200&lang=${language}`);
  }

  decide(needId: string, companyId: string, decision: MatchDecision, reason?: DecisionReason): Promise<Decision> {
    const pair = `/needs/${encodeURIComponent(needId)}/matches/${encodeURIComponent(companyId)}`;
    return this.call('matching', `${pair}/decision`, { decision, ...(reason ? { reason } : {}) });
  }

  /** Whether the key may run admin actions (decisions, rematch): dashboard keys read only. */
  async isAdmin(): Promise<boolean> {
    try {
      await this.call('matching', '/admin/rematch?limit=1');
      return true;
    } catch (error) {
      if (error instanceof ApiError && error.status === 403) return false;
      throw error;
    }
  }

  startRematch(): Promise<{ jobId: string }> {
    return this.call('matching', '/admin/rematch', { scope: 'all', reason: 'dashboard' });
  }

  rematchJob(jobId: string): Promise<RematchJob> {
    return this.call('matching', `/admin/rematch/${encodeURIComponent(jobId)}`);
  }

  /** A one-minute token standing for this key on the stream: EventSource cannot send `Authorization`. */
  async streamUrl(lastEventId: string | undefined): Promise<string> {
    const { token } = await this.call<{ token: string }>('matching', '/matches/stream/tokens', {});
    const query = new URLSearchParams({ access_token: token });
    if (lastEventId !== undefined) query.set('lastEventId', lastEventId);
    return `/api/matching/matches/stream?${query.toString()}`;
  }
}
