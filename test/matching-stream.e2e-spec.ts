import { afterEach, describe, expect, it } from '@jest/globals';
import type { CompanyProfileFields, RdNeedFields, StoredEntityFields } from '#contracts';
import { aCompany, aDiagnosticsCompany } from './factories/company.factory.js';
import { aDiagnosticsNeed, anRdNeed } from './factories/rd-need.factory.js';
import { expectEventually } from './utils/expect-eventually.js';
import { DEV_DASHBOARD_KEY, DEV_PARTNER_KEY, http } from './utils/http.js';
import { SHORTLIST_CHANGE_FIELDS } from './utils/match-views.js';
import { ServiceProcess, useServices } from './utils/service-process.js';

interface EntryChange {
  companyId: string;
  rank?: number;
  previousRank?: number;
  score?: number;
}

interface ShortlistChange {
  needId: string;
  algorithmVersion: string;
  computedAt: string;
  added: EntryChange[];
  removed: EntryChange[];
  moved: EntryChange[];
  eventId: string;
}

interface StreamEvent {
  readonly type: string;
  readonly id: string | undefined;
  readonly data: unknown;
}

/** An SSE client over fetch: reads the body as it arrives and keeps every event and comment it parses. */
class EventStreamReader {
  readonly events: StreamEvent[] = [];
  readonly comments: string[] = [];
  private readonly abort = new AbortController();
  private reading: Promise<void> = Promise.resolve();

  private constructor(readonly url: string) {}

  static async open(
    url: string,
    apiKey: string | null = DEV_DASHBOARD_KEY,
    lastEventId?: string,
  ): Promise<EventStreamReader> {
    const reader = new EventStreamReader(url);
    const response = await fetch(url, {
      headers: {
        accept: 'text/event-stream',
        ...(apiKey === null ? {} : { authorization: `Bearer ${apiKey}` }),
        ...(lastEventId === undefined ? {} : { 'last-event-id': lastEventId }),
      },
      signal: reader.abort.signal,
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    reader.reading = reader.read(response.body!);
    return reader;
  }

  /** The shortlist changes received so far. */
  get changes(): ShortlistChange[] {
    return this.events
      .filter((event) => event.type === 'shortlist-updated')
      .map((event) => event.data as ShortlistChange);
  }

  /** Resolves once the server reads the results topic, so every change from now on reaches this stream. */
  async ready(): Promise<void> {
    await expectEventually(() => expect(this.events.map((event) => event.type)).toContain('ready'), {
      timeoutMs: 20_000,
    });
  }

  async close(): Promise<void> {
    this.abort.abort();
    await this.reading;
  }

  private async read(body: ReadableStream<Uint8Array>): Promise<void> {
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for await (const chunk of body) {
        buffer += decoder.decode(chunk, { stream: true }).replace(/\r\n?/g, '\n');
        for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
          this.parse(buffer.slice(0, end));
          buffer = buffer.slice(end + 2);
        }
      }
    } catch (error) {
      if (!this.abort.signal.aborted) throw error;
    }
  }

  private parse(block: string): void {
    let type = 'message';
    let id: string | undefined;
    const data: string[] = [];
    for (const line of block.split('\n')) {
      if (line.startsWith(':')) this.comments.push(line.slice(1).trim());
      else if (line.startsWith('event:')) type = line.slice(6).trim();
      else if (line.startsWith('id:')) id = line.slice(3).trim();
      else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''));
    }
    if (data.length > 0) this.events.push({ type, id, data: JSON.parse(data.join('\n')) });
  }
}

const names = (change: ShortlistChange, companyId: string): boolean =>
  [...change.added, ...change.moved].some((entry) => entry.companyId === companyId);

type Stored = StoredEntityFields;

