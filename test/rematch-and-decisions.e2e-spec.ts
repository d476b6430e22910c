import { describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { deadLetterTopicOf, TOPICS } from '#contracts';
import { aCompany } from './factories/company.factory.js';
import { anRdNeed } from './factories/rd-need.factory.js';
import { EventPublisher } from './utils/event-publisher.js';
import { expectEventually } from './utils/expect-eventually.js';
import { DEV_DASHBOARD_KEY, http } from './utils/http.js';
import { KafkaCapture } from './utils/kafka-capture.js';
import { ServiceProcess, useServices } from './utils/service-process.js';
import { testEnv } from './utils/test-env.js';

interface Stored {
  id: string;
  version: number;
}

interface Job {
  id: string;
  status: string;
  requestedBy: string;
  reason: string | null;
  progress: { done: number; total: number };
  attempts: number;
}

interface Pair {
  rank: number | null;
  score: number;
  decision?: { decision: string; reason?: string; companyVersion: number };
}

describe('rematch jobs and decisions', () => {
  const companies = new ServiceProcess('companies', 6);
  const needs = new ServiceProcess('rd-needs', 7);
  const matching = new ServiceProcess('matching', 8, { MATCHING_SHORTLIST_SIZE: '5000' });

  const job = async (jobId: string) => (await http<Job>(`${matching.url}/admin/rematch/${jobId}`)).body;
  const finished = (jobId: string) =>
    expectEventually(
      async () => {
        const current = await job(jobId);
        expect(['completed', 'failed', 'cancelled']).toContain(current.status);
        return current;
      },
      { timeoutMs: 30_000 },
    );

  /** A new need and company, once matching has ranked the pair, and the pair endpoint's URL. */
  const rankedPair = async (): Promise<{ need: Stored; company: Stored; pairUrl: string }> => {
    const need = (await http<Stored>(`${needs.url}/needs`, 'POST', anRdNeed())).body;
    const company = (await http<Stored>(`${companies.url}/companies`, 'POST', aCompany())).body;
    const pairUrl = `${matching.url}/needs/${need.id}/matches/${company.id}`;
    await expectEventually(async () => expect((await http<Pair>(pairUrl)).body.rank).toEqual(expect.any(Number)));
    return { need, company, pairUrl };
  };

  useServices(companies, needs, matching);
  const results = KafkaCapture.use([TOPICS.matchingResults]);

  it('keeps a declined pair out across rematches until the company publishes a new profile version', async () => {
    const need = (await http<Stored>(`${needs.url}/needs`, 'POST', anRdNeed())).body;
    const declined = (await http<Stored>(`${companies.url}/companies`, 'POST', aCompany())).body;
    const kept = (await http<Stored>(`${companies.url}/companies`, 'POST', aCompany())).body;
    const pairUrl = (companyId: string) => `${matching.url}/needs/${need.id}/matches/${companyId}`;
    await expectEventually(async () => {
      expect((await http<Pair>(pairUrl(declined.id))).body.rank).toEqual(expect.any(Number));
      expect((await http<Pair>(pairUrl(kept.id))).body.rank).toEqual(expect.any(Number));
    });

    const decision = await http(`${pairUrl(declined.id)}/decision`, 'POST', {
      decision: 'declined',
      reason: 'too-early-stage',
      note: 'Come back after IND',
    });
    expect(decision).toMatchObject({ status: 200, body: { decision: 'declined' } });
    const afterDecline = (await http<Pair>(pairUrl(declined.id))).body;
    expect(afterDecline.rank).toBeNull();
    expect(afterDecline.decision).toMatchObject({ decision: 'declined', reason: 'too-early-stage', companyVersion: 1 });
    await results.waitFor(
      (message) =>
        message.key === need.id &&
        (message.value as { type: string; payload: { companyId?: string } }).type === 'MatchDecisionRecorded',
    );

    const requested = await http<{ jobId: string; status: string }>(`${matching.url}/admin/rematch`, 'POST', {
      scope: 'all',
      reason: 'weights changed',
    });
    expect(requested.status).toBe(202);
    expect(requested.body.status).toMatch(/queued|running|completed/);
    const done = await finished(requested.body.jobId);
    expect(done).toMatchObject({ status: 'completed', reason: 'weights changed' });
    expect(done.progress.done).toBe(done.progress.total);
    expect((await http<Pair>(pairUrl(declined.id))).body.rank).toBeNull();
    expect((await http<Pair>(pairUrl(kept.id))).body.rank).toEqual(expect.any(Number));

    const updated = await http<Stored>(`${companies.url}/companies/${declined.id}`, 'PATCH', { city: 'Wuxi' });
    expect(updated.body.version).toBe(2);
    await expectEventually(async () =>
      expect((await http<Pair>(pairUrl(declined.id))).body.rank).toEqual(expect.any(Number)),
    );
  }, 60_000);

  it('answers an identical request while a job is queued or running with that job, and lists recent jobs', async () => {
    const body = { scope: 'all', reason: `dedupe ${randomUUID()}` };
    const [first, second] = await Promise.all([
      http<{ jobId: string }>(`${matching.url}/admin/rematch`, 'POST', body),
      http<{ jobId: string }>(`${matching.url}/admin/rematch`, 'POST', body),
    ]);
    expect(second.body.jobId).toBe(first.body.jobId);
    await finished(first.body.jobId);
    const list = await http<{ items: Job[] }>(`${matching.url}/admin/rematch?limit=5`);
    expect(list.body.items.map((item) => item.id)).toContain(first.body.jobId);
    const cancelFinished = await http(`${matching.url}/admin/rematch/${first.body.jobId}/cancel`, 'POST');
    expect(cancelFinished.status).toBe(409);
  }, 60_000);

  it('takes the same request as a RematchRequested command on matching.commands.v1', async () => {
    const publisher = await EventPublisher.connect();
    const reason = `command ${randomUUID()}`;
    await publisher.publish(TOPICS.matchingCommands, 'RematchRequested', 'all', { scope: 'all', reason });
    await publisher.disconnect();
    const fromCommand = await expectEventually(async () => {
      const list = await http<{ items: Job[] }>(`${matching.url}/admin/rematch?limit=20`);
      const found = list.body.items.find((item) => item.reason === reason);
      expect(found).toBeDefined();
      return found!;
    });
    expect(fromCommand.requestedBy).toBe('event:test-partner');
    expect((await finished(fromCommand.id)).status).toBe('completed');
  }, 60_000);

  it('dead-letters a RematchRequested command for a need matching does not hold, and starts no job', async () => {
    const dlq = await KafkaCapture.start([deadLetterTopicOf(TOPICS.matchingCommands)]);
    try {
      const publisher = await EventPublisher.connect();
      const unknownNeed = randomUUID();
      const reason = `unknown need ${unknownNeed}`;
      const eventId = await publisher.publish(TOPICS.matchingCommands, 'RematchRequested', unknownNeed, {
        scope: 'need',
        id: unknownNeed,
        reason,
      });
      await publisher.disconnect();
      const parked = await expectEventually(() => {
        const found = dlq.messages.find((message) => JSON.stringify(message.value).includes(eventId));
        expect(found).toBeDefined();
        return found!;
      });
      expect(parked.headers['dlq-error']).toContain(`R&D need ${unknownNeed} not found`);
      const list = await http<{ items: Job[] }>(`${matching.url}/admin/rematch?limit=50`);
      expect(list.body.items.filter((item) => item.reason === reason)).toEqual([]);
    } finally {
      await dlq.stop();
    }
  }, 60_000);

  it('shows a competitor-conflict reason to admins only', async () => {
    const { need, pairUrl } = await rankedPair();
    const recorded = await http(`${pairUrl}/decision`, 'POST', {
      decision: 'shortlisted',
      reason: 'competitor-conflict',
      note: 'works with a competitor on the same target',
    });
    expect(recorded.status).toBe(200);
    const asAdmin = (await http<Pair & { decision: { note?: string } }>(pairUrl)).body;
    expect(asAdmin.decision).toMatchObject({ decision: 'shortlisted', reason: 'competitor-conflict' });
    const asDashboard = (
      await http<Pair & { decision: { note?: string } }>(pairUrl, 'GET', undefined, { apiKey: DEV_DASHBOARD_KEY })
    ).body;
    expect(asDashboard.decision.decision).toBe('shortlisted');
    expect(asDashboard.decision.reason).toBeUndefined();
    expect(asDashboard.decision.note).toBeUndefined();
    const list = await http<{ matches: (Pair & { companyId: string })[] }>(
      `${matching.url}/needs/${need.id}/matches?limit=200&decision=shortlisted`,
      'GET',
      undefined,
      { apiKey: DEV_DASHBOARD_KEY },
    );
    expect(list.body.matches.map((match) => match.decision?.reason)).toEqual([undefined]);
  }, 30_000);

  it('publishes a decline with an admin-only reason on matching.results.v1 without its reason or note', async () => {
    const { need, company, pairUrl } = await rankedPair();
    const note = `private ${randomUUID()}`;
    const recorded = await http(`${pairUrl}/decision`, 'POST', {
      decision: 'declined',
      reason: 'competitor-conflict',
      note,
    });
    expect(recorded).toMatchObject({ status: 200, body: { reason: 'competitor-conflict', note } });

    type ResultEvent = { type: string; payload: { companyId?: string; removed?: { companyId: string }[] } };
    const published = await results.waitFor(
      (message) =>
        message.key === need.id &&
        (message.value as ResultEvent).type === 'MatchDecisionRecorded' &&
        (message.value as ResultEvent).payload.companyId === company.id,
    );
    expect((published.value as ResultEvent).payload).toMatchObject({ decision: 'declined', companyId: company.id });
    expect((published.value as ResultEvent).payload).not.toHaveProperty('reason');
    expect((published.value as ResultEvent).payload).not.toHaveProperty('note');
    await results.waitFor(
      (message) =>
        message.key === need.id &&
        (message.value as ResultEvent).type === 'ShortlistUpdated' &&
        (message.value as ResultEvent).payload.removed?.some((entry) => entry.companyId === company.id) === true,
    );
    const onTopic = JSON.stringify(results.messages.filter((message) => message.key === need.id));
    expect(onTopic).not.toContain(note);
    expect(onTopic).not.toContain('competitor-conflict');
  }, 30_000);

  it('filters a shortlist by minimum score, country, sector and decision', async () => {
    const need = (await http<Stored>(`${needs.url}/needs`, 'POST', anRdNeed())).body;
    const british = (await http<Stored>(`${companies.url}/companies`, 'POST', aCompany({ country: 'GB' }))).body;
    const chinese = (await http<Stored>(`${companies.url}/companies`, 'POST', aCompany({ country: 'CN' }))).body;
    const mine = new Set([british.id, chinese.id]);
    const list = async (query: string) =>
      (
        await http<{ matches: { companyId: string; score: number; decision?: { decision: string } }[] }>(
          `${matching.url}/needs/${need.id}/matches?limit=200&${query}`,
        )
      ).body.matches;
    await expectEventually(async () =>
      expect((await list('')).filter((match) => mine.has(match.companyId))).toHaveLength(2),
    );
    expect((await list('country=CN')).map((match) => match.companyId)).toContain(chinese.id);
    expect((await list('country=CN')).map((match) => match.companyId)).not.toContain(british.id);
    expect((await list('sector=diagnostics')).filter((match) => mine.has(match.companyId))).toEqual([]);
    expect((await list('sector=therapeutics')).filter((match) => mine.has(match.companyId))).toHaveLength(2);
    const threshold = (await list('')).find((match) => match.companyId === british.id)!.score;
    expect((await list(`minScore=${threshold}`)).every((match) => match.score >= threshold)).toBe(true);

    await http(`${matching.url}/needs/${need.id}/matches/${chinese.id}/decision`, 'POST', { decision: 'accepted' });
    const accepted = await list('decision=accepted');
    expect(accepted.map((match) => match.companyId)).toEqual([chinese.id]);
    expect(accepted[0]?.decision?.decision).toBe('accepted');
    expect((await list('decision=none')).map((match) => match.companyId)).not.toContain(chinese.id);
    expect((await http(`${matching.url}/needs/${need.id}/matches?minScore=2`)).status).toBe(400);
  }, 60_000);

  it('queues a full rematch by itself when stored shortlists were made by another algorithm version', async () => {
    const { need } = await rankedPair();
    const database = new pg.Client({ connectionString: testEnv().databaseUrl });
    await database.connect();
    try {
      await database.query(
        `UPDATE matching.shortlist_entry SET algorithm_version = 'pm-0.0.0+old' WHERE need_id = $1`,
        [need.id],
      );
      await matching.stop();
      await matching.start();
      const system = await expectEventually(
        async () => {
          const list = await http<{ items: Job[] }>(`${matching.url}/admin/rematch?limit=20`);
          const found = list.body.items.find((item) => item.requestedBy === 'system' && item.status === 'completed');
          expect(found?.reason).toMatch(/algorithm version changed/);
          return found!;
        },
        { timeoutMs: 30_000 },
      );
      expect(system.progress.done).toBe(system.progress.total);
      const { rows } = await database.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM matching.shortlist_entry WHERE algorithm_version = 'pm-0.0.0+old'`,
      );
      expect(rows[0]?.n).toBe(0);
    } finally {
      await database.end();
    }
  }, 90_000);

  it('rejects invalid requests naming the field, and unknown jobs with 404', async () => {
    const badScope = await http<{ errors: { field: string }[] }>(`${matching.url}/admin/rematch`, 'POST', {
      scope: 'everything',
    });
    expect(badScope.status).toBe(400);
    expect(badScope.body.errors.map((error) => error.field)).toContain('scope');
    const missingId = await http<{ errors: { field: string }[] }>(`${matching.url}/admin/rematch`, 'POST', {
      scope: 'need',
    });
    expect(missingId.status).toBe(400);
    expect(missingId.body.errors.map((error) => error.field)).toContain('id');
    expect((await http(`${matching.url}/admin/rematch/${randomUUID()}`)).status).toBe(404);
    expect((await http(`${matching.url}/admin/rematch/not-a-uuid`)).status).toBe(400);
    const badDecision = await http<{ errors: { field: string }[] }>(
      `${matching.url}/needs/${randomUUID()}/matches/${randomUUID()}/decision`,
      'POST',
      { decision: 'maybe' },
    );
    expect(badDecision.status).toBe(400);
    expect(badDecision.body.errors.map((error) => error.field)).toContain('decision');
  });
});
