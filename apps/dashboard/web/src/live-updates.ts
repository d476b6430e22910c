import type { DashboardApi, ShortlistChange } from './api.js';

export type LiveState = 'connecting' | 'live' | 'offline';

export interface LiveHandlers {
  readonly onState: (state: LiveState) => void;
  /** The stream starts, or restarts after a gap: what is shown may be stale, reload it. */
  readonly onReady: () => void;
  readonly onChange: (change: ShortlistChange) => void;
}

const RECONNECT_DELAY_MS = 2_000;

/**
 * The live shortlist stream in the browser: a token from `POST /matches/stream/tokens` (EventSource cannot send
 * `Authorization`), then `EventSource` on `?access_token=`. EventSource's own reconnect would reuse the token,
 * which lapses after a minute, so a dropped stream is reopened here with a fresh token and `?lastEventId=` of the
 * last change seen: the server replays what was missed, or sends `ready` (reload) when it no longer holds that id.
 */
export class LiveUpdates {
  private source: EventSource | undefined;
  private lastEventId: string | undefined;
  private retry: number | undefined;
  private stopped = false;

  constructor(
    private readonly api: DashboardApi,
    private readonly handlers: LiveHandlers,
  ) {}

  start(): void {
    void this.connect();
  }

  stop(): void {
    this.stopped = true;
    this.source?.close();
    window.clearTimeout(this.retry);
  }

  private async connect(): Promise<void> {
    this.handlers.onState('connecting');
    const resumeFrom = this.lastEventId;
    let url: string;
    try {
      url = await this.api.streamUrl(resumeFrom);
    } catch {
      return this.reconnectLater();
    }
    if (this.stopped) return;
    const source = new EventSource(url);
    this.source = source;
    // A resumed stream sends no `ready`: it carries on from the last change seen.
    source.onopen = () => {
      if (resumeFrom !== undefined) this.handlers.onState('live');
    };
    source.addEventListener('ready', () => {
      this.handlers.onState('live');
      this.handlers.onReady();
    });
    source.addEventListener('shortlist-updated', (event) => {
      if (event.lastEventId) this.lastEventId = event.lastEventId;
      this.handlers.onChange(JSON.parse(event.data as string) as ShortlistChange);
    });
    source.onerror = () => {
      source.close();
      this.reconnectLater();
    };
  }

  private reconnectLater(): void {
    if (this.stopped) return;
    this.handlers.onState('offline');
    this.retry = window.setTimeout(() => void this.connect(), RECONNECT_DELAY_MS);
  }
}
