import { describe, expect, it } from '@jest/globals';
import { aCompany } from '../factories/company.factory.js';
import { expectEventually } from '../utils/expect-eventually.js';
import { http } from '../utils/http.js';
import { useMatchingFaultHarness } from '../utils/matching-fault-harness.js';

describe('fault (f): the broker down while REST writes continue', () => {
  const harness = useMatchingFaultHarness(38, { companiesPort: 37 });
  const { broker, companies, matching } = harness;

  it('keeps accepting writes, holds their events in the outbox and drains it once the broker is back', async () => {
    const needId = await harness.publishNeed();
    await expectEventually(async () => expect((await harness.probe.needVersions([needId])).get(needId)).toBe(1));

    const pids = [companies.pid, matching.pid];
    const ids: string[] = [];
    const watcher = harness.watch(ids);
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
    const waiting = await harness.probe.unpublished('companies', ids);
    expect(waiting).toBe(30);

    const backAt = Date.now();
    await broker.start();
    await expectEventually(async () => expect(await harness.probe.unpublished('companies', ids)).toBe(0), {
      timeoutMs: 60_000,
      intervalMs: 100,
    });
    const drainMs = Date.now() - backAt;

    await harness.expectAppliedOnce('f: broker down during REST writes', {
      events: await harness.probe.outboxCompanyEvents('companies', ids),
      watcher,
      needId,
      extra: { restWritesWhileDown: 30, waitingInOutbox: waiting, slowestWriteMs, drainMs },
    });
    // Nobody restarted either service: both rode the outage out.
    expect([companies.pid, matching.pid]).toEqual(pids);
    harness.passed();
  }, 180_000);
});
