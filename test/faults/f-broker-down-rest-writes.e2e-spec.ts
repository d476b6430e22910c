import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { TOPICS } from '#contracts';
import { aCompany } from '../factories/company.factory.js';
import { BrokerControl } from '../utils/broker-control.js';
import { rdNeedUpserted, TestEventProducer } from '../utils/company-events.js';
import { expectEveryEventAppliedOnce } from '../utils/delivery-check.js';
import { expectEventually } from '../utils/expect-eventually.js';
import { http } from '../utils/http.js';
import { IntakeTotals } from '../utils/intake-metrics.js';
import { MatchingProbe, PROJECTIONS_CONSUMER, VersionWatcher } from '../utils/matching-probe.js';
import { reportServiceProblems } from '../utils/service-logs.js';
import { ServiceProcess } from '../utils/service-process.js';

describe('fault (f): the broker down while REST writes continue', () => {
  const broker = new BrokerControl();
  const companies = new ServiceProcess('companies', 37);
  const matching = new ServiceProcess('matching', 38);
  const producer = new TestEventProducer();
  const intake = new IntakeTotals(PROJECTIONS_CONSUMER);
  let probe: MatchingProbe;
  let finished = false;

  beforeAll(async () => {
    await broker.ensureRunning();
    probe = await MatchingProbe.connect();
    await Promise.all([companies.start(), matching.start()]);
  }, 120_000);

  afterAll(async () => {
    if (!finished) reportServiceProblems([companies, matching]);
    await broker.ensureRunning();
    await Promise.all([companies.stop(), matching.stop()]);
    await producer.disconnect();
    await probe?.close();
  }, 120_000);

  it('keeps accepting writes, holds their events in the outbox and drains it once the broker is back', async () => {
    const needId = randomUUID();
    await producer.send(TOPICS.rdNeeds, [rdNeedUpserted(needId)]);
    await expectEventually(async () => expect((await probe.needVersions([needId])).get(needId)).toBe(1));

    const pids = [companies.pid, matching.pid];
    const ids: string[] = [];
    const watcher = new VersionWatcher(probe, ids).start();
    await broker.stop('SIGTERM');
    let slowestWriteMs = 0;
    const write = async (method: string, path: string, body: object) => {
      const startedAt = Date.now();
      const response = await http<{ id: string; name: string }>(`${companies.url}${path}`, method, body);
      slowestWriteMs = Math.max(slowestWriteMs, Date.now() - startedAt);
      expect({ method, path, status: response.status }).toEqual({
        method,
        path,
        status: method === 'POST' ? 201 : 200,
      });
      return response.body;
    };
    for (let i = 0; i < 10; i++) {
      const created = await write('POST', '/companies', aCompany());
      ids.push(created.id);
      await write('PATCH', `/companies/${created.id}`, { name: `${created.name} v2` });
      await write('PUT', `/companies/${created.id}`, aCompany({ name: `${created.name} v3` }));
    }
    const waiting = await probe.unpublished('companies', ids);
    expect(waiting).toBe(30);

    const backAt = Date.now();
    await broker.start();
    await expectEventually(async () => expect(await probe.unpublished('companies', ids)).toBe(0), {
      timeoutMs: 60_000,
      intervalMs: 100,
    });
    const drainMs = Date.now() - backAt;

    await expectEveryEventAppliedOnce('f: broker down during REST writes', {
      probe,
      events: [...producer.produced, ...(await probe.outboxCompanyEvents('companies', ids))],
      watcher,
      pair: { matchingUrl: matching.url, needId },
      intake: () => intake.peek([matching.url]),
      extra: { restWritesWhileDown: 30, waitingInOutbox: waiting, slowestWriteMs, drainMs },
    });
    // Nobody restarted either service: both rode the outage out.
    expect([companies.pid, matching.pid]).toEqual(pids);
    finished = true;
  }, 180_000);
});