describe('GET /matches/stream: live shortlist changes from matching.results.v1', () => {
  const companies = new ServiceProcess('companies', 51);
  const needs = new ServiceProcess('rd-needs', 52);
  // Other e2e files leave many look-alike companies in the shared database; a long shortlist keeps ours on it.
  const matching = new ServiceProcess('matching', 53, { MATCHING_SHORTLIST_SIZE: '5000' });
  const streams: EventStreamReader[] = [];

  const openStream = async (query = '', lastEventId?: string): Promise<EventStreamReader> => {
    const stream = await EventStreamReader.open(
      `${matching.url}/matches/stream${query}`,
      DEV_DASHBOARD_KEY,
      lastEventId,
    );
    streams.push(stream);
    return stream;
  };

  /** Creates the need, then waits until matching holds it, so the companies created next are scored against it. */
  const createNeed = async (body: RdNeedFields): Promise<Stored> => {
    const need = await http<Stored>(`${needs.url}/needs`, 'POST', body);
    expect(need.status).toBe(201);
    await expectEventually(async () =>
      expect((await http(`${matching.url}/needs/${need.body.id}/matches?limit=1`)).status).toBe(200),
    );
    return need.body;
  };

  const createCompany = async (body: CompanyProfileFields): Promise<Stored> => {
    const company = await http<Stored>(`${companies.url}/companies`, 'POST', body);
    expect(company.status).toBe(201);
    return company.body;
  };

  useServices(companies, needs, matching);

  afterEach(async () => {
    await Promise.all(streams.splice(0).map((stream) => stream.close()));
  });

  it("streams the change a new company makes to its need's shortlist, and only to streams that want that need", async () => {
    const need = await createNeed(aDiagnosticsNeed());
    const otherNeed = await createNeed(anRdNeed());
    const [filtered, other, everything] = await Promise.all([
      openStream(`?needId=${need.id}`),
      openStream(`?needId=${otherNeed.id}`),
      openStream(),
    ]);
    await Promise.all([filtered.ready(), other.ready(), everything.ready()]);

    const company = await createCompany(aDiagnosticsCompany());

    const change = await expectEventually(
      () => {
        const found = filtered.changes.find((candidate) => names(candidate, company.id));
        if (!found) throw new Error(`no change naming ${company.id} among ${filtered.changes.length}`);
        return found;
      },
      { timeoutMs: 10_000 },
    );
    expect(Object.keys(change)).toEqual(SHORTLIST_CHANGE_FIELDS);
    expect(change).toMatchObject({ needId: need.id, algorithmVersion: expect.any(String) });
    expect(change.eventId).toMatch(/^[0-9a-f-]{36}$/);
    expect(Number.isNaN(Date.parse(change.computedAt))).toBe(false);
    const event = filtered.events.find((candidate) => (candidate.data as ShortlistChange).eventId === change.eventId);
    expect(event?.id).toBe(change.eventId);
    expect(filtered.changes.every((candidate) => candidate.needId === need.id)).toBe(true);

    // A later change on the other need shows that stream was still reading when ours went by: it would have come first.
    const sentinel = await createCompany(aCompany());
    await expectEventually(
      () =>
        expect(
          other.changes.some((candidate) => candidate.needId === otherNeed.id && names(candidate, sentinel.id)),
        ).toBe(true),
      { timeoutMs: 10_000 },
    );
    expect(other.changes.map((candidate) => candidate.eventId)).not.toContain(change.eventId);
    expect(other.changes.every((candidate) => candidate.needId === otherNeed.id)).toBe(true);

    const seenByAll = everything.changes.map((candidate) => candidate.eventId);
    expect(seenByAll).toContain(change.eventId);
    await expectEventually(() =>
      expect(
        everything.changes.some((candidate) => candidate.needId === otherNeed.id && names(candidate, sentinel.id)),
      ).toBe(true),
    );
  }, 60_000);

  it('resumes after Last-Event-ID with the changes missed while disconnected, without asking to reload', async () => {
    const need = await createNeed(aDiagnosticsNeed());
    const first = await openStream(`?needId=${need.id}`);
    await first.ready();
    const seen = await createCompany(aDiagnosticsCompany());
    const lastSeen = await expectEventually(() => {
      const found = first.changes.find((candidate) => names(candidate, seen.id));
      if (!found) throw new Error(`no change naming ${seen.id} yet`);
      return found;
    });
    await first.close();

    const missed = await createCompany(aDiagnosticsCompany());
    // Wait until the change was published (a fresh stream gets no replay, so read it through REST).
    await expectEventually(async () =>
      expect(
        (await http<{ rank?: number }>(`${matching.url}/needs/${need.id}/matches/${missed.id}`)).body.rank,
      ).toEqual(expect.any(Number)),
    );
    const resumed = await openStream(`?needId=${need.id}`, lastSeen.eventId);
    const caughtUp = await expectEventually(() => {
      const found = resumed.changes.find((candidate) => names(candidate, missed.id));
      if (!found) throw new Error(`no change naming ${missed.id} after resuming`);
      return found;
    });
    expect(resumed.comments[0]).toBe('resumed');
    expect(resumed.events.map((event) => event.type)).not.toContain('ready');
    expect(resumed.changes.map((change) => change.eventId)).not.toContain(lastSeen.eventId);
    expect(caughtUp.needId).toBe(need.id);

    const unknown = await openStream(`?needId=${need.id}`, 'not-a-recent-id');
    await unknown.ready();
    expect(unknown.comments[0]).toBe('connected');
  }, 60_000);

  it('lets a browser open the stream with a short-lived token in the query, on the stream only', async () => {
    const issued = await http<{ token: string; expiresAt: string }>(
      `${matching.url}/matches/stream/tokens`,
      'POST',
      undefined,
      { apiKey: DEV_DASHBOARD_KEY },
    );
    expect(issued.status).toBe(201);
    expect(Date.parse(issued.body.expiresAt)).toBeGreaterThan(Date.now());
    const stream = await EventStreamReader.open(
      `${matching.url}/matches/stream?access_token=${encodeURIComponent(issued.body.token)}`,
      null,
    );
    streams.push(stream);
    await stream.ready();

    const elsewhere = await http(
      `${matching.url}/matches/stream/tokens?access_token=${issued.body.token}`,
      'POST',
      undefined,
      {
        apiKey: null,
      },
    );
    const forged = await fetch(`${matching.url}/matches/stream?access_token=${issued.body.token}x`);
    const asPartner = await http(`${matching.url}/matches/stream/tokens`, 'POST', undefined, {
      apiKey: DEV_PARTNER_KEY,
    });
    expect([elsewhere.status, forged.status, asPartner.status]).toEqual([401, 401, 403]);
    await forged.body?.cancel();
  }, 30_000);

  it('opens with a comment at once, so clients know the stream is up before any change', async () => {
    const stream = await openStream();
    await expectEventually(() => expect(stream.comments).toContain('connected'));
  });

  it('answers 400 naming the field for a malformed needId', async () => {
    const response = await http<{ code: string; errors: { field: string }[] }>(
      `${matching.url}/matches/stream?needId=not-a-uuid`,
    );
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('VALIDATION.FAILED');
    expect(response.body.errors.map((error) => error.field)).toEqual(['needId']);
  });

  it('is not for partner keys', async () => {
    const response = await http(`${matching.url}/matches/stream`, 'GET', undefined, { apiKey: DEV_PARTNER_KEY });
    expect(response.status).toBe(403);
  });
});
