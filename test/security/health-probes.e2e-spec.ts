import { describe, expect, it } from '@jest/globals';
import { brokerConnectionPorts } from '../utils/broker-connections.js';
import { expectEventually } from '../utils/expect-eventually.js';
import { http } from '../utils/http.js';
import { ServiceProcess, useServices } from '../utils/service-process.js';

describe('health probes', () => {
  const companies = new ServiceProcess('companies', 85);

  useServices(companies);

  it('keeps one broker admin connection however many unauthenticated /health requests arrive', async () => {
    const pid = companies.pid!;
    expect((await http(`${companies.url}/health`, 'GET', undefined, { apiKey: null })).status).toBe(200);
    const before = new Set(await brokerConnectionPorts(pid));
    expect(before.size).toBeGreaterThan(0);

    const seen = new Set<string>();
    let flooding = true;
    const sampler = (async () => {
      while (flooding) for (const port of await brokerConnectionPorts(pid)) seen.add(port);
    })();
    const flood = async (): Promise<number[]> => {
      const statuses: number[] = [];
      for (let request = 0; request < 15; request += 1) {
        statuses.push((await http(`${companies.url}/health`, 'GET', undefined, { apiKey: null })).status);
      }
      return statuses;
    };
    const statuses = (await Promise.all(Array.from({ length: 20 }, flood))).flat();
    flooding = false;
    await sampler;

    expect(statuses.filter((status) => status !== 200)).toEqual([]);
    // The producer, the consumer group and the lag monitor keep theirs too; none is opened per request.
    expect([...seen].filter((port) => !before.has(port))).toEqual([]);
    await expectEventually(async () => expect(new Set(await brokerConnectionPorts(pid))).toEqual(before));
  }, 60_000);
});
